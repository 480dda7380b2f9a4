from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alliances import services
from alliances.access import forget_cached_access, get_association_for_user
from alliances.forms import AssociationForm, ChangeRoleForm, InviteColleagueForm
from alliances.models import AssociationMembership, Invitation, NetworkMembership, Role


@login_required
def association_detail(request, pk):
    association, capability = get_association_for_user(request, pk)
    networks = NetworkMembership.objects.filter(
        association=association, state=NetworkMembership.State.ACTIVE
    ).select_related("network")
    return render(
        request,
        "alliances/association_detail.html",
        {"association": association, "capability": capability, "networks": networks},
    )


@login_required
def association_edit(request, pk):
    association, capability = get_association_for_user(request, pk, admin=True)
    form = AssociationForm(request.POST or None, instance=association)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The association's details are saved."))
        return redirect("alliances:association_detail", pk=association.pk)
    return render(
        request,
        "alliances/association_form.html",
        {"association": association, "capability": capability, "form": form},
    )


@login_required
def members(request, pk):
    association, capability = get_association_for_user(request, pk, member=True)
    invite_form = InviteColleagueForm()
    if request.method == "POST":
        if not capability.can_admin:
            raise PermissionDenied
        invite_form = InviteColleagueForm(request.POST)
        if invite_form.is_valid():
            try:
                services.invite_colleague(
                    association=association,
                    email=invite_form.cleaned_data["email"],
                    role=invite_form.cleaned_data["role"],
                    invited_by=request.user,
                )
            except services.MembershipError as error:
                invite_form.add_error("email", str(error))
            else:
                messages.success(
                    request,
                    _("An invitation has been sent to %(email)s.")
                    % {"email": invite_form.cleaned_data["email"]},
                )
                return redirect("alliances:members", pk=association.pk)
    memberships = (
        AssociationMembership.objects.filter(association=association)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__email")
    )
    invitations = [
        invitation
        for invitation in Invitation.objects.filter(
            association=association, accepted_at=None, revoked_at=None
        ).select_related("invited_by")
        if invitation.is_pending
    ]
    return render(
        request,
        "alliances/members.html",
        {
            "association": association,
            "capability": capability,
            "memberships": memberships,
            "invitations": invitations,
            "invite_form": invite_form,
            "roles": Role.choices,
        },
    )


def _membership(association, membership_pk):
    return get_object_or_404(
        AssociationMembership.objects.select_related("user"),
        pk=membership_pk,
        association=association,
    )


@login_required
@require_POST
def change_role(request, pk, membership_pk):
    association, _capability = get_association_for_user(request, pk, admin=True)
    membership = _membership(association, membership_pk)
    form = ChangeRoleForm(request.POST)
    if form.is_valid():
        try:
            services.change_role(membership, form.cleaned_data["role"])
        except services.MembershipError as error:
            messages.error(request, str(error))
        else:
            forget_cached_access(request.user)
            messages.success(
                request,
                _("%(name)s is now %(role)s.")
                % {"name": membership.user, "role": Role(form.cleaned_data["role"]).label.lower()},
            )
    else:
        messages.error(request, _("Choose a role from the list."))
    return redirect("alliances:members", pk=association.pk)


@login_required
def remove_member(request, pk, membership_pk):
    association, capability = get_association_for_user(request, pk, admin=True)
    membership = _membership(association, membership_pk)
    if request.method == "POST":
        try:
            services.remove_member(membership)
        except services.MembershipError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("%(name)s no longer has access to the association.") % {"name": membership.user},
            )
        return redirect("alliances:members", pk=association.pk)
    return render(
        request,
        "alliances/member_remove.html",
        {"association": association, "capability": capability, "membership": membership},
    )


@login_required
@require_POST
def revoke_invitation(request, pk, invitation_pk):
    association, _capability = get_association_for_user(request, pk, admin=True)
    invitation = get_object_or_404(Invitation, pk=invitation_pk, association=association)
    services.revoke_invitation(invitation)
    messages.success(
        request, _("The invitation to %(email)s is cancelled.") % {"email": invitation.email}
    )
    return redirect("alliances:members", pk=association.pk)


@login_required
def association_networks(request, pk):
    association, capability = get_association_for_user(request, pk, member=True)
    memberships = NetworkMembership.objects.filter(association=association).select_related(
        "network"
    )
    return render(
        request,
        "alliances/association_networks.html",
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
            services.accept_network_invitation(membership)
            messages.success(
                request,
                _("%(association)s is now a member of %(network)s, which can read its data.")
                % {"association": association.name, "network": membership.network.name},
            )
        else:
            services.refuse_network_invitation(membership)
            messages.success(
                request,
                _("You declined the invitation of %(network)s.")
                % {"network": membership.network.name},
            )
    except services.MembershipError as error:
        messages.error(request, str(error))
    return redirect("alliances:association_networks", pk=association.pk)


@login_required
def leave_network(request, pk, membership_pk):
    association, capability = get_association_for_user(request, pk, admin=True)
    membership = _network_membership(association, membership_pk)
    if request.method == "POST":
        try:
            services.leave_network(membership)
        except services.MembershipError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("%(association)s has left %(network)s, which no longer sees its data.")
                % {"association": association.name, "network": membership.network.name},
            )
        return redirect("alliances:association_networks", pk=association.pk)
    return render(
        request,
        "alliances/network_leave.html",
        {"association": association, "capability": capability, "membership": membership},
    )
