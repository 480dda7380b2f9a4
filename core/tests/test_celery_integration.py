import pytest

from config.celery import ping

pytestmark = pytest.mark.integration


def test_a_real_worker_on_redis_runs_the_ping_task(celery_worker):
    # Given a worker started on the real Redis broker
    # When the web side sends the task
    result = ping.delay("bonjour")
    # Then the worker answers through Redis
    assert result.get(timeout=30) == "bonjour"
