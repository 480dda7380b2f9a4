"""The network overview PDF, registered with the generic report pipeline (reports/kinds.py)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from reports.kinds import ReportKind, register

from .models import Association
from .network import member_rows
from .network_picture import picture


def check_access(request, network, write=False):
    """Its heads see and ask for the network's report; platform admins read it."""
    user = request.user
    is_head = user.is_authenticated and network.heads.filter(user=user).exists()
    if not (is_head or (user.is_authenticated and user.is_superuser)):
        raise Http404
    if write and not is_head:
        raise PermissionDenied


def build_context(network):
    rows = member_rows(Association.objects.active_in(network).order_by("name"), network)
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
        model="alliances.Network",
        template="reports/network.html",
        build_context=build_context,
        title=lambda network: _("Network overview – %(name)s") % {"name": network.name},
        filename=lambda network, report: (
            f"reseau-{slugify(network.name)}-{report.created_at:%Y-%m-%d}.pdf"
        ),
        check_access=check_access,
        subject_url=lambda network: reverse("alliances:network_detail", args=[network.pk]),
    )
)
