"""Every URL pattern × every persona → the expected status. See core/tests/matrix.py."""

from importlib import import_module

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from core.navigation import PROJECT_APPS
from core.tests.world import BASE_ROLES, build_world

EXCLUDED_NAMESPACES = {"admin"}  # Django's admin guards itself (is_staff) and is not ours.


def _app_matrix_modules():
    for label in PROJECT_APPS:
        try:
            yield import_module(f"{label}.tests.matrix_routes")
        except ModuleNotFoundError as error:
            if error.name != f"{label}.tests.matrix_routes":
                raise


MODULES = list(_app_matrix_modules())
ROUTES = [route for module in MODULES for route in module.ROUTES]


def _project_url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace
            if ns in EXCLUDED_NAMESPACES:
                continue
            full = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from _project_url_names(pattern, full)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def _build(world_extenders):
    world = build_world()
    for extend in world_extenders:
        extend(world)
    return world


EXTENDERS = [module.extend_world for module in MODULES if hasattr(module, "extend_world")]


def test_every_url_pattern_of_the_project_is_in_the_matrix():
    covered = {route.name for route in ROUTES}
    missing = sorted(set(_project_url_names()) - covered)
    assert not missing, f"URL patterns missing from the permission matrix: {missing}"


def test_every_route_gives_a_status_for_every_base_role():
    for route in ROUTES:
        absent = set(BASE_ROLES) - set(route.expect)
        assert not absent, f"{route.id} has no expectation for {sorted(absent)}"


CASES = [(route, role) for route in ROUTES for role in route.expect]


@pytest.mark.parametrize(
    ("route", "role"), CASES, ids=[f"{route.id}-{role}" for route, role in CASES]
)
def test_permission_matrix(route, role, client, db):
    world = _build(EXTENDERS)
    if route.setup:
        route.setup(world)
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    url = reverse(route.name, kwargs=route.kwargs(world))
    if route.query:
        url = f"{url}?{route.query}"
    data = route.data(world) if route.data else {}
    response = getattr(client, route.method)(url, data)
    expected = route.expect[role]
    assert response.status_code == expected, (
        f"{role} on {route.method.upper()} {url}: got {response.status_code}, expected {expected}"
    )
    if role == "anonymous" and expected == 302 and route.anonymous_to_login:
        assert "/connexion/" in response["Location"]
