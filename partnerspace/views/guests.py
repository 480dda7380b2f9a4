"""The guest's side: the alliance's shared space, and what a contributor may change in it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alliances.models import Action
from evaluation.forms import MeasurementForm
from evaluation.models import Indicator

from .. import selectors, services
from ..access import get_space_for_guest, get_space_item_for_guest
from ..forms import CommentForm, GuestActionForm
from ..models import GuestAccess, ItemKind, NotificationPreference


def _page(request, access, template, tab, **context):
    services.record_visit(access=access)
    preference = NotificationPreference.objects.filter(user=request.user).first()
    return render(
        request,
        template,
        {
            "access": access,
            "alliance": access.alliance,
            "tab": tab,
            "emails_on": preference is None or preference.comment_emails,
            **context,
        },
    )


@login_required
def spaces(request):
    """The person's partners' spaces (one: straight to it)."""
    accesses = list(
        GuestAccess.objects.active()
        .filter(user=request.user)
        .select_related("alliance__lead", "partner__partner")
    )
    if len(accesses) == 1:
        return redirect("partnerspace:space", pk=accesses[0].alliance_id)
    preference = NotificationPreference.objects.filter(user=request.user).first()
    return render(
        request,
        "partnerspace/spaces.html",
        {"accesses": accesses, "emails_on": preference is None or preference.comment_emails},
    )


@login_required
def space(request, pk):
    access = get_space_for_guest(request, pk)
    return _page(request, access, "partnerspace/space.html", "space", **selectors.overview(access))


@login_required
def plan(request, pk):
    access = get_space_for_guest(request, pk)
    return _page(request, access, "partnerspace/plan.html", "plan", **selectors.plan(access))


@login_required
def indicators(request, pk):
    access = get_space_for_guest(request, pk)
    return _page(
        request,
        access,
        "partnerspace/indicators.html",
        "indicators",
        **selectors.indicators(access),
    )


@login_required
def action_update(request, pk, item_pk):
    access, action = get_space_item_for_guest(request, pk, Action, item_pk, write=True)
    if action.owner_partner_id != access.partner_id:
        raise Http404  # only the actions assigned to its organisation are there for it
    form = GuestActionForm(
        request.POST or None, initial={"status": action.status, "progress": action.progress}
    )
    if request.method == "POST" and form.is_valid():
        services.update_action_as_guest(access=access, action=action, **form.cleaned_data)
        messages.success(request, _("The action is updated."))
        return redirect("partnerspace:plan", pk=pk)
    return _page(
        request,
        access,
        "partnerspace/form.html",
        "plan",
        form=form,
        title=_("Update the action « %(title)s »") % {"title": action.title},
        back=reverse("partnerspace:plan", args=[pk]),
    )


@login_required
def measurement_add(request, pk, item_pk):
    access, indicator = get_space_item_for_guest(request, pk, Indicator, item_pk, write=True)
    if indicator.pk not in selectors.contributed_indicator_ids(access):
        raise Http404  # only the indicators its organisation contributes to
    form = MeasurementForm(
        request.POST or None,
        request.FILES or None,
        indicator=indicator,
        initial={"date": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.record_measurement_as_guest(
            access=access,
            indicator=indicator,
            date=data["date"],
            value=data.get("value"),
            source=data["source"],
            comment=data["comment"],
            evidence_text=data["evidence_text"],
            evidence_file=data.get("evidence_file"),
        )
        messages.success(request, _("The measurement is recorded."))
        return redirect("partnerspace:indicators", pk=pk)
    return _page(
        request,
        access,
        "partnerspace/form.html",
        "indicators",
        form=form,
        multipart=True,
        title=_("New measurement: %(indicator)s") % {"indicator": indicator.name},
        back=reverse("partnerspace:indicators", args=[pk]),
    )


# The tab a thread's item is shown in.
TAB_OF = {
    ItemKind.ACTION: "plan",
    ItemKind.MEETING: "space",
    ItemKind.INDICATOR: "indicators",
    ItemKind.DOSSIER: "space",
}


def thread_item(alliance, kind, item_pk):
    """The shared item a thread hangs from, of this alliance: 404 otherwise."""
    if kind == ItemKind.DOSSIER:
        if item_pk != alliance.pk:
            raise Http404
        return alliance, _("Project file")
    model = selectors.THREAD_MODELS.get(kind)
    if model is None:
        raise Http404
    item = model.objects.filter(alliance=alliance, pk=item_pk).first()
    if item is None:
        raise Http404
    return item, str(item)


@login_required
def thread(request, pk, kind, item_pk):
    access = get_space_for_guest(request, pk)
    item, label = thread_item(access.alliance, kind, item_pk)
    form = CommentForm()
    return _page(
        request,
        access,
        "partnerspace/thread.html",
        TAB_OF[kind],
        item_label=label,
        kind=kind,
        kind_label=ItemKind(kind).label,
        item_pk=item_pk,
        back_url=reverse(f"partnerspace:{TAB_OF[kind]}", args=[pk]),
        comments=selectors.thread(access.alliance, kind, item_pk),
        form=form,
        post_url=reverse("partnerspace:comment", args=[pk, kind, item_pk]),
        can_write=access.can_contribute,
    )


@login_required
@require_POST
def comment(request, pk, kind, item_pk):
    access = get_space_for_guest(request, pk, write=True)
    item, label = thread_item(access.alliance, kind, item_pk)
    form = CommentForm(request.POST)
    path = reverse("partnerspace:thread", args=[pk, kind, item_pk])
    if form.is_valid():
        services.post_comment(
            alliance=access.alliance,
            kind=kind,
            item_id=item_pk,
            author=request.user,
            text=form.cleaned_data["text"],
            access=access,
            item_label=label,
            thread_path=path,
        )
        messages.success(request, _("Your message is posted."))
        return redirect(path)
    return _page(
        request,
        access,
        "partnerspace/thread.html",
        TAB_OF[kind],
        item_label=label,
        kind=kind,
        kind_label=ItemKind(kind).label,
        item_pk=item_pk,
        back_url=reverse(f"partnerspace:{TAB_OF[kind]}", args=[pk]),
        comments=selectors.thread(access.alliance, kind, item_pk),
        form=form,
        post_url=reverse("partnerspace:comment", args=[pk, kind, item_pk]),
        can_write=True,
    )


@login_required
@require_POST
def preferences(request):
    """Anyone who takes part in a thread may turn its e-mails off (or on again)."""
    enabled = request.POST.get("comment_emails") == "on"
    services.set_comment_emails(user=request.user, enabled=enabled)
    messages.success(
        request,
        _("You will receive the e-mails of the threads.")
        if enabled
        else _("You will no longer receive the e-mails of the threads."),
    )
    target = request.POST.get("next", "")
    # A path of this site only: anything else (another site, "-1") goes to the spaces.
    if not target.startswith("/") or not url_has_allowed_host_and_scheme(
        target, {request.get_host()}
    ):
        target = reverse("partnerspace:spaces")
    return HttpResponseRedirect(target)
