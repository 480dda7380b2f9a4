"""The network dashboard: per-member figures, filters, sorting, and a constant query count."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from alliances.tests.factories import ActionFactory, AllianceFactory, ConventionFactory
from core.tests.stored import summarised_at_the_end
from diagnostics.tests.factories import finished_campaign
from evaluation.tests.factories import IndicatorFactory, MeasurementFactory
from organisations.models import NetworkMembership
from organisations.tests.factories import (
    AssociationFactory,
    NetworkFactory,
    NetworkHeadFactory,
    NetworkMembershipFactory,
)

pytestmark = pytest.mark.django_db


def _members(network, n, *, department="69", sector="social", with_everything=True):
    """n active members, each with a finished diagnostic and an alliance with a late action,
    an indicator and a convention."""
    with summarised_at_the_end():
        return _make_members(network, n, department, sector, with_everything)


def _make_members(network, n, department, sector, with_everything):
    members = []
    for i in range(n):
        association = AssociationFactory(department=department, sector=sector, employees=i % 60)
        NetworkMembershipFactory(network=network, association=association)
        if with_everything:
            finished_campaign(association, 1 + i % 5)
            alliance = AllianceFactory(lead=association)
            ActionFactory(alliance=alliance, due_date=timezone.localdate() - dt.timedelta(days=3))
            indicator = IndicatorFactory(alliance=alliance)
            MeasurementFactory(indicator=indicator)
            ConventionFactory(alliance=alliance)
        members.append(association)
    return members


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_dashboard_costs_the_same_queries_with_10_and_200_members(client):
    small, large = NetworkFactory(), NetworkFactory()
    small_head, large_head = NetworkHeadFactory(network=small), NetworkHeadFactory(network=large)
    _members(small, 10)
    _members(large, 200)
    counts = {}
    for size, network, head in ((10, small, small_head), (200, large, large_head)):
        client.force_login(head.user)
        url = reverse("networks:network_detail", args=[network.pk])
        counts[size] = _count(client, url)

    assert counts[10] == counts[200]
    # The count and the page from the database (stored figures), then the page's 25 members
    # and their alliances in bulk; nothing is cached.
    assert counts[200] <= 20


def test_dashboard_shows_maturity_alliance_step_and_late_actions(client):
    network = NetworkFactory()
    head = NetworkHeadFactory(network=network)
    [member] = _members(network, 1)
    client.force_login(head.user)

    page = client.get(reverse("networks:network_detail", args=[network.pk])).content.decode()

    from alliances.models import Alliance

    alliance = Alliance.objects.get(lead=member)
    assert member.name in page
    assert alliance.title in page
    assert "1 action en retard" in page


def test_filters_narrow_the_members_by_department_and_attention(client):
    network = NetworkFactory()
    head = NetworkHeadFactory(network=network)
    [in_rhone] = _members(network, 1, department="69")
    [in_isere] = _members(network, 1, department="38", with_everything=False)
    client.force_login(head.user)
    url = reverse("networks:network_detail", args=[network.pk])

    page = client.get(url, {"department": "38"}).content.decode()
    assert in_isere.name in page and in_rhone.name not in page

    page = client.get(url, {"attention": "on"}).content.decode()
    assert in_rhone.name in page and in_isere.name not in page

    page = client.get(url, {"maturity": "none"}).content.decode()
    assert in_isere.name in page and in_rhone.name not in page


def test_sorting_and_pagination(client):
    network = NetworkFactory()
    head = NetworkHeadFactory(network=network)
    for i in range(30):
        NetworkMembershipFactory(
            network=network, association=AssociationFactory(name=f"Asso {i:02d}")
        )
    client.force_login(head.user)
    url = reverse("networks:network_detail", args=[network.pk])

    first = client.get(url, {"tri": "-name"}).content.decode()
    assert "Asso 29" in first and "Asso 00" not in first
    assert "(filtrées)" not in first  # a sort is not a filter
    assert "(filtrées)" in client.get(url, {"tri": "-name", "department": "75"}).content.decode()
    second = client.get(url, {"tri": "-name", "page": 2}).content.decode()
    assert "Asso 00" in second and "Asso 29" not in second


def test_a_member_that_left_is_no_longer_on_the_dashboard(client):
    network = NetworkFactory()
    head = NetworkHeadFactory(network=network)
    [stays, leaves] = _members(network, 2, with_everything=False)
    NetworkMembership.objects.filter(association=leaves).update(state=NetworkMembership.State.LEFT)
    client.force_login(head.user)

    page = client.get(reverse("networks:network_detail", args=[network.pk])).content.decode()

    assert stays.name in page and leaves.name not in page


def test_network_picture_hides_groups_under_five_and_shows_quartiles_from_five(client):
    network = NetworkFactory()
    head = NetworkHeadFactory(network=network)
    _members(network, 4, with_everything=False)
    for association in network.memberships.values_list("association", flat=True):
        from organisations.models import Association

        finished_campaign(Association.objects.get(pk=association), 3)
    client.force_login(head.user)
    url = reverse("networks:network_picture", args=[network.pk])

    page = client.get(url).content.decode()
    assert "<rect" not in page.split("axes-title")[1].split("levels-title")[0]

    [fifth] = _members(network, 1, with_everything=False)
    finished_campaign(fifth, 4)
    page = client.get(url).content.decode()
    assert page.count('fill="#dbe7f3"') == 8  # one box per axis


def test_exports_give_each_member_scores_and_alliances(client):
    from io import BytesIO

    from openpyxl import load_workbook

    network = NetworkFactory()
    head = NetworkHeadFactory(network=network)
    [member] = _members(network, 1)
    client.force_login(head.user)

    csv = client.get(reverse("networks:network_export", args=[network.pk, "scores", "csv"]))
    assert csv["Content-Type"].startswith("text/csv")
    text = csv.content.decode("utf-8-sig")
    assert member.name in text and text.count("\n") == 2

    xlsx = client.get(reverse("networks:network_export", args=[network.pk, "alliances", "xlsx"]))
    sheet = load_workbook(BytesIO(xlsx.content)).active
    rows = list(sheet.values)
    assert rows[1][0] == member.name and rows[1][4] == 1  # one late action


def test_network_report_kind_renders_the_overview_for_heads_only(rf, django_user_model):
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    from reports.kinds import get_kind
    from reports.rendering import render_html

    network = NetworkFactory(name="Réseau Imprimé")
    head = NetworkHeadFactory(network=network).user
    [member] = _members(network, 1)
    kind = get_kind("network")

    html = render_html(kind.template, {**kind.build_context(network), "report": None})
    assert "Réseau Imprimé" in html and member.name in html

    request = rf.get("/")
    request.user = head
    kind.check_access(request, network, write=True)
    request.user = NetworkHeadFactory(network=NetworkFactory()).user
    with pytest.raises(Http404):
        kind.check_access(request, network)
    request.user = django_user_model.objects.create_superuser("root@example.org", "x")
    kind.check_access(request, network)
    with pytest.raises(PermissionDenied):
        kind.check_access(request, network, write=True)


def test_a_member_row_shows_three_alliances_most_urgent_first_and_links_to_the_others(client):
    network = NetworkFactory()
    head = NetworkHeadFactory(network=network)
    [member] = _members(network, 1, with_everything=False)
    with summarised_at_the_end():
        quiet = [AllianceFactory(lead=member, title=f"Alliance {c}") for c in "ABCD"]
        late = AllianceFactory(lead=member, title="Alliance Z")
        ActionFactory(alliance=late, due_date=timezone.localdate() - dt.timedelta(days=3))
    client.force_login(head.user)

    page = client.get(reverse("networks:network_detail", args=[network.pk])).content.decode()

    shown = [a.title for a in [late, *quiet] if a.title in page]
    assert shown == ["Alliance Z", "Alliance A", "Alliance B"]
    assert page.index("Alliance Z") < page.index("Alliance A")
    assert "+ 2 autres" in page
    assert reverse("alliances:alliance_list", args=[member.pk]) in page
    assert "1 action en retard" in page  # what to watch counts every alliance


def test_a_page_number_past_the_last_shows_the_last_page(client):
    network = NetworkFactory()
    head = NetworkHeadFactory(network=network)
    for i in range(30):
        NetworkMembershipFactory(
            network=network, association=AssociationFactory(name=f"Asso {i:02d}")
        )
    client.force_login(head.user)
    url = reverse("networks:network_detail", args=[network.pk])

    for number in ("2", "99", "x", "-3"):
        page = client.get(url, {"page": number}).content.decode()
        last = number in ("2", "99")
        assert ("Asso 29" in page) is last and ("Asso 00" in page) is not last
        assert "30 associations adhérentes" in page
        assert ("Page 2 sur 2" if last else "Page 1 sur 2") in page
