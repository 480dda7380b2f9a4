"""Named personas shared by every app's tests (healthchecks-style): see core/tests/world.py."""

import os

import pytest

from core.tests.world import build_world

pytest_plugins = ["core.tests.fixtures", "organisations.tests.identity_server"]


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def services_required():
    """Integration tests need the real PostgreSQL and Redis; make test provides them."""
    if os.environ.get("FA_SERVICES_MISSING"):
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL and Redis are required under CI.")
        pytest.skip("PostgreSQL/Redis not reachable (make test printed a warning)")
    from django.conf import settings
    from django.db import connection

    if connection.vendor != "postgresql" or not settings.REDIS_URL:
        if os.environ.get("CI") == "true":
            pytest.fail("Integration tests must run on PostgreSQL and Redis under CI.")
        pytest.skip("Integration tests need DATABASE_URL=postgres… and REDIS_URL")
