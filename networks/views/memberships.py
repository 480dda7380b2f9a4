"""The association's side of its networks: invitations to answer, memberships, leaving."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from organisations.access import get_association_for_user
from organisations.models import NetworkMembership
from organisations.services import MembershipError

from .. import services


@login_required
def association_networks(request, pk):
    association, capability = get_association_for_user(request, pk, member=True)
    memberships = NetworkMembership.objects.filter(association=association).select_related(
        "network"
    )
    return render(
        request,
        "networks/association_networks.html",
        {
            "association": association,
            "capability": capability,
            "invited": [m for m in memberships if m.state == NetworkMembership.State.INVITED],
            "active": [m for m in memberships if m.state == NetworkMembership.State.ACTIVE],
            "past": [
                m
                for m in memberships
                if m.state in (NetworkMembership.State.LEFT, NetworkMembership.State.REFUSED)
            ],
        },
    )


def _network_membership(association, membership_pk):
    return get_object_or_404(
        NetworkMembership.objects.select_related("network"),
        pk=membership_pk,
        association=association,
    )


@login_required
@require_POST
def answer_network_invitation(request, pk, membership_pk, answer):
    association, _capability = get_association_for_user(request, pk, admin=True)
    membership = _network_membership(association, membership_pk)
    try:
        if answer == "accept":
            services.accept_network_invitation(membership=membership)
            messages.success(
                request,
                _("%(association)s is now a member of %(network)s, which can read its data.")
                % {"association": association.name, "network": membership.network.name},
            )
        else:
            services.refuse_network_invitation(membership=membership)
            messages.success(
                request,
                _("You declined the invitation of %(network)s.")
                % {"network": membership.network.name},
            )
    except MembershipError as error:
        messages.error(request, str(error))
    return redirect("networks:association_networks", pk=association.pk)


@login_required
def leave_network(request, pk, membership_pk):
    association, capability = get_association_for_user(request, pk, admin=True)
    membership = _network_membership(association, membership_pk)
    if request.method == "POST":
        try:
            services.leave_network(membership=membership)
        except MembershipError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("%(association)s has left %(network)s, which no longer sees its data.")
                % {"association": association.name, "network": membership.network.name},
            )
        return redirect("networks:association_networks", pk=association.pk)
    return render(
        request,
        "networks/network_leave.html",
        {"association": association, "capability": capability, "membership": membership},
    )
