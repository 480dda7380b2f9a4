"""What this app adds to a convention's card: the alliance's step 4 (alliances.step_data) and
the guest's space (partnerspace.selectors). One query for all the conventions of a page."""

from collections import defaultdict

from .models import ConventionVersion, VersionState
from .selectors import acceptances_of


def _versions(conventions):
    by_convention = defaultdict(list)
    for version in (
        ConventionVersion.objects.filter(convention__in=[c.pk for c in conventions])
        .select_related("report")
        .order_by("number")
    ):
        by_convention[version.convention_id].append(version)
    return by_convention


def _summary(versions):
    sent = [v for v in versions if v.state != VersionState.DRAFT]
    return {
        "versions": versions,
        "current": sent[-1] if sent else None,
        "draft": next((v for v in versions if v.state == VersionState.DRAFT), None),
    }


def convention_extras(conventions) -> dict[int, list[dict]]:
    if not conventions:
        return {}
    by_convention = _versions(conventions)
    return {
        convention.pk: [
            {
                "template": "agreements/_convention_card.html",
                "acceptances": acceptances_of(convention),
                **_summary(by_convention[convention.pk]),
            }
        ]
        for convention in conventions
    }


def guest_convention_extras(access, conventions) -> dict[int, list[dict]]:
    if not conventions:
        return {}
    by_convention = _versions(conventions)
    extras = {}
    for convention in conventions:
        summary = _summary(by_convention[convention.pk])
        if summary["current"] is not None:
            extras[convention.pk] = [
                {"template": "agreements/_guest_convention_card.html", **summary}
            ]
    return extras
