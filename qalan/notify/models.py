"""The outbox: every message the platform sends (e-mail, SMS, in-app), with its delivery state."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OutboxMessage(models.Model):
    class Channel(models.TextChoices):
        EMAIL = "email", _("E-mail")
        SMS = "sms", _("SMS")
        INAPP = "inapp", _("In-app")

    class Kind(models.TextChoices):
        SERVICE = "service", _("Service message")
        SECURITY = "security", _("Security notice")
        MARKETING = "marketing", _("News and offers")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="outbox_messages"
    )
    # The people the message is about when they are not its addressee (the child named in an SMS
    # to a parent): erasing one of them rewrites the message without their details.
    about = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="outbox_messages_about")
    channel = models.CharField(max_length=8, choices=Channel.choices)
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.SERVICE)
    recipient = models.CharField(max_length=254, blank=True)
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    # Extra e-mail headers, e.g. List-Unsubscribe on marketing (RFC 8058).
    headers = models.JSONField(default=dict, blank=True)
    # Bodies with secrets (recovery codes) are wiped after delivery outside development.
    sensitive = models.BooleanField(default=False)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    error = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")

    def __str__(self) -> str:
        return f"{self.channel} #{self.pk}"


class NotificationPreference(models.Model):
    """What a user wants beyond service messages, which always go out (P4.3.a, P4.3.b).

    Marketing also needs consent in the ledger (purpose "marketing"); these flags choose the
    channels for it.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    marketing_email = models.BooleanField(_("news and offers by e-mail"), default=True)
    marketing_sms = models.BooleanField(_("news and offers by SMS"), default=False)
    security_email = models.BooleanField(_("security notices also by e-mail"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"preferences #{self.pk}"


class Campaign(models.Model):
    """A marketing message written by staff; sent only to users who consented."""

    subject = models.CharField(pgettext_lazy("newsletter: e-mail subject line", "subject"), max_length=200)
    body = models.TextField(_("text"))
    language = models.CharField(
        _("language of the text"),
        max_length=8,
        choices=settings.LANGUAGES,
        help_text=_("Sent to users whose interface language is this one."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    recipients = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return self.subject
