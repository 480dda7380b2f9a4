"""What a network head sees of the members: one row per active member association.

Every figure the dashboard sorts and filters on is stored (the latest finished campaign's
maturity level, `Campaign.is_latest`; the alliances' summaries added up per association,
`alliances.AssociationSummary`), so the database filters, orders and cuts a page of any
network, and only the page's members are then read in full: a fixed number of queries
whatever the number of members (see test_network_dashboard).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import F, FilteredRelation, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from alliances.models import Alliance, AllianceMember
from alliances.selectors import AllianceRef
from alliances.stepper import STEP_TITLES
from core.collation import FrenchOrder, name_sort_key
from core.url_templates import url_maker
from organisations.models import (
    DEPARTMENT_LABELS,
    SECTOR_LABELS,
    Association,
    NetworkMembership,
)

SIZES = {
    "none": (_("No employee"), 0, 0),
    "small": (_("1 to 9 employees"), 1, 9),
    "medium": (_("10 to 49 employees"), 10, 49),
    "large": (_("50 employees or more"), 50, None),
}


def size_q(code):
    _label, low, high = SIZES[code]
    q = Q(employees__gte=low)
    if high is not None:
        q &= Q(employees__lte=high)
    return q


def members_of(network):
    """The network's active members: what the dashboard filters, sorts and pages."""
    return Association.objects.active_in(network)


FIGURES = {
    "maturity_level": F("latest__maturity_level"),
    "diagnostic_date": F("latest__closed_at"),
    "alliance_count": Coalesce(F("alliances_summary__alliances"), 0),
    "attention": Coalesce(F("alliances_summary__attention"), 0),
}


def with_figures(members, names):
    """`members` with the stored figures `names` (of FIGURES) a filter or a sort reads: only
    those, so a page by name joins nothing but the memberships."""
    missing = [name for name in names if name not in members.query.annotations]
    if any(name in ("maturity_level", "diagnostic_date") for name in missing) and (
        "latest" not in members.query._filtered_relations
    ):
        members = members.annotate(
            latest=FilteredRelation(
                "diagnostic_campaigns", condition=Q(diagnostic_campaigns__is_latest=True)
            )
        )
    return members.annotate(**{name: FIGURES[name] for name in missing}) if missing else members


#: The sorts (each also reversed: `-name`…): the column each reads, and whether it starts
#: with the highest figure (what needs attention most comes first).
SORTS = {
    "name": (None, False),
    "maturity": ("maturity_level", False),
    "diagnostic": ("diagnostic_date", False),
    "alliances": ("alliance_count", False),
    "attention": ("attention", True),
}


def sorted_members(members, sort: str):
    """`members` in the order of a sort: members without a figure last (first when
    reversed), then by name."""
    figure, descending = SORTS[sort.lstrip("-")]
    if figure:
        members = with_figures(members, [figure])
    column = F(figure) if figure else FrenchOrder("name")
    if sort.startswith("-"):
        descending = not descending
    key = column.desc(nulls_first=True) if descending else column.asc(nulls_last=True)
    return members.order_by(key, FrenchOrder("name"), "pk")


@dataclass
class AllianceLine:
    alliance: AllianceRef
    current_step: int | None
    late_actions: int = 0
    off_track: int = 0
    ending_conventions: int = 0
    url: str = ""
    step_label: str = ""


def _step_labels():
    """« étape 3 », « cinq étapes faites »: translated once a page, not once per line."""
    labels = {n: gettext("step %(n)s") % {"n": n} for n in STEP_TITLES}
    labels[None] = gettext("five steps done")
    return labels


class Watched:
    """The figures to watch, summed over the member's alliances (rows and facts alike)."""

    @property
    def late_actions(self):
        return sum(line.late_actions for line in self.alliances)

    @property
    def off_track(self):
        return sum(line.off_track for line in self.alliances)

    @property
    def ending_conventions(self):
        return sum(line.ending_conventions for line in self.alliances)

    @property
    def attention(self):
        return self.late_actions + self.off_track + self.ending_conventions

    @property
    def needs_attention(self):
        return bool(self.attention)

    @property
    def alliance_count(self):
        return len(self.alliances)

    @property
    def watch_notes(self):
        """[(text, urgent)] of what to watch: built here rather than by a {% blocktranslate %}
        per row and figure, which cost the network dashboard ~5 ms."""
        notes = []
        if n := self.late_actions:
            notes.append((ngettext("%(n)s late action", "%(n)s late actions", n) % {"n": n}, True))
        if n := self.off_track:
            text = ngettext("%(n)s indicator off track", "%(n)s indicators off track", n)
            notes.append((text % {"n": n}, True))
        if n := self.ending_conventions:
            text = ngettext("%(n)s convention ending soon", "%(n)s conventions ending soon", n)
            notes.append((text % {"n": n}, False))
        return notes


@dataclass(frozen=True)
class Member:
    """What the rows show of a member association (a model instance each cost ~0.1 ms)."""

    pk: int
    name: str
    department: str
    sector: str

    @property
    def department_label(self):
        return DEPARTMENT_LABELS.get(self.department, self.department)

    @property
    def sector_label(self):
        return SECTOR_LABELS.get(self.sector, self.sector)


@dataclass
class MemberRow(Watched):
    association: Member
    member_since: object
    campaign_id: int | None = None  # its latest finished diagnostic campaign
    maturity_level: int | None = None
    diagnostic_date: object = None
    scores: object = None  # that campaign's stored scores (scoring.ScoreSummary), when asked
    alliances: list[AllianceLine] = field(default_factory=list)

    @property
    def name(self):
        return self.association.name

    @property
    def maturity_label(self):
        level = self.maturity_level
        return gettext("Level %(level)s") % {"level": level} if level else ""


SUMMARY_FIELDS = (
    "summary__current_step",
    "summary__late_actions",
    "summary__off_track_indicators",
    "summary__ending_conventions",
)


def member_rows(network, ids=None, *, with_scores=False) -> list[MemberRow]:
    """One row per active member (all of them by name, or those of `ids`), with its latest
    diagnostic and its alliances, from the stored figures: two queries. For a page, `ids` are
    bound as values (index scans); for the whole network, subqueries (binding 5,000 ids
    would cost Django ~0.2 s)."""
    from diagnostics.scoring import summary_from_json

    memberships = NetworkMembership.objects.filter(
        network=network, state=NetworkMembership.State.ACTIVE
    )
    if ids is not None:
        memberships = memberships.filter(association_id__in=ids)
    members = memberships.values("association_id") if ids is None else list(ids)
    latest = FilteredRelation(
        "association__diagnostic_campaigns",
        condition=Q(association__diagnostic_campaigns__is_latest=True),
    )
    fields = ["latest__pk", "latest__maturity_level", "latest__closed_at"]
    rows = {}
    for pk, since, name, department, sector, *campaign in (
        memberships.annotate(latest=latest)
        .order_by(FrenchOrder("association__name"), "association_id")
        .values_list(
            "association_id",
            "responded_at",
            "association__name",
            "association__department",
            "association__sector",
            *fields,
            *(["latest__scores"] if with_scores else []),
        )
    ):
        row = MemberRow(Member(pk, name, department, sector), since, *campaign[:3])
        if with_scores:
            row.scores = summary_from_json(campaign[3])
        rows[pk] = row
    if not rows:
        return []
    alliance_url = url_maker("alliances:alliance_detail")
    step_label = _step_labels()
    lines = {}
    # Each alliance with the member it counts for: those it leads, and those it has joined
    # (a union of two index scans; the OR of the two read every alliance).
    led = Alliance.objects.filter(lead_id__in=members).order_by()
    joined = AllianceMember.objects.filter(
        association_id__in=members, state=AllianceMember.State.ACTIVE
    ).order_by()
    for member_id, pk, title, lead_id, step, late, off_track, ending in led.values_list(
        "lead_id", "pk", "title", "lead_id", *SUMMARY_FIELDS
    ).union(
        joined.values_list(
            "association_id",
            "alliance_id",
            "alliance__title",
            "alliance__lead_id",
            *(f"alliance__{name}" for name in SUMMARY_FIELDS),
        ),
        all=True,
    ):
        line = lines.get(pk)
        if line is None:
            if step is None and late is None:  # no summary yet: nothing there yet
                step, late, off_track, ending = 1, 0, 0, 0
            line = lines[pk] = AllianceLine(
                AllianceRef(pk, title, lead_id),
                step,
                late,
                off_track,
                ending,
                alliance_url(pk),
                step_label[step],
            )
        rows[member_id].alliances.append(line)
    for row in rows.values():
        row.alliances.sort(key=lambda line: name_sort_key(line.alliance.title))
    return list(rows.values())


def page_rows(network, pks):
    """The full rows of a page's members (`pks`, in the page's order), in that order."""
    position = {pk: i for i, pk in enumerate(pks)}
    rows = member_rows(network, list(position))
    return sorted(rows, key=lambda row: position[row.association.pk])
