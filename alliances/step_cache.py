"""The step each alliance has reached, cached for the pages that show many alliances at once.

The network dashboard shows the step of ~250 alliances a page (the association dashboard, of
each of its alliances); reading their facts
(`selectors.step_facts`: sixteen correlated subqueries a row, and the conventions) took
16–27 ms of each request. The facts are cached per alliance and forgotten — now and again on
commit — when any row they are read from changes (`STEP_SOURCES`, receivers connected in
apps.py). The stepper of each alliance page reads them too.
"""

from core.cached_many import cached_many, forget

from .selectors import alliance_id_of, step_facts
from .stepper import current_step_of

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


def cached_facts(alliance_ids) -> dict:
    """{alliance id: its StepFacts}: one cache read, two queries for the missing ones."""
    return cached_many({_key(pk): pk for pk in alliance_ids}, step_facts, STEPS_TTL)


def cached_current_steps(alliance_ids) -> dict[int, int | None]:
    """{alliance id: the step it has reached (None: all five done)}."""
    return {pk: current_step_of(f) for pk, f in cached_facts(alliance_ids).items()}


def forget_steps(alliance_id):
    if alliance_id:
        forget([_key(alliance_id)])


def forget_steps_on_change(sender, instance, **kwargs):
    """post_save / post_delete receiver for STEP_SOURCES."""
    alliance_id = alliance_id_of(instance)  # a criterion score: through its candidate
    forget_steps(alliance_id)
