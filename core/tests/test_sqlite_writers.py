"""make run's default database, SQLite: two requests writing at once both succeed."""

import json
import os
import subprocess
import sys
import threading
import time

import pytest
from django.conf import settings
from django.db import OperationalError, connections, transaction


def make_run_database(path) -> dict:
    """DATABASES["default"] as the settings make for make run's SQLite file (not the tests')."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DATABASE_URL": f"sqlite:///{path}",
    }
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.DATABASES['default'], default=str))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


@pytest.fixture
def sqlite_alias(tmp_path, django_db_blocker):
    """An extra database alias on a SQLite file configured as make run configures it (not
    the test database: the guard of pytest-django is lifted for it alone)."""
    alias = "make_run_sqlite"
    database = make_run_database(tmp_path / "demo.sqlite3")
    connections.settings[alias] = {**connections.settings["default"], **database}
    connections.settings[alias]["ATOMIC_REQUESTS"] = False
    with django_db_blocker.unblock():
        with connections[alias].cursor() as cursor:
            cursor.execute("CREATE TABLE answer (id INTEGER PRIMARY KEY, comment TEXT)")
        connections[alias].close()
        yield alias
        connections[alias].close()
    del connections[alias]
    del connections.settings[alias]


def test_make_run_sqlite_uses_wal_and_immediate_transactions(sqlite_alias):
    database = connections.settings[sqlite_alias]
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    with connections[sqlite_alias].cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 5000


def test_two_concurrent_writers_on_make_run_sqlite_both_succeed(sqlite_alias):
    # Given two requests that each read, then write, in their own transaction (an autosave of
    # a comment and « Axe suivant » saving the axis), overlapping in time
    barrier = threading.Barrier(2)
    errors = []

    def write(comment):
        try:
            barrier.wait(timeout=5)
            with (
                transaction.atomic(using=sqlite_alias),
                connections[sqlite_alias].cursor() as cursor,
            ):
                cursor.execute("SELECT COUNT(*) FROM answer")
                time.sleep(0.3)
                cursor.execute("INSERT INTO answer (comment) VALUES (%s)", [comment])
        except (OperationalError, threading.BrokenBarrierError) as error:
            errors.append(error)
        finally:
            connections[sqlite_alias].close()

    threads = [threading.Thread(target=write, args=(text,)) for text in ("autosave", "next")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    # Then neither is refused with « database is locked »: the second waits for the first
    assert not errors, errors
    with connections[sqlite_alias].cursor() as cursor:
        cursor.execute("SELECT comment FROM answer ORDER BY comment")
        assert [row[0] for row in cursor.fetchall()] == ["autosave", "next"]
