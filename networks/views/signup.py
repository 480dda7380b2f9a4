"""The sign-up of an association a network invited by e-mail (services.invite_unregistered_
association): the usual sign-up, after which its administrator is asked to accept the network."""

from django.contrib import messages
from django.contrib.auth import login
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.forms import SignupAssociationForm, SignupForm
from organisations.services import MembershipError
from organisations.switcher import set_current_organisation

from .. import services
from ..models import SignupInvitation


def signup_invitation(request, token):
    invitation = get_object_or_404(
        SignupInvitation.objects.select_related("network", "invited_by"), token=token
    )
    if not invitation.is_pending:
        return render(
            request,
            "networks/signup_invitation_invalid.html",
            {"invitation": invitation},
            status=410,
        )
    if request.user.is_authenticated:
        context = {"invitation": invitation, "logged_in": True}
        return render(request, "networks/signup_invitation.html", context)
    data = request.POST if request.method == "POST" else None
    user_form = SignupForm(data, initial={"email": invitation.email})
    association_form = SignupAssociationForm(data, initial={"name": invitation.association_name})
    if data is not None and user_form.is_valid() and association_form.is_valid():
        try:
            user, association, membership = services.sign_up_invited_association(
                invitation=invitation,
                email=user_form.cleaned_data["email"],
                password=user_form.cleaned_data["password1"],
                first_name=user_form.cleaned_data["first_name"],
                last_name=user_form.cleaned_data["last_name"],
                **association_form.cleaned_data,
            )
        except MembershipError as error:
            messages.error(request, str(error))
            return redirect("networks:signup_invitation", token=token)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        set_current_organisation(request, f"association:{association.pk}")
        messages.success(
            request,
            _(
                "Your association is registered. %(network)s asks to follow its work: accept or "
                "decline below."
            )
            % {"network": membership.network.name},
        )
        return redirect("networks:association_networks", pk=association.pk)
    return render(
        request,
        "networks/signup_invitation.html",
        {"invitation": invitation, "user_form": user_form, "association_form": association_form},
    )
