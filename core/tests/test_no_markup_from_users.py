"""User-written text is never markup: every user-written text of the permission matrix's
world set to ``<b>x</b>``, every page of the matrix rendered for a persona who may see it
(forms with their help texts, labels and choices included), and no ``<b>`` in any of them.
"""

import pytest
from django.apps import apps
from django.db import models, transaction
from django.urls import reverse

from core.apps import project_app_configs
from core.tests.test_permission_matrix import EXTENDERS, ROUTES
from core.tests.world import build_world

MARKUP = "<b>x</b>"
# Read as codes or identifiers by the code, not free text: rewriting them would break pages
# for reasons that have nothing to do with escaping.
NOT_FREE_TEXT = {"password", "token", "language", "email", "rna", "siren", "siret", "kind", "code"}


def _in_unique_constraints(model):
    names = {name for together in model._meta.unique_together for name in together}
    for constraint in model._meta.constraints:
        names.update(getattr(constraint, "fields", ()) or ())
    return names


def _free_text_fields(model):
    keys = _in_unique_constraints(model)
    for field in model._meta.concrete_fields:
        if not isinstance(field, models.CharField | models.TextField):
            continue
        if isinstance(field, models.EmailField | models.URLField | models.SlugField):
            continue
        if field.choices or field.unique or field.primary_key:
            continue
        if field.max_length is not None and field.max_length < len(MARKUP):
            continue
        if field.name in NOT_FREE_TEXT or field.name in keys or field.name.endswith("_key"):
            continue
        yield field.name


def _write_markup_everywhere():
    for config in project_app_configs():
        for model in config.get_models():
            if not model._meta.managed or model._meta.proxy:
                continue
            for name in _free_text_fields(model):
                # Only texts that were written: an empty one may mean « not this way » to a
                # check constraint.
                rows = model._base_manager.exclude(**{name: ""}).exclude(
                    **{f"{name}__isnull": True}
                )
                rows.update(**{name: MARKUP})


def _reader_of(route):
    """A persona the page answers 200 to, the writers first (they see the forms)."""
    for role in ("editor", "assoc_admin", "network_head", "platform_admin", "reader"):
        if route.expect.get(role) == 200:
            return role
    for role, status in route.expect.items():
        if status == 200 and role != "anonymous":
            return role
    return None


PAGES = [route for route in ROUTES if route.method == "get" and _reader_of(route)]


@pytest.fixture(scope="module")
def marked_world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            world = build_world()
            for extend in EXTENDERS:
                extend(world)
            _write_markup_everywhere()
            yield world
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def test_the_world_really_holds_markup(db, marked_world):
    assert apps.get_model("evaluation", "Indicator").objects.filter(unit=MARKUP).exists()
    assert apps.get_model("organisations", "Association").objects.filter(name=MARKUP).exists()


@pytest.mark.parametrize("route", PAGES, ids=[route.id for route in PAGES])
def test_no_page_renders_user_written_text_as_markup(route, client, db, marked_world):
    import copy

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
