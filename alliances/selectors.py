"""Reads used by several pages, each in a constant number of queries."""

from collections import defaultdict
from typing import NamedTuple

from django.db.models import Count, Exists, F, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce

from .models import (
    Alliance,
    AllianceMember,
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


def parent_value(instance, attname):
    """`attname` of the row `instance` hangs from through one foreign key (a score's
    candidate, a measurement's indicator, a contact's partner), or None: one query."""
    for field in instance._meta.concrete_fields:
        parent = field.related_model if field.many_to_one else None
        if parent is None or not any(f.attname == attname for f in parent._meta.concrete_fields):
            continue
        parent_id = getattr(instance, field.attname)
        if parent_id is not None:
            return (
                parent._default_manager.filter(pk=parent_id).values_list(attname, flat=True).first()
            )
    return None


def alliance_id_of(instance):
    """The alliance a row hangs from: its own `alliance_id`, or its parent's."""
    return getattr(instance, "alliance_id", None) or parent_value(instance, "alliance_id")


def alliances_of(association):
    """The association's alliances, led or joined, with their lead: one query."""
    return Alliance.objects.of_association(association).select_related("lead").order_by("title")


class AllianceRef(NamedTuple):
    """What the network pages show of an alliance: a model instance for each of a page's
    ~250 alliances cost ~5 ms."""

    pk: int
    title: str
    lead_id: int


def alliances_of_members(members):
    """The alliances led by these associations (a queryset of them) or joined as active
    co-member: two queries. ({alliance id: AllianceRef}, {association id: {alliance ids}}).
    Subqueries rather than lists of ids: Django takes ~40 µs to bind each id, 0.1 s for a
    network's 2,500 alliances."""
    member_ids = members.values("pk")
    active = AllianceMember.objects.filter(
        association_id__in=member_ids, state=AllianceMember.State.ACTIVE
    )
    joined = list(active.values_list("alliance_id", "association_id"))
    # A union of two index scans: the OR of the two subqueries read all 10,000 alliances.
    led = Alliance.objects.filter(lead_id__in=member_ids).order_by().values("pk")
    alliances = {
        row[0]: AllianceRef(*row)
        for row in Alliance.objects.filter(
            pk__in=led.union(active.order_by().values("alliance_id"))
        ).values_list("pk", "title", "lead_id")
    }
    by_association = defaultdict(set)
    for alliance in alliances.values():
        by_association[alliance.lead_id].add(alliance.pk)
    for alliance_id, association_id in joined:
        by_association[association_id].add(alliance_id)
    return alliances, by_association


def alliance_ids_of_members(member_ids) -> list[int]:
    """The ids of the alliances led or joined (active) by these associations: one query."""
    led = Alliance.objects.filter(lead_id__in=member_ids).order_by().values_list("pk", flat=True)
    joined = (
        AllianceMember.objects.filter(
            association_id__in=member_ids, state=AllianceMember.State.ACTIVE
        )
        .order_by()
        .values_list("alliance_id", flat=True)
    )
    return list(led.union(joined))


def late_actions_by_alliance(alliance_ids, today=None):
    from .models import Action

    result = defaultdict(list)
    for action in (
        Action.objects.late(today).filter(alliance_id__in=alliance_ids).order_by("due_date")
    ):
        result[action.alliance_id].append(action)
    return result
