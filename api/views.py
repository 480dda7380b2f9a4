"""« Mon compte » → API: a person's tokens, created (the secret shown once) and revoked."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .forms import TokenForm
from .models import ApiToken


def _page(request, form, new_secret=None, new_token=None, status=200):
    tokens = ApiToken.objects.filter(user=request.user)
    return render(
        request,
        "api/tokens.html",
        {"form": form, "tokens": tokens, "new_secret": new_secret, "new_token": new_token},
        status=status,
    )


@login_required
def token_list(request):
    return _page(request, TokenForm())


@login_required
@require_POST
def token_create(request):
    form = TokenForm(request.POST)
    if not form.is_valid():
        return _page(request, form)
    token, secret = services.create_token(user=request.user, name=form.cleaned_data["name"])
    # Answered here, not redirected: the secret is never stored, not even in the session.
    response = _page(request, TokenForm(), new_secret=secret, new_token=token)
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def token_revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    services.revoke_token(token=token)
    messages.success(request, _("The token « %(name)s » is revoked.") % {"name": token.name})
    return redirect("api_tokens:list")
