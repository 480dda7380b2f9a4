"""Test data made as the services make it, in bulk: factories refresh the stored figures of
what they create (alliances.summaries, evaluation.summaries, diagnostics.summaries) one row
at a time; inside `summarised_at_the_end()` they only note it, and each figure is refreshed
once when the block ends (200 members then cost 3 refreshes, not 1,000)."""

from collections import defaultdict
from contextlib import contextmanager

from django.db import transaction

_pending = None


def note(kind, pk) -> bool:
    """Records `pk` to refresh later under `kind`; False when not deferring (refresh now)."""
    if _pending is None:
        return False
    _pending[kind].add(pk)
    return True


@contextmanager
def summarised_at_the_end():
    global _pending
    if _pending is not None:  # nested: the outer block refreshes
        yield
        return
    _pending = defaultdict(set)
    try:
        yield
        pending = _pending
    finally:
        _pending = None
    from alliances import summaries as alliance_summaries
    from diagnostics import summaries as diagnostic_summaries
    from diagnostics.models import Campaign
    from evaluation import summaries as evaluation_summaries
    from networks.services import copy_member_figures

    with transaction.atomic():
        alliance_summaries.refresh(pending["alliances"] | pending["evaluation"])
        evaluation_summaries.refresh(pending["evaluation"])
        campaigns = list(Campaign.objects.filter(pk__in=pending["campaigns"]))
        diagnostic_summaries.store_scores(campaigns)
        associations = {c.association_id for c in campaigns}
        diagnostic_summaries.mark_latest(associations)
        diagnostic_summaries.refresh_networks(
            pending["networks"] | diagnostic_summaries.networks_of(associations)
        )
        copy_member_figures(pending["members"])
