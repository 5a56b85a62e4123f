"""Archive mode (P5.1.c, P5.1.e): rows kept after erasure only for their legal period.

A row is serialised with the identity of the person it was about, encrypted with MultiFernet
(``settings.QALAN_ARCHIVE_KEYS``: the first key encrypts, every key decrypts, so a key rotates
by putting a new one first and running ``archive_rotate_keys``), and removed from its table.
Nothing but the accountant's audited read (``services.archive_record_read``) decrypts it.
"""

import json
from datetime import timedelta

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.core import serializers
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.crypto import salted_hmac

from qalan.core.inventory import Declaration, Retention, retention_days


def _fernet() -> MultiFernet:
    keys = settings.QALAN_ARCHIVE_KEYS
    if not keys:
        raise ImproperlyConfigured("QALAN_ARCHIVE_KEYS is empty: the archive cannot be encrypted")
    return MultiFernet([Fernet(key.encode() if isinstance(key, str) else key) for key in keys])


def archive_encrypt(data: dict) -> str:
    return _fernet().encrypt(json.dumps(data, ensure_ascii=False, default=str).encode()).decode()


def archive_decrypt(token: str) -> dict:
    return json.loads(_fernet().decrypt(token.encode()))


def archive_reencrypt(token: str) -> str:
    return _fernet().rotate(token.encode()).decode()


def lookup_key(kind: str, value: str) -> str:
    """The keyed hash the archive files a person under (username lower-cased, phone as E.164)."""
    if not value:
        return ""
    return salted_hmac(f"qalan.archive.{kind}", value.strip().lower(), algorithm="sha256").hexdigest()


def keep_until(declaration: Declaration, now=None):
    """Until when an archived row is kept: its retention period, at least the default archive
    period (the general limitation period) for rows kept as evidence."""
    now = now or timezone.now()
    days = retention_days(declaration.retention) if declaration.retention == Retention.PAYMENTS_FIVE_YEARS else None
    days = max(days or 0, settings.QALAN_ARCHIVE_DEFAULT_DAYS)
    return (now + timedelta(days=days)).date()


def subject_snapshot(user) -> dict:
    profile = getattr(user, "profile", None)
    return {
        "id": user.pk,
        "username": user.username,
        "phone": user.phone,
        "email": user.email,
        "full_name": getattr(profile, "full_name", "") if profile is not None else "",
    }


def archive_rows(*, declaration: Declaration, rows, user, now=None) -> list:
    """Unsaved ``ArchivedRecord`` objects for ``rows`` (the caller saves them and deletes the rows
    in one transaction)."""
    from qalan.lifecycle.models import ArchivedRecord

    subject = subject_snapshot(user)
    until = keep_until(declaration, now)
    records = []
    for row, serialised in zip(rows, serializers.serialize("python", rows), strict=True):
        records.append(
            ArchivedRecord(
                model=declaration.model,
                record_id=str(row.pk),
                retention=declaration.retention,
                archived_at=now or timezone.now(),
                keep_until=until,
                username_key=lookup_key("username", user.username),
                phone_key=lookup_key("phone", user.phone),
                payload=archive_encrypt(
                    {"model": declaration.model, "record": serialised["fields"], "id": row.pk, "subject": subject}
                ),
            )
        )
    return records
