from django.contrib import admin

from qalan.notify.models import OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ["pk", "channel", "kind", "status", "created_at", "sent_at"]
    list_filter = ["channel", "kind", "status"]
    exclude = ["body"]
