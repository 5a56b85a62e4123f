"""Opaque secrets: bearer tokens (SHA-256 stored) and recovery codes (HMAC stored)."""

import hashlib
import secrets

from django.utils.crypto import constant_time_compare, salted_hmac

# Bandit B105: the public prefix of every token, not a secret.
TOKEN_PREFIX = "qln_"  # nosec B105


def token_new() -> tuple[str, str]:
    """A new bearer token and the hash to store. The raw token is shown to the client once."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    return raw, token_hash(raw)


def token_hash(raw: str) -> str:
    # The token has 256 bits of entropy, so a plain SHA-256 is enough to make a stolen table useless.
    return hashlib.sha256(raw.encode()).hexdigest()


def code_new() -> str:
    return f"{secrets.randbelow(10**6):06d}"


def code_hash(*, user_id: int, code: str) -> str:
    # Keyed and bound to the user: six digits are too few to store as a plain hash.
    return salted_hmac("qalan.recovery-code", f"{user_id}:{code}", algorithm="sha256").hexdigest()


def code_matches(*, user_id: int, code: str, stored_hash: str) -> bool:
    return constant_time_compare(code_hash(user_id=user_id, code=code), stored_hash)
