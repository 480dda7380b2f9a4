from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Alliance, AllianceMember, PartnerImport


class AllianceMemberInline(admin.TabularInline):
    model = AllianceMember
    extra = 0
    autocomplete_fields = ["association"]


@admin.register(Alliance)
class AllianceAdmin(SimpleHistoryAdmin):
    list_display = ["title", "lead", "territory", "updated_at"]
    search_fields = ["title", "lead__name", "territory"]
    autocomplete_fields = ["lead"]
    inlines = [AllianceMemberInline]


@admin.register(PartnerImport)
class PartnerImportAdmin(admin.ModelAdmin):
    # The file's bytes are not shown: it may hold personal data of the partners' contacts.
    list_display = ["file_name", "association", "uploaded_by", "created_at", "imported_at"]
    exclude = ["content"]
    readonly_fields = ["association", "uploaded_by", "file_name", "mapping", "imported_at"]
    raw_id_fields = ["association", "uploaded_by"]

    def has_add_permission(self, request):
        return False  # made by an upload of the partner directory, never by hand
