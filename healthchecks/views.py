"""Pages of the health check: the associations' side (a tab of the alliance) and the guests'
side (in their partners' space). Thin: access helpers first, writes in services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alliances.selectors import next_meeting
from alliances.views.alliance_pages import alliance_context
from partnerspace import services as space_services
from partnerspace.access import get_space_for_guest
from partnerspace.models import NotificationPreference
from reports.selectors import reports_panel

from . import selectors, services
from .access import (
    get_alliance_for_lead_admin,
    get_health_check_for_guest,
    get_health_check_for_staff,
    is_lead_admin,
    participant_of,
)
from .forms import GapForm, OpenHealthCheckForm
from .parties import people_and_parties
from .results import health_check_results, statement_rows

# --- The associations' side -------------------------------------------------------------------


def _staff_page(request, health_check, capability, template, **extra):
    extra.setdefault("side", _staff_urls(health_check))
    return render(
        request,
        template,
        alliance_context(
            request,
            health_check.alliance,
            capability,
            "health",
            health_check=health_check,
            base_template="healthchecks/staff_base.html",
            **extra,
        ),
    )


def _staff_urls(health_check):
    return {
        "detail": reverse("healthchecks:detail", args=[health_check.pk]),
        "answer": reverse("healthchecks:answer", args=[health_check.pk]),
        "autosave": reverse("healthchecks:autosave", args=[health_check.pk]),
        "submit": reverse("healthchecks:submit", args=[health_check.pk]),
    }


def _guest_urls(health_check):
    args = [health_check.alliance_id, health_check.pk]
    return {
        "detail": reverse("healthchecks:guest_detail", args=args),
        "answer": reverse("healthchecks:guest_answer", args=args),
        "autosave": reverse("healthchecks:guest_autosave", args=args),
        "submit": reverse("healthchecks:guest_submit", args=args),
    }


@login_required
def health_check_list(request, pk):
    alliance, capability = get_alliance_for_lead_admin(request, pk)
    health_checks = list(selectors.health_checks_of(alliance.pk))
    mine = selectors.my_participations(request.user, [h.pk for h in health_checks])
    for health_check in health_checks:
        health_check.mine = mine.get(health_check.pk)
    return render(
        request,
        "healthchecks/list.html",
        alliance_context(
            request,
            alliance,
            capability,
            "health",
            health_checks=health_checks,
            can_open=is_lead_admin(request.user, alliance),
            has_open=any(h.is_open for h in health_checks),
        ),
    )


@login_required
def health_check_open(request, pk):
    alliance, capability = get_alliance_for_lead_admin(request, pk, admin=True)
    form = OpenHealthCheckForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            health_check = services.open_health_check(alliance=alliance, opened_by=request.user)
        except services.HealthCheckError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("The health check is open: every participant is asked by e-mail.")
            )
            return redirect("healthchecks:detail", pk=health_check.pk)
    parties = {}
    for user, key, name, is_guest in people_and_parties(alliance):
        parties.setdefault(key, {"name": name, "guest": is_guest, "people": []})
        parties[key]["people"].append(user)
    return render(
        request,
        "healthchecks/open.html",
        alliance_context(request, alliance, capability, "health", form=form, parties=parties),
    )


@login_required
def health_check_detail(request, pk):
    health_check, capability = get_health_check_for_staff(request, pk)
    participant = selectors.my_participations(request.user, [health_check.pk]).get(health_check.pk)
    context = {
        "participant": participant,
        "participation": selectors.participation_by_party(health_check),
        "can_close": health_check.is_open and is_lead_admin(request.user, health_check.alliance),
        "can_follow_up": capability.can_edit,
    }
    if health_check.is_finished:
        context["data"] = health_check_results(health_check)
        context["reports"] = reports_panel(request, "health_check", health_check)
        context["next_meeting"] = next_meeting(health_check.alliance)
    return _staff_page(request, health_check, capability, "healthchecks/detail.html", **context)


@login_required
@require_POST
def health_check_close(request, pk):
    health_check, _capability = get_health_check_for_staff(request, pk, admin=True)
    services.close_health_check(health_check=health_check)
    messages.success(request, _("The health check is closed: its results are shared."))
    return redirect("healthchecks:detail", pk=health_check.pk)


@login_required
def answer(request, pk):
    health_check, capability = get_health_check_for_staff(request, pk)
    participant = participant_of(request, health_check)
    return _answer_page(
        request,
        health_check,
        participant,
        _staff_urls(health_check),
        lambda template, **extra: _staff_page(request, health_check, capability, template, **extra),
    )


@login_required
@require_POST
def autosave(request, pk):
    health_check, _capability = get_health_check_for_staff(request, pk)
    return _autosave(request, participant_of(request, health_check))


@login_required
def submit(request, pk):
    health_check, capability = get_health_check_for_staff(request, pk)
    participant = participant_of(request, health_check)
    return _submit_page(
        request,
        health_check,
        participant,
        _staff_urls(health_check),
        lambda template, **extra: _staff_page(request, health_check, capability, template, **extra),
    )


def _follow_up(request, pk, service):
    health_check, _capability = get_health_check_for_staff(request, pk, write=True)
    form = GapForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("This gap is not part of the health check's results."))
        return redirect("healthchecks:detail", pk=health_check.pk)
    try:
        follow_up = service(
            health_check=health_check, gap_key=form.cleaned_data["gap"], by=request.user
        )
    except services.HealthCheckError as error:
        messages.error(request, str(error))
    else:
        if follow_up.kind == follow_up.Kind.ACTION:
            messages.success(request, _("The action is added to the action plan."))
        else:
            messages.success(request, _("The gap is on the agenda of the next meeting."))
    return redirect(reverse("healthchecks:detail", args=[health_check.pk]) + "#gaps")


@login_required
@require_POST
def gap_action(request, pk):
    return _follow_up(request, pk, services.gap_to_action)


@login_required
@require_POST
def gap_agenda(request, pk):
    return _follow_up(request, pk, services.gap_to_agenda)


# --- The guests' side -------------------------------------------------------------------------


def _guest_page(request, access, template, **extra):
    space_services.record_visit(access=access)
    # The space's footer says whether the threads' e-mails are on, as its own pages do.
    preference = NotificationPreference.objects.filter(user=request.user).first()
    return render(
        request,
        template,
        {
            "access": access,
            "alliance": access.alliance,
            "tab": "health",
            "emails_on": preference is None or preference.comment_emails,
            "base_template": "healthchecks/guest_base.html",
            **extra,
        },
    )


@login_required
def guest_list(request, pk):
    access = get_space_for_guest(request, pk)
    health_checks = list(selectors.health_checks_of(access.alliance_id))
    mine = selectors.my_participations(request.user, [h.pk for h in health_checks])
    for health_check in health_checks:
        health_check.mine = mine.get(health_check.pk)
    return _guest_page(request, access, "healthchecks/guest_list.html", health_checks=health_checks)


@login_required
def guest_detail(request, pk, hc_pk):
    access, health_check = get_health_check_for_guest(request, pk, hc_pk)
    participant = selectors.my_participations(request.user, [health_check.pk]).get(health_check.pk)
    context = {
        "health_check": health_check,
        "participant": participant,
        "participation": selectors.participation_by_party(health_check),
        "side": _guest_urls(health_check),
    }
    if health_check.is_finished:
        context["data"] = health_check_results(health_check, follow_ups=False)
        context["reports"] = reports_panel(request, "health_check", health_check)
    return _guest_page(request, access, "healthchecks/detail.html", **context)


@login_required
def guest_answer(request, pk, hc_pk):
    access, health_check = get_health_check_for_guest(request, pk, hc_pk)
    participant = participant_of(request, health_check)
    return _answer_page(
        request,
        health_check,
        participant,
        _guest_urls(health_check),
        lambda template, **extra: _guest_page(
            request, access, template, health_check=health_check, **extra
        ),
    )


@login_required
@require_POST
def guest_autosave(request, pk, hc_pk):
    _access, health_check = get_health_check_for_guest(request, pk, hc_pk)
    return _autosave(request, participant_of(request, health_check))


@login_required
def guest_submit(request, pk, hc_pk):
    access, health_check = get_health_check_for_guest(request, pk, hc_pk)
    participant = participant_of(request, health_check)
    return _submit_page(
        request,
        health_check,
        participant,
        _guest_urls(health_check),
        lambda template, **extra: _guest_page(
            request, access, template, health_check=health_check, **extra
        ),
    )


# --- Answering, on either side ----------------------------------------------------------------


def _choices_from_post(post) -> dict[str, str]:
    return {
        key.removeprefix("answer-"): value
        for key, value in post.items()
        if key.startswith("answer-")
    }


def _position(raw, default, count) -> int:
    # A long run of digits is no axis (and int() refuses more than 4,300 of them).
    position = int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 3 else default
    return min(max(position, 1), count)


def _answer_page(request, health_check, participant, urls, page):
    if participant.has_submitted or not health_check.is_open:
        return redirect(urls["submit"])
    axes = statement_rows(health_check.questionnaire, selectors.my_answers(participant))
    position = _position(request.GET.get("axe", ""), participant.last_axis, len(axes))
    error = None
    if request.method == "POST":
        choices = _choices_from_post(request.POST)
        try:
            services.save_answers(participant=participant, choices=choices)
        except services.HealthCheckError as problem:
            error = str(problem)
            for statement in axes[position - 1]["statements"]:
                statement["choice"] = choices.get(statement["code"], statement["choice"])
        else:
            go = request.POST.get("go", "next")
            target = {"previous": position - 1, "next": position + 1}.get(go)
            if target and 1 <= target <= len(axes):
                services.visit_axis(participant=participant, position=target)
                return redirect(f"{urls['answer']}?axe={target}")
            return redirect(urls["submit"])
    services.visit_axis(participant=participant, position=position)
    given = sum(1 for axis in axes for s in axis["statements"] if s["choice"])
    total = sum(len(axis["statements"]) for axis in axes)
    response = page(
        "healthchecks/answer.html",
        participant=participant,
        axes=axes,
        axis=axes[position - 1],
        position=position,
        previous_position=position - 1 if position > 1 else None,
        next_position=position + 1 if position < len(axes) else None,
        scale=health_check.questionnaire.scale(),
        dont_know_label=health_check.questionnaire.dont_know_label(),
        progress=_progress(position, len(axes), given, total),
        error=error,
        side=urls,
    )
    if error:
        response.status_code = 400
    return response


def _progress(position, axis_count, given, total) -> dict:
    return {
        "position": position,
        "axis_count": axis_count,
        "given": given,
        "total": total,
        "percent": round(100 * given / total) if total else 0,
    }


def _autosave(request, participant):
    choices = _choices_from_post(request.POST)
    try:
        if not choices:
            raise services.HealthCheckError(_("Nothing to save."))
        services.save_answers(participant=participant, choices=choices)
    except services.HealthCheckError as problem:
        # 409: the page's script shows the message and does not retry.
        return HttpResponse(str(problem), status=409, content_type="text/plain; charset=utf-8")
    questionnaire = participant.health_check.questionnaire
    axis_count = len(questionnaire.axes())
    total = len(questionnaire.statement_texts())
    return render(
        request,
        "healthchecks/_saved.html",
        {
            "progress": _progress(
                _position(request.POST.get("position", ""), 1, axis_count),
                axis_count,
                selectors.answer_count(participant),
                total,
            )
        },
    )


def _submit_page(request, health_check, participant, urls, page):
    if request.method == "POST" and not participant.has_submitted and health_check.is_open:
        try:
            services.submit(participant=participant)
        except services.HealthCheckError as problem:
            messages.error(request, str(problem))
        else:
            messages.success(request, _("Thank you: your answers are submitted."))
            return redirect(urls["detail"])
    labels = {str(item["value"]): item["label"] for item in health_check.questionnaire.scale()}
    labels["dk"] = health_check.questionnaire.dont_know_label()
    axes = statement_rows(health_check.questionnaire, selectors.my_answers(participant))
    for axis in axes:
        for statement in axis["statements"]:
            statement["label"] = labels.get(statement["choice"], "")
    return page(
        "healthchecks/review.html",
        participant=participant,
        axes=axes,
        missing=sum(1 for axis in axes for s in axis["statements"] if not s["choice"]),
        can_submit=health_check.is_open and not participant.has_submitted,
        side=urls,
    )
