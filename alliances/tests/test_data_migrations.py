"""The data migrations that put existing rows right before the new constraints: rows made the old
way (in the schema before them) come out of the migrations as the rules now say."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

# Before this round's migrations of both apps (evaluation's depend on alliances'): one round
# trip of the schema serves both checks, as it costs most of their time.
BEFORE = [("alliances", "0006_stored_summaries"), ("evaluation", "0003_indicator_status")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


@pytest.fixture
def migrations_from(transactional_db):
    """Rolls the schema back to `targets`, then forward to the latest state, whatever happens."""
    try:
        yield _migrate
    finally:
        _migrate(_latest())


def _association(apps, n):
    return apps.get_model("organisations", "Association").objects.create(
        name=f"Association {n}",
        rna=f"W69{n:07d}",
        department="69",
        sector="social",
        budget_band="lt10k",
    )


def _alliance(apps):
    lead = _association(apps, 1)
    alliance = apps.get_model("alliances", "Alliance").objects.create(title="Pôle", lead=lead)
    partner = apps.get_model("alliances", "Partner").objects.create(
        association=lead, name="Ville de Lyon", actor_type="local_authority"
    )
    link = apps.get_model("alliances", "AlliancePartner").objects.create(
        alliance=alliance, partner=partner, partnership_form="public_policy"
    )
    return alliance, lead, link


@pytest.mark.django_db(transaction=True)
def test_rows_made_before_the_new_rules_come_out_of_the_migrations_as_the_rules_say(
    migrations_from,
):
    apps = migrations_from(BEFORE)
    alliance, lead, link = _alliance(apps)
    convention_model = apps.get_model("alliances", "Convention")
    party_model = apps.get_model("alliances", "ConventionParty")
    convention = convention_model.objects.create(alliance=alliance, kind="partnership", title="C")
    # The phantom party: an association and a partner at once, and a typed name.
    phantom = party_model.objects.create(
        convention=convention, association=lead, partner=link, commitments="A"
    )
    named = party_model.objects.create(
        convention=convention, association=lead, name="Mairie", commitments="B"
    )
    # The same partner twice: merged into the first.
    twice = party_model.objects.create(
        convention=convention, partner=link, commitments="Financer", represented_by=""
    )
    party_model.objects.create(
        convention=convention,
        partner=link,
        commitments="Prêter un bureau",
        represented_by="L'adjointe",
        financial_contribution=Decimal("24000"),
    )
    nameless = party_model.objects.create(convention=convention, commitments="C")
    today = timezone.localdate()
    early = convention_model.objects.create(
        alliance=alliance,
        kind="charter",
        title="Échue trop tôt",
        status="expired",
        end_date=today + dt.timedelta(days=90),
    )
    ended = convention_model.objects.create(
        alliance=alliance,
        kind="charter",
        title="Échue à son terme",
        status="expired",
        start_date=today - dt.timedelta(days=400),
        end_date=today - dt.timedelta(days=1),
    )
    action = apps.get_model("alliances", "Action").objects.create(
        alliance=alliance, title="Recruter", financial_resources=Decimal("-500")
    )

    # Two measurements of one indicator at one date: merged into the latest entered.
    indicator = apps.get_model("evaluation", "Indicator").objects.create(
        alliance=alliance,
        name="Bénévoles formés",
        kind="activities",
        unit="personnes",
        data_source="member_systems",
        target=Decimal("40"),
    )
    measurement = apps.get_model("evaluation", "Measurement").objects
    day = dt.date(2026, 3, 31)
    first = measurement.create(
        indicator=indicator, date=day, value=Decimal("12"), source="Feuilles", comment="Premier"
    )
    latest = measurement.create(indicator=indicator, date=day, value=Decimal("19"), comment="Revu")
    other_day = measurement.create(indicator=indicator, date=dt.date(2026, 6, 30), value=25)

    apps = migrations_from(_latest())

    parties = apps.get_model("alliances", "ConventionParty").objects
    assert list(parties.filter(pk=phantom.pk).values_list("association", "partner", "name")) == [
        (lead.pk, None, "")
    ]
    assert list(parties.filter(pk=named.pk).values_list("association", "partner", "name")) == [
        (None, None, "Mairie")
    ]
    merged = parties.get(partner=link.pk)
    assert merged.pk == twice.pk
    assert merged.commitments == "Financer\n\nPrêter un bureau"
    assert (merged.represented_by, merged.financial_contribution) == (
        "L'adjointe",
        Decimal("24000"),
    )
    assert parties.get(pk=nameless.pk).name == "Partie à préciser"
    assert parties.count() == 4
    conventions = apps.get_model("alliances", "Convention").objects
    assert conventions.get(pk=early.pk).status == "terminated"
    assert conventions.get(pk=ended.pk).status == "expired"
    assert (
        apps.get_model("alliances", "Action").objects.get(pk=action.pk).financial_resources is None
    )
    # Their current state opens their history, so that a first change shows what it changed.
    assert apps.get_model("alliances", "HistoricalConventionParty").objects.count() == 4
    rows = list(
        apps.get_model("evaluation", "Measurement")
        .objects.order_by("date")
        .values_list("pk", "date", "value", "source", "comment")
    )
    assert rows == [
        (latest.pk, day, Decimal("19"), "Feuilles", "Revu\n\nPremier"),
        (other_day.pk, dt.date(2026, 6, 30), Decimal("25"), "", ""),
    ]
    assert first.pk not in [row[0] for row in rows]
