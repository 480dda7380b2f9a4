from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from evaluation import services
from evaluation.access import get_alliance
from evaluation.forms import AnalysisForm, DecisionForm
from evaluation.models import Analysis, SteeringDecision
from evaluation.selectors import alliance_indicators
from reports.selectors import reports_panel


def _page(request, alliance, capability, form, decision_form):
    rows = alliance_indicators(alliance)
    decisions = SteeringDecision.objects.filter(alliance=alliance).select_related(
        "action", "created_by"
    )
    return render(
        request,
        "evaluation/analysis.html",
        {
            "alliance": alliance,
            "capability": capability,
            "tab": "analysis",
            "form": form,
            "decision_form": decision_form,
            "rows": rows,
            "decisions": decisions,
            "reports": reports_panel(request, "evaluation", alliance),
        },
    )


@login_required
def analysis(request, pk):
    alliance, capability = get_alliance(request, pk)
    instance = Analysis.objects.filter(alliance=alliance).first() or Analysis(alliance=alliance)
    form = AnalysisForm(request.POST or None, instance=instance)
    if request.method == "POST":
        if not capability.can_edit:
            raise PermissionDenied
        if form.is_valid():
            services.save_row(alliance=alliance, row=form.instance, by=request.user)
            messages.success(request, _("The analysis is saved."))
            return redirect("evaluation:analysis", pk=alliance.pk)
    decision_form = DecisionForm(initial={"decided_on": timezone.localdate()})
    return _page(request, alliance, capability, form, decision_form)


@login_required
@require_POST
def decision_create(request, pk):
    alliance, capability = get_alliance(request, pk, write=True)
    decision_form = DecisionForm(request.POST)
    if decision_form.is_valid():
        data = decision_form.cleaned_data
        action_fields = None
        if data["create_action"]:
            action_fields = {
                "title": data["action_title"].strip(),
                "description": data["text"],
                "due_date": data.get("action_due_date"),
            }
        decision = services.record_decision(
            alliance=alliance,
            text=data["text"],
            decided_on=data["decided_on"],
            by=request.user,
            action_fields=action_fields,
        )
        if decision.action:
            messages.success(
                request,
                _("The decision is recorded and « %(action)s » is added to the action plan.")
                % {"action": decision.action.title},
            )
        else:
            messages.success(request, _("The decision is recorded."))
        return redirect("evaluation:analysis", pk=alliance.pk)
    instance = Analysis.objects.filter(alliance=alliance).first() or Analysis(alliance=alliance)
    return _page(request, alliance, capability, AnalysisForm(instance=instance), decision_form)
