"""The associations' side of the partners' space: who is in it, inviting and revoking, what
is waiting for a partner, the partners' recent activity, and the threads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alliances.views.alliance_pages import alliance_context

from .. import selectors, services
from ..access import get_alliance_for_staff, may_manage_guests
from ..forms import CommentForm, InvitationForm
from ..models import AnalysisPublication, GuestAccess, GuestInvitation, ItemKind
from .guests import thread_item


def _guests_page(request, alliance, capability, form=None, status=200):
    can_manage = may_manage_guests(capability, alliance)
    if form is None and can_manage:
        form = InvitationForm(
            alliance=alliance, initial={"ends_on": services.default_end_of_access(alliance)}
        )
    return render(
        request,
        "partnerspace/guests.html",
        alliance_context(
            request,
            alliance,
            capability,
            "guests",
            can_manage=can_manage,
            form=form,
            accesses=selectors.guests_of(alliance),
            invitations=list(
                GuestInvitation.objects.filter(
                    alliance=alliance, accepted_at=None, cancelled_at=None
                ).select_related("partner__partner")
            ),
            waiting=selectors.waiting_for_partners(alliance),
            activity=selectors.recent_activity(alliance),
            published=AnalysisPublication.objects.filter(alliance=alliance).first(),
        ),
        status=status,
    )


@login_required
def guests(request, pk):
    alliance, capability = get_alliance_for_staff(request, pk)
    return _guests_page(request, alliance, capability)


@login_required
@require_POST
def invite(request, pk):
    alliance, capability = get_alliance_for_staff(request, pk, admin=True)
    form = InvitationForm(request.POST, alliance=alliance)
    if form.is_valid():
        try:
            services.invite_guest(alliance=alliance, by=request.user, **form.cleaned_data)
        except services.GuestSpaceError as error:
            form.add_error("email", str(error))
        else:
            messages.success(
                request,
                _("The invitation is sent to %(email)s.") % {"email": form.cleaned_data["email"]},
            )
            return redirect("partnerspace:guests", pk=pk)
    return _guests_page(request, alliance, capability, form=form, status=200)


@login_required
@require_POST
def revoke(request, pk, access_pk):
    alliance, _capability = get_alliance_for_staff(request, pk, admin=True)
    access = get_object_or_404(GuestAccess.objects.filter(alliance=alliance), pk=access_pk)
    services.revoke_access(access=access, by=request.user)
    messages.success(request, _("The access of %(person)s is revoked.") % {"person": access.user})
    return redirect("partnerspace:guests", pk=pk)


@login_required
@require_POST
def cancel_invitation(request, pk, invitation_pk):
    alliance, _capability = get_alliance_for_staff(request, pk, admin=True)
    invitation = get_object_or_404(
        GuestInvitation.objects.filter(alliance=alliance), pk=invitation_pk
    )
    services.cancel_invitation(invitation=invitation)
    messages.success(request, _("The invitation is cancelled."))
    return redirect("partnerspace:guests", pk=pk)


@login_required
@require_POST
def publish_analysis(request, pk):
    alliance, _capability = get_alliance_for_staff(request, pk, admin=True)
    if request.POST.get("publish") == "1":
        services.publish_analysis(alliance=alliance, by=request.user)
        messages.success(request, _("The analysis is shown in the partners' space."))
    else:
        services.unpublish_analysis(alliance=alliance)
        messages.success(request, _("The analysis is no longer shown in the partners' space."))
    return redirect("partnerspace:guests", pk=pk)


@login_required
def staff_thread(request, pk, kind, item_pk):
    """The same thread, from the associations' side: its staff read it, editors write."""
    alliance, capability = get_alliance_for_staff(request, pk)
    item, label = thread_item(alliance, kind, item_pk)
    path = reverse("partnerspace:staff_thread", args=[pk, kind, item_pk])
    form = CommentForm(request.POST or None)
    if request.method == "POST":
        if not capability.can_edit:
            raise PermissionDenied
        if form.is_valid():
            services.post_comment(
                alliance=alliance,
                kind=kind,
                item_id=item_pk,
                author=request.user,
                text=form.cleaned_data["text"],
                item_label=label,
                thread_path=path,
            )
            messages.success(request, _("Your message is posted."))
            return redirect(path)
    return render(
        request,
        "partnerspace/staff_thread.html",
        alliance_context(
            request,
            alliance,
            capability,
            "guests",
            item_label=label,
            kind=kind,
            kind_label=ItemKind(kind).label,
            comments=selectors.thread(alliance, kind, item_pk),
            form=form,
            post_url=path,
            can_write=capability.can_edit,
        ),
    )
