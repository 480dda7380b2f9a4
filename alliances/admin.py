from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Alliance, AllianceMember


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
