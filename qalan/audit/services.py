"""Writing audit events. Call ``audit_record`` inside the transaction that makes the change.

The chain (``qalan.audit.chain``) is keyed with a secret from settings; a scrub is itself an
event of the chain (``audit.scrubbed``); the head (``qalan.audit.head``) is kept outside the
table. ``audit_chain_check`` verifies all three (docs/audit.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from qalan.audit.chain import (
    COVERED_FIELDS,
    EMPTY,
    GENESIS,
    current_key_id,
    event_hash,
    field_digest,
    key_for,
    normalised_extra,
    seal,
)
from qalan.audit.head import head_advance, head_path, head_read, head_write
from qalan.audit.models import AuditEvent

SCRUB_EVENT = "audit.scrubbed"
HEAD_RESET_EVENT = "audit.head_reset"

__all__ = [
    "GENESIS",
    "AuditOutsideTransaction",
    "audit_chain_check",
    "audit_forget_user",
    "audit_head_reset",
    "audit_record",
    "audit_scrub_rows",
    "audit_verify_chain",
]


class AuditOutsideTransaction(RuntimeError):
    pass


def audit_record(*, actor, event_type: str, subject=None, extra: dict[str, Any] | None = None) -> AuditEvent:
    """Append one event to the chain, in the caller's transaction (the change and its record
    commit or roll back together). One read (the previous hash) and one insert, as before the
    chain was keyed; the head file follows after commit."""
    if not transaction.get_connection().in_atomic_block:
        raise AuditOutsideTransaction("audit_record must run inside the transaction of the change")
    if connection.vendor == "postgresql":
        # Serialise writers so that two transactions never chain off the same previous event.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext('qalan.audit'))")
    values = {
        "actor": getattr(actor, "pk", None),
        "subject": getattr(subject, "pk", None),
        "extra": normalised_extra(extra),
    }
    prev_hash = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first() or GENESIS
    created_at = timezone.now()
    key_id = current_key_id()
    digests, hash_ = seal(
        key_id=key_id, prev_hash=prev_hash, created_at=created_at, event_type=event_type, values=values
    )
    event = AuditEvent(
        created_at=created_at,
        actor_id=values["actor"],
        subject_id=values["subject"],
        event_type=event_type,
        extra=values["extra"],
        key_id=key_id,
        actor_digest=digests[0],
        subject_digest=digests[1],
        extra_digest=digests[2],
        prev_hash=prev_hash,
        hash=hash_,
    )
    event.save()
    transaction.on_commit(partial(head_advance, event.pk, event.hash))
    return event


# --- Scrubbing --------------------------------------------------------------------------------


def _scrub(candidates, *, user, clear: dict[str, Any], links: list[str]) -> dict[str, list[str]]:
    """Empty the person's links (and ``clear``'s fields) on the candidate events and record, in
    one chained ``audit.scrubbed`` event, which fields of which events were removed: the
    verifier then accepts exactly those fields being empty and nothing else changed."""
    removed: dict[str, list[str]] = {}
    for pk, actor_id, subject_id, extra in candidates.values_list("pk", "actor_id", "subject_id", "extra"):
        current = {"actor": actor_id, "subject": subject_id, "extra": extra}
        names = [
            name
            for name in COVERED_FIELDS
            if (name in links and current[name] == user.pk) or (name in clear and current[name] != EMPTY[name])
        ]
        if names:
            removed[str(pk)] = names
    if not removed:
        return removed  # nothing left to remove (a resumed or repeated erasure): no event
    rows = AuditEvent.objects.filter(pk__in=[int(pk) for pk in removed])
    if clear:
        rows.update(**clear)
    for name in links:
        rows.filter(**{name: user}).update(**{name: None})
    audit_record(actor=None, subject=None, event_type=SCRUB_EVENT, extra={"events": removed})
    return removed


def audit_scrub_rows(*, pks: list, user, values: dict[str, Any], links: list) -> None:
    """Erasure's scrub of one batch of the person's events (the ``eraser`` the audit app
    declares in its privacy.py), inside the batch's transaction."""
    clear = {name: value for name, value in values.items() if name in COVERED_FIELDS or name == "scrubbed"}
    _scrub(AuditEvent.objects.filter(pk__in=pks), user=user, clear=clear, links=[link.name for link in links])


def audit_forget_user(*, user) -> None:
    """Before an account row is deleted (pre_delete, inside the deletion's transaction): the
    database would set actor and subject to NULL behind the chain's back (SET_NULL); here it is
    a recorded scrub. After an erasure there is nothing left to do (one query)."""
    _scrub(
        AuditEvent.objects.filter(Q(actor=user) | Q(subject=user)),
        user=user,
        clear={"scrubbed": True},
        links=["actor", "subject"],
    )


# --- Verifying --------------------------------------------------------------------------------


@dataclass
class ChainReport:
    checked: int = 0
    problems: list[str] = field(default_factory=list)
    last_id: int | None = None
    last_hash: str = GENESIS
    head: dict | None = None


def _scrub_claims(event: AuditEvent, claims: dict[int, set[str]], problems: list[str]) -> None:
    events = event.extra.get("events") if isinstance(event.extra, dict) else None
    if not isinstance(events, dict):
        problems.append(f"event {event.pk}: a scrub record that names no events")
        return
    for pk, names in events.items():
        try:
            target = int(pk)
        except (TypeError, ValueError):
            problems.append(f"event {event.pk}: a scrub record names {pk!r}, which is not an event id")
            continue
        if target >= event.pk:
            problems.append(f"event {event.pk}: a scrub record names event {target}, which comes after it")
            continue
        claims.setdefault(target, set()).update(n for n in names if n in COVERED_FIELDS)


def audit_chain_check(*, check_head: bool = True) -> ChainReport:
    """Verify every event: its link to the one before, its keyed hash, each covered field
    against its commitment (an emptied field only where a scrub record says so), and the head
    kept outside the table."""
    report = ChainReport()
    problems = report.problems
    keys: dict[str, bytes | None] = {}
    claims: dict[int, set[str]] = {}
    # Fields that do not match their commitment, with whether they are empty now: acceptable
    # only where a later scrub record names them, so they are judged after the whole pass.
    unmatched: dict[int, list[tuple[str, bool]]] = {}
    head = None
    if check_head:
        try:
            head = report.head = head_read()
        except ValueError as exc:
            problems.append(str(exc))
    head_hash_found = None
    prev = GENESIS
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        report.checked += 1
        report.last_id, report.last_hash = event.pk, event.hash
        if head is not None and event.pk == head["id"]:
            head_hash_found = event.hash
        if event.prev_hash != prev:
            problems.append(f"event {event.pk}: does not follow the event before it (an event was removed or inserted)")
        prev = event.hash
        if event.key_id not in keys:
            try:
                keys[event.key_id] = key_for(event.key_id)
            except KeyError:
                keys[event.key_id] = None
                problems.append(
                    f"key {event.key_id!r} (first used by event {event.pk}) is not in the settings: "
                    "add it to QALAN_AUDIT_OLD_KEYS"
                )
        key = keys[event.key_id]
        if key is None:
            continue
        digests = (event.actor_digest, event.subject_digest, event.extra_digest)
        expected = event_hash(
            key,
            key_id=event.key_id,
            prev_hash=event.prev_hash,
            created_at=event.created_at,
            event_type=event.event_type,
            digests=digests,
        )
        if event.hash != expected:
            problems.append(
                f"event {event.pk}: its hash does not match its time, type and commitments (altered or forged)"
            )
            continue
        values = {"actor": event.actor_id, "subject": event.subject_id, "extra": event.extra}
        bad = [
            (name, values[name] == EMPTY[name])
            for name, digest in zip(COVERED_FIELDS, digests)
            if field_digest(key, prev_hash=event.prev_hash, name=name, value=values[name]) != digest
        ]
        if bad:
            unmatched[event.pk] = bad
        elif event.event_type == SCRUB_EVENT:
            _scrub_claims(event, claims, problems)
    for pk, bad in unmatched.items():
        for name, empty in bad:
            if empty and name in claims.get(pk, ()):
                continue  # removed by a recorded scrub
            if empty:
                problems.append(f"event {pk}: {name} was emptied without a scrub record")
            else:
                problems.append(
                    f"event {pk}: {name} was changed" + (" after the event was scrubbed" if pk in claims else "")
                )
    if check_head:
        _head_check(report, head, head_hash_found, problems)
    return report


def _head_check(report: ChainReport, head: dict | None, head_hash_found: str | None, problems: list[str]) -> None:
    if head is None:
        if report.checked and not any(p.startswith("the audit head file") for p in problems):
            problems.append(
                f"no audit head at {head_path()}: removed newest events cannot be ruled out; compare the chain "
                "with the last 'audit head' line of the log, then run `audit_head --reset`"
            )
        return
    if head_hash_found is None:
        problems.append(
            f"the audit head names event {head['id']}, which the chain does not hold (it ends at event "
            f"{report.last_id}): events were removed from the end"
        )
    elif head_hash_found != head["hash"]:
        problems.append(f"event {head['id']}: its hash differs from the one the audit head recorded (rewritten)")
    # A head behind the last event is fine: the process may have stopped between commit and write.


def audit_verify_chain() -> list[str]:
    """Problems found in the chain and its head (empty when every event is intact)."""
    return audit_chain_check().problems


def audit_head_reset(*, actor=None) -> AuditEvent:
    """Re-anchor the head on the table's last event, after an operator has checked why it
    differs (a restored backup): refused while the chain itself does not verify; recorded as
    an event that names the head it replaced, and the new head is written at once."""
    report = audit_chain_check(check_head=False)
    if report.problems:
        raise ValueError("the audit chain does not verify; the head is not reset: " + "; ".join(report.problems[:5]))
    try:
        previous = head_read()
    except ValueError:
        previous = None
    with transaction.atomic():
        event = audit_record(
            actor=actor,
            event_type=HEAD_RESET_EVENT,
            extra={"previous_head": previous["id"] if previous else None, "last_event": report.last_id},
        )
    head_write(event_id=event.pk, event_hash=event.hash, force=True)
    return event
