"""« Mon compte → notifications », the signed unsubscribe link and the calendar feed."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from partnerspace.models import NotificationPreference

from . import ical, kinds, services
from .forms import COMMENT_EMAILS, PreferencesForm
from .models import CalendarFeed
from .preferences import DIGEST, audiences_of, deliveries_of, read_unsubscribe_token


@login_required
def preferences(request):
    audiences = audiences_of(request.user)
    kind_list = kinds.kinds_for(audiences)
    chosen = deliveries_of([request.user.pk], [kind.key for kind in kind_list])
    current = {kind.key: chosen[(request.user.pk, kind.key)] for kind in kind_list}
    thread_choice = NotificationPreference.objects.filter(user=request.user).first()
    form = PreferencesForm(
        request.POST if request.method == "POST" else None,
        kind_list=kind_list,
        current=current,
        comment_emails=thread_choice is None or thread_choice.comment_emails,
    )
    if request.method == "POST" and form.is_valid():
        deliveries = dict(form.cleaned_data)
        comment_emails = deliveries.pop(COMMENT_EMAILS)
        comment_emails = comment_emails == kinds.IMMEDIATE if comment_emails else None
        services.save_preferences_page(
            user=request.user, deliveries=deliveries, comment_emails=comment_emails
        )
        messages.success(request, _("Your notification preferences are saved."))
        return redirect("notifications:preferences")
    feed = CalendarFeed.objects.filter(user=request.user).first()
    return render(
        request,
        "notifications/preferences.html",
        {
            "form": form,
            "has_kinds": bool(kind_list),
            "is_guest": request.user.has_guest_access,
            # A guest only: its calendar holds its spaces' shared dates, nothing internal.
            "guest_only": request.user.has_guest_access
            and not audiences & {kinds.STAFF, kinds.HEADS},
            "feed_url": (
                request.build_absolute_uri(reverse("notifications:calendar", args=[feed.token]))
                if feed
                else None
            ),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def calendar_reset(request):
    _feed, created = services.reset_calendar_token(user=request.user)
    if created:
        messages.success(request, _("Your calendar address is ready: add it to your calendar."))
    else:
        messages.success(
            request, _("Your calendar has a new address: the previous one no longer works.")
        )
    return redirect(reverse("notifications:preferences") + "#calendar")


def calendar_feed(request, token):
    """No login: calendar applications cannot log in. The secret token is the key."""
    feed = get_object_or_404(CalendarFeed.objects.select_related("user"), token=token)
    if not feed.user.is_active:
        raise Http404
    response = HttpResponse(
        ical.feed(feed.user, timezone.localdate()), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="faire-alliance.ics"'
    return response


# A mail client's one-click unsubscribe (RFC 8058) POSTs here with no CSRF token, and no one
# is logged in: the signed token is the only key, and it can do nothing but turn mail off.
@csrf_exempt
def unsubscribe(request, token):
    found = read_unsubscribe_token(token)
    if found is None:
        return render(request, "notifications/unsubscribe_invalid.html", status=404)
    user = get_object_or_404(get_user_model(), pk=found[0])
    kind = found[1]
    label = _("the weekly digest") if kind == DIGEST else kinds.KINDS[kind].label
    if request.method == "POST":
        services.unsubscribe(user=user, kind=kind)
        return render(request, "notifications/unsubscribed.html", {"label": label})
    return render(request, "notifications/unsubscribe.html", {"label": label, "email": user.email})
