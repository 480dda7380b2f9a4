"""Fixtures shared by every app: Chromium through Playwright, axe-core, the Nu HTML Checker on
every page the browser is served, a real Celery worker, PostgreSQL-only tests."""

import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

from devtools.markup import check_pages, summary


@pytest.fixture
def postgresql_required():
    """What only PostgreSQL does (ICU collations, server-side prepared statements): skipped on
    make test's SQLite fallback, a failure under CI, where PostgreSQL is always there."""
    from django.db import connection

    if connection.vendor != "postgresql":
        if os.environ.get("CI") == "true":
            pytest.fail("This test needs PostgreSQL, which CI provides.")
        pytest.skip("PostgreSQL only (DATABASE_URL=postgres…)")


#: The marker of those tests.
postgresql_only = pytest.mark.usefixtures("postgresql_required")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
PASSWORD = "correct-horse-battery"  # the factories' password (see accounts/tests/factories.py)


def pytest_collection_modifyitems(config, items):
    """Browser tests last: Playwright's event loop then no longer bothers the ORM of others."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from
    # a thread with a running loop unless told it is safe (it is: the loop is idle here).
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


MARKUP_CHECKED = pytest.StashKey[tuple]()


def pytest_terminal_summary(terminalreporter, config):
    if MARKUP_CHECKED in config.stash:
        answers, errors = config.stash[MARKUP_CHECKED]
        terminalreporter.write_line(
            f"Nu HTML Checker: {answers} HTML answers served to the browser tests, {errors} errors"
        )


@pytest.fixture(scope="session")
def served_markup(request):
    """Every HTML answer the browser tests are served (pages and htmx fragments), checked by
    the W3C Nu HTML Checker in one run when the session ends: an error fails the session."""
    served = []
    yield served
    if served:
        errors = check_pages(served)
        request.config.stash[MARKUP_CHECKED] = (len(served), len(errors))
        if errors:
            pytest.fail(summary(errors), pytrace=False)


def record_markup(served, label):
    """A response handler keeping the HTML the server sent (not the DOM scripts made of it)."""

    def record(response):
        kind = response.request.resource_type
        content_type = response.headers.get("content-type", "")
        if kind in ("document", "xhr", "fetch") and response.ok and "text/html" in content_type:
            # A body the browser dropped (its page closed meanwhile) is lost, not an error.
            with contextlib.suppress(Exception):
                served.append((f"{label} {response.url}", response.text()))

    return record


@pytest.fixture
def page(browser, live_server, transactional_db, served_markup, request):
    yield from _page(browser, live_server, served_markup, request.node.name)


@pytest.fixture
def phone_page(browser, live_server, transactional_db, served_markup, request):
    """The same at a phone's width (390 × 844 CSS pixels, an iPhone 12 to 15)."""
    yield from _page(browser, live_server, served_markup, request.node.name, 390, 844)


def _page(browser, live_server, served_markup, label, width=1280, height=900):
    context = browser.new_context(
        base_url=live_server.url, locale="fr-FR", viewport={"width": width, "height": height}
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.on("response", record_markup(served_markup, label))
    csp_violations = []
    page.on(
        "console",
        lambda message: (
            csp_violations.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text and not getattr(page, "axe_running", False)
            else None
        ),
    )
    yield page
    context.close()
    assert not csp_violations, (
        f"The page broke its Content-Security-Policy {len(csp_violations)} times: "
        f"{csp_violations[:5]}"
    )


def login(page, email, password=PASSWORD):
    page.goto("/connexion/")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()


def logout(page):
    """Logs out through the user menu's form, and waits until the site has answered."""
    page.goto("/tableau-de-bord/")
    with page.expect_navigation():
        page.evaluate("() => document.querySelector('form[action$=\"/deconnexion/\"]').submit()")
    page.wait_for_load_state()
    assert page.get_by_role("link", name="Se connecter").first.is_visible()


def axe_violations(page):
    """axe-core's WCAG 2.1 A/AA violations on the current page."""
    # Evaluated through the DevTools protocol: the site's CSP (rightly) refuses inline scripts.
    # axe reads a style sheet's @import-ed sheets (the Django admin's forms.css) through <style>
    # elements of its own, which the CSP refuses too: the page's fixture does not count those.
    page.axe_running = True
    try:
        page.evaluate(AXE.read_text())
        result = page.evaluate(
            """async () => await axe.run(document, {runOnly: {type: "tag",
                values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})"""
        )
    finally:
        page.axe_running = False
    return [
        {
            "id": v["id"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]


def assert_accessible(page, context=""):
    """axe-core on the current page: no WCAG 2.1 A/AA violation."""
    violations = axe_violations(page)
    assert not violations, f"axe violations on {page.url} {context}:\n" + json.dumps(
        violations, indent=2, ensure_ascii=False
    )


@pytest.fixture
def celery_worker(services_required, transactional_db):
    """A real `celery worker` process on the real Redis, reading the test database."""
    with running_worker(settings.REDIS_URL) as process:
        yield process


def database_url() -> str:
    from django.db import connection

    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


@contextlib.contextmanager
def running_worker(redis_url, *, concurrency=2, wait=True, env=None):
    """A `celery worker` process on `redis_url`, reading the test database; waits until it
    answers a ping unless told not to (a worker started while Redis is down)."""
    from config.celery import app

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "CELERY_EAGER": "false",
        "DATABASE_URL": database_url(),
        "REDIS_URL": redis_url,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        **(env or {}),
    }
    if wait:
        app.control.purge()
    log = open(Path(settings.MEDIA_ROOT).parent / "celery-worker-test.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            f"--concurrency={concurrency}",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=INFO",
            f"--hostname=test-{os.getpid()}-{time.monotonic_ns()}@%h",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        deadline = time.monotonic() + 30
        while wait and time.monotonic() < deadline:
            if app.control.ping(timeout=0.5):
                break
            if process.poll() is not None:
                pytest.fail("The Celery worker exited at start-up; see celery-worker-test.log")
        else:
            if wait:
                pytest.fail("The Celery worker did not answer within 30 s")
        yield process
    finally:
        app.conf.task_always_eager = previous
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture(scope="session")
def demo_pages(django_db_setup, django_db_blocker):
    """{account: [(url, html)]}: every page the demo's association administrator (every form of
    an alliance, an evaluation, a diagnostic), network head and platform admin (the Django
    admin's forms) reach by following links, as scripts/smoke_demo.py does. Seeded once for the
    session, then rolled back."""
    from django.core.management import call_command
    from django.db import transaction
    from django.test import Client

    from accounts.models import User
    from devtools.crawl import crawl

    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", verbosity=0)
        pages = {}
        for email, limit in [
            ("admin@demo.faire-alliance.fr", 300),
            ("reseau@demo.faire-alliance.fr", 100),
            ("plateforme@demo.faire-alliance.fr", 100),
            ("partenaire.contributeur@demo.faire-alliance.fr", 60),
        ]:
            client = Client(raise_request_exception=False)
            client.force_login(User.objects.get(email=email))
            result = crawl(client, limit=limit)
            assert not result.failures, result.failures
            pages[email] = [(visit.url, visit.html) for visit in result.pages]
        transaction.set_rollback(True)
    return pages


def seed_demo():
    """The demo's data in a transactional test: the questionnaires their migrations loaded (the
    self-diagnostic's, the health check's) are gone when an earlier transactional test emptied
    the tables."""
    from django.core.management import call_command

    from diagnostics.tests.factories import v1
    from healthchecks import questionnaires

    v1()
    questionnaires.load(questionnaires.read("v1"))
    call_command("seed_demo", verbosity=0)
