"""This app's part of an alliance's history page (the `history.alliance_records` hook): what
the partners' guests did, with the person and their organisation."""

from .models import GuestActivity


def alliance_records(alliance):
    return [GuestActivity.history.filter(alliance_id=alliance.pk).select_related("history_user")]
