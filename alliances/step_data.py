"""What each step page (and the overview, which shows them all) needs: a fixed number of
queries per step whatever the number of rows."""

from collections import defaultdict

from django.utils import timezone
from django.utils.translation import gettext as _

from alliances.budget import summarise
from alliances.bundle import ListsOf, attach
from alliances.models import (
    Action,
    ActionStep,
    Alliance,
    AllianceDossier,
    AllianceMember,
    AlliancePartner,
    Amendment,
    BudgetLine,
    Candidate,
    Clause,
    CommunicationItem,
    Contribution,
    Convention,
    ConventionParty,
    CostShare,
    CriterionScore,
    Decision,
    Exchange,
    GovernanceBody,
    Lever,
    MappingCategory,
    Meeting,
    MeetingAgendaItem,
    NeedFigure,
    Resource,
    SelectionCriterion,
    SwotItem,
    SwotQuadrant,
)
from alliances.selection import rank
from alliances.timeline import timeline
from core.dashboard import collect_panels
from core.navigation import app_hooks
from organisations.switcher import current_organisation

# Every list the step pages show, by name: the overview reads them all in one query
# (alliances.bundle), a step page only its own.
LISTS = ListsOf(
    {
        "dossier": lambda a: AllianceDossier.objects.filter(alliance=a),
        "swot": lambda a: SwotItem.objects.filter(alliance=a),
        "figures": lambda a: NeedFigure.objects.filter(alliance=a),
        "candidates": lambda a: Candidate.objects.filter(alliance=a).select_related("partner"),
        "criteria": lambda a: SelectionCriterion.objects.filter(alliance=a),
        "scores": lambda a: CriterionScore.objects.filter(candidate__alliance=a),
        "exchanges": lambda a: Exchange.objects.filter(alliance=a).select_related(
            "candidate__partner", "author"
        ),
        "alliance_partners": lambda a: AlliancePartner.objects.filter(alliance=a).select_related(
            "partner", "alliance"
        ),
        "conventions": lambda a: Convention.objects.filter(alliance=a),
        "convention_parties": lambda a: ConventionParty.objects.filter(
            convention__alliance=a
        ).select_related("association", "partner__partner"),
        "amendments": lambda a: Amendment.objects.filter(convention__alliance=a).order_by("number"),
        "communication": lambda a: CommunicationItem.objects.filter(alliance=a),
        "bodies": lambda a: GovernanceBody.objects.filter(alliance=a),
        "meetings": lambda a: Meeting.objects.filter(alliance=a).select_related("body"),
        "agenda_items": lambda a: MeetingAgendaItem.objects.filter(meeting__alliance=a),
        "actions": lambda a: (
            Action.objects.filter(alliance=a)
            .select_related("owner_user", "owner_partner__partner")
            .order_by("due_date", "start_date", "title")
        ),
        "action_steps": lambda a: ActionStep.objects.filter(action__alliance=a).order_by(
            "order", "pk"
        ),
        "resources": lambda a: Resource.objects.filter(alliance=a),
        "contributions": lambda a: Contribution.objects.filter(alliance=a).select_related(
            "partner__partner"
        ),
        "expenses": lambda a: BudgetLine.objects.filter(alliance=a),
        "shares": lambda a: CostShare.objects.filter(alliance=a).select_related("association"),
    }
)


def read_lists(alliance, names):
    """The named lists of LISTS for the alliance, in one query (PostgreSQL)."""
    lists = LISTS.read(alliance, names)
    if "dossier" in lists:
        dossiers = lists.pop("dossier")
        Alliance.dossier.related.set_cached_value(alliance, dossiers[0] if dossiers else None)
    if "conventions" in lists and "convention_parties" in lists:
        attach(lists["conventions"], "parties", lists.pop("convention_parties"), "convention_id")
    if "conventions" in lists and "amendments" in lists:
        attach(lists["conventions"], "amendments", lists.pop("amendments"), "convention_id")
    if "meetings" in lists and "agenda_items" in lists:
        attach(lists["meetings"], "agenda_items", lists.pop("agenda_items"), "meeting_id")
    if "actions" in lists and "action_steps" in lists:
        attach(lists["actions"], "steps", lists.pop("action_steps"), "action_id")
    return lists


def _dossier(alliance):
    try:
        return alliance.dossier
    except alliance.__class__.dossier.RelatedObjectDoesNotExist:
        return None


def diagnosed_association(request, alliance):
    """The association whose self-diagnostic feeds step 1: the one the user works for when it
    takes part in the alliance (a co-member sees its own), otherwise the lead."""
    org = current_organisation(request)
    if org and org.kind == "association" and org.pk != alliance.lead_id:
        member = (
            AllianceMember.objects.filter(
                alliance=alliance, association_id=org.pk, state=AllianceMember.State.ACTIVE
            )
            .select_related("association")
            .first()
        )
        if member:
            return member.association
    return alliance.lead


def step1(alliance, request=None, lists=None, diagnosed=None):
    lists = lists or read_lists(alliance, ["dossier", "swot"])
    items = defaultdict(list)
    for item in lists["swot"]:
        items[item.quadrant].append(item)
    panels = []
    if request is not None:
        diagnosed = diagnosed or diagnosed_association(request, alliance)
        panels = collect_panels("diagnostic_summary_panels", request, diagnosed)
    return {
        "dossier": _dossier(alliance),
        "swot": [(q.value, q.label, items.get(q.value, [])) for q in SwotQuadrant],
        "diagnostic_panels": panels,
    }


def step2(alliance, request=None, lists=None):
    lists = lists or read_lists(alliance, ["dossier", "figures"])
    return {
        "dossier": _dossier(alliance),
        "figures": lists["figures"],
    }


# The matrix: x = alignment, y = influence (1 to 5); the marker grows with the power to harm.
MATRIX = {"width": 560, "height": 420, "left": 70, "right": 20, "top": 20, "bottom": 60}


SPREAD = [(0, 0), (18, 0), (-18, 0), (0, -18), (0, 18), (18, -18), (-18, 18), (18, 18), (-18, -18)]


def _matrix(candidates):
    m = MATRIX
    plot_w = m["width"] - m["left"] - m["right"]
    plot_h = m["height"] - m["top"] - m["bottom"]

    def x_of(v):
        return m["left"] + (v - 0.5) * plot_w / 5

    def y_of(v):
        return m["top"] + (5.5 - v) * plot_h / 5

    same_spot = defaultdict(int)
    points = []
    for number, candidate in enumerate(candidates, start=1):
        key = (candidate.alignment, candidate.influence)
        offset = same_spot[key]
        same_spot[key] += 1
        # Candidates on the same spot side by side, never one on top of the other.
        dx, dy = SPREAD[offset % len(SPREAD)]
        points.append(
            {
                "number": number,
                "candidate": candidate,
                "x": round(x_of(candidate.alignment) + dx, 1),
                "y": round(y_of(candidate.influence) + dy, 1),
                "r": 7 + 2 * candidate.harm,
            }
        )
    ticks = [{"value": v, "x": round(x_of(v), 1), "y": round(y_of(v), 1)} for v in range(1, 6)]
    return {
        **m,
        "plot_w": plot_w,
        "plot_h": plot_h,
        "mid_x": round(m["left"] + plot_w / 2, 1),
        "mid_y": round(m["top"] + plot_h / 2, 1),
        "bottom_y": m["top"] + plot_h,
        "right_x": m["left"] + plot_w,
        "x_label_y": m["height"] - 15,
        "points": points,
        "ticks": ticks,
    }


STEP3 = ["candidates", "criteria", "scores", "exchanges", "alliance_partners"]


def step3(alliance, request=None, lists=None):
    lists = lists or read_lists(alliance, STEP3)
    candidates = lists["candidates"]
    criteria = lists["criteria"]
    scores = defaultdict(dict)
    for score in lists["scores"]:
        scores[score.candidate_id][score.criterion_id] = score.score
    weights = {c.pk: c.weight for c in criteria}
    ranking = rank(weights, {c.pk: scores.get(c.pk, {}) for c in candidates})
    by_id = {c.pk: c for c in candidates}
    ranked = [
        {
            "candidate": by_id[r.candidate_id],
            "score": r.score,
            "rank": r.rank,
            "scored": r.scored,
            "cells": [scores.get(r.candidate_id, {}).get(c.pk) for c in criteria],
        }
        for r in ranking
    ]
    categories = defaultdict(list)
    for c in candidates:
        categories[c.category].append(c)
    # The proximity test: selected candidates no exchange with a verdict has tested yet.
    tested = {e.candidate_id for e in lists["exchanges"] if e.solidity}
    untested = [c for c in candidates if c.decision == Decision.SELECTED and c.pk not in tested]
    return {
        "candidates": candidates,
        "map_categories": [(cat.label, categories.get(cat.value, [])) for cat in MappingCategory],
        "criteria": criteria,
        "ranked": ranked,
        "matrix": _matrix(candidates),
        "exchanges": lists["exchanges"],
        "untested": untested,
        "alliance_partners": lists["alliance_partners"],
    }


def step4(alliance, request=None, lists=None):
    lists = lists or read_lists(alliance, ["conventions", "convention_parties", "amendments"])
    conventions = lists["conventions"]
    today = timezone.localdate()
    # The checklist's texts, translated once for every convention of the page.
    clauses = [(c.value, str(c.label)) for c in Clause]
    state = {True: _("present"), False: _("missing")}
    for convention in conventions:
        convention.flag_ending = convention.ends_soon(today)
        convention.days_remaining = convention.days_left(today)
        present = set(convention.clauses or [])
        convention.clause_rows = [
            (label, value in present, state[value in present]) for value, label in clauses
        ]
        convention.clauses_missing = len([1 for value, _label in clauses if value not in present])
        convention.extras = []
    # What the apps above show on each convention's card (agreements: its versions), as
    # {"template": …} items: one call a hook for every convention of the page.
    for hook in app_hooks("conventions", "convention_extras"):
        for convention_pk, extras in hook(conventions).items():
            next(c for c in conventions if c.pk == convention_pk).extras.extend(extras)
    return {"conventions": conventions}


def step5(alliance, request=None, lists=None):
    lists = lists or read_lists(
        alliance, ["dossier", "communication", "bodies", "meetings", "agenda_items"]
    )
    communication = lists["communication"]
    return {
        "dossier": _dossier(alliance),
        "bodies": lists["bodies"],
        "meetings": lists["meetings"],
        "internal_communication": [c for c in communication if c.internal],
        "external_communication": [c for c in communication if not c.internal],
    }


STEPS = {1: step1, 2: step2, 3: step3, 4: step4, 5: step5}


def step_data(alliance, step, request=None):
    return STEPS[step](alliance, request=request)


def plan_data(alliance, lists=None):
    lists = lists or read_lists(alliance, ["actions", "action_steps"])
    actions = lists["actions"]
    return {
        "actions": actions,
        "late_count": len([a for a in actions if a.is_late]),
        "timeline": timeline(actions, timezone.localdate()),
    }


def economics_data(alliance, lists=None):
    lists = lists or read_lists(alliance, ["resources", "contributions", "expenses", "shares"])
    resources = lists["resources"]
    contributions = lists["contributions"]
    expenses = lists["expenses"]
    shares = lists["shares"]
    summary = summarise(
        [(r.lever, r.amount) for r in resources],
        [(c.cash, c.in_kind, c.skills) for c in contributions],
        [(e.amount, e.shared) for e in expenses],
        [(s.association.name, s.percent) for s in shares],
    )
    by_lever = []
    for lever in Lever:
        rows = [r for r in resources if r.lever == lever]
        by_lever.append(
            {
                "lever": lever,
                "label": lever.label,
                "rows": rows,
                "total": summary.resources_by_lever.get(lever.value, 0),
            }
        )
    return {
        "resources_by_lever": by_lever,
        "contributions": contributions,
        "expenses": expenses,
        "cost_shares": shares,
        "budget": summary,
    }


def all_step_data(alliance, request=None, diagnosed=None):
    """Every step's data for the alliance file: every list in one query (PostgreSQL).
    `diagnosed`: the association whose self-diagnostic step 1 shows, when already known."""
    lists = read_lists(alliance, list(LISTS))
    data = {}
    for number, function in STEPS.items():
        extra = {"diagnosed": diagnosed} if number == 1 else {}
        data.update(function(alliance, request=request, lists=lists, **extra))
    data.update(plan_data(alliance, lists=lists))
    data.update(economics_data(alliance, lists=lists))
    data["overview_title"] = _("Alliance file")
    return data
