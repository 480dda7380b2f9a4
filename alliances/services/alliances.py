"""Writes on an alliance as a whole: creating, changing, deleting it, its co-members.

Each one updates the stored summaries (alliances/summaries.py) in its transaction.
"""

from django.contrib.admin.utils import NestedObjects
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models import FileField
from django.db.models.deletion import Collector
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from alliances import summaries
from alliances.models import (
    Alliance,
    AllianceDossier,
    AllianceMember,
    AlliancePartner,
    CostShare,
)
from core.emails import send_after_commit
from core.history import delete_with_history
from organisations.models import Association, AssociationMembership, Role
from organisations.services import MembershipError
from reports.models import Report


@transaction.atomic
def create_alliance(*, lead: Association, by, **fields) -> Alliance:
    alliance = Alliance(lead=lead, created_by=by, **fields)
    alliance.full_clean()
    alliance.save()
    AllianceDossier.objects.create(alliance=alliance)
    summaries.refresh([alliance.pk])
    return alliance


@transaction.atomic
def update_alliance(*, alliance: Alliance) -> Alliance:
    """Saves its title, purpose and territory (validated by the form)."""
    alliance.full_clean()
    alliance.save()
    return alliance


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


def what_stays_without(obj):
    """What deleting `obj` keeps but unlinks from it, as [(heading, [names])]: a partner of
    the alliance stays on the conventions it is a party to, under its name, and the actions
    it was in charge of lose their owner."""
    if not isinstance(obj, AlliancePartner):
        return []
    kept = []
    conventions = sorted(
        {str(party.convention) for party in obj.convention_parties.select_related("convention")}
    )
    if conventions:
        kept.append(
            (
                _("It stays a party, under the name « %(name)s », to these conventions:")
                % {"name": obj.partner.name},
                conventions,
            )
        )
    actions = sorted(str(action) for action in obj.owned_actions.all())
    if actions:
        kept.append((_("These actions will have no partner in charge any more:"), actions))
    return kept


def stored_files_going_with(objects):
    """The stored files (FileFields) of `objects` and of every row deleted with them."""
    collector = Collector(using=DEFAULT_DB_ALIAS)
    collector.collect(list(objects))
    files = []
    for model, instances in collector.data.items():
        fields = [f for f in model._meta.concrete_fields if isinstance(f, FileField)]
        files.extend(getattr(instance, f.name) for instance in instances for f in fields)
    for queryset in collector.fast_deletes:
        fields = [f for f in queryset.model._meta.concrete_fields if isinstance(f, FileField)]
        if fields:
            files.extend(getattr(row, f.name) for row in queryset for f in fields)
    return [file for file in files if file]


def delete_files_on_commit(files):
    """Removes stored files (signed conventions, evidence) once the deletion has committed."""
    for file in files:
        if file:
            storage, name = file.storage, file.name
            transaction.on_commit(lambda s=storage, n=name: s.delete(n))


@transaction.atomic
def delete_alliance(*, alliance: Alliance):
    """Deletes it with everything hanging from it (each row's history written in one query a
    model, whatever the number of rows); its associations' figures follow."""
    associations = summaries.participants([alliance.pk])
    # Its signed conventions, its measurements' evidence… whatever app they belong to.
    files = stored_files_going_with([alliance])
    # Its PDF reports point at it by a generic key, which no deletion follows.
    reports = Report.objects.of_subject(alliance)
    files.extend(report.file for report in reports if report.file)
    reports.delete()
    delete_with_history([alliance])
    delete_files_on_commit(files)
    summaries.refresh_associations(associations)


@transaction.atomic
def invite_co_member(*, alliance: Alliance, association: Association, by) -> AllianceMember:
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
def answer_co_member_invitation(*, member: AllianceMember, accept: bool) -> AllianceMember:
    member = AllianceMember.objects.select_for_update().get(pk=member.pk)
    if member.state != AllianceMember.State.INVITED:
        raise MembershipError(_("This invitation has already been answered."))
    member.state = AllianceMember.State.ACTIVE if accept else AllianceMember.State.DECLINED
    member.responded_at = timezone.now()
    member.save(update_fields=["state", "responded_at"])
    if accept:
        summaries.refresh_associations([member.association_id])
    return member


@transaction.atomic
def end_co_membership(*, member: AllianceMember) -> AllianceMember:
    member = AllianceMember.objects.select_for_update().get(pk=member.pk)
    member.state = AllianceMember.State.LEFT
    member.responded_at = timezone.now()
    member.save(update_fields=["state", "responded_at"])
    CostShare.objects.filter(alliance=member.alliance, association=member.association).delete()
    summaries.refresh_associations([member.association_id])
    return member
