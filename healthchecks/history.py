"""This app's part of an alliance's history page (the `history.alliance_records` hook): when a
health check opened and closed, by whom; never who answered what."""

from .models import HealthCheck


def alliance_records(alliance):
    return [HealthCheck.history.filter(alliance_id=alliance.pk).select_related("history_user")]
