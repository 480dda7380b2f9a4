"""Sending tasks to the broker without ever losing one, nor failing the request, when Redis
is down or frozen: what cannot be sent is kept in the database (`OutboxMessage`) and sent
again by `deliver` once the broker answers (Celery beat every 30 s, and each worker as it
starts, `core.tasks`)."""

from __future__ import annotations

import logging

from celery import current_app, signature
from django.db import transaction

from .models import OutboxMessage

logger = logging.getLogger(__name__)


def send_task(name: str, args=(), kwargs=None) -> bool:
    """Send `name(*args, **kwargs)` to the workers; True when the broker took it, False when
    it went to the outbox. Without a broker (eager Celery) the task runs here, as before."""
    args, kwargs = list(args), dict(kwargs or {})
    if current_app.conf.task_always_eager:
        signature(name, args=args, kwargs=kwargs).delay()
        return True
    try:
        # No retry: the broker's socket timeouts (settings.REDIS_TIMEOUT) bound the wait; no
        # result, which would also wait for the result backend (Redis too).
        signature(name, args=args, kwargs=kwargs).apply_async(retry=False, ignore_result=True)
        return True
    except Exception as error:
        logger.warning("Broker unavailable, %s kept in the outbox: %s", name, error)
        OutboxMessage.objects.create(
            task=name, args=args, kwargs=kwargs, attempts=1, last_error=str(error)[:1000]
        )
        return False


def deliver(limit: int = 500) -> int:
    """Send the tasks of the outbox, oldest first; stops at the first the broker refuses.
    Returns how many were sent. Two deliveries at once never send a message twice."""
    sent = 0
    with transaction.atomic():
        messages = list(OutboxMessage.objects.select_for_update(skip_locked=True)[:limit])
        for message in messages:
            try:
                signature(message.task, args=message.args, kwargs=message.kwargs).apply_async(
                    retry=False, ignore_result=True
                )
            except Exception as error:
                OutboxMessage.objects.filter(pk=message.pk).update(
                    attempts=message.attempts + 1, last_error=str(error)[:1000]
                )
                logger.warning("Broker still unavailable, %d messages wait", len(messages) - sent)
                break
            message.delete()
            sent += 1
    if sent:
        logger.info("%d messages of the outbox sent to the workers", sent)
    return sent
