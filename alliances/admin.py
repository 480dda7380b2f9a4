from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Alliance,
    AllianceMember,
    Association,
    AssociationMembership,
    Invitation,
    Network,
    NetworkHead,
    NetworkMembership,
    Review,
    ReviewReply,
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


def _bulk_export(request, kind, association_ids, label):
    from django.shortcuts import redirect

    from reports import bulk

    export = bulk.start(kind, association_ids, request.user, label)
    return redirect("reports:bulk_export", pk=export.pk)


@admin.action(description=_("Export their latest diagnostic reports (ZIP)"))
def export_diagnostic_reports(modeladmin, request, queryset):
    ids = list(queryset.values_list("pk", flat=True))
    label = _("Diagnostic reports of %(count)s associations") % {"count": len(ids)}
    return _bulk_export(request, "diagnostic", ids, label)


@admin.action(description=_("Export their alliances' evaluation reports (ZIP)"))
def export_evaluation_reports(modeladmin, request, queryset):
    ids = list(queryset.values_list("pk", flat=True))
    label = _("Evaluation reports of the alliances of %(count)s associations") % {"count": len(ids)}
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


@admin.register(Association)
class AssociationAdmin(admin.ModelAdmin):
    list_display = ["name", "rna", "siren", "department", "sector", "budget_band", "created_at"]
    list_filter = ["sector", "budget_band", "department"]
    search_fields = ["name", "rna", "siren", "city"]
    inlines = [AssociationMembershipInline]
    actions = [export_diagnostic_reports, export_evaluation_reports]


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["name", "scope", "region", "department"]
    list_filter = ["scope", "region"]
    search_fields = ["name"]
    inlines = [NetworkMembershipInline]
    actions = [export_network_diagnostic_reports, export_network_evaluation_reports]


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


class ReviewReplyInline(admin.TabularInline):
    model = ReviewReply
    extra = 0
    raw_id_fields = ["author"]


@admin.register(Review)
class ReviewAdmin(SimpleHistoryAdmin):
    list_display = ["alliance", "step", "network", "verdict", "author", "created_at"]
    list_filter = ["verdict", "network"]
    search_fields = ["alliance__title", "network__name", "comment"]
    raw_id_fields = ["alliance", "author"]
    inlines = [ReviewReplyInline]
