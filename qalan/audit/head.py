"""The head of the audit chain (last event id and hash), kept outside the database.

Someone who can delete rows can delete the newest events, and the chain that is left still
links up; the head, written after each commit to a file the database does not hold and to the
log, shows how far the chain reached. ``audit_verify`` compares the two.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
from pathlib import Path

from django.conf import settings

logger = logging.getLogger("qalan.audit.head")


def head_path() -> Path:
    return Path(settings.QALAN_AUDIT_HEAD_FILE)


def head_read() -> dict | None:
    """{"id": ..., "hash": ...} or None when there is no head file yet."""
    try:
        data = json.loads(head_path().read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise ValueError(f"the audit head file {head_path()} is unreadable: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("id"), int) or not isinstance(data.get("hash"), str):
        raise ValueError(f"the audit head file {head_path()} does not hold an id and a hash")
    return data


def head_write(*, event_id: int, event_hash: str, force: bool = False) -> bool:
    """Move the head forward to this event (never back, unless ``force``: commits of parallel
    transactions may run their callbacks out of order). Returns whether the head moved."""
    path = head_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not force:
            try:
                current = json.loads(path.read_text(encoding="utf-8"))
                if int(current.get("id", 0)) >= event_id:
                    return False
            except (OSError, ValueError, AttributeError, TypeError):
                pass  # no head yet, or a broken one: overwrite it
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(json.dumps({"id": event_id, "hash": event_hash}), encoding="utf-8")
        os.replace(temporary, path)
    logger.info("audit head id=%s hash=%s", event_id, event_hash)
    return True


def head_advance(event_id: int, event_hash: str) -> None:
    """After-commit callback of ``audit_record``: the change is committed already, so a head
    that cannot be written is logged, never raised (the head then lags, which verifies)."""
    try:
        head_write(event_id=event_id, event_hash=event_hash)
    except OSError:
        logger.exception("audit head could not be written to %s", head_path())
