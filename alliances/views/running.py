"""Running the alliance: the action plan (table, timeline, exports) and the economic model."""

import csv
from decimal import Decimal
from io import BytesIO

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from alliances import services
from alliances.access import get_alliance_for_user
from alliances.alliance_forms import CostShareFormSet, dossier_form_class
from alliances.models import Association, CostShare

from .alliance_pages import alliance_context
from .step_data import economics_data, plan_data


@login_required
def action_plan(request, pk):
    alliance, capability = get_alliance_for_user(request, pk)
    return render(
        request,
        "alliances/action_plan.html",
        alliance_context(request, alliance, capability, "plan", **plan_data(alliance)),
    )


def _fr_date(value):
    return value.strftime("%d/%m/%Y") if value else ""


def _fr_amount(value):
    return f"{value:.2f}".replace(".", ",") if value is not None else ""


EXPORT_HEADERS = [
    "Action",
    "Description",
    "Responsable",
    "Début",
    "Échéance",
    "Statut",
    "Avancement (%)",
    "En retard",
    "Ressources humaines",
    "Ressources financières (€)",
    "Étapes",
]


def _export_rows(actions):
    for a in actions:
        yield [
            a.title,
            a.description,
            a.owner_label,
            a.start_date,
            a.due_date,
            str(a.get_status_display()),
            a.progress,
            "oui" if a.is_late else "non",
            a.human_resources,
            a.financial_resources,
            " ; ".join(
                f"{'✔ ' if s.done else ''}{s.title}"
                + (f" ({_fr_date(s.due_date)})" if s.due_date else "")
                for s in a.steps.all()
            ),
        ]


@login_required
def action_plan_export(request, pk, fmt):
    alliance, _capability = get_alliance_for_user(request, pk)
    actions = plan_data(alliance)["actions"]
    stem = f"plan-d-action-{slugify(alliance.title)[:50]}-{timezone.localdate():%Y-%m-%d}"
    if fmt == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{stem}.csv"'
        response.write("\ufeff")  # so that spreadsheet software reads UTF-8
        writer = csv.writer(response, delimiter=";")
        writer.writerow(EXPORT_HEADERS)
        for row in _export_rows(actions):
            row[3], row[4] = _fr_date(row[3]), _fr_date(row[4])
            row[9] = _fr_amount(row[9])
            writer.writerow(row)
        return response
    if fmt == "xlsx":
        from openpyxl import Workbook
        from openpyxl.styles import Font

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Plan d'action"
        sheet.append(EXPORT_HEADERS)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in _export_rows(actions):
            row[9] = float(row[9]) if isinstance(row[9], Decimal) else row[9]
            sheet.append(row)
            current = sheet.max_row
            for column in ("D", "E"):
                sheet[f"{column}{current}"].number_format = "DD/MM/YYYY"
            sheet[f"J{current}"].number_format = '#,##0.00 "€"'
        for column, width in zip(
            "ABCDEFGHIJK", [40, 40, 25, 12, 12, 14, 14, 10, 25, 18, 50], strict=True
        ):
            sheet.column_dimensions[column].width = width
        sheet.freeze_panes = "A2"
        buffer = BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{stem}.xlsx"'
        return response
    raise Http404


@login_required
def economic_model(request, pk):
    alliance, capability = get_alliance_for_user(request, pk, write=request.method == "POST")
    dossier = services.dossier_of(alliance) if request.method == "POST" else None
    if dossier is None:
        dossier = getattr(alliance, "dossier", None)
    form = dossier_form_class("economics")(request.POST or None, instance=dossier)
    if request.method == "POST" and form.is_valid():
        form.save()
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
        Association.objects.filter(pk__in=alliance.participating_association_ids()).order_by("name")
    )
    current = {s.association_id: s for s in CostShare.objects.filter(alliance=alliance)}
    initial = [
        {
            "percent": current[m.pk].percent if m.pk in current else None,
            "basis": current[m.pk].basis if m.pk in current else "",
        }
        for m in members
    ]
    formset = CostShareFormSet(request.POST or None, initial=initial, prefix="keys")
    if request.method == "POST" and formset.is_valid():
        services.set_cost_shares(
            alliance,
            [
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
        ),
    )
