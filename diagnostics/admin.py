from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from . import services
from .models import Axis, Campaign, QuestionnaireVersion, Recommendation, Respondent, Statement


class LockedWhenAnsweredMixin:
    """A version with answers is read-only: its statements' meaning must not change."""

    def _version_of(self, obj):
        return obj if isinstance(obj, QuestionnaireVersion) else obj._version()

    def has_change_permission(self, request, obj=None):
        if obj is not None and self._version_of(obj).has_answers():
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and self._version_of(obj).has_answers():
            return False
        return super().has_delete_permission(request, obj)


class StatementInline(admin.TabularInline):
    model = Statement
    extra = 0


class RecommendationInline(admin.TabularInline):
    model = Recommendation
    extra = 0


class AxisInline(admin.TabularInline):
    model = Axis
    extra = 0
    fields = ("position", "code", "title", "help_link")
    show_change_link = True


@admin.register(QuestionnaireVersion)
class QuestionnaireVersionAdmin(LockedWhenAnsweredMixin, admin.ModelAdmin):
    list_display = ("code", "title", "published_at", "created_at")
    inlines = [AxisInline]
    actions = ["publish_copy", "publish"]

    @admin.action(description=_("Publish a new version (copy)"))
    def publish_copy(self, request, queryset):
        for version in queryset:
            copy = services.publish_copy(version=version)
            self.message_user(
                request,
                _("Version %(code)s created as a copy of %(source)s: edit it, then publish it.")
                % {"code": copy.code, "source": version.code},
                messages.SUCCESS,
            )

    @admin.action(description=_("Publish the selected versions now"))
    def publish(self, request, queryset):
        from django.utils import timezone

        for version in queryset.filter(published_at__isnull=True):
            version.published_at = timezone.now()
            version.save(update_fields=["published_at"])


@admin.register(Statement)
class StatementAdmin(LockedWhenAnsweredMixin, admin.ModelAdmin):
    list_display = ("code", "text", "axis")
    list_filter = ("axis__version",)


@admin.register(Axis)
class AxisAdmin(LockedWhenAnsweredMixin, admin.ModelAdmin):
    list_display = ("code", "title", "version")
    list_filter = ("version",)
    inlines = [StatementInline, RecommendationInline]


class RespondentInline(admin.TabularInline):
    model = Respondent
    extra = 0
    fields = ("user", "started_at", "submitted_at")
    readonly_fields = ("started_at", "submitted_at")


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ("__str__", "association", "version", "status", "opened_at", "closed_at")
    list_filter = ("status", "version")
    search_fields = ("association__name", "title")
    inlines = [RespondentInline]
    readonly_fields = ("version",)
