"""Access to health checks, on the alliance's rule (alliances.access) for its associations'
staff and on the partners' space's rule (partnerspace.access) for its guests: another
tenant's health check is a 404; opening and closing are for the lead's admins (403 for the
rest); answering for the people asked (403 for the others)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from alliances.access import alliance_capability, get_alliance_for_user
from organisations.access import association_capability
from partnerspace.access import get_space_for_guest

from .models import HealthCheck, Participant


def is_lead_admin(user, alliance) -> bool:
    capability = association_capability(user, alliance.lead_id)
    return capability.can_admin and capability.is_member


def get_alliance_for_lead_admin(request, pk, *, admin=False):
    alliance, capability = get_alliance_for_user(request, pk)
    if admin and not is_lead_admin(request.user, alliance):
        raise PermissionDenied
    return alliance, capability


def get_health_check_for_staff(request, pk, *, write=False, admin=False):
    health_check = get_object_or_404(
        HealthCheck.objects.select_related("alliance__lead", "alliance__summary", "questionnaire"),
        pk=pk,
    )
    alliance = health_check.alliance
    capability = alliance_capability(request.user, alliance)
    if not capability.can_view:
        raise Http404
    if write and not capability.can_edit:
        raise PermissionDenied
    if admin and not is_lead_admin(request.user, alliance):
        raise PermissionDenied
    return health_check, capability


def get_health_check_for_guest(request, pk, health_check_pk):
    access = get_space_for_guest(request, pk)
    health_check = get_object_or_404(
        HealthCheck.objects.select_related("questionnaire"),
        pk=health_check_pk,
        alliance_id=access.alliance_id,
    )
    health_check.alliance = access.alliance
    return access, health_check


def participant_of(request, health_check) -> Participant:
    """The request's user as a participant of the health check: 403 for anyone not asked."""
    participant = Participant.objects.filter(health_check=health_check, user=request.user).first()
    if participant is None:
        raise PermissionDenied
    participant.health_check = health_check
    return participant
