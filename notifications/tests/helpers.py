"""Frozen days in Paris, and the jobs run as beat runs them, e-mails sent on commit."""

import datetime as dt
from contextlib import contextmanager
from zoneinfo import ZoneInfo

import time_machine
from django.core import mail

from notifications import services

PARIS = ZoneInfo("Europe/Paris")


@contextmanager
def on(day: dt.date, hour: int = 7):
    """The clock stopped at `hour` (Paris) on `day`."""
    with time_machine.travel(dt.datetime.combine(day, dt.time(hour), PARIS), tick=False):
        yield


def run_reminders(day, capture):
    """The daily job on `day`; returns the e-mails it sent."""
    before = len(mail.outbox)
    with on(day), capture(execute=True):
        services.send_reminders(today=day)
    return mail.outbox[before:]


def run_digests(day, capture):
    before = len(mail.outbox)
    with on(day, 7), capture(execute=True):
        services.send_weekly_digests(today=day)
    return mail.outbox[before:]


def text_of(message) -> str:
    return f"To: {', '.join(message.to)}\nSubject: {message.subject}\n\n{message.body}"
