"""The beat schedule: reminders daily and the digest weekly, at the hour of the settings, in
Europe/Paris; the tasks read today's date in Paris."""

import datetime as dt
from unittest import mock

import pytest
import time_machine
from django.conf import settings

from notifications import tasks


def test_the_jobs_run_at_the_hour_of_the_settings_in_paris_time():
    reminders = settings.CELERY_BEAT_SCHEDULE["send-reminders"]
    digests = settings.CELERY_BEAT_SCHEDULE["send-weekly-digests"]
    assert settings.CELERY_TIMEZONE == "Europe/Paris"
    assert reminders["task"] == "notifications.send_reminders"
    assert reminders["schedule"].hour == {settings.NOTIFICATIONS_HOUR}
    assert digests["task"] == "notifications.send_weekly_digests"
    assert digests["schedule"].hour == {settings.NOTIFICATIONS_HOUR}
    assert digests["schedule"].minute == {30}
    assert digests["schedule"].day_of_week == {settings.NOTIFICATIONS_DIGEST_WEEKDAY}


@pytest.mark.parametrize(
    ("task", "service"),
    [
        (tasks.send_reminders, "send_reminders"),
        (tasks.send_weekly_digests, "send_weekly_digests"),
    ],
)
def test_the_tasks_take_today_in_paris(task, service):
    # 23:30 UTC on Sunday 28 February is already Monday 1 March in Paris.
    with (
        time_machine.travel(dt.datetime(2027, 2, 28, 23, 30, tzinfo=dt.UTC), tick=False),
        mock.patch(f"notifications.services.{service}") as called,
    ):
        task.run()
    called.assert_called_once_with(today=dt.date(2027, 3, 1))
