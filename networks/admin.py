from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Review, ReviewReply


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
