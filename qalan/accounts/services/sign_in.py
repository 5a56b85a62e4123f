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


def sign_in_failed(*, request, username: str) -> bool:
    """Count a failed sign-in step (a wrong two-factor code) like a wrong password, in the same
    lockout (django-axes, per case-folded username); True when it locked the username."""
    from django.contrib.auth.signals import user_login_failed

    user_login_failed.send(sender=__name__, credentials={"username": username}, request=request)
    return bool(getattr(request, "axes_locked_out", False))


def sign_in_locked(*, request, username: str) -> bool:
    from axes.handlers.proxy import AxesProxyHandler

    return AxesProxyHandler.is_locked(request, credentials={"username": username})
