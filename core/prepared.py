"""Reads whose SQL depends on the code alone, built and compiled by the ORM once per process.

    alliances_of = Prepared(
        lambda association: Alliance.objects.of_association(association)
        .order_by("title")
        .values_list("pk", "title"),
        association=int,
    )
    rows = alliances_of(association=association.pk)  # [(pk, title), …]

Building a queryset and compiling it to SQL costs Django 0.3 to 2 ms a query, whatever the
data: on the pages that show many things (a dashboard's panels, a network's members), more
than the database takes to answer. A `Prepared` read builds its queryset once, with a
stand-in value for each parameter, compiles it, notes where each stand-in went among the
SQL's parameters, and from then on only runs that SQL with each call's values — what a
prepared statement is, on the ORM's side.

The rules that make it right:
- the queryset's SQL may depend on its parameters' values only through the parameters
  themselves: no `if` on a value, no list of variable length (`__in=[…]`: use a subquery);
- parameters are ints, strings, dates or (aware) datetimes, each declared with its type (a
  stand-in of that type), or lists of ints for `__any` (core/lookups.py); a parameter the
  ORM transforms (`__contains`, `__date`) is refused at the first call;
- the queryset ends with `values_list()`: rows come back as tuples, through each column's
  converters, as `values_list()` gives them.
It is compiled twice at first, with other stand-ins, and refused when anything but the
stand-ins differs (a date computed from a parameter, say). On PostgreSQL its SQL is also a
prepared statement of each database connection, planned by the server once rather than at
each call (`settings.PREPARED_ON_SERVER`; off behind a pooler that shares server connections
between clients, such as PgBouncer in transaction mode). Under `settings.PREPARED_CHECK`
(the test settings) each call also builds and compiles the queryset with its values and
fails when the SQL or its parameters differ from the prepared ones.
"""

import datetime as dt
import itertools
import re
import weakref
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError, ProgrammingError, connections, transaction

_stand_ins = itertools.count(1)
_numbers = itertools.count(1)
# The statements prepared on each database connection (by its driver's connection object:
# a new connection has none), and those the server refused to prepare.
_on_server = weakref.WeakKeyDictionary()
_refused = set()


def _stand_in(kind):
    n = next(_stand_ins)
    if kind is int:
        # Within a 32-bit column's range (the ORM gives up on a value out of its field's
        # range): a small-integer column is not a parameter.
        return 2_000_000_000 + n
    if kind is str:
        return f"\x1fprepared-{n}\x1f"
    if kind is dt.date:
        return dt.date(1000, 1, 1) + dt.timedelta(days=n)
    if kind is dt.datetime:
        return dt.datetime(1000, 1, 1, tzinfo=dt.UTC) + dt.timedelta(seconds=n)
    if kind is list:  # of ints, for `field__any=` (core/lookups.py)
        return [2_000_000_000 + n, 2_000_000_000 - n]
    raise TypeError(f"A prepared parameter is an int, a str, a date or a datetime, not {kind!r}.")


@dataclass(frozen=True)
class _Compiled:
    db: str
    sql: str
    # For each SQL parameter: ("value", constant) or ("param", name, as_text).
    slots: tuple
    compiler: object
    statement: str  # its name as a prepared statement of the database server


class Prepared:
    def __init__(self, build, **parameters):
        self.build = build
        self.parameters = parameters
        self.number = next(_numbers)
        self._compiled = None

    def __call__(self, **values):
        if set(values) != set(self.parameters):
            raise TypeError(f"Expected the parameters {sorted(self.parameters)}.")
        if any(value is None for value in values.values()):
            # The ORM writes IS NULL for None, the prepared SQL `= NULL`: not the same read.
            raise TypeError("A prepared read's parameters are never None.")
        if connections[self._db()].vendor != "postgresql":
            # Elsewhere (SQLite: the demo) the ORM runs it as it is.
            return list(self.build(**values))
        compiled = self._compiled
        if compiled is None:
            # Twice, with other stand-ins: what differs is derived from a parameter.
            compiled, again = self._compile(), self._compile()
            if (compiled.sql, compiled.slots) != (again.sql, again.slots):
                raise TypeError(
                    "A prepared read's SQL depends on its parameters' values (a value derived "
                    "from a parameter, a branch or a list on one): pass what varies as a "
                    "parameter."
                )
            self._compiled = compiled
        params = [
            (str(values[slot[1]]) if slot[2] else values[slot[1]])
            if slot[0] == "param"
            else slot[1]
            for slot in compiled.slots
        ]
        if getattr(settings, "PREPARED_CHECK", False):
            queryset = self.build(**values)
            expected = queryset.query.get_compiler(using=queryset.db).as_sql()
            if expected != (compiled.sql, tuple(params)) and expected != (compiled.sql, params):
                raise AssertionError(
                    "A prepared read's SQL or parameters changed with the values given."
                )
        fetched = execute(compiled.db, compiled.sql, params, compiled.statement)
        # What ValuesListIterable does with the rows it fetched (Django 5.2 selects the
        # columns in values_list's order).
        return list(compiled.compiler.results_iter(results=[fetched], tuple_expected=True))

    def _db(self):
        return self._compiled.db if self._compiled else "default"

    def _compile(self):
        stand_ins = {name: _stand_in(kind) for name, kind in self.parameters.items()}
        queryset = self.build(**stand_ins)
        if queryset._fields is None or queryset._iterable_class.__name__ != "ValuesListIterable":
            raise TypeError("A prepared read ends with values_list() (not flat, not named).")
        compiler = queryset.query.get_compiler(using=queryset.db)
        sql, params = compiler.as_sql()
        by_value = {}
        for name, value in stand_ins.items():
            by_value[_key(value)] = (name, False)
            by_value[_key(str(value))] = (name, True)
        slots, seen = [], set()
        for param in params:
            found = by_value.get(_key(param))
            if found is None:
                slots.append(("value", param))
            else:
                slots.append(("param", *found))
                seen.add(found[0])
        missing = set(stand_ins) - seen
        if missing:
            raise TypeError(
                f"The prepared parameters {sorted(missing)} do not reach the SQL as given "
                "(transformed by a lookup?)."
            )
        return _Compiled(queryset.db, sql, tuple(slots), compiler, f"fa_prepared_{self.number}")


def execute(db, sql, params, name=None):
    """Runs `sql` (SQL of the code alone) and fetches its rows, as the statement `name`
    prepared on the PostgreSQL server when it has one and can: the server then plans it once per
    connection instead of at each call (planning took more of its time than running these
    short reads)."""
    connection = connections[db]
    with connection.cursor() as cursor:
        if name and getattr(settings, "PREPARED_ON_SERVER", True) and name not in _refused:
            prepared = _on_server.setdefault(connection.connection, set())
            if name not in prepared:
                try:
                    # A refused PREPARE must not abort the request's transaction.
                    with transaction.atomic(using=db):
                        cursor.execute(f"PREPARE {name} AS {_numbered(sql)}")
                    prepared.add(name)
                except ProgrammingError:  # the statement itself: never preparable
                    _refused.add(name)
                except DatabaseError:  # the connection or the moment: tried again next time
                    pass
            if name in prepared:
                arguments = f"({', '.join(['%s'] * len(params))})" if params else ""
                cursor.execute(f"EXECUTE {name}{arguments}", params)
                return cursor.fetchall()
        cursor.execute(sql, params)
        return cursor.fetchall()


def _numbered(sql):
    """Django's SQL (%s placeholders, %% for a percent sign) as the server's ($1, $2…)."""
    numbers = itertools.count(1)
    return re.sub(r"%%|%s", lambda m: "%" if m.group() == "%%" else f"${next(numbers)}", sql)


def _key(value):
    if isinstance(value, list):
        return (list, tuple(value))
    return (type(value), value) if isinstance(value, int | str | dt.date) else (None, id(value))


class PreparedModels(Prepared):
    """A prepared read of model instances: `build` returns a queryset of the model (no
    values_list), read with every concrete field and turned into instances as the ORM does
    (`Model.from_db`). For pages that hand instances to shared templates and methods."""

    def __init__(self, build, **parameters):
        self.model = None

        def with_fields(**values):
            queryset = build(**values)
            self.model = queryset.model
            return queryset.values_list(*_attnames(queryset.model))

        super().__init__(with_fields, **parameters)

    def __call__(self, **values):
        rows = super().__call__(**values)
        model, db = self.model, self._db()
        names = _attnames(model)
        return [model.from_db(db, names, row) for row in rows]


def _attnames(model):
    return [field.attname for field in model._meta.concrete_fields]


def prefetched(instance, name, objects):
    """Sets `objects` as the prefetched `name` of `instance`, as prefetch_related would:
    `instance.<name>.all()` then runs no query."""
    queryset = getattr(instance, name).all()
    queryset._result_cache = list(objects)
    queryset._prefetch_done = True
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset
