from django.contrib import admin

from qalan.community.models import Comment, Report


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    """Comments are public under their task; private messages are deliberately not in the admin:
    moderators read only what was reported to them (the moderation page)."""

    list_display = ["pk", "task", "kind", "author_role", "created_at", "hidden_at"]
    list_filter = ["kind", "author_role"]
    readonly_fields = [
        "task",
        "author",
        "author_role",
        "kind",
        "reply_to",
        "body",
        "created_at",
        "hidden_at",
        "hidden_by",
    ]

    def has_add_permission(self, request):
        return False


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["pk", "reason", "outcome", "created_at", "resolved_at"]
    list_filter = ["reason", "outcome"]
    readonly_fields = [
        "comment",
        "message",
        "reporter",
        "reason",
        "outcome",
        "created_at",
        "resolved_at",
        "resolved_by",
    ]

    def has_add_permission(self, request):
        return False
