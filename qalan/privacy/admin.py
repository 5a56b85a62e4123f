from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from qalan.privacy.models import ConsentRecord, Inquiry, PolicyVersion
from qalan.privacy.services import policy_publish


@admin.register(PolicyVersion)
class PolicyVersionAdmin(admin.ModelAdmin):
    list_display = ["version", "last_updated", "effective_from", "is_material", "published_at"]
    readonly_fields = ["published_at", "created_at"]
    actions = ["publish"]

    def get_readonly_fields(self, request, obj=None):
        # A published text is a record of what users agreed to: it never changes.
        if obj is not None and obj.is_published:
            return [f.name for f in PolicyVersion._meta.fields]
        return self.readonly_fields

    def has_delete_permission(self, request, obj=None):
        return obj is None or not obj.is_published

    @admin.action(description=_("Publish the selected drafts"))
    def publish(self, request, queryset):
        for policy in queryset:
            try:
                policy_publish(actor=request.user, policy=policy)
            except ValidationError as exc:
                self.message_user(request, f"{policy.version}: {'; '.join(exc.messages)}", level=messages.ERROR)
            else:
                self.message_user(request, _("Published %(version)s.") % {"version": policy.version})


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
