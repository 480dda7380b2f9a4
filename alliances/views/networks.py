from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from alliances import services
from alliances.access import get_network_for_head, is_network_head
from alliances.forms import InviteAssociationForm
from alliances.models import NetworkMembership
from core.dashboard import collect_panels


@login_required
def network_detail(request, pk):
    network = get_network_for_head(request, pk)
    memberships = list(
        NetworkMembership.objects.filter(network=network)
        .select_related("association")
        .order_by("association__name")
    )
    return render(
        request,
        "alliances/network_detail.html",
        {
            "network": network,
            "is_head": is_network_head(request.user, network),
            "active": [m for m in memberships if m.state == NetworkMembership.State.ACTIVE],
            "invited": [m for m in memberships if m.state == NetworkMembership.State.INVITED],
            "panels": collect_panels("network_panels", request, network),
        },
    )


@login_required
def invite_association(request, pk):
    network = get_network_for_head(request, pk)
    if not is_network_head(request.user, network):
        raise PermissionDenied
    form = InviteAssociationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invite_association_to_network(
                network=network, association=form.association, invited_by=request.user
            )
        except services.MembershipError as error:
            form.add_error("identifier", str(error))
        else:
            messages.success(
                request,
                _("%(association)s is invited. Its administrators will be asked to accept.")
                % {"association": form.association.name},
            )
            return redirect("alliances:network_detail", pk=network.pk)
    return render(request, "alliances/network_invite.html", {"network": network, "form": form})
