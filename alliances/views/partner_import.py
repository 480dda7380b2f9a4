"""Import of the partner directory from a spreadsheet: upload → columns → preview → import.

Each step is its own page and URL; the file waits between them on a PartnerImport row of the
association (404 for anyone else's), and the import reads it again rather than trusting
anything the browser sends back.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from alliances import partner_import, services
from alliances.import_forms import PartnerImportMappingForm, PartnerImportUploadForm
from alliances.models import PartnerImport
from organisations.access import get_association_for_user

# A preview lists at most this many rows of each kind; the counts are always whole.
SHOWN = 200


def _pending(request, pk, import_pk):
    association, capability = get_association_for_user(request, pk, write=True, member=True)
    upload = get_object_or_404(
        PartnerImport.objects.defer("content"),
        pk=import_pk,
        association=association,
        imported_at__isnull=True,
    )
    return association, capability, upload


def _table(upload):
    content = PartnerImport.objects.filter(pk=upload.pk).values_list("content", flat=True).get()
    return partner_import.read_table(upload.file_name, bytes(content))


@login_required
def partner_import_upload(request, pk):
    association, capability = get_association_for_user(request, pk, write=True, member=True)
    form = PartnerImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            started = services.start_partner_import(
                association=association,
                by=request.user,
                file_name=upload.name,
                content=upload.read(),
            )
        except partner_import.ImportFileError as error:
            form.add_error("file", str(error))
        else:
            return redirect(
                "alliances:partner_import_mapping", pk=association.pk, import_pk=started.pk
            )
    return render(
        request,
        "alliances/partner_import/upload.html",
        {
            "association": association,
            "capability": capability,
            "form": form,
            "step": 1,
            "fields": partner_import.FIELDS,
        },
    )


@login_required
def partner_import_mapping(request, pk, import_pk):
    association, capability, upload = _pending(request, pk, import_pk)
    line, header, rows = partner_import.header_and_rows(_table(upload))
    initial = {f"column_{name}": str(index) for name, index in upload.mapping.items()}
    initial["default_actor_type"] = upload.default_actor_type
    form = PartnerImportMappingForm(request.POST or None, header=header, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.set_partner_import_mapping(
            upload=upload,
            mapping=form.mapping(),
            default_actor_type=form.cleaned_data["default_actor_type"],
        )
        return redirect("alliances:partner_import_preview", pk=association.pk, import_pk=upload.pk)
    sample = [cells for _line, cells in rows if any(cells)][:5]
    return render(
        request,
        "alliances/partner_import/mapping.html",
        {
            "association": association,
            "capability": capability,
            "upload": upload,
            "form": form,
            "header": header,
            "header_line": line,
            "sample": sample,
            "row_count": len(rows),
            "step": 2,
        },
    )


@login_required
def partner_import_preview(request, pk, import_pk):
    association, capability, upload = _pending(request, pk, import_pk)
    if not upload.mapping or not upload.default_actor_type:
        return redirect("alliances:partner_import_mapping", pk=association.pk, import_pk=upload.pk)
    outcome = partner_import.dry_run(
        _table(upload),
        upload.mapping,
        association=association,
        default_actor_type=upload.default_actor_type,
    )
    return render(
        request,
        "alliances/partner_import/preview.html",
        {
            "association": association,
            "capability": capability,
            "upload": upload,
            "outcome": outcome,
            "shown": SHOWN,
            "create": outcome.create[:SHOWN],
            "merge": outcome.merge[:SHOWN],
            "refused": outcome.refused[:SHOWN],
            "fields": partner_import.FIELDS,
            "step": 3,
        },
    )


@login_required
@require_POST
def partner_import_confirm(request, pk, import_pk):
    association, _capability, upload = _pending(request, pk, import_pk)
    if not upload.mapping or not upload.default_actor_type:
        return redirect("alliances:partner_import_mapping", pk=association.pk, import_pk=upload.pk)
    result = services.import_partners(upload=upload, by=request.user)
    messages.success(
        request,
        ngettext("%(count)s partner added", "%(count)s partners added", result.created)
        % {"count": result.created}
        + ", "
        + ngettext("%(count)s completed", "%(count)s completed", result.merged)
        % {"count": result.merged}
        + ", "
        + ngettext("%(count)s row refused.", "%(count)s rows refused.", result.refused)
        % {"count": result.refused},
    )
    return redirect("alliances:partner_list", pk=association.pk)
