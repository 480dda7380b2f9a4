"""What the versions' pages read: a constant number of queries whatever the versions,
parties and answers."""

import datetime as dt

from alliances.models import ConventionParty

from .articles import diff_articles
from .models import ConventionVersion, PartyAnswer, VersionState
from .representatives import representatives, way_of


def versions_of(convention) -> list[ConventionVersion]:
    return list(
        ConventionVersion.objects.filter(convention=convention)
        .select_related("report", "sent_by")
        .order_by("number")
    )


def answers_by_version(versions) -> dict[int, dict[int, PartyAnswer]]:
    answers = {version.pk: {} for version in versions}
    for answer in PartyAnswer.objects.filter(version__in=versions).select_related("answered_by"):
        answers[answer.version_id][answer.party_id] = answer
    return answers


def answer_rows(version, answers, parties_by_pk, answering, user=None):
    """One row a party asked to answer `version`: its answer (or none yet), and whether `user`
    may answer for it."""
    rows = []
    for row in version.parties:
        party = parties_by_pk.get(row["id"])
        answer = answers.get(row["id"])
        rows.append(
            {
                "name": row["name"],
                "way": row["way"],
                "party": party,
                "answer": answer,
                "requests": answer.requests if answer else [],
                "mine": bool(user and party and user.pk in answering.get(party.pk, ())),
                "nobody": party is not None and not answering.get(party.pk),
            }
        )
    return rows


def acceptances_of(convention) -> list[dict]:
    """The convention's stored acceptances, their ISO dates read back as dates."""
    return [{**row, "on": dt.date.fromisoformat(row["on"])} for row in convention.acceptances or []]


def convention_page(convention, user):
    versions = versions_of(convention)
    parties = list(
        ConventionParty.objects.filter(convention=convention).select_related(
            "association", "partner__partner"
        )
    )
    parties_by_pk = {party.pk: party for party in parties}
    answering = representatives(convention.alliance, parties)
    answers = answers_by_version(versions)
    for version in versions:
        version.rows = answer_rows(version, answers[version.pk], parties_by_pk, answering, user)
        version.waiting = [row for row in version.rows if row["answer"] is None]
        version.accepted_count = len(
            [row for row in version.rows if row["answer"] and row["answer"].accepted]
        )
        version.changes_count = len(
            [row for row in version.rows if row["answer"] and not row["answer"].accepted]
        )
    draft = next((v for v in versions if v.state == VersionState.DRAFT), None)
    sent = [v for v in versions if v.state != VersionState.DRAFT]
    current = sent[-1] if sent else None
    return {
        "versions": versions,
        "sent": list(reversed(sent)),
        "draft": draft,
        "current": current,
        "parties": parties,
        "party_ways": {party.pk: way_of(party) for party in parties},
    }


def diff_with_previous(versions, version):
    """The difference between `version` and the version before it (the draft included: the
    lead sees what the next version changes)."""
    previous = None
    for other in versions:
        if other.number < version.number:
            previous = other
    return previous, diff_articles(previous.articles if previous else None, version.articles)
