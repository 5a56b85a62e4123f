"""Time-based one-time passwords (RFC 6238) for two-factor sign-in: secrets, codes, the QR
code (an inline SVG drawn here, no network) and recovery codes. Pure functions; the services
store and spend."""

import hashlib
import secrets
import time

import pyotp
import segno
from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.crypto import constant_time_compare

ISSUER = "Qalan"
STEP_SECONDS = 30
# A code of the previous or the next step is accepted too: phones' clocks drift.
WINDOW = 1
RECOVERY_CODES = 10
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read from paper


def secret_new() -> str:
    return pyotp.random_base32()  # 32 base32 characters, 160 bits


def _fernet() -> MultiFernet:
    keys = settings.QALAN_FIELD_ENCRYPTION_KEYS
    if not keys:
        raise ImproperlyConfigured("QALAN_FIELD_ENCRYPTION_KEYS is empty: two-factor secrets cannot be encrypted")
    return MultiFernet([Fernet(key.encode() if isinstance(key, str) else key) for key in keys])


def secret_encrypt(secret: str) -> str:
    return _fernet().encrypt(secret.encode()).decode()


def secret_decrypt(token: str) -> str:
    return _fernet().decrypt(token.encode()).decode()


def provisioning_uri(*, secret: str, username: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=ISSUER)


def qr_svg(uri: str) -> str:
    """The otpauth URI as an inline SVG (no XML declaration), for the enrolment page."""
    return segno.make(uri, error="m").svg_inline(scale=5, border=2, dark="#000", light="#fff")


def secret_groups(secret: str) -> str:
    """The secret for manual entry, in groups of four: ``ABCD EFGH ...``."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def step_now(now: float | None = None) -> int:
    return int((time.time() if now is None else now) // STEP_SECONDS)


def code_at(secret: str, step: int) -> str:
    return pyotp.TOTP(secret).at(step * STEP_SECONDS)


def code_now(secret: str) -> str:
    return code_at(secret, step_now())


def matching_step(*, secret: str, code: str, now: float | None = None) -> int | None:
    """The time step whose code ``code`` is (within the window), or None."""
    code = normalize_code(code)
    if len(code) != 6 or not code.isdigit():
        return None
    current = step_now(now)
    totp = pyotp.TOTP(secret)
    for step in range(current - WINDOW, current + WINDOW + 1):
        if constant_time_compare(totp.at(step * STEP_SECONDS), code):
            return step
    return None


def normalize_code(code: str) -> str:
    return "".join((code or "").split()).replace("-", "").lower()


def is_totp_code(code: str) -> bool:
    code = normalize_code(code)
    return len(code) == 6 and code.isdigit()


def recovery_code_new() -> str:
    """Ten characters (about 50 bits) shown as ``abcde-fghjk``."""
    raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


def recovery_code_hash(code: str, *, salt: str | None = None) -> str:
    # Salted SHA-256: the codes are random with ~50 bits, so a slow hash would only slow
    # sign-in (every unused code is compared); the salt makes equal codes hash differently.
    salt = salt or secrets.token_hex(8)
    digest = hashlib.sha256(f"{salt}:{normalize_code(code)}".encode()).hexdigest()
    return f"{salt}${digest}"


def recovery_code_matches(code: str, stored: str) -> bool:
    salt, _sep, _digest = stored.partition("$")
    return constant_time_compare(recovery_code_hash(code, salt=salt), stored)
