from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from organisations.admin import AssociationAdmin, NetworkAdmin
from organisations.models import Association, NetworkMembership

from .models import BulkExport, BulkExportItem, Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("__str__", "kind", "status", "attempts", "requested_by", "created_at")
    list_filter = ("kind", "status")
    readonly_fields = [f.name for f in Report._meta.fields]
    search_fields = ("title",)

    def has_add_permission(self, request):
        return False


class BulkExportItemInline(admin.TabularInline):
    model = BulkExportItem
    extra = 0
    fields = ("report", "reused")
    readonly_fields = fields
    can_delete = False


@admin.register(BulkExport)
class BulkExportAdmin(admin.ModelAdmin):
    list_display = ("label", "kind", "status", "requested_by", "created_at", "progress_link")
    list_filter = ("kind", "status")
    search_fields = ("label", "requested_by__email")
    readonly_fields = [f.name for f in BulkExport._meta.fields]
    inlines = [BulkExportItemInline]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("progress"))
    def progress_link(self, export):
        return format_html(
            '<a href="{}">{}</a>', reverse("reports:bulk_export", args=[export.pk]), _("Open")
        )


# --- Bulk exports, started from the lists of associations and networks ---------------------


def _bulk_export(request, kind, association_ids, label):
    from django.shortcuts import redirect

    from . import bulk

    export = bulk.start(kind, association_ids, request.user, label)
    return redirect("reports:bulk_export", pk=export.pk)


@admin.action(description=_("Export their latest diagnostic reports (ZIP)"))
def export_diagnostic_reports(modeladmin, request, queryset):
    ids = list(queryset.values_list("pk", flat=True))
    label = ngettext(
        "Diagnostic reports of %(count)s association",
        "Diagnostic reports of %(count)s associations",
        len(ids),
    ) % {"count": len(ids)}
    return _bulk_export(request, "diagnostic", ids, label)


@admin.action(description=_("Export their alliances' evaluation reports (ZIP)"))
def export_evaluation_reports(modeladmin, request, queryset):
    ids = list(queryset.values_list("pk", flat=True))
    label = ngettext(
        "Evaluation reports of the alliances of %(count)s association",
        "Evaluation reports of the alliances of %(count)s associations",
        len(ids),
    ) % {"count": len(ids)}
    return _bulk_export(request, "evaluation", ids, label)


def _network_members(queryset):
    return list(
        Association.objects.filter(
            network_memberships__network__in=queryset,
            network_memberships__state=NetworkMembership.State.ACTIVE,
        )
        .distinct()
        .values_list("pk", flat=True)
    )


@admin.action(description=_("Export the latest diagnostic reports of all their members (ZIP)"))
def export_network_diagnostic_reports(modeladmin, request, queryset):
    names = ", ".join(queryset.values_list("name", flat=True))
    label = _("Diagnostic reports of the members of %(names)s") % {"names": names}
    return _bulk_export(request, "diagnostic", _network_members(queryset), label)


@admin.action(description=_("Export the evaluation reports of all their members' alliances (ZIP)"))
def export_network_evaluation_reports(modeladmin, request, queryset):
    names = ", ".join(queryset.values_list("name", flat=True))
    label = _("Evaluation reports of the members of %(names)s") % {"names": names}
    return _bulk_export(request, "evaluation", _network_members(queryset), label)


AssociationAdmin.actions = [export_diagnostic_reports, export_evaluation_reports]
NetworkAdmin.actions = [export_network_diagnostic_reports, export_network_evaluation_reports]
