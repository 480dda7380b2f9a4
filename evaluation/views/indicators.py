import mimetypes
import os

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.instances import links_of
from evaluation import services
from evaluation.access import get_alliance, get_indicator_for_user, get_measurement_for_user
from evaluation.contributions import result_of, shares
from evaluation.forms import ContributionForm, IndicatorForm, MeasurementForm, TargetChangeForm
from evaluation.models import EVIDENCE_EXTENSIONS, Indicator, IndicatorContribution, Measurement
from evaluation.selectors import IndicatorRow, alliance_indicators, target_history


def _context(alliance, capability, **extra):
    return {"alliance": alliance, "capability": capability, "tab": "indicators", **extra}


@login_required
def indicators(request, pk):
    alliance, capability = get_alliance(request, pk)
    rows = alliance_indicators(alliance)
    return render(
        request,
        "evaluation/indicators.html",
        _context(
            alliance,
            capability,
            rows=rows,
            flagged=[row for row in rows if row.needs_attention],
            today=timezone.localdate(),
        ),
    )


@login_required
def indicator_create(request, pk):
    alliance, capability = get_alliance(request, pk, write=True)
    form = IndicatorForm(request.POST or None, alliance=alliance)
    if request.method == "POST" and form.is_valid():
        indicator = services.create_indicator(
            indicator=form.instance, objectives=form.cleaned_data["objectives"], by=request.user
        )
        messages.success(request, _("The indicator is created."))
        return redirect("evaluation:indicator_detail", pk=alliance.pk, indicator_pk=indicator.pk)
    return render(
        request,
        "evaluation/form.html",
        _context(
            alliance,
            capability,
            form=form,
            title=_("New indicator"),
            intro=_(
                "An indicator of means, activities, results or impacts, with its unit, baseline, "
                "target, frequency, data source and method."
            ),
            back=("evaluation:indicators", _("Back to the indicators")),
        ),
    )


@login_required
def indicator_detail(request, pk, indicator_pk):
    alliance, capability, indicator = get_indicator_for_user(request, pk, indicator_pk)
    indicator = (
        Indicator.objects.with_follow_up_data()
        .prefetch_related("objectives", "questions")
        .get(pk=indicator.pk)
    )
    today = timezone.localdate()
    row = IndicatorRow(indicator, indicator.follow_up(today))
    measurements = (
        Measurement.objects.filter(indicator=indicator)
        .select_related("entered_by")
        .order_by("-date", "-pk")
    )
    contributions = list(
        IndicatorContribution.objects.filter(indicator=indicator).select_related(
            "partner__partner", "association", "entered_by"
        )
    )
    follow_up = row.follow_up
    latest = follow_up.latest.value if follow_up and follow_up.latest else None
    contributors = shares(
        [
            (
                ("association", c.association_id, "partner", c.partner_id),
                c.contributor_name,
                c.value,
            )
            for c in contributions
        ],
        result_of(indicator.direction, indicator.baseline, latest),
    )
    return render(
        request,
        "evaluation/indicator_detail.html",
        _context(
            alliance,
            capability,
            indicator=indicator,
            row=row,
            chart=row.chart(),
            measurements=measurements,
            contributions=contributions,
            contributors=contributors,
            history=target_history(indicator),
            today=today,
        ),
    )


@login_required
def indicator_edit(request, pk, indicator_pk):
    alliance, capability, indicator = get_indicator_for_user(request, pk, indicator_pk, write=True)
    form = IndicatorForm(request.POST or None, instance=indicator, alliance=alliance)
    if request.method == "POST" and form.is_valid():
        indicator = services.update_indicator(indicator=form.instance, links=links_of(form))
        messages.success(request, _("The indicator is saved."))
        return redirect("evaluation:indicator_detail", pk=alliance.pk, indicator_pk=indicator.pk)
    return render(
        request,
        "evaluation/form.html",
        _context(
            alliance,
            capability,
            form=form,
            title=_("Edit the indicator"),
            intro=_("To change the target, use « Change the target »: it asks for a reason."),
            back=("evaluation:indicator_detail", _("Back to the indicator"), indicator.pk),
        ),
    )


@login_required
def indicator_target(request, pk, indicator_pk):
    alliance, capability, indicator = get_indicator_for_user(request, pk, indicator_pk, write=True)
    form = TargetChangeForm(
        request.POST or None,
        indicator=indicator,
        initial={"target": indicator.target, "target_date": indicator.target_date},
    )
    if request.method == "POST" and form.is_valid():
        services.change_target(
            indicator=indicator,
            target=form.cleaned_data["target"],
            target_date=form.cleaned_data["target_date"],
            reason=form.cleaned_data["reason"],
            by=request.user,
        )
        messages.success(request, _("The target is changed; the reason is kept in the history."))
        return redirect("evaluation:indicator_detail", pk=alliance.pk, indicator_pk=indicator.pk)
    history = target_history(indicator)
    return render(
        request,
        "evaluation/indicator_target.html",
        _context(alliance, capability, indicator=indicator, form=form, history=history),
    )


@login_required
def measurement_create(request, pk, indicator_pk):
    alliance, capability, indicator = get_indicator_for_user(request, pk, indicator_pk, write=True)
    form = MeasurementForm(
        request.POST or None,
        request.FILES or None,
        indicator=indicator,
        initial={"date": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.record_measurement(
            indicator=indicator,
            by=request.user,
            date=data["date"],
            value=data.get("value"),
            source=data["source"],
            comment=data["comment"],
            evidence_text=data["evidence_text"],
            evidence_file=data.get("evidence_file"),
        )
        messages.success(request, _("The measurement is recorded."))
        return redirect("evaluation:indicator_detail", pk=alliance.pk, indicator_pk=indicator.pk)
    return render(
        request,
        "evaluation/form.html",
        _context(
            alliance,
            capability,
            form=form,
            multipart=True,
            title=_("New measurement: %(indicator)s") % {"indicator": indicator.name},
            intro=_("Unit: %(unit)s.") % {"unit": indicator.unit},
            back=("evaluation:indicator_detail", _("Back to the indicator"), indicator.pk),
        ),
    )


@login_required
def contribution_create(request, pk, indicator_pk):
    alliance, capability, indicator = get_indicator_for_user(request, pk, indicator_pk, write=True)
    form = ContributionForm(
        request.POST or None, indicator=indicator, initial={"date": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        services.record_contribution(
            indicator=indicator, contribution=form.instance, by=request.user
        )
        messages.success(request, _("The contribution is recorded."))
        return redirect("evaluation:indicator_detail", pk=alliance.pk, indicator_pk=indicator.pk)
    return render(
        request,
        "evaluation/form.html",
        _context(
            alliance,
            capability,
            form=form,
            title=_("Contribution to « %(indicator)s »") % {"indicator": indicator.name},
            intro=_(
                "What one member association of the alliance or one of its partners brings to "
                "this shared indicator, in %(unit)s."
            )
            % {"unit": indicator.unit},
            back=("evaluation:indicator_detail", _("Back to the indicator"), indicator.pk),
        ),
    )


@login_required
def evidence(request, pk, measurement_pk):
    """The attached evidence, only through this access-checked view (never a public URL)."""
    _alliance, _capability, measurement = get_measurement_for_user(request, pk, measurement_pk)
    if not measurement.evidence_file:
        raise Http404
    extension = os.path.splitext(measurement.evidence_file.name)[1].lower()
    content_type = (
        EVIDENCE_EXTENSIONS.get(extension)
        or mimetypes.guess_type(measurement.evidence_file.name)[0]
    )
    try:
        handle = measurement.evidence_file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    name = os.path.basename(measurement.evidence_name or measurement.evidence_file.name)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=name,
        content_type=content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def measurement_delete(request, pk, measurement_pk):
    """A mistyped measurement is removed (then entered again); its evidence file goes with it."""
    alliance, _capability = get_alliance(request, pk, write=True)
    measurement = get_object_or_404(
        Measurement.objects.select_related("indicator"),
        indicator__alliance=alliance,
        pk=measurement_pk,
    )
    indicator = measurement.indicator
    services.delete_measurement(measurement=measurement)
    messages.success(request, _("The measurement is removed."))
    return redirect("evaluation:indicator_detail", pk=alliance.pk, indicator_pk=indicator.pk)
