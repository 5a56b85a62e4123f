"""Sign-in rules shared by the web and the API: the lockout's name for a user, refusals."""

from django.conf import settings
from django.utils.module_loading import import_string

from qalan.accounts.models import User


def lockout_username(username: str | None) -> str | None:
    """The name a sign-in lockout counts under: sign-in ignores the case of a username, so the
    lockout does too (``Demo-Teacher`` and ``DEMO-teacher`` share one count)."""
    if username is None:
        return None
    return str(username).strip().casefold()


def lockout_reset(username: str) -> None:
    from axes.utils import reset

    reset(username=lockout_username(username))


def sign_in_refusal(user: User) -> str | None:
    """Why ``user`` may not sign in now, from the checks in ``settings.QALAN_SIGN_IN_CHECKS``
    (e.g. an account blocked for a breach of the rules), or None. Web and API show the text."""
    for path in getattr(settings, "QALAN_SIGN_IN_CHECKS", ()):
        refusal = import_string(path)(user)
        if refusal:
            return refusal
    return None
