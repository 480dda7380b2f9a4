"""A finished campaign's results on its page, cached (core/revisions.py).

Scoring, the eight axes with their statements and recommendations, the radar and ~600
template nodes took ~15 ms of each visit, for figures that no longer change once the campaign
is finished. The fragment is keyed by the campaign and its closing, the association's revision
(its previous campaign, its name), the alliance the help links lead to and the network medians
it is compared with, which other members' campaigns move.
"""

from django.template.loader import render_to_string

from core.revisions import association_scope, cached_fragment

from . import help_links
from .models import Campaign
from .results import campaign_results, network_comparison


def results_html(request, campaign, capability):
    network = network_comparison(campaign.association)
    network_key = (
        None
        if network is None
        else (network.network_name, network.contributors, sorted(network.medians.items()))
    )
    # Help links lead into the association's own workspace: for its staff, not its network.
    links = capability.is_member
    # The help links lead to the association's latest alliance, which may be led by another
    # association (its changes renew that one's scope, not this one's).
    alliance = help_links.latest_alliance(campaign.association) if links else None
    parts = (
        campaign.pk,
        campaign.status,
        campaign.closed_at,
        links,
        network_key,
        alliance.pk if alliance else None,
    )

    def render():
        # Read again after the tokens (core.revisions.cached_fragment).
        fresh = Campaign.objects.select_related("association", "version").get(pk=campaign.pk)
        results = campaign_results(fresh, links=links, network=network, alliance=alliance)
        return render_to_string("diagnostics/_results.html", {"results": results}, request=request)

    return cached_fragment(
        "campaign-results", [association_scope(campaign.association_id)], parts, render
    )
