"""Redis refused or frozen (SIGSTOP: it accepts connections and never answers), on a
redis-server of the test's own: pages render, writes are saved, what had to be queued is kept
in the outbox and sent once Redis is back, and /sante/ says so. Nothing waits longer than the
socket timeouts (settings.REDIS_TIMEOUT)."""

import logging
import time
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from alliances.models import Alliance
from core.models import OutboxMessage, WorkerHeartbeat
from core.outbox import deliver
from core.tests.fixtures import postgresql_only, running_worker, seed_demo
from core.tests.redis_server import redis_server  # noqa: F401 (fixture)
from diagnostics.models import Campaign
from organisations.models import Network
from reports.models import Report
from reports.services import requeue_stale

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

#: A request may wait on Redis for one socket timeout (0.5 s), never more than this in all.
PATIENCE = 2.0


@pytest.fixture
def broker_on(redis_server, settings):  # noqa: F811
    """Celery, the cache and /sante/ pointed at the test's own redis-server."""
    from config.celery import app

    saved = (app.conf.broker_url, app.conf.task_always_eager)
    settings.REDIS_URL = redis_server.url
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.QuietRedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {
                "socket_timeout": settings.REDIS_TIMEOUT,
                "socket_connect_timeout": settings.REDIS_TIMEOUT,
            },
        }
    }
    app.conf.broker_url = redis_server.url
    app.conf.task_always_eager = False
    _forget_connections(app)
    yield redis_server
    app.conf.broker_url, app.conf.task_always_eager = saved
    _forget_connections(app)


def _forget_connections(app):
    """Celery's pool lives in kombu's global pools, keyed by the broker's address: closing it
    alone left a closed pool there for a later test whose redis-server got the same port
    (« Acquire on closed pool »). Close them all and empty the groups."""
    from kombu import pools

    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None


def timed(call):
    started = time.monotonic()
    result = call()
    return result, time.monotonic() - started


def queued_tasks(server) -> int:
    return server.command("LLEN", "celery")


def key_pages():
    """The key pages of the demo and who sees them: {name: (e-mail, URL)}."""
    admin = "admin@demo.faire-alliance.fr"
    head = "reseau@demo.faire-alliance.fr"
    association = User.objects.get(email=admin).memberships.get().association
    alliance = Alliance.objects.filter(lead=association).order_by("pk").first()
    closed = Campaign.objects.filter(association=association, status="closed").first()
    network = Network.objects.get(heads__user__email=head)
    return {
        "dashboard": (admin, reverse("accounts:dashboard")),
        "my account": (admin, reverse("accounts:profile")),
        "campaigns": (admin, reverse("diagnostics:campaign_list", args=[association.pk])),
        "campaign results": (admin, reverse("diagnostics:campaign_detail", args=[closed.pk])),
        "alliance file": (admin, reverse("alliances:alliance_detail", args=[alliance.pk])),
        "alliance step": (admin, reverse("alliances:alliance_step", args=[alliance.pk, 2])),
        "action plan": (admin, reverse("alliances:action_plan", args=[alliance.pk])),
        "indicators": (admin, reverse("evaluation:indicators", args=[alliance.pk])),
        "reports": (admin, reverse("reports:list", args=["diagnostic", closed.pk])),
        "network dashboard": (head, reverse("networks:network_detail", args=[network.pk])),
        "network picture": (head, reverse("networks:network_picture", args=[network.pk])),
    }


def visit_all(pages):
    clients = {}
    answers = {}
    for name, (email, url) in pages.items():
        if email not in clients:
            clients[email] = Client(raise_request_exception=False)
            clients[email].force_login(User.objects.get(email=email))
        response, seconds = timed(lambda c=clients[email], u=url: c.get(u))
        answers[name] = (response.status_code, seconds)
    return answers


def test_a_cache_down_or_frozen_is_a_miss_within_the_timeout_logged_once(broker_on, caplog):
    # Given a cache that works
    cache.set("probe", 1)
    assert cache.get("probe") == 1
    # When Redis is refused, then frozen
    broker_on.stop()
    with caplog.at_level(logging.WARNING, logger="core.cache"):
        assert cache.get("probe", "missing") == "missing"
        cache.set("probe", 2)
        assert cache.get_many(["probe"]) == {}
        broker_on.start()
        broker_on.freeze()
        value, seconds = timed(lambda: cache.get("probe"))
    broker_on.thaw()
    # Then each call is a miss after one socket timeout at most, and the outage logged once
    assert value is None
    assert seconds < 1.0
    assert len([r for r in caplog.records if r.name == "core.cache"]) == 1


@postgresql_only
def test_every_key_page_renders_with_redis_stopped_and_frozen(broker_on):
    seed_demo()
    pages = key_pages()
    # Redis refused
    broker_on.stop()
    stopped = visit_all(pages)
    assert {name: code for name, (code, _s) in stopped.items() if code != 200} == {}
    # Redis frozen: it accepts connections and never answers
    broker_on.start()
    broker_on.freeze()
    try:
        frozen = visit_all(pages)
    finally:
        broker_on.thaw()
    assert {name: code for name, (code, _s) in frozen.items() if code != 200} == {}
    slow = {name: round(s, 2) for name, (_c, s) in frozen.items() if s > PATIENCE}
    assert slow == {}


def _reset_password(client, email):
    return timed(lambda: client.post(reverse("accounts:password_reset"), {"email": email}))


def test_emails_asked_for_while_redis_is_down_or_frozen_are_kept_and_sent_when_it_is_back(
    broker_on,
):
    # Given an account that forgot its password
    from accounts.tests.factories import UserFactory

    user = UserFactory(email="oubli@example.org")
    client = Client(raise_request_exception=False)
    # When it asks for the reset e-mail while Redis is refused, then frozen
    broker_on.stop()
    refused, refused_seconds = _reset_password(client, user.email)
    broker_on.start()
    broker_on.freeze()
    try:
        frozen, frozen_seconds = _reset_password(client, user.email)
    finally:
        broker_on.thaw()
    # Then both requests answer as usual, at once, and both e-mails wait in the outbox
    assert (refused.status_code, frozen.status_code) == (302, 302)
    assert refused_seconds < PATIENCE and frozen_seconds < PATIENCE
    assert (
        list(OutboxMessage.objects.values_list("task", flat=True))
        == ["core.send_templated_email"] * 2
    )
    assert queued_tasks(broker_on) == 0
    # When Redis is back and the outbox is delivered (beat, or a worker starting)
    assert deliver() == 2
    # Then both e-mails are in the queue, and the outbox is empty
    assert queued_tasks(broker_on) == 2
    assert not OutboxMessage.objects.exists()


@postgresql_only
def test_the_pdf_button_answers_at_once_with_redis_frozen_and_the_report_is_sent_later(
    broker_on,
):
    seed_demo()
    admin = User.objects.get(email="admin@demo.faire-alliance.fr")
    campaign = Campaign.objects.filter(
        association=admin.memberships.get().association, status="closed"
    ).first()
    client = Client(raise_request_exception=False)
    client.force_login(admin)
    broker_on.freeze()
    try:
        response, seconds = timed(
            lambda: client.post(reverse("reports:request", args=["diagnostic", campaign.pk]))
        )
    finally:
        broker_on.thaw()
    assert response.status_code == 302
    assert seconds < PATIENCE
    report = Report.objects.latest("pk")
    assert report.status == Report.Status.QUEUED
    # The sweep (beat) sends it once Redis answers again (with the demo's own reports, sent
    # when seed_demo committed)
    before = queued_tasks(broker_on)
    sent = requeue_stale(now=timezone.now() + timedelta(minutes=3))
    assert report.pk in sent
    assert queued_tasks(broker_on) == before + len(sent)


@postgresql_only
def test_a_worker_starting_sends_what_the_outbox_kept(broker_on):
    # Given a task kept in the outbox while Redis was down
    OutboxMessage.objects.create(task="config.ping", args=["encore"])
    # When a worker starts on the Redis that is back
    with running_worker(broker_on.url, concurrency=1):
        deadline = time.monotonic() + 30
        while OutboxMessage.objects.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        # Then it has sent the outbox and said it is alive
        assert not OutboxMessage.objects.exists()
        assert WorkerHeartbeat.objects.exists()


def test_health_stays_200_and_says_degraded_while_redis_is_down_or_frozen(broker_on):
    client = Client()
    WorkerHeartbeat.objects.all().delete()
    WorkerHeartbeat.objects.create(hostname="celery@test", seen_at=timezone.now())
    well = client.get(reverse("core:health")).json()
    assert well["dégradé"] is False, well
    assert well["redis"]["queue_length"] == 0
    assert well["workers"]["alive"] == 1

    broker_on.stop()
    response = client.get(reverse("core:health"))
    assert response.status_code == 200
    assert response.json()["dégradé"] is True
    assert response.json()["redis"]["ok"] is False

    broker_on.start()
    broker_on.freeze()
    try:
        response, seconds = timed(lambda: client.get(reverse("core:health")))
    finally:
        broker_on.thaw()
    assert response.status_code == 200 and response.json()["dégradé"] is True
    assert seconds < PATIENCE

    OutboxMessage.objects.create(task="config.ping")
    waiting = client.get(reverse("core:health")).json()
    assert waiting["dégradé"] is True and waiting["outbox"]["waiting"] == 1
