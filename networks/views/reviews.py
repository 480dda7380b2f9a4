"""Network reviews of an alliance: the head leaves one, the association answers in the thread."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alliances.access import get_alliance_for_user
from alliances.views.alliance_pages import alliance_context

from .. import services
from ..forms import ReplyForm, ReviewForm
from ..models import Review
from ..selectors import reviewing_networks, reviews_of


def _reviews_page(request, alliance, capability, *, review_form=None, reply_forms=None, status=200):
    networks = list(reviewing_networks(request.user, alliance))
    reviews = reviews_of(alliance)
    reply_forms = reply_forms or {}
    head_network_ids = {n.pk for n in networks}
    for review in reviews:
        review.can_reply = capability.can_edit or review.network_id in head_network_ids
        review.reply_form = reply_forms.get(review.pk) or ReplyForm(prefix=f"r{review.pk}")
    context = alliance_context(
        request,
        alliance,
        capability,
        "reviews",
        reviews=reviews,
        reviewing_network=networks[0] if networks else None,
        review_form=review_form
        or (ReviewForm(initial={"step": request.GET.get("etape")}) if networks else None),
    )
    return render(request, "networks/reviews.html", context, status=status)


@login_required
def reviews(request, pk):
    alliance, capability = get_alliance_for_user(request, pk)
    return _reviews_page(request, alliance, capability)


@login_required
@require_POST
def review_create(request, pk):
    alliance, capability = get_alliance_for_user(request, pk)
    network = reviewing_networks(request.user, alliance).first()
    if network is None:  # staff, platform admins: reviews come from the network only
        raise PermissionDenied
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return _reviews_page(request, alliance, capability, review_form=form, status=400)
    services.leave_review(
        alliance=alliance,
        network=network,
        author=request.user,
        verdict=form.cleaned_data["verdict"],
        comment=form.cleaned_data["comment"],
        step=form.cleaned_data["step"],
    )
    messages.success(request, _("Your review is sent; the association is told by e-mail."))
    return redirect("networks:reviews", pk=alliance.pk)


@login_required
@require_POST
def review_reply(request, pk, review_pk):
    alliance, capability = get_alliance_for_user(request, pk)
    review = get_object_or_404(
        Review.objects.select_related("network", "alliance__lead"), pk=review_pk, alliance=alliance
    )
    from_network = reviewing_networks(request.user, alliance).filter(pk=review.network_id).exists()
    if not (capability.can_edit or from_network):
        raise PermissionDenied
    form = ReplyForm(request.POST, prefix=f"r{review.pk}")
    if not form.is_valid():
        return _reviews_page(
            request, alliance, capability, reply_forms={review.pk: form}, status=400
        )
    services.reply_to_review(
        review=review,
        author=request.user,
        body=form.cleaned_data["body"],
        from_network=from_network and not capability.is_member,
    )
    messages.success(request, _("Your answer is sent."))
    return redirect(reverse("networks:reviews", args=[alliance.pk]) + f"#review-{review.pk}")
