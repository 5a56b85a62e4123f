"""Writing audit events. Call ``audit_record`` inside the transaction that makes the change."""

import hashlib
import json
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from qalan.audit.models import AuditEvent

GENESIS = "0" * 64


class AuditOutsideTransaction(RuntimeError):
    pass


def _payload_digest(*, actor_id: int | None, subject_id: int | None, extra: dict[str, Any]) -> str:
    payload = json.dumps([actor_id, subject_id, extra], sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def _chain_hash(*, prev_hash: str, event: AuditEvent) -> str:
    material = "|".join([prev_hash, event.created_at.isoformat(), event.event_type, event.payload_digest])
    return hashlib.sha256(material.encode()).hexdigest()


def audit_record(*, actor, event_type: str, subject=None, extra: dict[str, Any] | None = None) -> AuditEvent:
    """Append one event to the chain, in the caller's transaction (the change and its record
    commit or roll back together)."""
    if not transaction.get_connection().in_atomic_block:
        raise AuditOutsideTransaction("audit_record must run inside the transaction of the change")
    if connection.vendor == "postgresql":
        # Serialise writers so that two transactions never chain off the same previous event.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext('qalan.audit'))")
    extra = extra or {}
    actor_id = getattr(actor, "pk", None)
    subject_id = getattr(subject, "pk", None)
    last = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first()
    event = AuditEvent(
        created_at=timezone.now(),
        actor_id=actor_id,
        subject_id=subject_id,
        event_type=event_type,
        extra=extra,
        payload_digest=_payload_digest(actor_id=actor_id, subject_id=subject_id, extra=extra),
        prev_hash=last or GENESIS,
    )
    event.hash = _chain_hash(prev_hash=event.prev_hash, event=event)
    event.save()
    return event


def audit_verify_chain() -> list[str]:
    """Problems found in the chain (empty when every event is intact and in order)."""
    problems = []
    prev = GENESIS
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if event.prev_hash != prev:
            problems.append(f"event {event.pk}: previous hash does not match (an event was removed)")
        if event.hash != _chain_hash(prev_hash=event.prev_hash, event=event):
            problems.append(f"event {event.pk}: hash does not match its content")
        if not event.scrubbed and event.payload_digest != _payload_digest(
            actor_id=event.actor_id, subject_id=event.subject_id, extra=event.extra
        ):
            problems.append(f"event {event.pk}: actor, subject or details were changed")
        prev = event.hash
    return problems
