"""What a network head sees of the members: one row per active member association, gathered
in a fixed number of queries whatever the number of members (see test_network_dashboard)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import OuterRef, Q, Subquery
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.revisions import alliance_scope, association_scope, cached_fragment
from core.url_templates import url_maker

from .alerts import Alerts, alerts_by_member, compute_alerts
from .models import (
    Association,
    NetworkMembership,
)
from .selectors import AllianceRef, alliance_ids_of_members, alliances_of_members
from .step_cache import cached_current_steps
from .stepper import STEP_TITLES

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
    """« étape 3 », « cinq étapes faites »: translated once a page, not once per line (a
    {% blocktranslate %} per line was a fifth of the network dashboard's time)."""
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
    campaign: object = None  # latest finished diagnostic campaign
    result: object = None  # its CampaignResult
    alliances: list[AllianceLine] = field(default_factory=list)

    @property
    def name(self):
        return self.association.name

    @property
    def maturity_level(self):
        return self.result.maturity_level if self.result else None

    @property
    def maturity_label(self):
        level = self.maturity_level
        return gettext("Level %(level)s") % {"level": level} if level else ""

    @property
    def diagnostic_date(self):
        return self.campaign.closed_at if self.campaign else None


@dataclass
class MemberFacts(Watched):
    """What the computed filters and sorts read of a member: cheap enough for all 500."""

    pk: int
    name: str
    maturity_level: int | None = None
    diagnostic_date: object = None
    alliances: list[Alerts] = field(default_factory=list)  # one per alliance


def member_rows(associations, network, today=None) -> list[MemberRow]:
    """One row per association of the queryset, with its latest diagnostic and its alliances."""
    from diagnostics.results import latest_finished_per_association, score_campaigns

    today = today or timezone.localdate()
    since = (
        NetworkMembership.objects.filter(network=network, association_id=OuterRef("pk"))
        .order_by()
        .values("responded_at")[:1]
    )
    rows = {
        a.pk: MemberRow(a, a.member_since)
        for a in associations.annotate(member_since=Subquery(since))
    }
    if not rows:
        return []
    campaigns = latest_finished_per_association(associations.values("pk"))
    results = score_campaigns(campaigns)
    for campaign in campaigns:
        row = rows[campaign.association_id]
        row.campaign, row.result = campaign, results[campaign.pk]

    alliances, by_association = alliances_of_members(associations)
    alerts = {}
    for by_alliance in alerts_by_member(rows, today).values():
        alerts.update(by_alliance)
    if unseen := set(alliances) - set(alerts):  # only if a change went by unnoticed
        alerts.update(compute_alerts(unseen, today))
    steps = cached_current_steps(alliances)
    alliance_url = url_maker("alliances:alliance_detail")
    step_label = _step_labels()
    lines = {
        pk: AllianceLine(
            alliance,
            steps[pk],
            alerts[pk].late_actions,
            alerts[pk].off_track,
            alerts[pk].ending_conventions,
            alliance_url(pk),
            step_label[steps[pk]],
        )
        for pk, alliance in alliances.items()
    }
    for association_id, pks in by_association.items():
        if association_id not in rows:  # the lead of an alliance a member joined
            continue
        rows[association_id].alliances = sorted(
            (lines[pk] for pk in pks), key=lambda line: line.alliance.title
        )
    return list(rows.values())


def page_rows(network, pks):
    """The full rows of a page's members (`pks`, in the page's order), in that order."""
    position = {pk: i for i, pk in enumerate(pks)}
    rows = member_rows(Association.objects.active_in(network).filter(pk__in=position), network)
    return sorted(rows, key=lambda row: position[row.association.pk])


def page_rows_html(request, network, pks):
    """The table rows of a page's members, cached (core/revisions.py) until one of them or
    one of their alliances changes, and for the day (lateness, conventions ending).

    Gathering 25 members' diagnostics, ~250 alliances' steps and alerts and writing them took
    ~25 ms of each visit; the key costs one query (the page's alliances) and one cache read.
    """
    alliance_ids = alliance_ids_of_members(pks)
    scopes = [*(association_scope(pk) for pk in pks), *(alliance_scope(pk) for pk in alliance_ids)]
    parts = (network.pk, tuple(pks), timezone.localdate().isoformat())

    def render():
        rows = page_rows(network, pks)
        return render_to_string("alliances/_member_rows.html", {"rows": rows}, request=request)

    return cached_fragment("network-member-rows", scopes, parts, render)


def member_facts(associations, today=None) -> list[MemberFacts]:
    """For every association of the queryset, what the computed filters and sorts need: its
    latest maturity level and the alerts of its alliances, from small cached figures."""
    from diagnostics.results import latest_finished_per_association, maturity_levels

    today = today or timezone.localdate()
    facts = {pk: MemberFacts(pk, name) for pk, name in associations.values_list("pk", "name")}
    if not facts:
        return []
    campaigns = latest_finished_per_association(associations.values("pk"), light=True)
    levels = maturity_levels(campaigns)
    for campaign in campaigns:
        row = facts[campaign.association_id]
        row.maturity_level, row.diagnostic_date = levels[campaign.pk], campaign.closed_at
    for pk, by_alliance in alerts_by_member(facts, today).items():
        facts[pk].alliances = list(by_alliance.values())
    return list(facts.values())


SORTS = {
    "name": lambda row: row.name.lower(),
    "maturity": lambda row: (row.maturity_level is None, row.maturity_level or 0),
    "diagnostic": lambda row: (row.diagnostic_date is None, row.diagnostic_date or 0),
    "alliances": lambda row: row.alliance_count,
    "attention": lambda row: -row.attention,
}
