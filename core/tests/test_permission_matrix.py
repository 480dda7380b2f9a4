"""Every URL pattern × every persona → the expected status. See core/tests/matrix.py.

The world (personas and their objects) is built once for the whole matrix, inside a
transaction kept open around it; each case runs in a savepoint of it and is rolled back, as
Django's TestCase does with setUpTestData. A write that is refused must also leave the
database exactly as it was: every table of the project is fingerprinted before and after.
"""

import copy
from importlib import import_module

import pytest
from django.db import connection, transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from core.apps import project_app_configs
from core.tests.world import BASE_ROLES, build_world

EXCLUDED_NAMESPACES = {"admin"}  # Django's admin guards itself (is_staff) and is not ours.


def _app_matrix_modules():
    for label in (config.label for config in project_app_configs()):
        try:
            yield import_module(f"{label}.tests.matrix_routes")
        except ModuleNotFoundError as error:
            if error.name not in (f"{label}.tests", f"{label}.tests.matrix_routes"):
                raise


MODULES = list(_app_matrix_modules())
ROUTES = [route for module in MODULES for route in module.ROUTES]
# In layer order, but for a module that says it builds on the others' objects (WORLD_LAST:
# the reports of the diagnostics and evaluations).
EXTENDERS = [
    module.extend_world
    for module in sorted(MODULES, key=lambda module: getattr(module, "WORLD_LAST", False))
    if hasattr(module, "extend_world")
]


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


def test_every_url_pattern_of_the_project_is_in_the_matrix():
    covered = {route.name for route in ROUTES}
    missing = sorted(set(_project_url_names()) - covered)
    assert not missing, f"URL patterns missing from the permission matrix: {missing}"


def test_every_route_gives_a_status_for_every_base_role():
    for route in ROUTES:
        absent = set(BASE_ROLES) - set(route.expect)
        assert not absent, f"{route.id} has no expectation for {sorted(absent)}"


def _tables():
    return sorted(
        model._meta.db_table
        for config in project_app_configs()
        for model in config.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    )


def database_fingerprint() -> dict[str, str]:
    """{table: a digest of its whole content}, for every table of the project's apps: one
    query on PostgreSQL (the world is small)."""
    tables = _tables()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            quote = connection.ops.quote_name
            cursor.execute(
                " UNION ALL ".join(
                    f"SELECT %s, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                    f"FROM {quote(table)} t"
                    for table in tables
                ),
                tables,
            )
            return dict(cursor.fetchall())
        fingerprint = {}
        for table in tables:
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            fingerprint[table] = repr(sorted(map(repr, cursor.fetchall())))
        return fingerprint


@pytest.fixture(scope="module")
def matrix_world(django_db_setup, django_db_blocker):
    """The personas and their objects, made once; rolled back when the matrix ends."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            world = build_world()
            for extend in EXTENDERS:
                extend(world)
            yield world
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


CASES = [(route, role) for route in ROUTES for role in route.expect]


def _refused(route, role, status):
    return status in (403, 404) or (role == "anonymous" and status == 302)


@pytest.mark.parametrize(
    ("route", "role"), CASES, ids=[f"{route.id}-{role}" for route, role in CASES]
)
def test_permission_matrix(route, role, client, db, matrix_world):
    world = copy.deepcopy(matrix_world)  # a case may change the objects it was given
    if route.setup:
        route.setup(world)
    user = world.users[role]
    headers = {}
    if route.token:
        if user is not None:
            headers["Authorization"] = f"Bearer {world.api_tokens[role]}"
    elif user is not None:
        client.force_login(user)
    url = reverse(route.name, kwargs=route.kwargs(world))
    if route.query:
        url = f"{url}?{route.query}"
    data = route.data(world) if route.data else {}
    expected = route.expect[role]
    writes = route.method != "get"
    before = database_fingerprint() if writes and _refused(route, role, expected) else None
    response = getattr(client, route.method)(url, data, headers=headers)
    assert response.status_code == expected, (
        f"{role} on {route.method.upper()} {url}: got {response.status_code}, expected {expected}"
    )
    if role == "anonymous" and expected == 302 and route.anonymous_to_login:
        assert "/connexion/" in response["Location"]
    if before is not None:
        after = database_fingerprint()
        changed = sorted(table for table in after if after[table] != before.get(table))
        assert not changed, f"{role} was refused {route.method.upper()} {url} yet changed {changed}"


def test_a_refused_write_that_changed_a_row_would_be_seen(db):
    """The fingerprint sees a change of one value in one row."""
    from organisations.tests.factories import AssociationFactory

    association = AssociationFactory(name="Avant")
    before = database_fingerprint()
    type(association).objects.filter(pk=association.pk).update(name="Après")
    after = database_fingerprint()
    assert [table for table in after if after[table] != before[table]] == [
        association._meta.db_table
    ]
