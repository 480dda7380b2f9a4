"""The network overview PDF, registered with the generic report pipeline (reports/kinds.py)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from organisations.access import network_capability, require
from reports.kinds import ReportKind, register

from .members import member_rows
from .picture import picture


def check_access(request, network, write=False):
    """Its heads see and ask for the network's report; platform admins read it."""
    return require(network_capability(request.user, network), write=write)


def build_context(network):
    rows = member_rows(network)
    return {
        "network": network,
        "p": picture(network),
        "rows": rows,
        "attention": [row for row in rows if row.needs_attention],
        "generated_at": timezone.now(),
    }


NETWORK = register(
    ReportKind(
        code="network",
        label=_("Network report"),
        model="organisations.Network",
        template="reports/network.html",
        build_context=build_context,
        title=lambda network: _("Network overview – %(name)s") % {"name": network.name},
        filename=lambda network, report: (
            f"reseau-{slugify(network.name)}-{report.created_at:%Y-%m-%d}.pdf"
        ),
        check_access=check_access,
        subject_url=lambda network: reverse("networks:network_detail", args=[network.pk]),
    )
)
