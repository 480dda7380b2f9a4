"""Writes on alliances, their steps, conventions and economic model."""

from django.contrib.admin.utils import NestedObjects
from django.db import DEFAULT_DB_ALIAS, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from alliances.models import (
    Alliance,
    AllianceDossier,
    AllianceMember,
    AlliancePartner,
    AssociationMembership,
    Candidate,
    Convention,
    CostShare,
    CriterionScore,
    Decision,
    Role,
)
from core.emails import send_after_commit

from .organisations import MembershipError


@transaction.atomic
def create_alliance(*, lead, by, **fields) -> Alliance:
    alliance = Alliance(lead=lead, created_by=by, **fields)
    alliance.full_clean()
    alliance.save()
    AllianceDossier.objects.create(alliance=alliance)
    return alliance


def dossier_of(alliance) -> AllianceDossier:
    return AllianceDossier.objects.get_or_create(alliance=alliance)[0]


@transaction.atomic
def invite_co_member(*, alliance, association, by) -> AllianceMember:
    if association.pk == alliance.lead_id:
        raise MembershipError(_("This association leads the alliance."))
    member = (
        AllianceMember.objects.select_for_update()
        .filter(alliance=alliance, association=association)
        .first()
    )
    if member and member.state == AllianceMember.State.ACTIVE:
        raise MembershipError(_("This association is already a member of the alliance."))
    if member and member.state == AllianceMember.State.INVITED:
        raise MembershipError(_("This association is already invited and has not answered yet."))
    member = member or AllianceMember(alliance=alliance, association=association)
    member.state = AllianceMember.State.INVITED
    member.invited_at = timezone.now()
    member.responded_at = None
    member.save()
    admins = list(
        AssociationMembership.objects.filter(association=association, role=Role.ADMIN).values_list(
            "user__email", flat=True
        )
    )
    if admins:
        send_after_commit(
            "alliance_invitation",
            admins,
            {
                "association": association.name,
                "alliance": alliance.title,
                "lead": alliance.lead.name,
                "inviter": str(by),
                "answer_path": reverse("alliances:alliance_list", args=[association.pk]),
            },
        )
    return member


@transaction.atomic
def answer_co_member_invitation(member: AllianceMember, *, accept: bool) -> AllianceMember:
    member = AllianceMember.objects.select_for_update().get(pk=member.pk)
    if member.state != AllianceMember.State.INVITED:
        raise MembershipError(_("This invitation has already been answered."))
    member.state = AllianceMember.State.ACTIVE if accept else AllianceMember.State.DECLINED
    member.responded_at = timezone.now()
    member.save(update_fields=["state", "responded_at"])
    return member


@transaction.atomic
def end_co_membership(member: AllianceMember) -> AllianceMember:
    member = AllianceMember.objects.select_for_update().get(pk=member.pk)
    member.state = AllianceMember.State.LEFT
    member.responded_at = timezone.now()
    member.save(update_fields=["state", "responded_at"])
    CostShare.objects.filter(alliance=member.alliance, association=member.association).delete()
    return member


@transaction.atomic
def decide_candidate(
    candidate: Candidate, *, decision, reason, decided_on=None, role="", partnership_form=""
):
    """Records the decision; a selected candidate becomes a partner of the alliance."""
    candidate.decision = decision
    candidate.decision_reason = reason
    candidate.decided_on = decided_on or timezone.localdate()
    candidate.full_clean()
    candidate.save()
    if decision == Decision.SELECTED:
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
    return candidate


@transaction.atomic
def set_scores(candidate: Candidate, scores: dict):
    """scores {criterion: 0..5 or None}; None removes the score."""
    for criterion, value in scores.items():
        if value is None:
            CriterionScore.objects.filter(candidate=candidate, criterion=criterion).delete()
        else:
            CriterionScore.objects.update_or_create(
                candidate=candidate, criterion=criterion, defaults={"score": value}
            )


@transaction.atomic
def save_convention(form, upload=None) -> Convention:
    """Saves a convention form; an uploaded PDF (already checked by the form) replaces the
    previous one, which is removed from storage once the transaction commits."""
    convention = form.save(commit=False)
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
    return convention


@transaction.atomic
def set_cost_shares(alliance, rows):
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


def what_goes_with(obj):
    """What deleting `obj` also deletes, as [(label, count)], and what blocks it (PROTECT)."""
    collector = NestedObjects(using=DEFAULT_DB_ALIAS)
    collector.collect([obj])
    counts = []
    for model, instances in collector.model_objs.items():
        if model._meta.auto_created or model.__name__.startswith("Historical"):
            continue
        n = len(instances) - (1 if model is type(obj) else 0)
        if n > 0:
            counts.append((capfirst(model._meta.verbose_name_plural), n))
    protected = sorted({str(p) for p in collector.protected})
    return sorted(counts), protected


@transaction.atomic
def delete_with_dependants(obj):
    documents = []
    if isinstance(obj, Alliance):
        documents = [c.document for c in obj.conventions.exclude(document="")]
    elif isinstance(obj, Convention) and obj.document:
        documents = [obj.document]
    files = [(d.storage, d.name) for d in documents]
    obj.delete()
    for storage, name in files:
        transaction.on_commit(lambda s=storage, n=name: s.delete(n))
