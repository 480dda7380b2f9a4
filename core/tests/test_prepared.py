"""Prepared reads give what their queryset gives, compile once, and refuse what they cannot
run right."""

import datetime as dt

import pytest
from django.db import connection
from django.db.models import Count
from django.test import override_settings

from alliances.models import Action, Alliance
from alliances.tests.factories import ActionFactory, AllianceFactory
from core.prepared import Prepared, PreparedModels, _refused
from core.tests.fixtures import postgresql_only
from organisations.tests.factories import AssociationFactory

pytestmark = pytest.mark.django_db
# Elsewhere (SQLite: the demo) a prepared read is the ORM's plain read.


def _late_actions(association, today):
    return (
        Action.objects.filter(alliance__lead=association, due_date__lt=today)
        .annotate(step_count=Count("steps"))
        .order_by("due_date", "pk")
        .values_list("step_count", "title", "due_date", "alliance__title")
    )


def test_a_prepared_read_gives_what_its_queryset_gives_for_each_value():
    read = Prepared(_late_actions, association=int, today=dt.date)
    first, second = AssociationFactory(), AssociationFactory()
    for association, n in ((first, 3), (second, 2)):
        alliance = AllianceFactory(lead=association)
        for i in range(n):
            ActionFactory(alliance=alliance, due_date=dt.date(2026, 1, 1 + i))

    for association in (first, second):
        for today in (dt.date(2026, 1, 2), dt.date(2026, 2, 1)):
            expected = list(_late_actions(association.pk, today))
            assert read(association=association.pk, today=today) == expected
    assert len(read(association=first.pk, today=dt.date(2026, 2, 1))) == 3


@postgresql_only
@override_settings(PREPARED_CHECK=False)
def test_a_prepared_read_builds_its_queryset_once_then_only_runs_its_sql():
    built = []

    def build(title):
        built.append(title)
        return Alliance.objects.filter(title=title).values_list("pk")

    read = Prepared(build, title=str)
    alliance = AllianceFactory(title="Mobilité solidaire")

    assert read(title="Mobilité solidaire") == [(alliance.pk,)]
    assert read(title="Autre") == []
    assert len(built) == 2  # compiled twice at the first call, to check it, and never again


@postgresql_only
def test_a_parameter_the_orm_transforms_is_refused():
    read = Prepared(
        lambda title: Alliance.objects.filter(title__icontains=title).values_list("pk"),
        title=str,
    )
    with pytest.raises(TypeError, match="do not reach the SQL"):
        read(title="mobilité")


@postgresql_only
def test_a_value_derived_from_a_parameter_is_refused():
    read = Prepared(
        lambda today: Action.objects.filter(due_date__lt=today + dt.timedelta(days=7)).values_list(
            "pk"
        ),
        today=dt.date,
    )
    with pytest.raises(TypeError):
        read(today=dt.date(2026, 1, 1))


@postgresql_only
def test_sql_that_changes_with_a_value_is_caught_under_the_test_settings():
    def build(association):
        queryset = Alliance.objects.filter(lead=association)
        if association < 1_000_000:  # a branch on the value: not preparable
            queryset = queryset.filter(title__startswith="A")
        return queryset.values_list("pk")

    read = Prepared(build, association=int)
    association = AssociationFactory()
    with pytest.raises(AssertionError, match="changed"):
        read(association=association.pk)


@postgresql_only
def test_only_a_values_list_read_is_prepared():
    read = Prepared(lambda association: Alliance.objects.filter(lead=association), association=int)
    with pytest.raises(TypeError, match="values_list"):
        read(association=1)


def test_prepared_models_are_the_instances_the_queryset_gives():
    read = PreparedModels(
        lambda association: Alliance.objects.filter(lead=association).order_by("pk"),
        association=int,
    )
    association = AssociationFactory()
    alliances = [AllianceFactory(lead=association) for _ in range(2)]

    found = read(association=association.pk)

    assert found == alliances
    assert [(a.title, a.lead_id, a.created_at) for a in found] == [
        (a.title, a.lead_id, a.created_at) for a in alliances
    ]
    assert not found[0]._state.adding


def test_a_list_of_ids_is_one_parameter_whatever_its_length():
    read = Prepared(
        lambda ids: Alliance.objects.filter(pk__any=ids).order_by("pk").values_list("pk"),
        ids=list,
    )
    alliances = [AllianceFactory() for _ in range(3)]
    pks = [a.pk for a in alliances]

    assert read(ids=pks) == [(pk,) for pk in pks]
    assert read(ids=pks[:1]) == [(pks[0],)]
    assert read(ids=[]) == []


@postgresql_only
@override_settings(PREPARED_ON_SERVER=True)
def test_on_postgresql_a_prepared_read_is_a_statement_prepared_once_per_connection():
    from django.test.utils import CaptureQueriesContext

    read = Prepared(
        lambda association, today: (
            Action.objects.filter(
                alliance__lead=association, due_date__lt=today, title__startswith="100 %"
            )
            .order_by("pk")
            .values_list("title", "due_date")
        ),
        association=int,
        today=dt.date,
    )
    association = AssociationFactory()
    action = ActionFactory(
        alliance=AllianceFactory(lead=association),
        title="100 % solidaire",
        due_date=dt.date(2026, 1, 1),
    )

    with CaptureQueriesContext(connection) as first:
        found = read(association=association.pk, today=dt.date(2026, 2, 1))
    with CaptureQueriesContext(connection) as second:
        again = read(association=association.pk, today=dt.date(2026, 2, 1))

    assert found == again == [(action.title, action.due_date)]
    assert any(q["sql"].startswith("PREPARE") for q in first.captured_queries)
    assert [q["sql"].split("(")[0] for q in second.captured_queries] == [
        f"EXECUTE fa_prepared_{read.number}"
    ]
    assert read(association=association.pk, today=dt.date(2025, 1, 1)) == []


@postgresql_only
@override_settings(PREPARED_ON_SERVER=True)
def test_a_statement_the_server_refuses_to_prepare_is_run_as_plain_sql():
    read = Prepared(lambda title: Alliance.objects.filter(title=title).values_list("pk"), title=str)
    alliance = AllianceFactory(title="Mobilité solidaire")
    with connection.cursor() as cursor:  # its name already taken: the server refuses it
        cursor.execute(f"PREPARE fa_prepared_{read.number} AS SELECT 1")

    assert read(title="Mobilité solidaire") == [(alliance.pk,)]
    assert f"fa_prepared_{read.number}" in _refused
    assert read(title="Autre") == []
    assert Alliance.objects.filter(pk=alliance.pk).exists()  # the transaction goes on
