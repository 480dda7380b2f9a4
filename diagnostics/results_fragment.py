"""A finished campaign's results on its page, cached (core/revisions.py).

Scoring, the eight axes with their statements and recommendations, the radar and ~600
template nodes took ~15 ms of each visit, for figures that no longer change once the campaign
is finished. The fragment is keyed by the campaign and its closing, the association's revision
(its previous campaign, its alliances for the help links, its name) and the network medians it
is compared with, which other members' campaigns move.
"""

from django.template.loader import render_to_string

from core.revisions import association_scope, cached_fragment

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
    parts = (campaign.pk, campaign.status, campaign.closed_at, links, network_key)

    def render():
        results = campaign_results(campaign, links=links, network=network)
        return render_to_string("diagnostics/_results.html", {"results": results}, request=request)

    return cached_fragment(
        "campaign-results", [association_scope(campaign.association_id)], parts, render
    )
