"""The keyed chain: per-field commitments, a key id per event; events written before are sealed
again under the current key (after a check of the unkeyed chain, whose result the sealing
records in an ``audit.resealed`` event)."""

import hashlib
import json

from django.db import migrations, models, transaction
from django.utils import timezone

from qalan.audit import chain
from qalan.audit.head import head_advance

BATCH = 2000


def _legacy_problems(AuditEvent) -> int:
    problems, prev = 0, chain.GENESIS
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=BATCH):
        material = "|".join([event.prev_hash, event.created_at.isoformat(), event.event_type, event.payload_digest])
        payload = json.dumps([event.actor_id, event.subject_id, event.extra], sort_keys=True, default=str)
        if event.prev_hash != prev or event.hash != hashlib.sha256(material.encode()).hexdigest():
            problems += 1
        elif not event.scrubbed and event.payload_digest != hashlib.sha256(payload.encode()).hexdigest():
            problems += 1
        prev = event.hash
    return problems


def reseal(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    if not AuditEvent.objects.exists():
        return
    legacy_problems = _legacy_problems(AuditEvent)
    key_id = chain.current_key_id()
    prev, pending, sealed = chain.GENESIS, [], 0
    fields = ["key_id", "actor_digest", "subject_digest", "extra_digest", "prev_hash", "hash"]
    # Hashes are unique: park the old ones first so that a new hash never meets an old one.
    AuditEvent.objects.update(hash=models.functions.Concat(models.Value("old-"), models.functions.Cast("id", models.CharField())))
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=BATCH):
        values = {"actor": event.actor_id, "subject": event.subject_id, "extra": event.extra}
        digests, event.hash = chain.seal(
            key_id=key_id, prev_hash=prev, created_at=event.created_at, event_type=event.event_type, values=values
        )
        event.key_id, event.prev_hash = key_id, prev
        event.actor_digest, event.subject_digest, event.extra_digest = digests
        prev, sealed = event.hash, sealed + 1
        pending.append(event)
        if len(pending) >= BATCH:
            AuditEvent.objects.bulk_update(pending, fields)
            pending = []
    if pending:
        AuditEvent.objects.bulk_update(pending, fields)
    now = timezone.now()
    extra = {"sealed": sealed, "legacy_problems": legacy_problems}
    values = {"actor": None, "subject": None, "extra": extra}
    digests, hash_ = chain.seal(key_id=key_id, prev_hash=prev, created_at=now, event_type="audit.resealed", values=values)
    event = AuditEvent.objects.create(
        created_at=now, event_type="audit.resealed", extra=extra, key_id=key_id, actor_digest=digests[0],
        subject_digest=digests[1], extra_digest=digests[2], prev_hash=prev, hash=hash_, payload_digest="",
    )
    # The head file starts at the sealed chain's end, once the sealing is committed.
    transaction.on_commit(lambda: head_advance(event.pk, event.hash), using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [
        migrations.AddField("auditevent", "actor_digest", models.CharField(default="", max_length=64), preserve_default=False),
        migrations.AddField("auditevent", "subject_digest", models.CharField(default="", max_length=64), preserve_default=False),
        migrations.AddField("auditevent", "extra_digest", models.CharField(default="", max_length=64), preserve_default=False),
        migrations.AddField("auditevent", "key_id", models.CharField(default="", max_length=16), preserve_default=False),
        # Not reversible: the unkeyed hashes are gone once the events are sealed again.
        migrations.RunPython(reseal),
        migrations.RemoveField("auditevent", "payload_digest"),
    ]
