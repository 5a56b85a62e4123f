"""Encryption of stored documents with MultiFernet: the first key encrypts, every key decrypts,
so keys rotate by putting a new one first (settings.QALAN_FIELD_ENCRYPTION_KEYS)."""

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def _fernet() -> MultiFernet:
    keys = settings.QALAN_FIELD_ENCRYPTION_KEYS
    if not keys:
        raise ImproperlyConfigured("QALAN_FIELD_ENCRYPTION_KEYS is empty: documents cannot be encrypted")
    return MultiFernet([Fernet(key.encode() if isinstance(key, str) else key) for key in keys])


def encrypt(data: bytes) -> bytes:
    return _fernet().encrypt(data)


def decrypt(token: bytes) -> bytes:
    """Raises ``InvalidToken`` when no configured key opens the document."""
    return _fernet().decrypt(bytes(token))


def reencrypt(token: bytes) -> bytes:
    """The same document under the newest key (for key rotation)."""
    return _fernet().rotate(bytes(token))


__all__ = ["InvalidToken", "decrypt", "encrypt", "reencrypt"]
