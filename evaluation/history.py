"""This app's part of an alliance's history page (the `history.alliance_records` hook)."""

from .models import SteeringDecision


def alliance_records(alliance):
    return [SteeringDecision.history.filter(alliance_id=alliance.pk).select_related("history_user")]
