"""Versions and answers are read in the admin, never written there: a sent version is a
record the parties answered, an accepted one a text whose hash is printed on its PDF."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ConventionVersion, PartyAnswer


class ReadOnlyAdmin(SimpleHistoryAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ConventionVersion)
class ConventionVersionAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "state", "sent_at", "accepted_at"]
    list_filter = ["state"]
    search_fields = ["label"]
    raw_id_fields = ["convention", "created_by", "sent_by", "report"]


@admin.register(PartyAnswer)
class PartyAnswerAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "decision", "on_behalf", "answered_at"]
    list_filter = ["decision", "on_behalf"]
    search_fields = ["label"]
    raw_id_fields = ["version", "party", "answered_by"]
