"""Reads used by several pages, each in a constant number of queries."""

from collections import defaultdict

from django.db.models import Count, Q

from .models import (
    Alliance,
    AllianceDossier,
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


def _counts(model, ids, **filters):
    return dict(
        model.objects.filter(alliance_id__in=ids, **filters)
        .values("alliance_id")
        .annotate(n=Count("pk"))
        .values_list("alliance_id", "n")
    )


def step_facts(alliance_ids) -> dict[int, StepFacts]:
    """{alliance_id: StepFacts} for any number of alliances, in a fixed number of queries."""
    ids = list(alliance_ids)
    facts = {pk: StepFacts() for pk in ids}
    if not ids:
        return facts
    for row in AllianceDossier.objects.filter(alliance_id__in=ids).values(
        "alliance_id", *DOSSIER_TEXTS
    ):
        facts[row["alliance_id"]].filled = {
            name for name in DOSSIER_TEXTS if (row[name] or "").strip()
        }
    for alliance_id, quadrant in (
        SwotItem.objects.filter(alliance_id__in=ids)
        .values_list("alliance_id", "quadrant")
        .distinct()
    ):
        facts[alliance_id].swot_quadrants.add(quadrant)
    simple = {
        "figures": _counts(NeedFigure, ids),
        "criteria": _counts(SelectionCriterion, ids),
        "exchanges": _counts(Exchange, ids),
        "governance_bodies": _counts(GovernanceBody, ids),
        "meetings": _counts(Meeting, ids),
        "internal_communication": _counts(CommunicationItem, ids, kind__startswith="internal"),
        "external_communication": _counts(CommunicationItem, ids, kind__startswith="external"),
    }
    for name, counts in simple.items():
        for alliance_id, n in counts.items():
            setattr(facts[alliance_id], name, n)
    for row in (
        Candidate.objects.filter(alliance_id__in=ids)
        .values("alliance_id")
        .annotate(
            n=Count("pk"),
            selected=Count("pk", filter=Q(decision=Decision.SELECTED)),
            undecided=Count("pk", filter=Q(decision=Decision.PENDING)),
        )
    ):
        f = facts[row["alliance_id"]]
        f.candidates, f.selected, f.undecided = row["n"], row["selected"], row["undecided"]
    # Candidates with fewer scores than their alliance has criteria.
    scored = dict(
        CriterionScore.objects.filter(candidate__alliance_id__in=ids)
        .values("candidate_id")
        .annotate(n=Count("pk"))
        .values_list("candidate_id", "n")
    )
    for candidate_id, alliance_id in Candidate.objects.filter(alliance_id__in=ids).values_list(
        "pk", "alliance_id"
    ):
        if scored.get(candidate_id, 0) < facts[alliance_id].criteria:
            facts[alliance_id].unscored_candidates += 1
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
    return facts


def steps_by_alliance(alliance_ids):
    return {pk: steps_for(f) for pk, f in step_facts(alliance_ids).items()}


def alliances_of(association):
    """The association's alliances, led or joined, with their lead: one query."""
    return (
        Alliance.objects.filter(pk__in=Alliance.objects.of_association(association).values("pk"))
        .select_related("lead")
        .order_by("title")
    )


def late_actions_by_alliance(alliance_ids, today=None):
    from .models import Action

    result = defaultdict(list)
    for action in (
        Action.objects.late(today).filter(alliance_id__in=alliance_ids).order_by("due_date")
    ):
        result[action.alliance_id].append(action)
    return result


def reviews_of(alliance, step=None):
    """The alliance's reviews (all, or one step's) with their thread: two queries."""
    from django.db.models import Prefetch

    from .models import Review, ReviewReply

    reviews = Review.objects.filter(alliance=alliance)
    if step is not None:
        reviews = reviews.filter(step=step)
    return list(
        reviews.select_related("network", "author").prefetch_related(
            Prefetch("replies", queryset=ReviewReply.objects.select_related("author"))
        )
    )
