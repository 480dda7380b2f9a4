from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from alliances.models import AlliancePartner
from core.instances import links_of
from evaluation import services, smart
from evaluation.access import (
    get_alliance,
    get_operational_objective_for_user,
    get_strategic_objective_for_user,
)
from evaluation.forms import (
    ExpectedImpactForm,
    OperationalObjectiveForm,
    StrategicGapForm,
    StrategicObjectiveForm,
    VisionForm,
)
from evaluation.models import ExpectedImpact, StrategicGap, Vision
from evaluation.selectors import assessed_tree, vision_of


def _context(alliance, capability, tab, **extra):
    return {"alliance": alliance, "capability": capability, "tab": tab, **extra}


@login_required
def objectives(request, pk):
    alliance, capability = get_alliance(request, pk)
    vision = vision_of(alliance)
    partners = list(AlliancePartner.objects.filter(alliance=alliance).select_related("partner"))
    gaps = {gap.partner_id: gap for gap in StrategicGap.objects.filter(alliance=alliance)}
    tree = assessed_tree(alliance, vision)
    return render(
        request,
        "evaluation/objectives.html",
        _context(
            alliance,
            capability,
            "objectives",
            vision=vision,
            partner_gaps=[(partner, gaps.get(partner.pk)) for partner in partners],
            tree=tree,
        ),
    )


@login_required
def vision_edit(request, pk):
    alliance, capability = get_alliance(request, pk, write=True)
    instance = vision_of(alliance) or Vision(alliance=alliance)
    form = VisionForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.save_row(alliance=alliance, row=form.instance, links=links_of(form))
        messages.success(request, _("The shared vision is saved."))
        return redirect("evaluation:objectives", pk=alliance.pk)
    return render(
        request,
        "evaluation/form.html",
        _context(
            alliance,
            capability,
            "objectives",
            form=form,
            title=_("Shared vision and horizon"),
            intro=_(
                "Where should the alliance stand in 3 to 5 years? Write the vision the partners "
                "share and the horizon it covers."
            ),
            back=("evaluation:objectives", _("Back to the objectives")),
        ),
    )


@login_required
def gap_edit(request, pk, partner_pk):
    alliance, capability = get_alliance(request, pk, write=True)
    partner = get_object_or_404(
        AlliancePartner.objects.select_related("partner"), alliance=alliance, pk=partner_pk
    )
    instance = StrategicGap.objects.filter(alliance=alliance, partner=partner).first()
    form = StrategicGapForm(
        request.POST or None, instance=instance or StrategicGap(alliance=alliance, partner=partner)
    )
    if request.method == "POST" and form.is_valid():
        services.save_row(alliance=alliance, row=form.instance, links=links_of(form))
        messages.success(
            request, _("The position of %(partner)s is saved.") % {"partner": partner.partner}
        )
        return redirect("evaluation:objectives", pk=alliance.pk)
    return render(
        request,
        "evaluation/form.html",
        _context(
            alliance,
            capability,
            "objectives",
            form=form,
            title=_("Strategic gap: %(partner)s") % {"partner": partner.partner},
            intro=_("What does this partner expect of the alliance, and where does it differ?"),
            back=("evaluation:objectives", _("Back to the objectives")),
        ),
    )


def _strategic_form(request, alliance, capability, instance):
    form = StrategicObjectiveForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.save_row(alliance=alliance, row=form.instance, links=links_of(form))
        messages.success(request, _("The strategic objective is saved."))
        return redirect("evaluation:objectives", pk=alliance.pk)
    vision = vision_of(alliance)
    return render(
        request,
        "evaluation/form.html",
        _context(
            alliance,
            capability,
            "objectives",
            form=form,
            title=_("Strategic objective") if instance.pk else _("New strategic objective"),
            intro=(
                _("Rank it on the criteria the team stated: %(criteria)s")
                % {"criteria": vision.priority_criteria}
                if vision and vision.priority_criteria
                else _("Give it a priority rank: 1 is the highest.")
            ),
            back=("evaluation:objectives", _("Back to the objectives")),
        ),
    )


@login_required
def strategic_create(request, pk):
    alliance, capability = get_alliance(request, pk, write=True)
    from evaluation.models import StrategicObjective

    next_rank = StrategicObjective.objects.filter(alliance=alliance).count() + 1
    instance = StrategicObjective(alliance=alliance, priority=next_rank)
    return _strategic_form(request, alliance, capability, instance)


@login_required
def strategic_edit(request, pk, objective_pk):
    alliance, capability, objective = get_strategic_objective_for_user(
        request, pk, objective_pk, write=True
    )
    return _strategic_form(request, alliance, capability, objective)


@login_required
def impact_create(request, pk, objective_pk):
    alliance, capability, objective = get_strategic_objective_for_user(
        request, pk, objective_pk, write=True
    )
    form = ExpectedImpactForm(request.POST or None, instance=ExpectedImpact(objective=objective))
    if request.method == "POST" and form.is_valid():
        services.save_row(alliance=alliance, row=form.instance, links=links_of(form))
        messages.success(request, _("The expected impact is added."))
        return redirect("evaluation:objectives", pk=alliance.pk)
    return render(
        request,
        "evaluation/form.html",
        _context(
            alliance,
            capability,
            "objectives",
            form=form,
            title=_("Expected impact of « %(objective)s »") % {"objective": objective.title},
            intro=_(
                "Alliances have three kinds of impact: the performance of the organisations, "
                "territorial innovation, trust and the capacity for collective action. Choose "
                "one, or name another."
            ),
            back=("evaluation:objectives", _("Back to the objectives")),
        ),
    )


@login_required
@require_POST
def impact_delete(request, pk, impact_pk):
    alliance, _capability = get_alliance(request, pk, write=True)
    impact = get_object_or_404(ExpectedImpact, objective__alliance=alliance, pk=impact_pk)
    services.delete_row(alliance=alliance, row=impact)
    messages.success(request, _("The expected impact is removed."))
    return redirect("evaluation:objectives", pk=alliance.pk)


# --- operational objectives and the SMART assistant ---------------------------------------------


def _indicator_draft(form) -> smart.IndicatorDraft | None:
    data = form.cleaned_data
    if (data.get("new_indicator_name") or "").strip() or (
        not data.get("indicators")
        and any(
            data.get(name) not in (None, "")
            for name in ("new_indicator_unit", "new_indicator_baseline", "new_indicator_target")
        )
    ):
        return smart.IndicatorDraft(
            name=data.get("new_indicator_name") or "",
            unit=data.get("new_indicator_unit") or "",
            baseline=data.get("new_indicator_baseline"),
            target=data.get("new_indicator_target"),
            direction=data.get("new_indicator_direction") or None,
        )
    return None


def assess_form(form, vision):
    """The SMART assessment of a bound form, however incomplete (errors are ignored)."""
    form.is_valid()
    data = form.cleaned_data
    draft = smart.ObjectiveDraft(
        statement=data.get("statement") or "",
        scope_who=data.get("scope_who") or "",
        scope_what=data.get("scope_what") or "",
        partner_count=len(data.get("partners") or []),
        start_date=data.get("start_date"),
        deadline=data.get("deadline"),
        achievable=data.get("achievable"),
        achievable_justification=data.get("achievable_justification") or "",
        realistic=data.get("realistic"),
        realistic_justification=data.get("realistic_justification") or "",
    )
    start, end = (vision.horizon_start, vision.horizon_end) if vision else (None, None)
    new = _indicator_draft(form)
    drafts = [new] if new else [i.smart_draft() for i in data.get("indicators") or []]
    results = [smart.assess(_with(draft, d), start, end) for d in drafts or [None]]
    return max(results, key=lambda result: result.met_count), draft


def _with(draft, indicator):
    from dataclasses import replace

    return replace(draft, indicator=indicator)


def _suggestions(form, draft):
    """Values read from the statement that the user may copy into the form with one click."""
    data = form.cleaned_data
    hints = smart.hints_from_statement(draft.statement)
    found, suggestions = [], []
    found += [f"{str(p).replace('.', ',')}\u202f%" for p in hints.percentages]
    found += [f"{c.value.normalize():f} {c.phrase}" for c in hints.counts]
    found += [d.text for d in hints.dates]
    if hints.start and not draft.start_date:
        suggestions.append(
            ("id_start_date", hints.start.isoformat(), _("Start: %(date)s"), hints.start)
        )
    if hints.deadline and not draft.deadline:
        suggestions.append(
            ("id_deadline", hints.deadline.isoformat(), _("Deadline: %(date)s"), hints.deadline)
        )
    if hints.counts and not draft.scope_who.strip():
        count = hints.counts[0]
        who = f"{count.value.normalize():f} {count.phrase}"
        suggestions.append(("id_scope_who", who, _("Who: %(text)s"), who))
    baseline = data.get("new_indicator_baseline")
    direction = hints.direction or data.get("new_indicator_direction")
    if (
        hints.percentages
        and baseline is not None
        and data.get("new_indicator_target") is None
        and direction
    ):
        target = smart.target_from_percent(baseline, hints.percentages[0], direction)
        text = f"{target:f}".replace(".", ",")
        suggestions.append(("id_new_indicator_target", text, _("Target: %(text)s"), text))
    if hints.direction and hints.direction != data.get("new_indicator_direction"):
        label = _("decrease") if hints.direction == "decrease" else _("increase")
        suggestions.append(
            ("id_new_indicator_direction", hints.direction, _("Direction: %(text)s"), label)
        )
    rendered = []
    for field_id, value, template, shown in suggestions:
        if hasattr(shown, "strftime"):
            text = template % {"date": shown.strftime("%d/%m/%Y")}
        else:
            text = template % {"text": shown}
        rendered.append({"field": field_id, "value": value, "text": text})
    vague_verb = hints.action_verb if hints.vague_verb else None
    return {"found": found, "suggestions": rendered, "vague_verb": vague_verb}


def _panel_context(form, vision):
    assessment, draft = assess_form(form, vision)
    return {"assessment": assessment, "hints": _suggestions(form, draft), "vision": vision}


@login_required
@require_POST
def smart_check(request, pk):
    alliance, _capability = get_alliance(request, pk, write=True)
    form = OperationalObjectiveForm(request.POST, alliance=alliance)
    return render(
        request, "evaluation/_smart_panel.html", _panel_context(form, vision_of(alliance))
    )


CONFIRM = "save_anyway"


def _missing_labels(assessment):
    return ", ".join(str(smart.CRITERION_LABELS[key]).lower() for key in assessment.missing)


def _operational_form(request, alliance, capability, instance, strategic):
    """The objective's form with its SMART assistant. An objective meeting fewer than the five
    criteria is saved only on a second submit, « Save anyway », the form keeping what was
    typed (no JavaScript needed)."""
    vision = vision_of(alliance)
    initial = {"strategic_objective": strategic} if strategic else {}
    # Bound on any POST, an empty one included (the SMART panel reads the cleaned data).
    form = OperationalObjectiveForm(
        request.POST if request.method == "POST" else None,
        instance=instance,
        alliance=alliance,
        initial=initial,
    )
    confirm = None
    if request.method == "POST" and form.is_valid():
        assessment, _draft = assess_form(form, vision)
        if assessment.is_smart or request.POST.get(CONFIRM):
            saved = services.save_operational_objective(
                objective=form.instance,
                partners=form.cleaned_data["partners"],
                indicators=form.cleaned_data["indicators"],
                new_indicator=form.new_indicator(),
                by=request.user,
            )
            _report_saved(request, saved, vision)
            return redirect("evaluation:objectives", pk=alliance.pk)
        confirm = {"assessment": assessment, "missing": _missing_labels(assessment)}
    if request.method == "POST" or instance.pk:
        panel = _panel_context(
            form if request.method == "POST" else _bound_copy(form, alliance), vision
        )
    else:
        panel = {"assessment": None, "hints": None, "vision": vision}
    return render(
        request,
        "evaluation/operational_form.html",
        _context(
            alliance,
            capability,
            "objectives",
            form=form,
            confirm=confirm,
            confirm_name=CONFIRM,
            **panel,
        ),
    )


def _report_saved(request, saved, vision):
    assessment = saved.objective.assessment(vision)
    if assessment.is_smart:
        messages.success(request, _("The objective is saved. It is SMART."))
    else:
        messages.warning(
            request,
            _("The objective is saved, but it is not SMART yet: %(missing)s.")
            % {"missing": _missing_labels(assessment)},
        )
    deadline = saved.objective.deadline.strftime("%d/%m/%Y") if saved.objective.deadline else ""
    if saved.indicators_moved:
        messages.info(
            request,
            ngettext(
                "The target date of the indicator %(names)s follows the new deadline: %(date)s.",
                "The target dates of the indicators %(names)s follow the new deadline: %(date)s.",
                len(saved.indicators_moved),
            )
            % {"names": _quoted(saved.indicators_moved), "date": deadline},
        )
    if saved.indicators_kept:
        messages.warning(
            request,
            ngettext(
                "The indicator %(names)s keeps its target date (changed on its own, or not "
                "created with the objective): change it on the indicator if it should follow "
                "the new deadline, %(date)s.",
                "The indicators %(names)s keep their target dates (changed on their own, or not "
                "created with the objective): change them on each indicator if they should "
                "follow the new deadline, %(date)s.",
                len(saved.indicators_kept),
            )
            % {"names": _quoted(saved.indicators_kept), "date": deadline},
        )


def _quoted(indicators):
    return ", ".join(f"« {indicator.name} »" for indicator in indicators)


def _bound_copy(form, alliance):
    """The saved objective as a bound form, to assess it on first display."""
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if name in ("partners", "indicators"):
            data[name] = [getattr(v, "pk", v) for v in (value or [])]
        else:
            prepared = field.prepare_value(value)
            data[name] = "" if prepared is None else prepared
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for key, value in data.items():
        if isinstance(value, list):
            query.setlist(key, [str(v) for v in value])
        else:
            query[key] = str(value)
    return OperationalObjectiveForm(query, instance=form.instance, alliance=alliance)


@login_required
def operational_create(request, pk, objective_pk):
    alliance, capability, strategic = get_strategic_objective_for_user(
        request, pk, objective_pk, write=True
    )
    from evaluation.models import OperationalObjective

    instance = OperationalObjective(strategic_objective=strategic)
    return _operational_form(request, alliance, capability, instance, strategic)


@login_required
def operational_edit(request, pk, objective_pk):
    alliance, capability, objective = get_operational_objective_for_user(
        request, pk, objective_pk, write=True
    )
    return _operational_form(request, alliance, capability, objective, None)


@login_required
@require_POST
def operational_delete(request, pk, objective_pk):
    alliance, _capability, objective = get_operational_objective_for_user(
        request, pk, objective_pk, write=True
    )
    services.delete_operational_objective(objective=objective)
    messages.success(request, _("The operational objective is removed."))
    return redirect("evaluation:objectives", pk=alliance.pk)
