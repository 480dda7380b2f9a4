"""Personal data: the « Données personnelles » page, a person's own data and account, an
association's export and the erasure of a partner's contact."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from alliances.access import get_partner_for_user
from alliances.models import Contact
from organisations.access import get_association_for_user, require

from . import accounts, erasure, export
from .forms import DeleteAccountForm
from .models import AssociationExport, RetentionRun


def notice(request):
    """What is kept, why, how long, and how to exercise one's rights. Public."""
    days = settings.PRIVACY_RETENTION_DAYS
    return render(
        request,
        "privacy/notice.html",
        {
            "contacts_years": days["partner_contacts"] // 365,
            "notes_years": days["relationship_notes"] // 365,
            "reports_years": days["report_pdfs"] // 365,
            "last_run": (
                RetentionRun.objects.first()
                if request.user.is_authenticated and request.user.is_superuser
                else None
            ),
        },
    )


@login_required
def my_data(request):
    """Everything held about the person, as a JSON file (portability)."""
    response = HttpResponse(
        accounts.personal_data_json(request.user), content_type="application/json"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="mes-donnees-faire-alliance-{timezone.localdate():%Y-%m-%d}.json"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    orphaned = accounts.associations_left_without_admin(request.user)
    if request.method == "POST" and form.is_valid() and not orphaned:
        try:
            accounts.delete_account(user=request.user)
        except accounts.LastAdminError as error:  # an admin left between the two reads
            orphaned = error.associations
        else:
            logout(request)
            messages.success(request, _("Your account is deleted. Goodbye!"))
            return redirect("core:home")
    return render(request, "privacy/delete_account.html", {"form": form, "orphaned": orphaned})


def _contact(request, pk, contact_pk):
    partner, capability = get_partner_for_user(request, pk)
    require(capability, admin=True)
    contact = get_object_or_404(Contact.objects.filter(partner=partner), pk=contact_pk)
    return partner, contact


@login_required
def erase_contact(request, pk, contact_pk):
    partner, contact = _contact(request, pk, contact_pk)
    if request.method == "POST":
        erasure.erase_contact(contact=contact)
        messages.success(
            request,
            _(
                "The contact is erased: their name, e-mail and phone are gone from your data "
                "and its history."
            ),
        )
        return redirect("alliances:partner_detail", pk=partner.pk)
    return render(request, "privacy/erase_contact.html", {"partner": partner, "contact": contact})


def _export_page_context(association, exports):
    return {
        "association": association,
        "exports": exports,
        "polling": any(item.is_pending for item in exports),
    }


@login_required
def association_export(request, pk):
    association, _capability = get_association_for_user(request, pk, admin=True)
    if request.method == "POST":
        export.request_export(association=association, user=request.user)
        return redirect("privacy:association_export", pk=association.pk)
    exports = list(AssociationExport.objects.filter(association=association)[:10])
    return render(
        request, "privacy/association_export.html", _export_page_context(association, exports)
    )


@login_required
def export_progress(request, pk):
    association, _capability = get_association_for_user(request, pk, admin=True)
    exports = list(AssociationExport.objects.filter(association=association)[:10])
    return render(request, "privacy/_export_list.html", _export_page_context(association, exports))


@login_required
def export_download(request, pk, export_pk):
    association, _capability = get_association_for_user(request, pk, admin=True)
    item = get_object_or_404(
        AssociationExport.objects.filter(association=association), pk=export_pk
    )
    if item.status != AssociationExport.Status.READY or not item.file:
        raise Http404
    try:
        handle = item.file.open("rb")
    except OSError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"donnees-association-{association.pk}-{item.created_at:%Y-%m-%d}.zip",
        content_type="application/zip",
    )
    response["Cache-Control"] = "private, no-store"
    return response
