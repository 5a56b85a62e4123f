"""Short codes people read aloud or copy from paper: join, link and hand-off codes."""

import secrets

from django.utils.crypto import salted_hmac

# No 0/O, 1/I/L: codes are copied from a board or a printed sheet.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def code_new(length: int = 8) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def code_normalise(raw: str) -> str:
    """What people type: lower case, spaces and dashes are all accepted."""
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())[:32]


def code_display(code: str) -> str:
    """ABCDEFGH -> ABCD-EFGH: easier to read aloud."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def code_digest(*, purpose: str, code: str) -> str:
    # Keyed: a leaked table of digests does not reveal or let anyone test the codes offline.
    return salted_hmac(f"qalan.schools.{purpose}", code_normalise(code), algorithm="sha256").hexdigest()
