"""Running the alliance: the action plan (table, timeline, exports) and the economic model."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from alliances import services
from alliances.access import get_alliance_for_user
from alliances.forms import CostShareFormSet, dossier_form_class
from alliances.models import CostShare
from alliances.plan_export import COLUMNS, plan_rows
from alliances.step_data import economics_data, plan_data
from core.collation import FrenchOrder
from core.spreadsheets import export_response
from organisations.models import Association

from .alliance_pages import alliance_context


@login_required
def action_plan(request, pk):
    alliance, capability = get_alliance_for_user(request, pk)
    return render(
        request,
        "alliances/action_plan.html",
        alliance_context(request, alliance, capability, "plan", **plan_data(alliance)),
    )


@login_required
def action_plan_export(request, pk, fmt):
    alliance, _capability = get_alliance_for_user(request, pk)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    actions = plan_data(alliance)["actions"]
    return export_response(
        COLUMNS,
        plan_rows(actions),
        fmt=fmt,
        filename=f"plan-d-action-{slugify(alliance.title)[:50]}-{timezone.localdate():%Y-%m-%d}",
        title="Plan d'action",
    )


@login_required
def economic_model(request, pk):
    alliance, capability = get_alliance_for_user(request, pk, write=request.method == "POST")
    dossier = services.dossier_of(alliance) if request.method == "POST" else None
    if dossier is None:
        dossier = getattr(alliance, "dossier", None)
    form = dossier_form_class("economics")(request.POST or None, instance=dossier)
    if request.method == "POST" and form.is_valid():
        services.save_dossier(alliance=alliance, dossier=form.instance)
        messages.success(request, _("Saved."))
        return redirect("alliances:economic_model", pk=alliance.pk)
    return render(
        request,
        "alliances/economic_model.html",
        alliance_context(
            request, alliance, capability, "economics", form=form, **economics_data(alliance)
        ),
    )


@login_required
def cost_sharing(request, pk):
    """One key per member association (the lead and the active co-members); 100 % in all."""
    alliance, capability = get_alliance_for_user(request, pk, write=True)
    members = list(
        Association.objects.filter(pk__in=alliance.participating_association_ids()).order_by(
            FrenchOrder("name")
        )
    )
    current = {s.association_id: s for s in CostShare.objects.filter(alliance=alliance)}
    initial = [
        {
            "association": m.pk,
            "percent": current[m.pk].percent if m.pk in current else None,
            "basis": current[m.pk].basis if m.pk in current else "",
        }
        for m in members
    ]
    formset = CostShareFormSet(request.POST or None, initial=initial, prefix="keys")
    rows_changed = request.method == "POST" and not _rows_match(formset, members)
    if rows_changed:
        # A member joined or left while the page was open, or the form was tampered with:
        # the keys typed are shown again against the members of now, to be checked.
        formset = CostShareFormSet(
            initial=_typed_keys(request.POST, members, initial), prefix="keys"
        )
    if request.method == "POST" and not rows_changed and formset.is_valid():
        services.set_cost_shares(
            alliance=alliance,
            rows=[
                (member, form.cleaned_data.get("percent"), form.cleaned_data.get("basis", ""))
                for member, form in zip(members, formset.forms, strict=True)
            ],
        )
        messages.success(request, _("The cost-sharing keys are saved."))
        return redirect("alliances:economic_model", pk=alliance.pk)
    return render(
        request,
        "alliances/cost_sharing.html",
        alliance_context(
            request,
            alliance,
            capability,
            "economics",
            rows=list(zip(members, formset.forms, strict=True)),
            formset=formset,
            rows_changed=rows_changed,
        ),
    )


def _rows_match(formset, members) -> bool:
    """Do the rows posted stand for the members of now, in their order?"""
    if not formset.management_form.is_valid() or formset.total_form_count() != len(members):
        return False
    for index, member in enumerate(members):
        posted = formset.data.get(f"{formset.prefix}-{index}-association")
        if posted not in (None, "", str(member.pk)):
            return False
    return True


def _typed_keys(post, members, initial):
    """The keys as typed, matched to the members by their id; the others as they were."""
    typed = {}
    for index in range(len(post)):
        association = post.get(f"keys-{index}-association", "")
        if association.isascii() and association.isdigit():
            typed[int(association)] = {
                "association": int(association),
                "percent": post.get(f"keys-{index}-percent", ""),
                "basis": post.get(f"keys-{index}-basis", ""),
            }
    return [typed.get(member.pk, row) for member, row in zip(members, initial, strict=True)]
