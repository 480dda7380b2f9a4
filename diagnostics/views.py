"""Pages of the self-diagnostic. Thin: access helpers first, writes in services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from core.navigation import app_hooks
from organisations.access import get_association_for_user

from . import selectors, services
from .access import get_campaign_for_user, get_respondent_for_user
from .forms import AddRespondentsForm, OpenCampaignForm
from .models import Axis, Campaign, Statement
from .results import campaign_results

# --- Campaigns ---------------------------------------------------------------------------------


@login_required
def campaign_list(request, pk):
    association, capability = get_association_for_user(request, pk)
    campaigns = list(
        Campaign.objects.of_association(association).select_related("version").with_progress()
    )
    mine = {}
    if capability.is_member:
        mine = {
            r.campaign_id: r
            for r in request.user.diagnostic_answers.filter(campaign__association=association)
        }
    for campaign in campaigns:
        campaign.my_respondent = mine.get(campaign.pk)
    return render(
        request,
        "diagnostics/campaign_list.html",
        {
            "association": association,
            "capability": capability,
            "campaigns": campaigns,
            "has_open": any(c.is_open for c in campaigns),
        },
    )


@login_required
def campaign_open(request, pk):
    association, capability = get_association_for_user(request, pk, admin=True)
    form = OpenCampaignForm(
        request.POST if request.method == "POST" else None, association=association
    )
    if request.method == "POST" and form.is_valid():
        try:
            campaign = services.open_campaign(
                association=association,
                opened_by=request.user,
                users=form.cleaned_data["respondents"],
                title=form.cleaned_data["title"],
            )
        except services.DiagnosticError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("The campaign is open. Each respondent finds it on their dashboard."),
            )
            return redirect("diagnostics:campaign_detail", pk=campaign.pk)
    return render(
        request,
        "diagnostics/campaign_open.html",
        {"association": association, "capability": capability, "form": form},
    )


@login_required
def campaign_detail(request, pk):
    """Progress while the campaign runs; its results once it is finished."""
    campaign, capability = get_campaign_for_user(request, pk)
    respondents = selectors.respondents_of(campaign)
    my_respondent = next((r for r in respondents if r.user_id == request.user.pk), None)
    context = {
        "campaign": campaign,
        "association": campaign.association,
        "capability": capability,
        "respondents": respondents,
        "my_respondent": my_respondent,
        "statement_total": selectors.statement_count(campaign.version_id),
        "submitted_count": sum(1 for r in respondents if r.submitted_at),
    }
    if campaign.is_open and capability.can_admin:
        context["add_form"] = AddRespondentsForm(campaign=campaign)
    if campaign.is_open and (capability.can_admin or campaign.opened_by_id == request.user.pk):
        # Who was reminded to finish (notifications, an app above this one, fills the hook).
        for reminded_of in app_hooks("reminded", "respondents_reminded"):
            reminded = reminded_of(campaign)
            for respondent in respondents:
                respondent.reminded = reminded.get(respondent.user_id, [])
    if campaign.is_finished:
        from reports.selectors import reports_panel

        # Help links lead into the association's own workspace: for its staff, not its network.
        context["results"] = campaign_results(campaign, links=capability.is_member)
        context["reports"] = reports_panel(request, "diagnostic", campaign)
    return render(request, "diagnostics/campaign_detail.html", context)


@login_required
def add_respondents(request, pk):
    """Colleagues added to a running campaign (its administrators)."""
    campaign, capability = get_campaign_for_user(request, pk, admin=True)
    if not campaign.is_open:
        messages.error(request, _("This campaign is closed; no one can be added to it."))
        return redirect("diagnostics:campaign_detail", pk=campaign.pk)
    form = AddRespondentsForm(request.POST if request.method == "POST" else None, campaign=campaign)
    if request.method == "POST" and form.is_valid():
        try:
            added = services.add_respondents(
                campaign=campaign, users=form.cleaned_data["respondents"]
            )
        except services.DiagnosticError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                ngettext(
                    "%(n)d colleague added: the campaign is on their dashboard.",
                    "%(n)d colleagues added: the campaign is on their dashboard.",
                    len(added),
                )
                % {"n": len(added)},
            )
            return redirect("diagnostics:campaign_detail", pk=campaign.pk)
    return render(
        request,
        "diagnostics/add_respondents.html",
        {
            "campaign": campaign,
            "association": campaign.association,
            "capability": capability,
            "form": form,
        },
    )


@login_required
@require_POST
def campaign_close(request, pk):
    campaign, _capability = get_campaign_for_user(request, pk, admin=True)
    if campaign.is_open:
        services.close_campaign(campaign=campaign)
        messages.success(request, _("The campaign is closed; its results are below."))
    return redirect("diagnostics:campaign_detail", pk=campaign.pk)


# --- Answering ---------------------------------------------------------------------------------


def _axes(campaign):
    return list(Axis.objects.filter(version_id=campaign.version_id).order_by("position"))


def _given_count(respondent):
    return respondent.answers.filter(Q(value__isnull=False) | Q(dont_know=True)).count()


def _progress(campaign, respondent, axes, position):
    total = selectors.statement_count(campaign.version_id)
    given = _given_count(respondent)
    return {
        "position": position,
        "axis_count": len(axes),
        "given": given,
        "total": total,
        "percent": round(100 * given / total) if total else 0,  # a bar width, not a score
    }


@login_required
def answer_resume(request, pk):
    campaign, _capability, respondent = get_respondent_for_user(request, pk)
    if respondent.has_submitted or not campaign.is_open:
        return redirect("diagnostics:answer_review", pk=campaign.pk)
    position = respondent.last_axis.position if respondent.last_axis else 1
    return redirect("diagnostics:answer_axis", pk=campaign.pk, position=position)


def _inputs_from_post(post, statements_by_id):
    """AnswerInputs from `answer-<statement id>` and `comment-<statement id>` fields."""
    items = {}
    for key, value in post.items():
        kind, _sep, raw_id = key.partition("-")
        # isdigit() alone takes « ² » or « ٣ » for digits that int() then refuses.
        if kind not in ("answer", "comment") or not (raw_id.isascii() and raw_id.isdigit()):
            continue
        statement = statements_by_id.get(int(raw_id))
        if statement is None:
            raise services.DiagnosticError(
                _("This statement is not part of the campaign's questionnaire.")
            )
        current = items.get(statement.pk) or services.AnswerInput(statement=statement)
        if kind == "answer":
            current = services.AnswerInput(statement, value, current.comment)
        else:
            current = services.AnswerInput(statement, current.choice, value)
        items[statement.pk] = current
    return list(items.values())


@login_required
def answer_axis(request, pk, position):
    campaign, _capability, respondent = get_respondent_for_user(request, pk)
    if respondent.has_submitted or not campaign.is_open:
        return redirect("diagnostics:answer_review", pk=campaign.pk)
    axes = _axes(campaign)
    if not 1 <= position <= len(axes):
        raise Http404
    axis = axes[position - 1]
    statements = list(axis.statements.select_related("axis").order_by("position"))
    error = None
    if request.method == "POST":
        try:
            items = _inputs_from_post(request.POST, {s.pk: s for s in statements})
            services.save_answers(respondent=respondent, items=items)
        except services.DiagnosticError as problem:
            error = str(problem)
        else:
            go = request.POST.get("go", "next")
            if go == "previous" and position > 1:
                return redirect("diagnostics:answer_axis", pk=campaign.pk, position=position - 1)
            if go == "next" and position < len(axes):
                return redirect("diagnostics:answer_axis", pk=campaign.pk, position=position + 1)
            if go == "stay":
                messages.success(request, _("Your answers are saved."))
                return redirect("diagnostics:answer_axis", pk=campaign.pk, position=position)
            return redirect("diagnostics:answer_review", pk=campaign.pk)
    services.visit_axis(respondent=respondent, axis=axis)
    answers = {a.statement_id: a for a in respondent.answers.filter(statement__axis=axis)}
    rows = []
    for statement in statements:
        answer = answers.get(statement.pk)
        choice = answer.choice if answer else ""
        comment = answer.comment if answer else ""
        if request.method == "POST":  # nothing typed is lost when a save fails
            choice = request.POST.get(f"answer-{statement.pk}", choice)
            comment = request.POST.get(f"comment-{statement.pk}", comment)
        rows.append({"statement": statement, "choice": choice, "comment": comment})
    return render(
        request,
        "diagnostics/answer_axis.html",
        {
            "campaign": campaign,
            "association": campaign.association,
            "respondent": respondent,
            "axis": axis,
            "axes": axes,
            "rows": rows,
            "scale": campaign.version.scale(),
            "dont_know_label": campaign.version.dont_know_label(),
            "progress": _progress(campaign, respondent, axes, position),
            "previous_position": position - 1 if position > 1 else None,
            "next_position": position + 1 if position < len(axes) else None,
            "error": error,
        },
        status=400 if error else 200,
    )


@login_required
@require_POST
def autosave(request, pk):
    """One answer or one comment, saved as soon as it is given (htmx). Returns a fragment."""
    campaign, _capability, respondent = get_respondent_for_user(request, pk)
    statements = {
        s.pk: s
        for s in Statement.objects.filter(axis__version_id=campaign.version_id).select_related(
            "axis"
        )
    }
    try:
        items = _inputs_from_post(request.POST, statements)
        if not items:
            raise services.DiagnosticError(_("Nothing to save."))
        services.save_answers(respondent=respondent, items=items)
    except services.DiagnosticError as problem:
        # 409: the JS shows this message and does not retry (retrying would not help).
        return HttpResponse(str(problem), status=409, content_type="text/plain; charset=utf-8")
    axes = _axes(campaign)
    raw_position = request.POST.get("position", "")
    position = int(raw_position) if raw_position.isdigit() else 1
    return render(
        request,
        "diagnostics/_saved.html",
        {
            "campaign": campaign,
            "progress": _progress(campaign, respondent, axes, position),
        },
    )


@login_required
def answer_review(request, pk):
    """The respondent's own answers, and the submission (with the unanswered ones listed)."""
    campaign, _capability, respondent = get_respondent_for_user(request, pk)
    if request.method == "POST":
        try:
            campaign = services.submit(respondent=respondent)
        except services.DiagnosticError as problem:
            messages.error(request, str(problem))
            return redirect("diagnostics:answer_review", pk=campaign.pk)
        if campaign.is_finished:
            messages.success(request, _("Thank you! Everyone has answered: the results are ready."))
            return redirect("diagnostics:campaign_detail", pk=campaign.pk)
        messages.success(
            request,
            _(
                "Thank you! Your answers are submitted. "
                "The results will show once everyone has answered."
            ),
        )
        return redirect("diagnostics:answer_review", pk=campaign.pk)
    axes = list(
        Axis.objects.filter(version_id=campaign.version_id)
        .prefetch_related("statements")
        .order_by("position")
    )
    answers = {a.statement_id: a for a in respondent.answers.all()}
    scale = {str(item["value"]): item["label"] for item in campaign.version.scale()}
    groups = []
    unanswered = 0
    for axis in axes:
        rows = []
        for statement in axis.statements.all():
            answer = answers.get(statement.pk)
            given = answer is not None and answer.is_given
            unanswered += 0 if given else 1
            label = ""
            if given:
                label = (
                    campaign.version.dont_know_label()
                    if answer.dont_know
                    else f"{answer.value} · {scale.get(str(answer.value), '')}"
                )
            rows.append(
                {
                    "statement": statement,
                    "given": given,
                    "label": label,
                    "comment": answer.comment if answer else "",
                }
            )
        groups.append(
            {"axis": axis, "rows": rows, "missing": sum(1 for r in rows if not r["given"])}
        )
    return render(
        request,
        "diagnostics/answer_review.html",
        {
            "campaign": campaign,
            "association": campaign.association,
            "respondent": respondent,
            "groups": groups,
            "unanswered": unanswered,
            "can_submit": campaign.is_open and not respondent.has_submitted,
        },
    )
