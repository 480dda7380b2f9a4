"""Reads used by several pages, each in a constant number of queries."""

from typing import NamedTuple

from django.db.models import Count, Exists, F, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce

from core.collation import FrenchOrder
from core.navigation import app_hooks

from .models import (
    Alliance,
    Candidate,
    Clause,
    CommunicationItem,
    Convention,
    ConventionStatus,
    CriterionScore,
    Decision,
    Exchange,
    GovernanceBody,
    Meeting,
    NeedFigure,
    SelectionCriterion,
    SwotItem,
    SwotQuadrant,
)
from .stepper import StepFacts, steps_for

DOSSIER_TEXTS = [
    "strategic_priorities",
    "expectations",
    "participation_mode",
    "complementarities",
    "social_need",
    "collective_need",
    "argument",
    "key_actors",
    "beneficiaries",
    "shared_vision",
    "proximity",
    "decision_process",
    "communication_identity",
    "treasury",
]


def count_of(queryset):
    """The number of rows of `queryset` of the outer alliance, as a correlated subquery."""
    rows = (
        queryset.filter(alliance_id=OuterRef("pk"))
        .order_by()
        .values("alliance_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def _has(model, **filters):
    return Exists(model.objects.filter(alliance_id=OuterRef("pk"), **filters))


def _unscored_candidates():
    """Candidates of the outer alliance with fewer scores than the alliance has criteria."""
    scores = (
        CriterionScore.objects.filter(candidate_id=OuterRef("pk"))
        .order_by()
        .values("candidate_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    criteria = (
        SelectionCriterion.objects.filter(alliance_id=OuterRef("alliance_id"))
        .order_by()
        .values("alliance_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    candidates = Candidate.objects.annotate(
        n_scores=Coalesce(Subquery(scores, output_field=IntegerField()), 0),
        n_criteria=Coalesce(Subquery(criteria, output_field=IntegerField()), 0),
    ).filter(n_scores__lt=F("n_criteria"))
    rows = (
        candidates.filter(alliance_id=OuterRef("pk"))
        .order_by()
        .values("alliance_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def _untested_selected():
    """Selected candidates of the outer alliance that no exchange with a verdict has tested."""
    tested = Exchange.objects.filter(candidate_id=OuterRef("pk")).exclude(solidity="")
    return count_of(Candidate.objects.filter(decision=Decision.SELECTED).exclude(Exists(tested)))


COUNTED = {
    "figures": (NeedFigure, {}),
    "criteria": (SelectionCriterion, {}),
    "exchanges": (Exchange, {}),
    "governance_bodies": (GovernanceBody, {}),
    "meetings": (Meeting, {}),
    "internal_communication": (CommunicationItem, {"kind__startswith": "internal"}),
    "external_communication": (CommunicationItem, {"kind__startswith": "external"}),
    "candidates": (Candidate, {}),
    "selected": (Candidate, {"decision": Decision.SELECTED}),
    "undecided": (Candidate, {"decision": Decision.PENDING}),
}


def _step_facts_query():
    """Every fact of an alliance as one row (sixteen correlated subqueries)."""
    annotations = {
        f"n_{name}": count_of(model.objects.filter(**flt)) for name, (model, flt) in COUNTED.items()
    }
    annotations.update({f"swot_{q}": _has(SwotItem, quadrant=q) for q in SwotQuadrant.values})
    annotations["n_unscored_candidates"] = _unscored_candidates()
    annotations["n_selected_untested"] = _untested_selected()
    dossier = {f"dossier_{name}": F(f"dossier__{name}") for name in DOSSIER_TEXTS}
    return (
        Alliance.objects.order_by()
        .annotate(**annotations, **dossier)
        .values("pk", *annotations, *dossier)
    )


def step_facts(alliance_ids) -> dict[int, StepFacts]:
    """{alliance_id: StepFacts} for any number of alliances, in a fixed number of queries (2).

    The dossier's texts, the SWOT quadrants and every count come in one query (correlated
    subqueries, the unscored candidates too): they used to take ten; the conventions' clauses
    are read in a second query.
    """
    ids = list(alliance_ids)
    facts = {pk: StepFacts() for pk in ids}
    if not ids:
        return facts
    for row in _step_facts_query().filter(pk__in=ids):
        f = facts[row["pk"]]
        f.filled = {name for name in DOSSIER_TEXTS if (row[f"dossier_{name}"] or "").strip()}
        f.swot_quadrants = {q for q in SwotQuadrant.values if row[f"swot_{q}"]}
        for name in COUNTED:
            setattr(f, name, row[f"n_{name}"])
        f.unscored_candidates = row["n_unscored_candidates"]
        f.selected_untested = row["n_selected_untested"]
    all_clauses = set(Clause.values)
    for alliance_id, status, document, clauses in Convention.objects.filter(
        alliance_id__in=ids
    ).values_list("alliance_id", "status", "document", "clauses"):
        f = facts[alliance_id]
        f.conventions += 1
        if status == ConventionStatus.SIGNED:
            f.signed_conventions += 1
            if document:
                f.signed_with_document += 1
            if all_clauses <= set(clauses or []):
                f.signed_with_all_clauses += 1
    # Facts the apps above this one hold (the health checks): one query each.
    for add_facts in app_hooks("step_facts", "add_facts"):
        add_facts(facts)
    return facts


def steps_by_alliance(alliance_ids):
    return {pk: steps_for(f) for pk, f in step_facts(alliance_ids).items()}


def alliances_of(association):
    """The association's alliances, led or joined, with their lead: one query."""
    return (
        Alliance.objects.of_association(association)
        .select_related("lead")
        .order_by(FrenchOrder("title"))
    )


class AllianceRef(NamedTuple):
    """What the network pages show of an alliance: a model instance for each of a page's
    ~250 alliances cost ~5 ms."""

    pk: int
    title: str
    lead_id: int


def next_meeting(alliance, today=None):
    """The alliance's next governance meeting: the earliest dated today or later (None)."""
    from django.utils import timezone

    from .models import Meeting

    today = today or timezone.localdate()
    return (
        Meeting.objects.filter(alliance=alliance, date__gte=today)
        .select_related("body")
        .order_by("date", "pk")
        .first()
    )
