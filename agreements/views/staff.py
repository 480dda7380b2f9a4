"""The associations' side: the lead drafts and sends versions, follows the answers and reminds;
each party's representative answers (an association's admin, or the lead's admin on behalf of
a party named by a typed name)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from alliances.views.alliance_pages import alliance_context

from .. import selectors, services
from ..access import get_convention_for_user, get_party_for_answer, may_draft, sent_versions
from ..forms import AnswerForm, DraftForm
from .files import serve_frozen_pdf


def _page_url(alliance, convention):
    return reverse("agreements:convention", args=[alliance.pk, convention.pk])


def _render(request, alliance, capability, template, **context):
    return render(
        request,
        template,
        alliance_context(request, alliance, capability, "step4", **context),
    )


@login_required
def convention(request, pk, convention_pk):
    alliance, convention, capability = get_convention_for_user(request, pk, convention_pk)
    page = selectors.convention_page(convention, request.user)
    diff = None
    if page["current"] is not None:
        _previous, diff = selectors.diff_with_previous(page["versions"], page["current"])
    accepted_pdf_url = ""
    if convention.accepted_version:
        accepted_pdf_url = reverse(
            "agreements:pdf", args=[alliance.pk, convention.pk, convention.accepted_version]
        )
    return _render(
        request,
        alliance,
        capability,
        "agreements/convention.html",
        convention=convention,
        may_draft=may_draft(request.user, alliance),
        current_diff=diff,
        acceptances=selectors.acceptances_of(convention),
        accepted_pdf_url=accepted_pdf_url,
        **page,
    )


@login_required
def draft(request, pk, convention_pk):
    alliance, convention, capability = get_convention_for_user(
        request, pk, convention_pk, draft=True
    )
    version = services.draft_of(convention)
    articles = version.articles if version else services.starting_articles(convention)
    form = DraftForm(request.POST or None, articles=articles)
    if request.method == "POST" and form.is_valid():
        services.save_draft(
            convention=convention, articles=form.cleaned_articles(), by=request.user
        )
        messages.success(request, _("The draft is saved. Send it to the parties when it is ready."))
        return redirect(_page_url(alliance, convention))
    if version is not None:
        number = version.number
    else:
        latest = services.latest_version(convention)
        number = latest.number + 1 if latest else 1
    return _render(
        request,
        alliance,
        capability,
        "agreements/draft.html",
        convention=convention,
        form=form,
        number=number,
        cancel_url=_page_url(alliance, convention),
    )


@login_required
@require_POST
def send(request, pk, convention_pk):
    alliance, convention, _capability = get_convention_for_user(
        request, pk, convention_pk, draft=True
    )
    try:
        version = services.send_version(convention=convention, by=request.user)
    except services.NothingToSend as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            _("Version %(n)s is sent: each party's representatives are told by e-mail.")
            % {"n": version.number},
        )
    return redirect(_page_url(alliance, convention))


@login_required
@require_POST
def remind(request, pk, convention_pk):
    alliance, convention, _capability = get_convention_for_user(
        request, pk, convention_pk, draft=True
    )
    version = sent_versions(convention).order_by("-number").first()
    if version is None:
        raise Http404
    try:
        count = services.remind_parties(version=version, by=request.user)
    except services.RemindedRecently as refused:
        messages.warning(request, str(refused))
        return redirect(_page_url(alliance, convention))
    if count:
        messages.success(
            request,
            ngettext(
                "A reminder is sent to the representatives of the party that has not answered.",
                "A reminder is sent to the representatives of the %(n)s parties that have not "
                "answered.",
                count,
            )
            % {"n": count},
        )
    else:
        messages.info(request, _("Nobody to remind: every party has answered."))
    return redirect(_page_url(alliance, convention))


@login_required
def version(request, pk, convention_pk, number):
    alliance, convention, capability = get_convention_for_user(request, pk, convention_pk)
    page = selectors.convention_page(convention, request.user)
    shown = next((v for v in page["versions"] if v.number == number), None)
    if shown is None:
        raise Http404
    previous, diff = selectors.diff_with_previous(page["versions"], shown)
    return _render(
        request,
        alliance,
        capability,
        "agreements/version.html",
        convention=convention,
        shown=shown,
        previous=previous,
        diff=diff,
        page_url=_page_url(alliance, convention),
        **page,
    )


def record_answer(request, *, convention, party, form) -> bool:
    """Shared by the associations' and the guests' answer pages: records the answer to the
    version the form was read on; False, with the reason on the form (a version replaced
    meanwhile, a request missing), when it cannot."""
    if request.method != "POST" or not form.is_valid():
        return False
    answered = get_object_or_404(sent_versions(convention), number=form.cleaned_data["version"])
    try:
        services.answer_version(
            version=answered,
            party=party,
            decision=form.cleaned_data["decision"],
            comment=form.cleaned_data["comment"],
            requests=form.requests(),
            by=request.user,
        )
    except services.AnswerRefused as refusal:
        form.add_error(None, str(refusal))
        return False
    return True


@login_required
def answer(request, pk, convention_pk, number, party_pk):
    alliance, convention, capability = get_convention_for_user(request, pk, convention_pk)
    party = get_party_for_answer(request, alliance, convention, party_pk)
    shown = get_object_or_404(sent_versions(convention), number=number)
    if party.pk not in {row["id"] for row in shown.parties}:
        raise Http404
    form = AnswerForm(
        request.POST or None, articles=shown.articles, initial={"version": shown.number}
    )
    if record_answer(request, convention=convention, party=party, form=form):
        messages.success(request, _("The answer of « %(party)s » is recorded.") % {"party": party})
        return redirect(_page_url(alliance, convention))
    return _render(
        request,
        alliance,
        capability,
        "agreements/answer.html",
        convention=convention,
        shown=shown,
        party=party,
        form=form,
        on_behalf=not party.association_id and not party.partner_id,
        cancel_url=_page_url(alliance, convention),
    )


@login_required
def pdf(request, pk, convention_pk, number):
    _alliance, convention, _capability = get_convention_for_user(request, pk, convention_pk)
    shown = get_object_or_404(sent_versions(convention).select_related("report"), number=number)
    return serve_frozen_pdf(shown)
