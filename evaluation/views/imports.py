import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from core.collation import FrenchOrder
from core.spreadsheets import Column, export_response
from evaluation import imports, services
from evaluation.access import get_alliance
from evaluation.forms import ImportForm

SESSION_KEY = "evaluation-import"


def _context(alliance, capability, **extra):
    return {"alliance": alliance, "capability": capability, "tab": "indicators", **extra}


@login_required
def import_measurements(request, pk):
    """Upload → every row checked, nothing saved → the preview: the rows to add, to update and
    those refused with their reason → confirm (import_confirm) the rows to add and update."""
    alliance, capability = get_alliance(request, pk, write=True)
    form = ImportForm(request.POST or None, request.FILES or None)
    rows, errors, file_error = [], [], None
    token = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            rows, errors = imports.parse(upload, alliance)
        except imports.ImportFileError as error:
            file_error = str(error)
        to_save = [row for row in rows if row.action in (imports.ADD, imports.UPDATE)]
        if to_save and not file_error:
            token = uuid.uuid4().hex
            request.session[SESSION_KEY] = {
                "token": token,
                "alliance": alliance.pk,
                "file": upload.name,
                "rows": [row.as_session() for row in to_save],
            }
    return render(
        request,
        "evaluation/import.html",
        _context(
            alliance,
            capability,
            form=form,
            rows=rows,
            added=[row for row in rows if row.action == imports.ADD],
            updated=[row for row in rows if row.action == imports.UPDATE],
            unchanged=[row for row in rows if row.action == imports.UNCHANGED],
            to_save=sum(1 for row in rows if row.action in (imports.ADD, imports.UPDATE)),
            errors=errors,
            file_error=file_error,
            token=token,
        ),
    )


@login_required
@require_POST
def import_confirm(request, pk):
    alliance, _capability = get_alliance(request, pk, write=True)
    pending = request.session.get(SESSION_KEY)
    if (
        not pending
        or pending.get("alliance") != alliance.pk
        or pending.get("token") != request.POST.get("token")
    ):
        messages.error(request, _("This import has expired: choose the file again."))
        return redirect("evaluation:import_measurements", pk=alliance.pk)
    try:
        rows = imports.rows_from_session(pending["rows"], alliance)
    except imports.ImportFileError as error:
        messages.error(request, str(error))
        return redirect("evaluation:import_measurements", pk=alliance.pk)
    try:
        imported = services.import_measurements(rows=rows, by=request.user)
    except IntegrityError:  # a measurement added at one of these dates since the preview
        messages.error(
            request,
            _("Measurements were recorded at these dates meanwhile: choose the file again."),
        )
        return redirect("evaluation:import_measurements", pk=alliance.pk)
    del request.session[SESSION_KEY]
    added, updated = len(imported.added), len(imported.updated)
    messages.success(
        request,
        ngettext("%(added)s measurement added", "%(added)s measurements added", added)
        % {"added": added}
        + ", "
        + ngettext("%(updated)s updated.", "%(updated)s updated.", updated) % {"updated": updated},
    )
    return redirect("evaluation:indicators", pk=alliance.pk)


@login_required
def import_template(request, pk):
    alliance, _capability = get_alliance(request, pk)
    names = alliance.indicators.order_by(FrenchOrder("name")).values_list("name", flat=True)
    # Every column as text: the file is to be filled in, then imported back.
    columns = [Column(header) for header in imports.TEMPLATE_CSV.strip().split(";")]
    rows = ([name] + [None] * (len(columns) - 1) for name in names)
    return export_response(columns, rows, fmt="csv", filename="mesures", title="Mesures")
