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
    # Digest of (actor, subject, extra) at write time. Erasure scrubs those columns but keeps
    # the digest, so the chain still verifies after a user is forgotten.
    payload_digest = models.CharField(max_length=64)
    scrubbed = models.BooleanField(default=False)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.event_type}"
