"""Several querysets read in ONE query (PostgreSQL), as model instances.

    LISTS = ListsOf({"figures": lambda a: NeedFigure.objects.filter(alliance=a), ...})
    lists = LISTS.read(alliance, ["figures", ...])

Each queryset's own SQL (its select_related joins, ordering and annotations included) becomes a
`json_agg` subquery of a single SELECT; the rows come back positionally (duplicate column
names kept) and are turned into instances the way Django's ModelIterable does, every value
passed through its field's `to_python`. Prefetches are not run: attach related lists with
`attach()`. On another database (SQLite in the demo smoke test) each queryset is simply
evaluated: same objects, one query each.

Used by the alliance file (all its steps on one page: 20 lists in 1 query). Kept on purpose,
private ORM API and all: with plain querysets (or prefetch_related, one query a list) the page
makes 32 queries, over the 20 every key page is held to (`make bench`).
"""

import itertools
import json
from dataclasses import dataclass, replace
from decimal import Decimal

from django.db import connections
from django.db.models import JSONField
from django.db.models.query import get_related_populators

from core.prepared import execute, prefetched

_numbers = itertools.count(1)
STAND_IN = 2_000_000_007  # a row's id that no row has


class _Pairs(list):
    """A JSON object with its keys in order, duplicates kept."""


def _loads(text):
    return json.loads(text, parse_float=Decimal, object_pairs_hook=_Pairs)


def _plain(value):
    """A JSONField's value: objects back to dicts."""
    if isinstance(value, _Pairs):
        return {key: _plain(v) for key, v in value}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _convert(field, value):
    if value is None:
        return None
    if isinstance(field, JSONField):
        return _plain(value)
    if isinstance(value, _Pairs | list):
        value = _plain(value)
    return field.to_python(value)


def _instances(compiler, db, rows):
    select, klass_info = compiler.select, compiler.klass_info
    annotation_col_map = compiler.annotation_col_map
    fields = [getattr(col, "output_field", None) for col, _sql, _alias in select]
    model_cls = klass_info["model"]
    select_fields = klass_info["select_fields"]
    start, end = select_fields[0], select_fields[-1] + 1
    init_list = [f[0].target.attname for f in select[start:end]]
    populators = get_related_populators(klass_info, select, db)
    objects = []
    for pairs in rows:
        row = [
            _convert(field, value) if field is not None else value
            for field, (_key, value) in zip(fields, pairs, strict=False)
        ]
        obj = model_cls.from_db(db, init_list, row[start:end])
        for populator in populators:
            populator.populate(row, obj)
        for name, position in (annotation_col_map or {}).items():
            setattr(obj, name, row[position])
        objects.append(obj)
    return objects


@dataclass(frozen=True)
class _Plan:
    """The one SELECT of a set of lists, and what turns its row back into instances."""

    db: str
    sql: str
    param_count: int
    statement: str | None  # its name as a prepared statement of the server, once kept
    compilers: tuple


class ListsOf:
    """Named lists of one row (an alliance), each a queryset of that row, read in ONE query.

        LISTS = ListsOf({"figures": lambda a: NeedFigure.objects.filter(alliance=a), ...})
        lists = LISTS.read(alliance, ["figures", ...])

    The SQL of a set of lists depends on the code alone, the row only giving its parameters:
    it is compiled once per process and set of names (compiling 20 querysets cost the
    alliance file about a quarter of its time), as a prepared statement would be. A list
    whose SQL takes anything but the row's primary key as parameters (a date, a user) is
    compiled at each read.
    """

    def __init__(self, lists):
        self.lists = lists
        self._plans = {}

    def __iter__(self):
        return iter(self.lists)

    def read(self, row, names):
        """{name: [instances]} of the row's lists `names`."""
        names = tuple(names)
        if not names:
            return {}
        plan = self._plans.get(names)
        if plan is None:
            querysets = {name: self.lists[name](row) for name in names}
            db = querysets[names[0]].db
            if connections[db].vendor != "postgresql" or any(
                qs._prefetch_related_lookups or qs._fields is not None or qs.db != db
                for qs in querysets.values()
            ):
                return {name: list(qs) for name, qs in querysets.items()}
            # Compiled for a stand-in row: kept only when its id is the SQL's one parameter
            # (a constant that happened to equal the row's id would not be).
            stand_in = type(row)(pk=STAND_IN)
            kept, params = _plan({name: self.lists[name](stand_in) for name in names}, db)
            if params == [STAND_IN] * kept.param_count:
                plan = self._plans[names] = replace(kept, statement=f"fa_lists_{next(_numbers)}")
                params = [row.pk] * plan.param_count
            else:
                plan, params = _plan(querysets, db)
        else:
            params = [row.pk] * plan.param_count
        [texts] = execute(plan.db, plan.sql, params, plan.statement)
        return {
            name: _instances(compiler, plan.db, _loads(text) if text else [])
            for name, compiler, text in zip(names, plan.compilers, texts, strict=True)
        }


def _plan(querysets, db):
    parts, params, compilers = [], [], []
    for queryset in querysets.values():
        compiler = queryset.query.get_compiler(using=db)
        sql, sql_params = compiler.as_sql()
        parts.append(f"(SELECT json_agg(t) FROM ({sql}) t)::text")
        params.extend(sql_params)
        compilers.append(compiler)
    plan = _Plan(db, "SELECT " + ", ".join(parts), len(params), None, tuple(compilers))
    return plan, params


def attach(objects, cache_name, children, key):
    """Sets `children` (grouped by their `key` attribute) as the prefetched `cache_name` of each
    object, as prefetch_related would: `obj.<cache_name>.all()` runs no query."""
    by_parent = {}
    for child in children:
        by_parent.setdefault(getattr(child, key), []).append(child)
    for obj in objects:
        prefetched(obj, cache_name, by_parent.get(obj.pk, []))
