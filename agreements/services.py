"""Every write on a convention's versions and answers.

A draft is edited freely; sending it freezes it as the version in force (the previous one is
replaced); each party answers that version only; the last acceptance makes it accepted by all,
in the same transaction: the version and the convention say so, the text's SHA-256 is stored
and the frozen PDF is asked for from the report pipeline."""

import datetime as dt

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from alliances import summaries
from alliances.models import Clause, Convention, ConventionParty, ConventionStatus
from core.emails import send_after_commit
from reports.services import request_report

from . import articles as text
from .models import ConventionVersion, Decision, PartyAnswer, VersionState
from .report_kind import CONVENTION_VERSION
from .representatives import representatives, way_of


class VersionFrozen(Exception):
    """A sent or accepted version never changes: the next edit starts a new draft."""


class AnswerRefused(Exception):
    """An answer that cannot be recorded; its message says why, in French, to the person."""


class RemindedRecently(Exception):
    """The parties were reminded of this version less than REMIND_EVERY ago."""


class NothingToSend(Exception):
    """No draft, or one whose articles are all empty: there is nothing for the parties to read."""


# « Relancer » at most once a day: a second click the same day would only fill mailboxes.
REMIND_EVERY = dt.timedelta(hours=24)


def version_label(convention, number) -> str:
    return _("%(title)s, version %(n)s") % {"title": convention.title, "n": number}


def draft_of(convention) -> ConventionVersion | None:
    return ConventionVersion.objects.filter(convention=convention, state=VersionState.DRAFT).first()


def latest_version(convention) -> ConventionVersion | None:
    return ConventionVersion.objects.filter(convention=convention).order_by("-number").first()


def starting_articles(convention) -> list[dict]:
    """What a new draft starts from: the latest version's text, or the outline."""
    latest = latest_version(convention)
    if latest is not None:
        return [dict(article) for article in latest.articles]
    parties = list(
        ConventionParty.objects.filter(convention=convention).select_related(
            "association", "partner__partner"
        )
    )
    return text.first_draft(convention, parties)


@transaction.atomic
def save_draft(*, convention: Convention, articles: list[dict], by: User) -> ConventionVersion:
    """The convention's draft with these articles; the first edit after a version was sent (or
    accepted: an amendment) starts the next draft."""
    convention = Convention.objects.select_for_update().get(pk=convention.pk)
    version = draft_of(convention)
    now = timezone.now()
    if version is None:
        number = (
            ConventionVersion.objects.filter(convention=convention).aggregate(n=Max("number"))["n"]
            or 0
        ) + 1
        version = ConventionVersion(
            convention=convention,
            number=number,
            label=version_label(convention, number),
            created_by=by,
            created_at=now,
        )
    version.articles = [
        {"key": a["key"], "title": a["title"].strip(), "text": a["text"].strip()} for a in articles
    ]
    version.updated_at = now
    version._history_user = by
    version.save()
    return version


@transaction.atomic
def edit_version(*, version: ConventionVersion, articles: list[dict], by: User):
    """Only a draft is edited: a version sent or accepted by all never changes."""
    version = ConventionVersion.objects.select_for_update().get(pk=version.pk)
    if version.is_frozen:
        raise VersionFrozen(
            _("Version %(n)s was sent to the parties: it can no longer change.")
            % {"n": version.number}
        )
    return save_draft(convention=version.convention, articles=articles, by=by)


def _party_rows(parties):
    return [{"id": p.pk, "name": p.display_name, "way": way_of(p)} for p in parties]


@transaction.atomic
def send_version(*, convention: Convention, by: User) -> ConventionVersion:
    """« Envoyer aux parties »: the draft becomes the version in force, the previous one sent
    is replaced, and every party's representatives are told by e-mail."""
    convention = (
        Convention.objects.select_for_update().select_related("alliance").get(pk=convention.pk)
    )
    version = draft_of(convention)
    if version is None:
        raise NothingToSend(_("There is no draft to send: edit the text first."))
    if not any(article["text"] for article in version.articles):
        raise NothingToSend(_("Every article is empty: write the text before sending it."))
    parties = list(
        ConventionParty.objects.filter(convention=convention).select_related(
            "association", "partner__partner"
        )
    )
    if not parties:
        raise NothingToSend(_("Name the parties of the convention before sending it."))
    ConventionVersion.objects.filter(convention=convention, state=VersionState.SENT).update(
        state=VersionState.SUPERSEDED
    )
    now = timezone.now()
    version.state = VersionState.SENT
    version.sent_at = now
    version.sent_by = by
    version.parties = _party_rows(parties)
    version._history_user = by
    version.save()
    if convention.status == ConventionStatus.DRAFT:
        convention.status = ConventionStatus.NEGOTIATION
        convention._history_user = by
        convention.save(update_fields=["status", "updated_at"])
    _tell_representatives(convention, version, parties, "agreement_version_sent", by=by)
    return version


def _answer_paths(convention, party):
    alliance_id = convention.alliance_id
    if party.partner_id:
        return reverse("agreements:guest_convention", args=[alliance_id, convention.pk])
    return reverse("agreements:convention", args=[alliance_id, convention.pk])


def _tell_representatives(convention, version, parties, template, *, by, only=None):
    answering = representatives(convention.alliance, parties)
    wanted = {uid for party in parties for uid in answering[party.pk]}
    emails = dict(User.objects.filter(pk__in=wanted).values_list("pk", "email"))
    for party in parties:
        if only is not None and party.pk not in only:
            continue
        for user_id in answering[party.pk]:
            send_after_commit(
                template,
                emails[user_id],
                {
                    "convention": convention.title,
                    "alliance": convention.alliance.title,
                    "number": version.number,
                    "party": party.display_name,
                    "on_behalf": way_of(party) == "name",
                    "sender": str(by),
                    "path": _answer_paths(convention, party),
                },
            )


@transaction.atomic
def answer_version(
    *,
    version: ConventionVersion,
    party: ConventionParty,
    decision: str,
    comment: str = "",
    requests: list[dict] | None = None,
    by: User,
) -> PartyAnswer:
    """The party's answer to the version in force (it replaces its earlier answer to it)."""
    version = (
        ConventionVersion.objects.select_for_update()
        .select_related("convention__alliance")
        .get(pk=version.pk)
    )
    if version.state == VersionState.ACCEPTED:
        raise AnswerRefused(
            _("Version %(n)s is already accepted by all parties: nothing is left to answer.")
            % {"n": version.number}
        )
    if version.state != VersionState.SENT:
        current = (
            ConventionVersion.objects.filter(convention_id=version.convention_id)
            .exclude(state=VersionState.DRAFT)
            .order_by("-number")
            .first()
        )
        raise AnswerRefused(
            _(
                "Version %(n)s has been replaced by version %(current)s: read the new text and "
                "answer it. Your answer was not recorded."
            )
            % {"n": version.number, "current": current.number if current else "?"}
        )
    if party.pk not in {row["id"] for row in version.parties}:
        raise AnswerRefused(_("This party was not asked to answer this version."))
    requests = requests or []
    if decision == Decision.ACCEPTED:
        requests = []
    answer = PartyAnswer.objects.filter(version=version, party=party).first() or PartyAnswer(
        version=version, party=party
    )
    answer.label = _("%(party)s – %(version)s: %(decision)s") % {
        "party": party.display_name,
        "version": version.label,
        "decision": Decision(decision).label,
    }
    if way_of(party) == "name":
        answer.label += " " + _("(recorded on its behalf)")
    answer.decision = decision
    answer.comment = comment
    answer.requests = requests
    answer.answered_by = by
    answer.on_behalf = way_of(party) == "name"
    answer.answered_at = timezone.now()
    answer._history_user = by
    answer.save()
    answers = {a.party_id: a for a in PartyAnswer.objects.filter(version=version)}
    if all(row["id"] in answers and answers[row["id"]].accepted for row in version.parties):
        _accept_by_all(version, answers, by)
    return answer


def acceptance_rows(version, answers) -> list[dict]:
    return [
        {
            "party": row["name"],
            "on": timezone.localdate(answers[row["id"]].answered_at).isoformat(),
            "on_behalf": answers[row["id"]].on_behalf,
        }
        for row in version.parties
    ]


def _accept_by_all(version, answers, by):
    now = timezone.now()
    convention = Convention.objects.select_for_update().get(pk=version.convention_id)
    acceptances = acceptance_rows(version, answers)
    digest = text.sha256_of(
        text.canonical_text(
            convention_title=convention.title,
            number=version.number,
            articles=version.articles,
            parties=version.parties,
            acceptances=acceptances,
        )
    )
    version.state = VersionState.ACCEPTED
    version.accepted_at = now
    version.text_sha256 = digest
    version.report = request_report(CONVENTION_VERSION, version, by)
    version._history_user = by
    version.save()
    if convention.status in (ConventionStatus.DRAFT, ConventionStatus.NEGOTIATION):
        convention.status = ConventionStatus.ACCEPTED
    # The accepted text says which clauses the convention holds: the checklist follows it.
    convention.clauses = [
        article["key"]
        for article in version.articles
        if article["key"] in Clause.values and article["text"]
    ]
    convention.accepted_version = version.number
    convention.accepted_at = now
    convention.accepted_text_sha256 = digest
    convention.acceptances = acceptances
    convention.accepted_report = version.report
    convention._history_user = by
    convention.save()
    summaries.refresh([convention.alliance_id])


@transaction.atomic
def remind_parties(*, version: ConventionVersion, by: User) -> int:
    """« Relancer »: an e-mail to the representatives of every party that has not answered
    the version in force. Returns how many parties were reminded."""
    version = (
        ConventionVersion.objects.select_for_update()
        .select_related("convention__alliance")
        .get(pk=version.pk)
    )
    if version.state != VersionState.SENT:
        return 0
    now = timezone.now()
    if version.reminded_at and now - version.reminded_at < REMIND_EVERY:
        reminded = timezone.localtime(version.reminded_at)
        raise RemindedRecently(
            _(
                "The parties were reminded on %(date)s at %(time)s: one reminder a day at most, "
                "try again tomorrow."
            )
            % {"date": f"{reminded:%d/%m/%Y}", "time": f"{reminded:%H:%M}"}
        )
    answered = set(PartyAnswer.objects.filter(version=version).values_list("party_id", flat=True))
    waiting = [row["id"] for row in version.parties if row["id"] not in answered]
    parties = list(
        ConventionParty.objects.filter(pk__in=waiting).select_related(
            "association", "partner__partner"
        )
    )
    _tell_representatives(version.convention, version, parties, "agreement_version_reminder", by=by)
    version.reminded_at = now
    version._history_user = by
    version.save(update_fields=["reminded_at"])
    return len(parties)
