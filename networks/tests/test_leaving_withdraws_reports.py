"""A network's PDF holds its members' data: when a member leaves, the reports made before are
no longer served, and the next one is made without it."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from networks import services
from networks.report_kind import build_context
from organisations.models import NetworkMembership
from organisations.tests.factories import AssociationFactory, NetworkMembershipFactory
from reports.models import Report
from reports.sharing import create_share_link

pytestmark = pytest.mark.django_db


def _network_report(network, status=Report.Status.READY):
    name = default_storage.save("reports/test/reseau.pdf", ContentFile(b"%PDF-1.4 Partante"))
    page = default_storage.save("reports/test/reseau.html", ContentFile(b"<p>Partante</p>"))
    return Report.objects.create(
        kind="network",
        content_type=ContentType.objects.get_for_model(network),
        object_id=network.pk,
        status=status,
        file=name,
        html_file=page,
    )


def test_a_network_report_made_before_a_member_left_is_no_longer_served(
    client, world, django_capture_on_commit_callbacks
):
    leaving = AssociationFactory(name="Asso Partante")
    membership = NetworkMembershipFactory(network=world.network, association=leaving)
    before = _network_report(world.network)
    other_network_report = _network_report(world.other_network)
    client.force_login(world.network_head)
    download = reverse("reports:download", args=[before.pk])
    assert client.get(download).status_code == 200
    link = create_share_link(report=before, user=world.network_head, days=30)
    shared = reverse("reports:shared_pdf", args=[link.token])
    assert client.get(shared).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        services.leave_network(membership=membership)

    assert client.get(download).status_code == 404
    # Nor through a share link made before, by anyone.
    client.logout()
    assert client.get(shared).status_code == 404
    assert client.get(reverse("reports:shared", args=[link.token])).status_code == 404
    client.force_login(world.network_head)
    listing = client.get(reverse("reports:list", args=["network", world.network.pk]))
    assert download not in listing.content.decode()
    assert not default_storage.exists(before.file.name)
    assert not default_storage.exists(before.html_file.name)
    # Another network's reports are not touched.
    assert Report.objects.filter(pk=other_network_report.pk).exists()
    assert default_storage.exists(other_network_report.file.name)
    # The next report is made without the member that left.
    names = [row.name for row in build_context(world.network)["rows"]]
    assert "Asso Partante" not in names
    assert NetworkMembership.objects.get(pk=membership.pk).state == NetworkMembership.State.LEFT
