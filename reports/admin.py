from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.admin_defaults import register_remaining

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


# Last app of INSTALLED_APPS: every model not registered by hand gets a generic admin.
register_remaining()
