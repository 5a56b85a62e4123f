from django.contrib import admin

from qalan.rights.models import (
    DataExport,
    DataRequest,
    Disclosure,
    Recipient,
    RecipientNotice,
    RequestEvent,
    TransferredDay,
)
from qalan.rights.services import transferred_day_remove, transferred_day_set


@admin.register(TransferredDay)
class TransferredDayAdmin(admin.ModelAdmin):
    """The operator's table of the government's transferred days; the deadline calendar reads it."""

    list_display = ["date", "kind", "decree"]
    list_filter = ["kind"]
    date_hierarchy = "date"
    search_fields = ["decree", "note"]

    # Through the services, so that a change of deadlines made here is audited like the command's.
    def save_model(self, request, obj, form, change):
        if change and "date" in form.changed_data:
            # A moved date: the old one goes, the new one comes, both recorded.
            transferred_day_remove(actor=request.user, day=form.initial["date"])
        saved, _created = transferred_day_set(
            actor=request.user, day=obj.date, kind=obj.kind, decree=obj.decree, note=obj.note
        )
        obj.pk = saved.pk

    def delete_model(self, request, obj):
        transferred_day_remove(actor=request.user, day=obj.date)

    def delete_queryset(self, request, queryset):
        for day in list(queryset.values_list("date", flat=True)):
            transferred_day_remove(actor=request.user, day=day)


@admin.register(Recipient)
class RecipientAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "kind", "country", "agreement", "active"]
    list_filter = ["kind", "country", "active"]
    search_fields = ["name", "slug"]


class RequestEventInline(admin.TabularInline):
    model = RequestEvent
    extra = 0
    can_delete = False
    fields = ["created_at", "action", "actor", "public"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(DataRequest)
class DataRequestAdmin(admin.ModelAdmin):
    """Read-only: requests change through the DPO workspace so that each step is audited and told
    to the requester."""

    list_display = ["pk", "kind", "status", "channel", "received_at", "due_on", "assigned_to"]
    list_filter = ["kind", "status", "channel"]
    exclude = ["verification_code_hash"]
    inlines = [RequestEventInline]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in DataRequest._meta.fields if f.name != "verification_code_hash"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Disclosure)
class DisclosureAdmin(admin.ModelAdmin):
    list_display = ["pk", "disclosed_at", "recipient", "legal_basis"]
    list_filter = ["recipient", "legal_basis"]
    readonly_fields = [f.name for f in Disclosure._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RecipientNotice)
class RecipientNoticeAdmin(admin.ModelAdmin):
    list_display = ["pk", "sent_at", "recipient", "change"]
    readonly_fields = [f.name for f in RecipientNotice._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(DataExport)
class DataExportAdmin(admin.ModelAdmin):
    list_display = ["pk", "created_at", "expires_at", "download_count"]
    exclude = ["token_hash"]
    readonly_fields = ["user", "created_at", "expires_at", "download_count", "last_downloaded_at"]

    def has_add_permission(self, request):
        return False
