from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.collation import FrenchOrder

from . import services
from .access import forget_cached_access, get_association_for_user
from .forms import AssociationForm, ChangeRoleForm, InviteColleagueForm
from .models import AssociationMembership, Invitation, NetworkMembership, Role
from .switcher import set_current_organisation


@login_required
def association_detail(request, pk):
    association, capability = get_association_for_user(request, pk)
    networks = NetworkMembership.objects.filter(
        association=association, state=NetworkMembership.State.ACTIVE
    ).select_related("network")
    return render(
        request,
        "organisations/association_detail.html",
        {"association": association, "capability": capability, "networks": networks},
    )


@login_required
def association_edit(request, pk):
    association, capability = get_association_for_user(request, pk, admin=True)
    form = AssociationForm(request.POST or None, instance=association)
    if request.method == "POST" and form.is_valid():
        services.update_association(association=form.instance)
        messages.success(request, _("The association's details are saved."))
        return redirect("organisations:association_detail", pk=association.pk)
    return render(
        request,
        "organisations/association_form.html",
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
                return redirect("organisations:members", pk=association.pk)
    memberships = (
        AssociationMembership.objects.filter(association=association)
        .select_related("user")
        .order_by(FrenchOrder("user__last_name"), FrenchOrder("user__first_name"), "user__email")
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
        "organisations/members.html",
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
            services.change_role(membership=membership, role=form.cleaned_data["role"])
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
    return redirect("organisations:members", pk=association.pk)


@login_required
def remove_member(request, pk, membership_pk):
    association, capability = get_association_for_user(request, pk, admin=True)
    membership = _membership(association, membership_pk)
    if request.method == "POST":
        try:
            services.remove_member(membership=membership)
        except services.MembershipError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("%(name)s no longer has access to the association.") % {"name": membership.user},
            )
        return redirect("organisations:members", pk=association.pk)
    return render(
        request,
        "organisations/member_remove.html",
        {"association": association, "capability": capability, "membership": membership},
    )


@login_required
@require_POST
def revoke_invitation(request, pk, invitation_pk):
    association, _capability = get_association_for_user(request, pk, admin=True)
    invitation = get_object_or_404(Invitation, pk=invitation_pk, association=association)
    services.revoke_invitation(invitation=invitation)
    messages.success(
        request, _("The invitation to %(email)s is cancelled.") % {"email": invitation.email}
    )
    return redirect("organisations:members", pk=association.pk)


@login_required
@require_POST
def switch_organisation(request):
    set_current_organisation(request, request.POST.get("organisation", ""))
    next_url = request.POST.get("next") or ""
    # A path of this site only (redirect() would read "-1" as the name of a view).
    if not next_url.startswith("/") or not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}
    ):
        return redirect("accounts:dashboard")
    return HttpResponseRedirect(next_url)
