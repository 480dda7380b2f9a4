"""What a network head sees of the members: one row per active member association.

Every figure the dashboard sorts and filters on is stored (the latest finished campaign's
maturity level, `Campaign.is_latest`; the alliances' summaries added up per association,
`alliances.AssociationSummary`), so the database filters, orders and cuts a page of any
network, and only the page's members are then read in full: a fixed number of queries
whatever the number of members (see test_network_dashboard).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import F, FilteredRelation, Q
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from alliances.models import Alliance, AllianceMember, AllianceSummary
from alliances.selectors import AllianceRef
from alliances.stepper import STEP_TITLES
from core.collation import COLLATION
from core.url_templates import url_maker
from organisations.models import (
    DEPARTMENT_LABELS,
    SECTOR_LABELS,
    NetworkMembership,
)

SIZES = {
    "none": (_("No employee"), 0, 0),
    "small": (_("1 to 9 employees"), 1, 9),
    "medium": (_("10 to 49 employees"), 10, 49),
    "large": (_("50 employees or more"), 50, None),
}


def size_q(code, prefix=""):
    _label, low, high = SIZES[code]
    q = Q(**{f"{prefix}employees__gte": low})
    if high is not None:
        q &= Q(**{f"{prefix}employees__lte": high})
    return q


def members_of(network):
    """The network's active memberships: what the dashboard filters, sorts and pages."""
    return NetworkMembership.objects.filter(network=network, state=NetworkMembership.State.ACTIVE)


#: The sorts (each also reversed: `-name`…): the figure each orders by (stored on the
#: membership) and whether it starts with the highest (what needs attention most first).
SORTS = {
    "name": (None, False),
    "maturity": ("maturity_level", False),
    "diagnostic": ("diagnostic_date", False),
    "alliances": ("alliances", False),
    "attention": ("attention", True),
}


def sort_asked(request) -> str:
    """The dashboard's sort (`?tri=`): one of SORTS, « - » before it for the reverse order."""
    asked = request.GET.get("tri", "name")
    name = asked.lstrip("-")
    if name not in SORTS:
        return "name"
    return f"-{name}" if asked.startswith("-") else name


def member_order(sort: str) -> list:
    """The ORDER BY of a sort: members without a figure last (first when reversed), then by
    name (French order, the stored key), then by association; what one of the membership's
    indexes walks (organisations.models.MEMBER_ORDERS)."""
    figure, descending = SORTS[sort.lstrip("-")]
    if sort.startswith("-"):
        descending = not descending
    if figure is None:
        direction = "-" if descending else ""
        return [f"{direction}name_key", f"{direction}association_id"]
    column = F(figure).desc(nulls_first=True) if descending else F(figure).asc(nulls_last=True)
    return [column, "name_key", "association_id"]


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
    """The figures to watch, summed over the member's alliances (stored per association,
    alliances.AssociationSummary)."""

    late_actions: int
    off_track: int
    ending_conventions: int

    @property
    def attention(self):
        return self.late_actions + self.off_track + self.ending_conventions

    @property
    def needs_attention(self):
        return bool(self.attention)

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
    alliance_count: int = 0
    late_actions: int = 0
    off_track: int = 0
    ending_conventions: int = 0
    scores: object = None  # that campaign's stored scores (scoring.ScoreSummary), when asked
    # Its alliances, those needing attention first: all of them, or the first few on a page.
    alliances: list[AllianceLine] = field(default_factory=list)

    @property
    def name(self):
        return self.association.name

    @property
    def more_alliances(self):
        """How many alliances are not among its lines."""
        return max(self.alliance_count - len(self.alliances), 0)

    @property
    def maturity_label(self):
        level = self.maturity_level
        return gettext("Level %(level)s") % {"level": level} if level else ""


def member_rows(network, ids=None, *, with_scores=False, lines=None) -> list[MemberRow]:
    """One row per active member (all of them by name, or those of `ids`), with its latest
    diagnostic, the stored sums of its alliances and its alliances (all, or the first
    `lines` of each, those needing attention first): two queries whatever the network's size.
    For a page, `ids` are bound as values (index scans); for the whole network, a subquery
    (binding 5,000 ids would cost Django ~0.2 s)."""
    from diagnostics.scoring import summary_from_json

    memberships = NetworkMembership.objects.filter(
        network=network, state=NetworkMembership.State.ACTIVE
    )
    if ids is not None:
        memberships = memberships.filter(association_id__in=ids)
    latest = FilteredRelation(
        "association__diagnostic_campaigns",
        condition=Q(association__diagnostic_campaigns__is_latest=True),
    )
    fields = [
        "latest__pk",
        "latest__maturity_level",
        "latest__closed_at",
        *(f"association__alliances_summary__{name}" for name in ASSOCIATION_SUMS),
    ]
    rows = {}
    for pk, since, name, department, sector, *figures in (
        memberships.annotate(latest=latest)
        .order_by("name_key", "association_id")  # the dashboard's order by name
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
        sums = [value or 0 for value in figures[3:7]]
        row = MemberRow(Member(pk, name, department, sector), since, *figures[:3], *sums)
        if with_scores:
            row.scores = summary_from_json(figures[7])
        rows[pk] = row
    if not rows:
        return []
    for member_id, line in alliance_lines(network, ids, lines):
        if member_id in rows:  # not one that left between these reads
            rows[member_id].alliances.append(line)
    return list(rows.values())


def alliance_lines(network, ids, lines=None):
    """(member, AllianceLine) of each alliance the network's members (those of `ids`, or all)
    lead or have joined, most attention first, then by title; the first `lines` of each
    member when given."""
    alliance_url = url_maker("alliances:alliance_detail")
    step_label = _step_labels()
    for member_id, pk, title, lead_id, step, late, off_track, ending in _alliance_lines(
        network, ids, lines
    ):
        if step is None and late is None:  # no summary yet: nothing there yet
            step, late, off_track, ending = 1, 0, 0, 0
        yield (
            member_id,
            AllianceLine(
                AllianceRef(pk, title, lead_id),
                step,
                late,
                off_track,
                ending,
                alliance_url(pk),
                step_label[step],
            ),
        )


#: AssociationSummary's sums, in MemberRow's order.
ASSOCIATION_SUMS = ("alliances", "late_actions", "off_track_indicators", "ending_conventions")


def _alliance_lines(network, ids, lines):
    """(member, alliance, title, lead, step, late, off track, ending) of each alliance a
    member leads or has joined, most attention first, then by title; the first `lines` of
    each member when given. One SQL statement written out: the union of two index scans (an
    OR of the two conditions read every alliance) numbered per member, which the ORM
    cannot express (a window over a union) and took ~2 ms a page to compile."""
    alliance, member = Alliance._meta.db_table, AllianceMember._meta.db_table
    summary = AllianceSummary._meta.db_table
    if ids is None:
        members_sql = (
            f"SELECT association_id FROM {NetworkMembership._meta.db_table} "
            "WHERE network_id = %s AND state = %s"
        )
        members_params = [network.pk, NetworkMembership.State.ACTIVE]
    else:
        ids = list(ids)
        members_sql = ", ".join(["%s"] * len(ids)) or "NULL"
        members_params = ids
    attention = (
        "COALESCE(s.late_actions, 0) + COALESCE(s.off_track_indicators, 0)"
        " + COALESCE(s.ending_conventions, 0)"
    )
    # Titles in French order (core.collation): ICU's on PostgreSQL, LOWER() elsewhere.
    title_order = (
        f'm.title COLLATE "{COLLATION}"' if connection.vendor == "postgresql" else "LOWER(m.title)"
    )
    sql = f"""
        SELECT member_id, id, title, lead_id, current_step, late_actions,
               off_track_indicators, ending_conventions
        FROM (
            SELECT m.member_id, m.id, m.title, m.lead_id, s.current_step, s.late_actions,
                   s.off_track_indicators, s.ending_conventions,
                   ROW_NUMBER() OVER (
                       PARTITION BY m.member_id
                       ORDER BY {attention} DESC, {title_order}, m.id
                   ) AS position
            FROM (
                SELECT lead_id AS member_id, id, title, lead_id FROM {alliance}
                WHERE lead_id IN ({members_sql})
                UNION ALL
                SELECT j.association_id, a.id, a.title, a.lead_id
                FROM {member} j JOIN {alliance} a ON a.id = j.alliance_id
                WHERE j.association_id IN ({members_sql}) AND j.state = %s
            ) m
            LEFT JOIN {summary} s ON s.alliance_id = m.id
        ) numbered
        {"WHERE position <= %s" if lines else ""}
        ORDER BY member_id, position
    """
    params = [*members_params, *members_params, AllianceMember.State.ACTIVE]
    if lines:
        params.append(lines)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
