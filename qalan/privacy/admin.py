from django.contrib import admin

from qalan.privacy.models import ConsentRecord, Inquiry, PolicyVersion


@admin.register(PolicyVersion)
class PolicyVersionAdmin(admin.ModelAdmin):
    list_display = ["version", "last_updated", "effective_from", "is_material"]


@admin.register(ConsentRecord)
class ConsentRecordAdmin(admin.ModelAdmin):
    list_display = ["user", "purpose", "action", "policy_version", "channel", "created_at"]
    list_filter = ["purpose", "action", "channel"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Inquiry)
class InquiryAdmin(admin.ModelAdmin):
    list_display = ["pk", "topic", "status", "created_at"]
    list_filter = ["topic", "status"]
