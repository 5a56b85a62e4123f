"""Read-only admin views of the lifecycle: changes go through the services (and their audit)."""

from django.contrib import admin

from qalan.lifecycle.models import (
    AccountBlock,
    DestructionRecord,
    ErasureRun,
    ErasureStep,
    InactivityNotice,
    LegalHold,
    RequestLog,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ErasureStepInline(admin.TabularInline):
    model = ErasureStep
    extra = 0
    can_delete = False
    readonly_fields = ["position", "model", "action", "rows", "files", "done", "started_at", "finished_at"]
    fields = readonly_fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ErasureRun)
class ErasureRunAdmin(ReadOnlyAdmin):
    list_display = ["pk", "status", "reason", "not_before", "started_at", "finished_at", "attempts"]
    list_filter = ["status"]
    exclude = ["subject_key"]
    inlines = [ErasureStepInline]


@admin.register(LegalHold)
class LegalHoldAdmin(ReadOnlyAdmin):
    list_display = ["pk", "scope", "user", "dataset", "ends_on", "released_at"]
    list_filter = ["scope"]


@admin.register(AccountBlock)
class AccountBlockAdmin(ReadOnlyAdmin):
    list_display = ["pk", "user", "reason", "created_at", "lifted_at"]
    list_filter = ["reason"]


@admin.register(DestructionRecord)
class DestructionRecordAdmin(ReadOnlyAdmin):
    list_display = ["recorded_at", "rule", "model", "action", "count", "held", "batches", "longest_batch_ms"]
    list_filter = ["rule", "action"]


@admin.register(InactivityNotice)
class InactivityNoticeAdmin(ReadOnlyAdmin):
    list_display = ["pk", "sent_at", "erase_after", "returned_at"]


@admin.register(RequestLog)
class RequestLogAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "method", "route", "status", "duration_ms", "device_type", "browser", "os"]
    list_filter = ["status", "device_type", "method"]
    exclude = ["ip_address", "user_key"]
