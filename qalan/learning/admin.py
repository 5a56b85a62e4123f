from django.contrib import admin

from qalan.learning.models import Assignment, Choice, Entitlement, Quiz, QuizItem, Subject, Task, Topic
from qalan.learning.services import entitlement_grant, entitlement_revoke


@admin.register(Subject)
class SubjectAdmin(admin.ModelAdmin):
    list_display = ["key", "name_kk", "name_ru", "name_en", "order"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["key", "name_en", "subject", "grade", "order"]
    list_filter = ["subject", "grade"]


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ["key", "topic", "kind", "difficulty", "is_extended", "is_published"]
    list_filter = ["kind", "difficulty", "is_extended", "is_published", "topic__grade"]
    search_fields = ["key", "text_kk", "text_ru", "text_en"]
    inlines = [ChoiceInline]


class QuizItemInline(admin.TabularInline):
    model = QuizItem
    extra = 0
    autocomplete_fields = ["task"]


@admin.register(Quiz)
class QuizAdmin(admin.ModelAdmin):
    list_display = ["key", "title_en", "topic", "time_limit_minutes", "is_extended"]
    inlines = [QuizItemInline]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["pk", "title", "school_class", "due_at"]
    readonly_fields = ["school_class", "created_by", "title", "quiz", "time_limit_minutes", "due_at", "created_at"]

    def has_add_permission(self, request):
        return False


@admin.action(description="Revoke the selected entitlements")
def revoke_entitlements(modeladmin, request, queryset):
    for entitlement in queryset.filter(revoked_at__isnull=True):
        entitlement_revoke(actor=request.user, entitlement=entitlement)


@admin.register(Entitlement)
class EntitlementAdmin(admin.ModelAdmin):
    """Staff grant extended content here until billing exists; grants go through the service (audited)."""

    list_display = ["user", "kind", "reason", "starts_at", "ends_at", "revoked_at", "granted_by"]
    list_filter = ["kind"]
    search_fields = ["user__username"]
    autocomplete_fields = ["user"]
    fields = ["user", "reason", "starts_at", "ends_at"]
    actions = [revoke_entitlements]

    def get_readonly_fields(self, request, obj=None):
        return self.fields if obj is not None else []

    def save_model(self, request, obj, form, change):
        if change:
            return
        granted = entitlement_grant(
            actor=request.user, user=obj.user, reason=obj.reason, starts_at=obj.starts_at, ends_at=obj.ends_at
        )
        obj.pk = granted.pk
