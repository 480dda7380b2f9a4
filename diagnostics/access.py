"""Access to campaigns, built on alliances.access (404 for other tenants, 403 for the rest)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from organisations.access import association_capability, require

from .models import Campaign, Respondent


def get_campaign_for_user(request, pk, *, write=False, admin=False):
    campaign = get_object_or_404(
        Campaign.objects.select_related("association", "version", "opened_by"), pk=pk
    )
    capability = require(
        association_capability(request.user, campaign.association_id), write=write, admin=admin
    )
    return campaign, capability


def get_respondent_for_user(request, campaign_pk):
    """The request's user as a respondent of the campaign: colleagues not chosen get 403."""
    campaign, capability = get_campaign_for_user(request, campaign_pk)
    respondent = (
        Respondent.objects.filter(campaign=campaign, user=request.user)
        .select_related("last_axis")
        .first()
    )
    if respondent is None or not capability.is_member:
        raise PermissionDenied
    respondent.campaign = campaign
    return campaign, capability, respondent
