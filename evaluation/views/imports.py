import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.spreadsheets import Column, export_response
from evaluation import imports, services
from evaluation.access import get_alliance
from evaluation.forms import ImportForm

SESSION_KEY = "evaluation-import"


def _context(alliance, capability, **extra):
    return {"alliance": alliance, "capability": capability, "tab": "indicators", **extra}


@login_required
def import_measurements(request, pk):
    """Upload → every row checked → errors (nothing imported) or a preview to confirm."""
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
        if rows and not errors and not file_error:
            token = uuid.uuid4().hex
            request.session[SESSION_KEY] = {
                "token": token,
                "alliance": alliance.pk,
                "file": upload.name,
                "rows": [row.as_session() for row in rows],
            }
    return render(
        request,
        "evaluation/import.html",
        _context(
            alliance,
            capability,
            form=form,
            rows=rows,
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
    created = services.import_measurements(rows=rows, by=request.user)
    del request.session[SESSION_KEY]
    messages.success(request, _("%(count)s measurements imported.") % {"count": len(created)})
    return redirect("evaluation:indicators", pk=alliance.pk)


@login_required
def import_template(request, pk):
    alliance, _capability = get_alliance(request, pk)
    names = alliance.indicators.order_by("name").values_list("name", flat=True)
    # Every column as text: the file is to be filled in, then imported back.
    columns = [Column(header) for header in imports.TEMPLATE_CSV.strip().split(";")]
    rows = ([name] + [None] * (len(columns) - 1) for name in names)
    return export_response(columns, rows, fmt="csv", filename="mesures", title="Mesures")
