"""This app's part of an alliance's history page (the `history.alliance_records` hook): every
version drafted, sent and accepted, and every party's answer, with who and when."""

from alliances.models import Convention

from .models import ConventionVersion, PartyAnswer


def alliance_records(alliance):
    conventions = Convention.history.filter(alliance_id=alliance.pk).values("id")
    versions = ConventionVersion.history.filter(convention_id__in=conventions)
    return [
        versions.select_related("history_user"),
        PartyAnswer.history.filter(version_id__in=versions.values("id")).select_related(
            "history_user"
        ),
    ]
