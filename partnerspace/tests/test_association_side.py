"""The association's side: who is in the space, revoking, what waits for a partner, the
partners' activity, and the analysis published to the space."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from alliances.models import Action
from evaluation.models import Analysis
from partnerspace.models import AnalysisPublication, GuestAccess

from .factories import GuestAccessFactory


def test_the_lead_sees_who_is_in_the_space_since_when_and_their_last_visit(client, space, world):
    guest = space["contributor"]
    client.force_login(guest.user)
    client.get(reverse("partnerspace:space", args=[space["alliance"].pk]))
    client.force_login(world.reader)
    page = client.get(reverse("partnerspace:guests", args=[space["alliance"].pk]))
    assert page.status_code == 200
    rows = {access.user: access for access in page.context["accesses"]}
    assert rows[guest.user].last_visit_at is not None
    assert rows[guest.user].starts_on == guest.starts_on
    assert not page.context["can_manage"]  # a reader reads, never invites nor revokes


def test_the_admin_revokes_an_access_from_the_page(client, space, world):
    access = space["reader"]
    client.force_login(world.assoc_admin)
    url = reverse("partnerspace:revoke", args=[space["alliance"].pk, access.pk])
    assert client.post(url).status_code == 302
    assert GuestAccess.objects.get(pk=access.pk).revoked_at is not None


def test_an_access_of_another_alliance_cannot_be_revoked_through_this_one(client, space, world):
    from alliances.tests.factories import AllianceFactory

    elsewhere = GuestAccessFactory(alliance=AllianceFactory(lead=world.other_association))
    client.force_login(world.assoc_admin)
    url = reverse("partnerspace:revoke", args=[space["alliance"].pk, elsewhere.pk])
    assert client.post(url).status_code == 404
    assert GuestAccess.objects.get(pk=elsewhere.pk).revoked_at is None


def test_a_late_action_of_a_partner_waits_for_it(client, space, world):
    Action.objects.filter(pk=space["own_action"].pk).update(
        due_date=timezone.localdate() - dt.timedelta(days=3)
    )
    client.force_login(world.editor)
    page = client.get(reverse("partnerspace:guests", args=[space["alliance"].pk]))
    assert [a.pk for a in page.context["waiting"]["actions"]] == [space["own_action"].pk]


def test_the_analysis_reaches_the_space_once_published(client, space, world):
    Analysis.objects.create(alliance=space["alliance"], strengths="Une gouvernance claire")
    guest = space["reader"].user
    url = reverse("partnerspace:indicators", args=[space["alliance"].pk])
    client.force_login(guest)
    assert "Une gouvernance claire" not in client.get(url).content.decode()
    client.force_login(world.assoc_admin)
    client.post(
        reverse("partnerspace:publish_analysis", args=[space["alliance"].pk]), {"publish": "1"}
    )
    assert AnalysisPublication.objects.filter(alliance=space["alliance"]).exists()
    client.force_login(guest)
    assert "Une gouvernance claire" in client.get(url).content.decode()


def test_the_association_page_keeps_its_queries_as_guests_and_activity_grow(client, space, world):
    from partnerspace import services

    client.force_login(world.assoc_admin)
    url = reverse("partnerspace:guests", args=[space["alliance"].pk])
    counts = []
    for _round in range(2):
        for _i in range(3):
            access = GuestAccessFactory(alliance=space["alliance"], partner=space["partner"])
            services.record_activity(access, "joined")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
