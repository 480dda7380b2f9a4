"""The step each alliance has reached, cached for the pages that show many alliances at once.

The network dashboard shows the step of ~250 alliances a page; reading their facts
(`selectors.step_facts`: sixteen correlated subqueries a row, and the conventions) took
16–27 ms of each request. The facts are cached per alliance and forgotten — now and again on
commit — when any row they are read from changes (`STEP_SOURCES`, receivers connected in
apps.py). Pages about one alliance keep reading them fresh.
"""

from django.core.cache import cache
from django.db import transaction

from .selectors import alliance_id_of, step_facts
from .stepper import steps_for

#: Every model `selectors.step_facts` reads (test_step_cache checks the list against it).
STEP_SOURCES = (
    "alliances.AllianceDossier",
    "alliances.SwotItem",
    "alliances.NeedFigure",
    "alliances.Candidate",
    "alliances.SelectionCriterion",
    "alliances.CriterionScore",
    "alliances.Exchange",
    "alliances.GovernanceBody",
    "alliances.Meeting",
    "alliances.CommunicationItem",
    "alliances.Convention",
)

#: Bounds how long a change made behind the ORM's back (raw SQL, a shell) can go unseen.
STEPS_TTL = 6 * 3600


def _key(alliance_id):
    return f"alliances:step-facts:v1:{alliance_id}"


def cached_steps(alliance_ids) -> dict[int, list]:
    """{alliance id: its five StepStates}: one cache read, two queries for the missing ones."""
    ids = list(alliance_ids)
    if not ids:
        return {}
    keys = {_key(pk): pk for pk in ids}
    facts = {keys[key]: f for key, f in cache.get_many(keys).items()}
    missing = [pk for pk in ids if pk not in facts]
    if missing:
        fresh = step_facts(missing)
        cache.set_many({_key(pk): fresh[pk] for pk in missing}, STEPS_TTL)
        facts.update(fresh)
    return {pk: steps_for(f) for pk, f in facts.items()}


def forget_steps(alliance_id):
    if not alliance_id:
        return
    key = _key(alliance_id)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


def forget_steps_on_change(sender, instance, **kwargs):
    """post_save / post_delete receiver for STEP_SOURCES."""
    alliance_id = alliance_id_of(instance)  # a criterion score: through its candidate
    forget_steps(alliance_id)
