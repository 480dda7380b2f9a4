from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.collation import FrenchOrder
from core.instances import links_of
from evaluation import services
from evaluation.access import get_alliance
from evaluation.forms import EvaluationPlanForm, EvaluativeQuestionForm
from evaluation.models import EvaluationPlan, EvaluativeQuestion, Indicator, IndicatorKind


def _context(alliance, capability, **extra):
    return {"alliance": alliance, "capability": capability, "tab": "plan", **extra}


@login_required
def plan(request, pk):
    alliance, capability = get_alliance(request, pk)
    instance = EvaluationPlan.objects.filter(alliance=alliance).first() or EvaluationPlan(
        alliance=alliance
    )
    form = EvaluationPlanForm(request.POST or None, instance=instance)
    if request.method == "POST":
        if not capability.can_edit:
            raise PermissionDenied
        if form.is_valid():
            services.save_row(alliance=alliance, row=form.instance, links=links_of(form))
            messages.success(request, _("The evaluation plan is saved."))
            return redirect("evaluation:plan", pk=alliance.pk)
    questions = EvaluativeQuestion.objects.filter(alliance=alliance).prefetch_related("indicators")
    indicators = Indicator.objects.filter(alliance=alliance).order_by("kind", FrenchOrder("name"))
    by_kind = [
        (label, [i for i in indicators if i.kind == value])
        for value, label in IndicatorKind.choices
    ]
    return render(
        request,
        "evaluation/plan.html",
        _context(
            alliance,
            capability,
            form=form,
            plan=instance,
            questions=questions,
            by_kind=by_kind,
            question_form=EvaluativeQuestionForm(alliance=alliance),
        ),
    )


@login_required
def question_create(request, pk):
    alliance, capability = get_alliance(request, pk, write=True)
    form = EvaluativeQuestionForm(
        request.POST or None, instance=EvaluativeQuestion(alliance=alliance), alliance=alliance
    )
    if request.method == "POST" and form.is_valid():
        services.save_row(alliance=alliance, row=form.instance, links=links_of(form))
        messages.success(request, _("The evaluative question is added."))
        return redirect("evaluation:plan", pk=alliance.pk)
    return render(
        request,
        "evaluation/form.html",
        _context(
            alliance,
            capability,
            form=form,
            title=_("New evaluative question"),
            intro=_(
                "What do you want to find out? For instance: does the alliance reach its "
                "objectives? Do the activities produce the expected effects?"
            ),
            back=("evaluation:plan", _("Back to the evaluation plan")),
        ),
    )


@login_required
@require_POST
def question_delete(request, pk, question_pk):
    alliance, _capability = get_alliance(request, pk, write=True)
    question = get_object_or_404(EvaluativeQuestion, alliance=alliance, pk=question_pk)
    services.delete_row(alliance=alliance, row=question)
    messages.success(request, _("The evaluative question is removed."))
    return redirect("evaluation:plan", pk=alliance.pk)
