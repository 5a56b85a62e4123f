"""The keyed hash chain of audit events: field commitments and event hashes (HMAC-SHA256).

Pure functions of an event's values and a key from settings, so that the service, the verifier
and the migration that sealed events written before the key existed compute the same thing.
The key never reaches the database: whoever can write to the table still cannot make a forged,
inserted or appended event verify.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

GENESIS = "0" * 64
# The fields a scrub may empty; each has its own commitment so that a scrub that empties one
# (the erased actor) leaves the others (the subject, another person) verifiable.
COVERED_FIELDS = ("actor", "subject", "extra")
EMPTY = {"actor": None, "subject": None, "extra": {}}


def current_key_id() -> str:
    return settings.QALAN_AUDIT_KEY_ID


def key_for(key_id: str) -> bytes:
    """The key an event was sealed with; KeyError when settings no longer hold it."""
    key = settings.QALAN_AUDIT_KEYS[key_id]
    if not key:
        raise ImproperlyConfigured(f"audit key {key_id!r} is empty")
    return key.encode()


def _mac(key: bytes, *parts: str) -> str:
    return hmac.new(key, "\x1f".join(parts).encode(), hashlib.sha256).hexdigest()


def canonical(value: Any) -> str:
    """The one text form of a value (what the database gives back hashes the same)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), default=str)


def normalised_extra(extra: dict[str, Any] | None) -> dict[str, Any]:
    """``extra`` as the JSON column will return it (tuples become lists, keys strings, dates
    text), so that the digest computed now matches the row read back later."""
    return json.loads(json.dumps(extra or {}, default=str))


def field_digest(key: bytes, *, prev_hash: str, name: str, value: Any) -> str:
    # The previous hash is unique per event: the same actor gets a different digest on every
    # event, so digests left after a scrub cannot be matched with each other.
    return _mac(key, "field", prev_hash, name, canonical(value))


def event_hash(
    key: bytes,
    *,
    key_id: str,
    prev_hash: str,
    created_at: datetime,
    event_type: str,
    digests: tuple[str, str, str],
) -> str:
    """What the chain covers for good: the link, the time, the type and the three commitments;
    never the ``scrubbed`` mark nor the values a scrub may remove."""
    return _mac(key, "event", key_id, prev_hash, created_at.isoformat(), event_type, *digests)


def seal(
    *, key_id: str, prev_hash: str, created_at: datetime, event_type: str, values: dict[str, Any]
) -> tuple[tuple[str, str, str], str]:
    """(actor, subject, extra digests), event hash for an event with these values."""
    key = key_for(key_id)
    digests = tuple(field_digest(key, prev_hash=prev_hash, name=name, value=values[name]) for name in COVERED_FIELDS)
    return digests, event_hash(
        key, key_id=key_id, prev_hash=prev_hash, created_at=created_at, event_type=event_type, digests=digests
    )
