"""A page of the network dashboard: its members' ids, their number and the page's place in one
prepared query (core/prepared.py) whatever the network's size, then the page's rows and their
first alliances.

The members are filtered (networks/filters.py), sorted on their stored figures
(members.sorted_members) joining only what the sort and the filters read, numbered and
counted by window functions; only the page's 25 members are then read in full. Each sort
and shape of filters (which filters are given, and the size or maturity asked, which change
the SQL) is its own prepared read; the network, the department, the sector and the page's
first position are its parameters.
"""

import functools
from dataclasses import dataclass

from django.db.models import Count, F, FilteredRelation, Q, Value, Window
from django.db.models.functions import Least, RowNumber

from core.prepared import Prepared
from organisations.models import NetworkMembership

from .filters import MemberFilter
from .members import (
    ASSOCIATION_SUMS,
    Member,
    MemberRow,
    alliance_lines,
    members_of,
    sorted_members,
)

PAGE_SIZE = 25
#: The filters whose value is a parameter of the query; the others change its SQL.
VALUE_FILTERS = ("department", "sector")
#: What a row shows of a member (read for the page's members only).
ROWS = Prepared(
    lambda network, ids: (
        NetworkMembership.objects.filter(
            network=network, state=NetworkMembership.State.ACTIVE, association_id__any=ids
        )
        .annotate(
            latest=FilteredRelation(
                "association__diagnostic_campaigns",
                condition=Q(association__diagnostic_campaigns__is_latest=True),
            )
        )
        .order_by("association_id")
        .values_list(
            "association_id",
            "association__name",
            "association__department",
            "association__sector",
            "responded_at",
            "latest__pk",
            "latest__maturity_level",
            "latest__closed_at",
            *(f"association__alliances_summary__{name}" for name in ASSOCIATION_SUMS),
        )
    ),
    network=int,
    ids=list,
)


@dataclass
class MemberPage:
    rows: list[MemberRow]
    total: int
    number: int  # the page shown (the last one when the number asked is past it)

    @property
    def page_count(self):
        return max((self.total + PAGE_SIZE - 1) // PAGE_SIZE, 1)

    @property
    def previous_number(self):
        return self.number - 1 if self.number > 1 else None

    @property
    def next_number(self):
        return self.number + 1 if self.number < self.page_count else None


def member_page(network, filters: dict, sort: str, number: int, *, lines=3) -> MemberPage:
    """The page `number` of the network's members matching `filters` (a filter's name and
    its validated value) in the order of `sort`, each row with its first `lines` alliances."""
    given = {name: value for name, value in filters.items() if value not in (None, "", False)}
    shape = tuple(
        sorted((name, None if name in VALUE_FILTERS else value) for name, value in given.items())
    )
    found = sorted(
        _page_read(sort, shape)(
            network=network.pk,
            start=(number - 1) * PAGE_SIZE,
            **{name: str(value) for name, value in given.items() if name in VALUE_FILTERS},
        )
    )
    ids = [pk for _position, pk, _total in found]
    rows = {}
    for pk, name, department, sector, since, *figures in ROWS(network=network.pk, ids=ids):
        sums = [value or 0 for value in figures[3:]]
        rows[pk] = MemberRow(Member(pk, name, department, sector), since, *figures[:3], *sums)
    for member_id, line in alliance_lines(network, ids, lines):
        rows[member_id].alliances.append(line)
    total = found[0][2] if found else 0
    number = (found[0][0] - 1) // PAGE_SIZE + 1 if found else 1
    return MemberPage([rows[pk] for pk in ids if pk in rows], total, number)


@functools.lru_cache(maxsize=256)
def _page_read(sort, shape):
    """The prepared read of a sort and a shape of filters ((name, value) of each filter
    given; None for those whose value is a parameter). The SQL is code, not data: kept for
    the process's life (a few hundred shapes at most are ever asked for)."""
    structure = dict(shape)

    def build(network, start, **values):
        members = members_of(network)
        filters = MemberFilter(queryset=members).filters  # their logic, not their form
        for name, value in structure.items():
            members = filters[name].filter(members, values[name] if value is None else value)
        members = sorted_members(members, sort)
        numbered = members.annotate(
            total=Window(Count("*")),
            position=Window(RowNumber(), order_by=list(members.query.order_by)),
        )
        # A page past the last one shows the last one.
        last_start = (F("total") - 1) / PAGE_SIZE * PAGE_SIZE
        first = Least(Value(start), last_start)
        return numbered.filter(position__gt=first, position__lte=first + PAGE_SIZE).values_list(
            "position", "pk", "total"
        )

    parameters = {"network": int, "start": int}
    parameters |= {name: str for name, value in shape if value is None}
    return Prepared(build, **parameters)
