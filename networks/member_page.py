"""A page of the network dashboard: how many members match, the page's members in the order
asked, their rows and their first alliances, in four prepared queries (core/prepared.py)
whatever the network's size.

Every figure the dashboard sorts and filters by is stored on the membership
(organisations.models.NetworkMembership, with an index for each order), so the database
walks a network's members in order and stops at the page: numbering them (ROW_NUMBER) stops
there too. Each sort and shape of filters (which filters are given, and the size or maturity
asked, which change the SQL) is its own prepared read; the network, the department, the
sector and the page's first position are its parameters.
"""

import functools
from dataclasses import dataclass

from django.db.models import Count, FilteredRelation, Q, Window
from django.db.models.functions import RowNumber

from core.prepared import Prepared

from .filters import MemberFilter
from .members import ASSOCIATION_SUMS, Member, MemberRow, alliance_lines, member_order, members_of

PAGE_SIZE = 25
#: The filters whose value is a parameter of the query; the others change its SQL.
VALUE_FILTERS = ("department", "sector")

#: What a row shows of a member (read for the page's members only).
ROWS = Prepared(
    lambda network, ids: (
        members_of(network)
        .filter(association_id__any=ids)
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
    values = {name: str(value) for name, value in given.items() if name in VALUE_FILTERS}
    counted = _count_read(shape)(network=network.pk, **values)
    total = counted[0][0] if counted else 0
    page_count = max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1)
    number = min(number, page_count)
    start = (number - 1) * PAGE_SIZE
    found = _page_read(sort, shape)(
        network=network.pk, start=start, end=start + PAGE_SIZE, **values
    )
    ids = [pk for _position, pk in sorted(found)]
    rows = {}
    for pk, name, department, sector, since, *figures in ROWS(network=network.pk, ids=ids):
        sums = [value or 0 for value in figures[3:]]
        rows[pk] = MemberRow(Member(pk, name, department, sector), since, *figures[:3], *sums)
    for member_id, line in alliance_lines(network, ids, lines):
        if member_id in rows:  # not one that left between these reads
            rows[member_id].alliances.append(line)
    return MemberPage([rows[pk] for pk in ids if pk in rows], total, number)


def _filtered(network, structure, values):
    """The network's active members through the dashboard's filters (their logic, not their
    form): a filter's value from `structure`, or from `values` for a parameter."""
    members = members_of(network)
    filters = MemberFilter(queryset=members).filters
    for name, value in structure.items():
        members = filters[name].filter(members, values[name] if value is None else value)
    return members


def _parameters(shape, **more):
    return {"network": int, **more, **{name: str for name, value in shape if value is None}}


# The SQL of each sort and shape of filters is code, not data: kept for the process's life,
# never dropped (a read dropped and made again would be prepared again on every connection).
# The sorts and the filters' validated values bound them: 240 shapes, 10 sorts.


@functools.cache
def _count_read(shape):
    structure = dict(shape)
    return Prepared(
        lambda network, **values: (
            _filtered(network, structure, values)
            .order_by()
            .values("network_id")
            .annotate(n=Count("association_id"))
            .values_list("n")
        ),
        **_parameters(shape),
    )


@functools.cache
def _page_read(sort, shape):
    structure = dict(shape)

    def build(network, start, end, **values):
        # `position <= end` as it is: PostgreSQL then stops numbering at the page's end.
        return (
            _filtered(network, structure, values)
            .annotate(position=Window(RowNumber(), order_by=member_order(sort)))
            .filter(position__gt=start, position__lte=end)
            .order_by()
            .values_list("position", "association_id")
        )

    return Prepared(build, **_parameters(shape, start=int, end=int))
