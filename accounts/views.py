from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import i18n
from django.views.decorators.http import require_POST

from core.dashboard import collect_panels
from organisations import services as org_services
from organisations.access import association_capability
from organisations.identity_lookup import is_enabled as identity_lookup_enabled
from organisations.models import Association, Invitation
from organisations.switcher import current_organisation, set_current_organisation

from . import services
from .forms import (
    LanguageForm,
    LoginForm,
    QueuedPasswordResetForm,
    SetPasswordFields,
    SignupAssociationForm,
    SignupForm,
)
from .models import User


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    redirect_authenticated_user = True


class PasswordResetView(auth_views.PasswordResetView):
    form_class = QueuedPasswordResetForm
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        services.lift_lockout(user=form.user)
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    success_url = reverse_lazy("accounts:password_change_done")


@login_required
def profile(request):
    """« Mon compte »: who is logged in. Tiny on purpose: it is the benchmark's floor page."""
    return render(
        request, "accounts/profile.html", {"panels": collect_panels("account_panels", request)}
    )


@require_POST
def set_language(request):
    """The language menus. Django's own set_language view checks `next`, sets the language
    cookie and redirects; a logged-in person's choice is also stored on them, so it follows
    them to every device and to their e-mails."""
    form = LanguageForm(request.POST)
    response = i18n.set_language(request)
    if form.is_valid() and request.user.is_authenticated:
        services.choose_language(user=request.user, language=form.cleaned_data["language"])
    return response


@login_required
def dashboard(request):
    org = current_organisation(request)
    if org is not None and org.kind == "network":
        return redirect("networks:network_detail", pk=org.pk)
    if org is not None:
        association = get_object_or_404(Association, pk=org.pk)
        capability = association_capability(request.user, association)
        return render(
            request,
            "dashboards/association.html",
            {
                "association": association,
                "capability": capability,
                "panels": collect_panels("association_panels", request, association, capability),
            },
        )
    if request.user.is_superuser:
        return render(
            request,
            "dashboards/platform.html",
            {"panels": collect_panels("platform_panels", request)},
        )
    # A person with no organisation may still be a guest of a partners' space (its panel).
    return render(
        request,
        "dashboards/no_organisation.html",
        {"panels": collect_panels("personal_panels", request)},
    )


def accept_invitation(request, token):
    invitation = get_object_or_404(Invitation.objects.select_related("association"), token=token)
    if not invitation.is_pending:
        return render(
            request, "accounts/invitation_invalid.html", {"invitation": invitation}, status=410
        )
    existing = User.objects.filter(email__iexact=invitation.email).first()
    if existing is not None:
        if request.user.is_authenticated and request.user.pk == existing.pk:
            if request.method == "POST":
                org_services.accept_invitation(invitation=invitation, user=existing)
                set_current_organisation(request, f"association:{invitation.association_id}")
                messages.success(
                    request, _("You have joined %(name)s.") % {"name": invitation.association.name}
                )
                return redirect("accounts:dashboard")
            return render(request, "accounts/invitation_confirm.html", {"invitation": invitation})
        messages.info(
            request,
            _("Log in with %(email)s to accept the invitation.") % {"email": invitation.email},
        )
        return redirect(f"{reverse_lazy('accounts:login')}?next={request.path}")
    form = SetPasswordFields(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        membership = org_services.join_with_new_account(
            invitation=invitation,
            password=form.cleaned_data["password1"],
            first_name=form.cleaned_data["first_name"],
            last_name=form.cleaned_data["last_name"],
            language=get_language(),
        )
        user = membership.user
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        set_current_organisation(request, f"association:{invitation.association_id}")
        messages.success(
            request, _("Welcome! You have joined %(name)s.") % {"name": invitation.association.name}
        )
        return redirect("accounts:dashboard")
    return render(
        request, "accounts/invitation_accept.html", {"invitation": invitation, "form": form}
    )


def signup(request):
    """A person registers their association and becomes its first administrator."""
    if request.user.is_authenticated:
        return redirect("accounts:dashboard")
    user_form = SignupForm(request.POST or None)
    association_form = SignupAssociationForm(request.POST or None)
    if request.method == "POST" and user_form.is_valid() and association_form.is_valid():
        user, association = org_services.sign_up(
            email=user_form.cleaned_data["email"],
            password=user_form.cleaned_data["password1"],
            first_name=user_form.cleaned_data["first_name"],
            last_name=user_form.cleaned_data["last_name"],
            language=get_language(),
            **association_form.cleaned_data,
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        set_current_organisation(request, f"association:{association.pk}")
        messages.success(request, _("Your association is registered. Welcome!"))
        return redirect("accounts:dashboard")
    return render(
        request,
        "accounts/signup.html",
        {
            "user_form": user_form,
            "association_form": association_form,
            "identity_lookup_enabled": identity_lookup_enabled(),
        },
    )
