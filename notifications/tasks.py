from celery import shared_task
from django.utils import timezone

from . import services


@shared_task(name="notifications.send_reminders")
def send_reminders():
    """Daily (config/settings: NOTIFICATIONS_HOUR, Europe/Paris). Idempotent."""
    return services.send_reminders(today=timezone.localdate())


@shared_task(name="notifications.send_weekly_digests")
def send_weekly_digests():
    """Weekly (NOTIFICATIONS_DIGEST_WEEKDAY at NOTIFICATIONS_HOUR, after the reminders).
    Idempotent: one digest a person and week."""
    return services.send_weekly_digests(today=timezone.localdate())
