from django.contrib import admin

from .models import (
    Association,
    AssociationMembership,
    Invitation,
    Network,
    NetworkHead,
    NetworkMembership,
)


class AssociationMembershipInline(admin.TabularInline):
    model = AssociationMembership
    extra = 0
    autocomplete_fields = ["user"]


class NetworkMembershipInline(admin.TabularInline):
    model = NetworkMembership
    extra = 0
    autocomplete_fields = ["association"]
    fields = ["association", "state", "invited_at", "responded_at", "left_at"]


@admin.register(Association)
class AssociationAdmin(admin.ModelAdmin):
    list_display = ["name", "rna", "siren", "department", "sector", "budget_band", "created_at"]
    list_filter = ["sector", "budget_band", "department"]
    search_fields = ["name", "rna", "siren", "city"]
    inlines = [AssociationMembershipInline]


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["name", "scope", "region", "department"]
    list_filter = ["scope", "region"]
    search_fields = ["name"]
    inlines = [NetworkMembershipInline]


@admin.register(NetworkMembership)
class NetworkMembershipAdmin(admin.ModelAdmin):
    list_display = ["association", "network", "state", "invited_at", "responded_at", "left_at"]
    list_filter = ["state", "network"]
    search_fields = ["association__name", "network__name"]
    autocomplete_fields = ["association", "network"]


@admin.register(NetworkHead)
class NetworkHeadAdmin(admin.ModelAdmin):
    list_display = ["user", "network"]
    search_fields = ["user__email", "network__name"]
    autocomplete_fields = ["user", "network"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = [
        "email",
        "association",
        "role",
        "created_at",
        "expires_at",
        "accepted_at",
        "revoked_at",
    ]
    list_filter = ["role"]
    search_fields = ["email", "association__name"]
    readonly_fields = ["token"]
