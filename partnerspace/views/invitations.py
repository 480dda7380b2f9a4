"""Accepting an invitation: from the e-mail's link to the shared space."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .. import services
from ..forms import AcceptForm, ConsentForm
from ..models import TERMS_VERSION, GuestInvitation


def accept(request, token):
    invitation = get_object_or_404(
        GuestInvitation.objects.select_related("alliance__lead", "partner__partner", "invited_by"),
        token=token,
    )
    if not invitation.is_pending:
        return render(
            request, "partnerspace/invitation_invalid.html", {"invitation": invitation}, status=410
        )
    existing = get_user_model().objects.filter(email__iexact=invitation.email).first()
    context = {"invitation": invitation, "terms_version": TERMS_VERSION}
    if existing is not None:
        if not (request.user.is_authenticated and request.user.pk == existing.pk):
            messages.info(
                request,
                _("Log in with %(email)s to accept the invitation.") % {"email": invitation.email},
            )
            return redirect(f"{reverse('accounts:login')}?next={request.path}")
        form = ConsentForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            return _enter(request, services.accept_invitation(invitation=invitation, user=existing))
        return render(request, "partnerspace/accept.html", {**context, "form": form})
    form = AcceptForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        access = services.accept_invitation(
            invitation=invitation,
            password=form.cleaned_data["password1"],
            first_name=form.cleaned_data["first_name"],
            last_name=form.cleaned_data["last_name"],
            language=get_language(),
        )
        login(request, access.user, backend="django.contrib.auth.backends.ModelBackend")
        return _enter(request, access)
    return render(request, "partnerspace/accept.html", {**context, "form": form, "new": True})


def _enter(request, access):
    messages.success(
        request,
        _("Welcome to the partners' space of « %(alliance)s ».") % {"alliance": access.alliance},
    )
    return redirect("partnerspace:space", pk=access.alliance_id)
