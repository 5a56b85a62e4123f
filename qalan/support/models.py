"""Support tickets (P3.1.d): a request to support with a contact for the answer, and its thread."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

DESCRIPTION_MAX = 5000
REPLY_MAX = 5000


class Ticket(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    # Empty for a ticket opened without signing in: the answer then goes to ``contact``.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="support_tickets"
    )
    contact = models.CharField(_("e-mail or phone for the answer"), max_length=254)
    subject = models.CharField(_("subject"), max_length=200)
    description = models.TextField(_("description"), max_length=DESCRIPTION_MAX)
    # The writer confirmed that the description holds sensitive information (P3.4).
    confidential = models.BooleanField(default=False)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("support ticket")
        verbose_name_plural = _("support tickets")

    def __str__(self) -> str:
        return f"ticket #{self.pk}"


class TicketReply(models.Model):
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="support_replies"
    )
    body = models.TextField(_("reply"), max_length=REPLY_MAX)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("ticket reply")
        verbose_name_plural = _("ticket replies")

    def __str__(self) -> str:
        return f"reply #{self.pk} to ticket #{self.ticket_id}"
