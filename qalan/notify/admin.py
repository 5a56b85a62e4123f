from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from qalan.notify.models import Campaign, OutboxMessage
from qalan.notify.services import campaign_send


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ["pk", "channel", "kind", "status", "created_at", "sent_at"]
    list_filter = ["channel", "kind", "status"]
    exclude = ["body"]


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["subject", "language", "created_at", "sent_at", "recipients"]
    readonly_fields = ["sent_at", "recipients"]
    actions = ["send"]

    @admin.action(description=_("Send to users who agreed to news"))
    def send(self, request, queryset):
        for campaign in queryset:
            try:
                count = campaign_send(actor=request.user, campaign=campaign)
            except ValidationError as exc:
                self.message_user(request, "; ".join(exc.messages), level=messages.ERROR)
            else:
                self.message_user(
                    request, ngettext("Sent to %(count)s user.", "Sent to %(count)s users.", count) % {"count": count}
                )
