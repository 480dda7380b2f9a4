"""Writes on what an alliance's pages hold: the dossier's texts, the rows of the five steps,
the action plan and the economic model (alliances/items.py), decisions, scores, conventions.

Each one updates the alliance's stored summary (its steps and alerts) in its transaction.
"""

import datetime as dt

from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from alliances import summaries
from alliances.models import (
    Action,
    Alliance,
    AllianceDossier,
    AlliancePartner,
    Amendment,
    Candidate,
    Convention,
    ConventionParty,
    CostShare,
    CriterionScore,
    Decision,
    Exchange,
    Meeting,
    MeetingAgendaItem,
)
from core.instances import save_with_links

from .alliances import delete_files_on_commit


def dossier_of(alliance: Alliance) -> AllianceDossier:
    """The alliance's dossier (its texts), made when missing: the form to edit it."""
    return AllianceDossier.objects.get_or_create(alliance=alliance)[0]


@transaction.atomic
def save_dossier(*, alliance: Alliance, dossier: AllianceDossier) -> AllianceDossier:
    """Saves the texts of a step (or of the economic model) validated by its form."""
    dossier.alliance = alliance
    dossier.save()
    summaries.refresh([alliance.pk])
    return dossier


@transaction.atomic
def save_item(*, alliance: Alliance, item: Model, by=None, links=None, upload=None) -> Model:
    """Adds or changes a row of one of the alliance's pages (a kind of alliances/items.py),
    validated by its form; `links`: its many-to-many values; `upload`: a convention's PDF."""
    if isinstance(item, Convention):
        return save_convention(alliance=alliance, convention=item, upload=upload)
    if item.pk is None:
        if hasattr(item, "created_by_id"):
            item.created_by = by
        if isinstance(item, Exchange) and not item.author_id:
            item.author = by
    if isinstance(item, Amendment) and not item.number:
        item.number = _next_amendment_number(item.convention_id)
    save_with_links(item, links)
    summaries.refresh([alliance.pk])
    return item


def _name_the_parties_it_was(alliance_partner: AlliancePartner):
    """A partner leaving the alliance stays on the conventions it is a party to, under its
    name (the party would otherwise be left nameless)."""
    name = alliance_partner.partner.name
    for party in ConventionParty.objects.filter(partner=alliance_partner):
        named_already = (
            ConventionParty.objects.filter(convention_id=party.convention_id, name__iexact=name)
            .exclude(pk=party.pk)
            .exists()
        )
        party.partner = None
        party.name = "" if named_already else name
        party.save()


def _next_amendment_number(convention_id) -> int:
    """Amendments are numbered in order within their convention; the convention's row is
    locked so two added at once do not get the same number."""
    Convention.objects.select_for_update().filter(pk=convention_id).exists()
    last = (
        Amendment.objects.filter(convention_id=convention_id)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    return (last or 0) + 1


@transaction.atomic
def create_action(*, alliance: Alliance, title: str, by=None, **fields) -> Action:
    """Adds an action to the alliance's plan (also used by evaluation's steering decisions)."""
    action = Action(alliance=alliance, title=title, created_by=by, **fields)
    action.full_clean()
    action.save()
    summaries.refresh([alliance.pk])
    return action


@transaction.atomic
def add_agenda_item(
    *, meeting: Meeting, title: str, description: str = "", by=None
) -> MeetingAgendaItem:
    """Puts a point on a meeting's agenda (the health check's gaps come this way)."""
    item = MeetingAgendaItem(meeting=meeting, title=title, description=description, created_by=by)
    item.full_clean()
    item.save()
    summaries.refresh([meeting.alliance_id])
    return item


@transaction.atomic
def delete_item(*, alliance: Alliance, item: Model):
    """Deletes the row with what hangs from it (a convention's signed PDF included)."""
    documents = [item.document] if isinstance(item, Convention) and item.document else []
    if isinstance(item, AlliancePartner):
        _name_the_parties_it_was(item)
    item.delete()
    delete_files_on_commit(documents)
    summaries.refresh([alliance.pk])


@transaction.atomic
def save_convention(*, alliance: Alliance, convention: Convention, upload=None) -> Convention:
    """Saves a convention; an uploaded PDF (already checked by the form) replaces the previous
    one, which is removed from storage once the transaction commits."""
    old_name = None
    if upload:
        if convention.pk:
            old_name = (
                Convention.objects.filter(pk=convention.pk).values_list("document", flat=True).get()
            )
        convention.document_name = upload.name[-255:]
        convention.document_size = upload.size
        convention.document.save("convention.pdf", upload, save=False)
    convention.full_clean()
    convention.save()
    if old_name:
        storage = convention.document.storage
        transaction.on_commit(lambda: storage.delete(old_name))
    summaries.refresh([alliance.pk])
    return convention


@transaction.atomic
def decide_candidate(
    *,
    candidate: Candidate,
    decision: str,
    reason: str,
    decided_on: dt.date | None = None,
    role: str = "",
    partnership_form: str = "",
) -> Candidate:
    """Records the decision; a selected candidate from the directory becomes a partner of the
    alliance (beneficiaries or a medium placed by name join no list of partners)."""
    candidate.decision = decision
    candidate.decision_reason = reason
    candidate.decided_on = decided_on or timezone.localdate()
    candidate.full_clean()
    candidate.save()
    if decision == Decision.SELECTED and candidate.joins_as_partner:
        alliance_partner, created = AlliancePartner.objects.get_or_create(
            alliance=candidate.alliance,
            partner=candidate.partner,
            defaults={
                "role": role,
                "partnership_form": partnership_form,
                "joined_on": candidate.decided_on,
            },
        )
        if not created:
            alliance_partner.role = role or alliance_partner.role
            alliance_partner.partnership_form = partnership_form
            alliance_partner.save()
    summaries.refresh([candidate.alliance_id])
    return candidate


@transaction.atomic
def set_scores(*, alliance: Alliance, scores: dict):
    """scores {(candidate, criterion): 0..5 or None}; None removes the score."""
    for (candidate, criterion), value in scores.items():
        if value is None:
            CriterionScore.objects.filter(candidate=candidate, criterion=criterion).delete()
        else:
            CriterionScore.objects.update_or_create(
                candidate=candidate, criterion=criterion, defaults={"score": value}
            )
    summaries.refresh([alliance.pk])


@transaction.atomic
def set_cost_shares(*, alliance: Alliance, rows):
    """rows [(association, percent or None, basis)]; checked to add up by the form set."""
    for association, percent, basis in rows:
        if percent is None:
            CostShare.objects.filter(alliance=alliance, association=association).delete()
        else:
            CostShare.objects.update_or_create(
                alliance=alliance,
                association=association,
                defaults={"percent": percent, "basis": basis},
            )
