"""The network's exports: the members the dashboard shows (its filters, its order), linked from
it, one kind of value per column."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from diagnostics.tests.factories import finished_campaign
from organisations.tests.factories import (
    AssociationFactory,
    NetworkFactory,
    NetworkHeadFactory,
    NetworkMembershipFactory,
)

from .test_network_dashboard import _members

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(client):
    network = NetworkFactory()
    client.force_login(NetworkHeadFactory(network=network).user)
    return network


def _csv(client, network, what, query=""):
    url = reverse("networks:network_export", args=[network.pk, what, "csv"])
    response = client.get(f"{url}?{query}" if query else url)
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_the_exports_keep_the_dashboard_s_filters_and_order(client, network):
    lyon = _members(network, 3, department="69")
    _members(network, 2, department="38")

    every = _csv(client, network, "scores")
    filtered = _csv(client, network, "scores", "department=69&tri=-name")

    assert len(every) == 1 + 5
    assert [row[0] for row in filtered[1:]] == sorted((a.name for a in lyon), reverse=True)
    alliances = _csv(client, network, "alliances", "department=38")
    assert {row[0] for row in alliances[1:]} and all(
        row[0] not in {a.name for a in lyon} for row in alliances[1:]
    )


def test_the_dashboard_links_every_export_with_its_filters(client, network):
    _members(network, 2)
    page = client.get(
        reverse("networks:network_detail", args=[network.pk]), {"department": "69", "tri": "name"}
    ).content.decode()

    for what in ("scores", "alliances"):
        for fmt in ("csv", "xlsx"):
            url = reverse("networks:network_export", args=[network.pk, what, fmt])
            assert f'href="{url}?department=69&amp;tri=name"' in page, (what, fmt)
    assert "Exporter les membres filtrés" in page


def test_the_step_reached_is_always_a_number_and_the_five_steps_are_said_in_words(client, network):
    _members(network, 2)

    sheet = load_workbook(
        io.BytesIO(
            client.get(
                reverse("networks:network_export", args=[network.pk, "alliances", "xlsx"])
            ).content
        )
    ).active

    header = [cell.value for cell in sheet[1]]
    step, done = header.index("Étape atteinte") + 1, header.index("Cinq étapes faites") + 1
    values = [sheet.cell(row=row, column=step).value for row in range(2, sheet.max_row + 1)]
    assert values and all(isinstance(value, int) and 1 <= value <= 5 for value in values)
    words = {sheet.cell(row=row, column=done).value for row in range(2, sheet.max_row + 1)}
    assert words <= {"oui", "non"}
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref


def test_a_member_named_like_a_formula_is_exported_as_text(client, network):
    association = AssociationFactory(name='=HYPERLINK("http://evil.example")')
    NetworkMembershipFactory(network=network, association=association)
    finished_campaign(association, 3)

    rows = _csv(client, network, "scores")
    sheet = load_workbook(
        io.BytesIO(
            client.get(
                reverse("networks:network_export", args=[network.pk, "scores", "xlsx"])
            ).content
        )
    ).active

    assert rows[1][0] == '\'=HYPERLINK("http://evil.example")'
    assert sheet["A2"].data_type == "s" and sheet["A2"].quotePrefix
    assert sheet["C2"].number_format == "DD/MM/YYYY" and sheet["C2"].value is not None
