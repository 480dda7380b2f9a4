"""User-written text is never markup: every user-written text of the permission matrix's
world set to ``<b>x</b>``, every page of the matrix rendered for a persona who may see it
(forms with their help texts, labels and choices included), and no ``<b>`` in any of them.
"""

import copy

import pytest
from django.apps import apps
from django.urls import reverse

from core.tests.hostile_world import world_written_with
from core.tests.test_permission_matrix import ROUTES

MARKUP = "<b>x</b>"


def _reader_of(route):
    """A persona the page answers 200 to, the writers first (they see the forms)."""
    for role in ("editor", "assoc_admin", "network_head", "platform_admin", "reader"):
        if route.expect.get(role) == 200:
            return role
    for role, status in route.expect.items():
        if status == 200 and role != "anonymous":
            return role
    return None


# The API's routes answer JSON to a token, not pages to a session (api/tests cover them).
PAGES = [
    route for route in ROUTES if route.method == "get" and _reader_of(route) and not route.token
]


@pytest.fixture(scope="module")
def marked_world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), world_written_with(MARKUP) as world:
        yield world


def test_the_world_really_holds_markup(db, marked_world):
    assert apps.get_model("evaluation", "Indicator").objects.filter(unit=MARKUP).exists()
    assert apps.get_model("organisations", "Association").objects.filter(name=MARKUP).exists()


@pytest.mark.parametrize("route", PAGES, ids=[route.id for route in PAGES])
def test_no_page_renders_user_written_text_as_markup(route, client, db, marked_world):
    world = copy.deepcopy(marked_world)
    if route.setup:
        route.setup(world)
    role = _reader_of(route)
    client.force_login(world.users[role])
    url = reverse(route.name, kwargs=route.kwargs(world))
    if route.query:
        url = f"{url}?{route.query}"
    response = client.get(url)
    assert response.status_code == 200, f"{role} on {url}: {response.status_code}"
    if "html" not in response.get("Content-Type", ""):
        return
    content = response.content.decode()
    assert "<b>" not in content, (
        f"{role} on {url}: markup from the database: "
        f"…{content[max(0, content.index('<b>') - 200) : content.index('<b>') + 40]}…"
    )


@pytest.mark.parametrize("route", PAGES, ids=[route.id for route in PAGES])
def test_no_cache_keeps_a_logged_in_page(route, client, db, marked_world):
    world = copy.deepcopy(marked_world)
    if route.setup:
        route.setup(world)
    client.force_login(world.users[_reader_of(route)])
    url = reverse(route.name, kwargs=route.kwargs(world))
    response = client.get(f"{url}?{route.query}" if route.query else url)
    directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
    assert {"private", "no-store"} <= directives, f"{url}: {response.get('Cache-Control')}"
