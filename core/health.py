"""What /sante/ says: the database, Redis, the workers and the outbox, each well or not."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

#: A worker not heard from for this long is counted as gone (its beat heartbeat is every 30 s).
WORKER_SILENCE = timedelta(seconds=90)
QUEUE = "celery"


def database_status() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return {"ok": True}
    except DatabaseError as error:
        return {"ok": False, "error": str(error)[:200]}


def redis_status() -> dict:
    if not settings.REDIS_URL:
        return {"ok": True, "configured": False}
    import redis

    client = redis.Redis.from_url(
        settings.REDIS_URL,
        socket_timeout=settings.REDIS_TIMEOUT,
        socket_connect_timeout=settings.REDIS_TIMEOUT,
    )
    try:
        return {"ok": True, "configured": True, "queue_length": client.llen(QUEUE)}
    except Exception as error:
        return {"ok": False, "configured": True, "error": str(error)[:200]}
    finally:
        client.close()


def workers_status(now) -> dict:
    from .models import WorkerHeartbeat

    if not settings.REDIS_URL:
        return {"ok": True, "in_process": True, "seen": []}
    seen = [
        {
            "name": hostname,
            "last_heartbeat": seen_at.isoformat(),
            "age_s": int((now - seen_at).total_seconds()),
        }
        for hostname, seen_at in WorkerHeartbeat.objects.values_list("hostname", "seen_at")[:20]
    ]
    alive = [worker for worker in seen if worker["age_s"] <= WORKER_SILENCE.total_seconds()]
    return {"ok": bool(alive), "alive": len(alive), "seen": seen}


def outbox_status(now) -> dict:
    from .models import OutboxMessage

    oldest = OutboxMessage.objects.order_by("pk").values_list("created_at", flat=True).first()
    return {
        "ok": oldest is None,
        "waiting": OutboxMessage.objects.count(),
        "oldest_age_s": int((now - oldest).total_seconds()) if oldest else None,
    }


def health() -> dict:
    now = timezone.now()
    report = {"database": database_status()}
    if not report["database"]["ok"]:
        return {"status": "down", "dégradé": True, **report}
    report |= {
        "redis": redis_status(),
        "workers": workers_status(now),
        "outbox": outbox_status(now),
    }
    degraded = not all(part["ok"] for part in report.values())
    return {"status": "degraded" if degraded else "ok", "dégradé": degraded, **report}
