"""The outbox without a broker at hand: what cannot be sent is kept, delivered in order, and
beat runs the delivery and the workers' heartbeat."""

from datetime import timedelta

import pytest
from celery.canvas import Signature
from django.conf import settings
from django.core import mail
from django.utils import timezone

from config.celery import app
from core import outbox
from core.models import OutboxMessage, WorkerHeartbeat
from core.tasks import record_heartbeat

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker(monkeypatch):
    """A broker the test switches off and on: sends are recorded instead of published."""
    state = {"up": True, "sent": []}

    def apply_async(self, *args, **kwargs):
        if not state["up"]:
            raise ConnectionRefusedError("Connection refused")
        state["sent"].append((self.task, list(self.args)))

    monkeypatch.setattr(Signature, "apply_async", apply_async)
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    yield state
    app.conf.task_always_eager = eager


def test_without_a_broker_the_email_task_runs_in_the_process_as_before():
    # Celery eager (no REDIS_URL): the task runs here, nothing waits in the outbox
    sent = outbox.send_task(
        "core.send_templated_email",
        ["password_reset", ["oubli@example.org"], {"name": "Zoé", "reset_url": "https://x"}],
    )
    assert sent is True
    assert [message.to for message in mail.outbox] == [["oubli@example.org"]]
    assert not OutboxMessage.objects.exists()


def test_a_task_the_broker_refuses_is_kept_and_delivered_in_order_once_it_is_back(broker):
    broker["up"] = False
    assert outbox.send_task("core.send_templated_email", ["a"]) is False
    assert outbox.send_task("core.send_templated_email", ["b"]) is False
    assert outbox.deliver() == 0
    assert OutboxMessage.objects.get(args=["a"]).attempts == 2
    broker["up"] = True
    assert outbox.deliver() == 2
    assert broker["sent"] == [
        ("core.send_templated_email", ["a"]),
        ("core.send_templated_email", ["b"]),
    ]
    assert not OutboxMessage.objects.exists()


def test_beat_delivers_the_outbox_and_hears_the_workers_every_30_s():
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert schedule["deliver-outbox"] == {"task": "core.deliver_outbox", "schedule": 30.0}
    assert schedule["worker-heartbeat"] == {"task": "core.worker_heartbeat", "schedule": 30.0}


def test_a_heartbeat_is_recorded_and_workers_gone_for_a_day_are_forgotten():
    WorkerHeartbeat.objects.create(hostname="old@gone", seen_at=timezone.now() - timedelta(days=2))
    record_heartbeat("celery@here")
    assert list(WorkerHeartbeat.objects.values_list("hostname", flat=True)) == ["celery@here"]
