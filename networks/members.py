"""What a network head sees of the members: one row per active member association.

Every figure the dashboard sorts and filters on is stored (the latest finished campaign's
maturity level, `Campaign.is_latest`; the alliances' summaries added up per association,
`alliances.AssociationSummary`), so the database filters, orders and cuts a page of any
network, and only the page's members are then read in full: a fixed number of queries
whatever the number of members (see test_network_dashboard).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import F, FilteredRelation, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Lower
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from alliances.models import AllianceSummary
from alliances.selectors import AllianceRef, alliances_of_members
from alliances.stepper import STEP_TITLES
from core.url_templates import url_maker
from organisations.models import Association, NetworkMembership

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
    """The network's active members, with the stored figures the dashboard sorts on."""
    return Association.objects.active_in(network).annotate(
        latest=FilteredRelation(
            "diagnostic_campaigns", condition=Q(diagnostic_campaigns__is_latest=True)
        ),
        campaign_id=F("latest__pk"),
        maturity_level=F("latest__maturity_level"),
        diagnostic_date=F("latest__closed_at"),
        alliance_count=Coalesce(F("alliances_summary__alliances"), 0),
        attention=Coalesce(F("alliances_summary__attention"), 0),
    )


#: The sorts (each also reversed: `-name`…): the column each reads, and whether it starts
#: with the highest figure (what needs attention most comes first).
SORTS = {
    "name": (Lower("name"), False),
    "maturity": (F("maturity_level"), False),
    "diagnostic": (F("diagnostic_date"), False),
    "alliances": (F("alliance_count"), False),
    "attention": (F("attention"), True),
}


def ordering(sort: str) -> list:
    """The ORDER BY of a sort: members without a figure last (first when reversed), then by
    name."""
    column, descending = SORTS[sort.lstrip("-")]
    if sort.startswith("-"):
        descending = not descending
    key = column.desc(nulls_first=True) if descending else column.asc(nulls_last=True)
    return [key, Lower("name"), "pk"]


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


@dataclass
class MemberRow(Watched):
    association: Association
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


def member_rows(network, associations=None, *, with_scores=False) -> list[MemberRow]:
    """One row per member (all of them, or those of `associations`, a queryset of
    `members_of(network)`), in its order, with their alliances: five queries."""
    from diagnostics.scoring import summary_from_json

    since = (
        NetworkMembership.objects.filter(network=network, association_id=OuterRef("pk"))
        .order_by()
        .values("responded_at")[:1]
    )
    queryset = associations if associations is not None else members_of(network).order_by("name")
    queryset = queryset.annotate(member_since=Subquery(since))
    if with_scores:
        queryset = queryset.annotate(scores=F("latest__scores"))
    rows = {}
    for a in queryset:
        rows[a.pk] = MemberRow(
            a,
            a.member_since,
            a.campaign_id,
            a.maturity_level,
            a.diagnostic_date,
            summary_from_json(a.scores) if with_scores else None,
        )
    if not rows:
        return []
    alliances, by_association = alliances_of_members(Association.objects.filter(pk__in=rows))
    summaries = {
        pk: rest
        for pk, *rest in AllianceSummary.objects.filter(pk__in=alliances).values_list(
            "pk", "current_step", "late_actions", "off_track_indicators", "ending_conventions"
        )
    }
    alliance_url = url_maker("alliances:alliance_detail")
    step_label = _step_labels()
    lines = {}
    for pk, alliance in alliances.items():
        step, late, off_track, ending = summaries.get(pk, (1, 0, 0, 0))
        lines[pk] = AllianceLine(
            alliance, step, late, off_track, ending, alliance_url(pk), step_label[step]
        )
    for association_id, pks in by_association.items():
        if association_id in rows:  # not the lead of an alliance a member joined
            rows[association_id].alliances = sorted(
                (lines[pk] for pk in pks), key=lambda line: line.alliance.title
            )
    return list(rows.values())


def page_rows(network, pks):
    """The full rows of a page's members (`pks`, in the page's order), in that order."""
    position = {pk: i for i, pk in enumerate(pks)}
    rows = member_rows(network, members_of(network).filter(pk__in=position))
    return sorted(rows, key=lambda row: position[row.association.pk])
