"""Prepared reads and statements (core/prepared.py, alliances/bundle.py) at their edges: a
PREPARE failed for a passing reason, None, a constant equal to the row's id, the history of a
deletion."""

import contextlib
import datetime as dt

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from alliances.bundle import ListsOf
from alliances.models import Alliance, Amendment
from alliances.tests.factories import AllianceFactory, ConventionFactory
from core.prepared import Prepared, _refused
from core.tests.fixtures import postgresql_only

pytestmark = pytest.mark.django_db


@postgresql_only
@override_settings(PREPARED_ON_SERVER=True)
def test_a_prepare_that_failed_once_for_a_passing_reason_is_tried_again_later():
    """A PREPARE met an aborted transaction (a statement timeout, a lock timeout, a dropped
    connection do the same): the next request, on a sound connection, should prepare it."""
    read = Prepared(lambda title: Alliance.objects.filter(title=title).values_list("pk"), title=str)
    with pytest.raises(DatabaseError), transaction.atomic():
        with connection.cursor() as cursor, contextlib.suppress(DatabaseError):
            # Caught, as code that tries something does: the transaction is now aborted.
            cursor.execute("SELECT 1 / 0")
        read(title="Mobilité")

    with CaptureQueriesContext(connection) as later:
        read(title="Mobilité")

    assert f"fa_prepared_{read.number}" not in _refused
    assert later.captured_queries[-1]["sql"].startswith("EXECUTE")


@override_settings(PREPARED_CHECK=False)
def test_a_prepared_read_refuses_none_which_the_orm_would_read_as_is_null():
    read = Prepared(
        lambda created_by: Alliance.objects.filter(created_by=created_by).values_list("pk"),
        created_by=int,
    )
    AllianceFactory(created_by=None)

    with pytest.raises(TypeError, match="never None"):
        read(created_by=None)


@postgresql_only
def test_a_list_with_a_constant_equal_to_the_first_alliances_id_reads_right_for_the_others():
    """ListsOf keeps a set of lists' SQL when every parameter equals the row's id: a constant
    of a list (a number, here 1) that happens to equal it is then taken for the id."""
    first = AllianceFactory(pk=1) if not Alliance.objects.filter(pk=1).exists() else None
    if first is None:
        pytest.skip("an alliance numbered 1 exists")
    second = AllianceFactory()
    for alliance in (first, second):
        convention = ConventionFactory(alliance=alliance)
        Amendment.objects.create(
            convention=convention,
            number=1,
            title="Avenant 1",
            signed_on=dt.date(2026, 1, 5),
            changes="La durée",
        )
    lists = ListsOf(
        {"first_amendments": lambda a: Amendment.objects.filter(convention__alliance=a, number=1)}
    )

    assert len(lists.read(first, ["first_amendments"])["first_amendments"]) == 1
    assert len(lists.read(second, ["first_amendments"])["first_amendments"]) == 1


def test_deleting_an_alliance_writes_one_history_row_for_each_row_it_deletes():
    from alliances.models import Action
    from alliances.services import delete_alliance
    from alliances.tests.factories import ActionFactory

    alliance = AllianceFactory(title="Pôle mutualisé")
    actions = [ActionFactory(alliance=alliance, title=f"Action {i}") for i in range(3)]
    ConventionFactory(alliance=alliance)
    pk = alliance.pk

    delete_alliance(alliance=alliance)

    deleted_alliances = Alliance.history.filter(history_type="-", id=pk)
    assert list(deleted_alliances.values_list("title", flat=True)) == ["Pôle mutualisé"]
    deleted_actions = Action.history.filter(history_type="-", id__in=[a.pk for a in actions])
    assert sorted(deleted_actions.values_list("title", flat=True)) == [
        "Action 0",
        "Action 1",
        "Action 2",
    ]
