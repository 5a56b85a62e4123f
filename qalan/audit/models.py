"""Audit events: an append-only, hash-chained record of every change to personal data."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    created_at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    event_type = models.CharField(max_length=64, db_index=True)
    # Minimal details: ids, field names, reasons; never passwords, codes, phone numbers.
    extra = models.JSONField(default=dict, blank=True)
    # Keyed commitments (HMAC-SHA256, qalan.audit.chain) to actor, subject and extra as written.
    # The event's hash covers them, its time and its type; erasure empties the values but the
    # commitments stay, and an ``audit.scrubbed`` event records which fields were removed.
    actor_digest = models.CharField(max_length=64)
    subject_digest = models.CharField(max_length=64)
    extra_digest = models.CharField(max_length=64)
    # Which key of QALAN_AUDIT_KEYS sealed the event (keys rotate; old ones stay to verify).
    key_id = models.CharField(max_length=16)
    # A display mark only: verification relies on the scrub records, not on this flag.
    scrubbed = models.BooleanField(default=False)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.event_type}"
