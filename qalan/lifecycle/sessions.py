"""Rows that lead to a user only through their content: browser sessions (the user id is inside
the signed blob) and request-log rows from the addresses the user signed in from."""

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.db.models import Q
from django.utils import timezone


def session_keys_of(user) -> list[str]:
    """Keys of the live browser sessions signed in as ``user`` (erasure signs them all out)."""
    keys = []
    target = str(user.pk)
    live = Session.objects.filter(expire_date__gt=timezone.now()).only("session_key", "session_data")
    for session in live.iterator(chunk_size=1000):
        if str(session.get_decoded().get(SESSION_KEY, "")) == target:
            keys.append(session.session_key)
    return keys


def request_log_rows_of(user) -> Q:
    """Request-log rows from any address the user's own requests came from: also the anonymous
    requests made from it just before signing in (erasure empties their address too)."""
    from qalan.accounts.models import DeviceSession
    from qalan.lifecycle.models import RequestLog
    from qalan.lifecycle.requestlog import user_pseudonym

    own = RequestLog.objects.filter(user_key=user_pseudonym(user))
    addresses = set(own.exclude(ip_address=None).values_list("ip_address", flat=True).distinct())
    addresses |= set(
        DeviceSession.objects.filter(user=user).exclude(ip_address=None).values_list("ip_address", flat=True)
    )
    return Q(ip_address__in=sorted(addresses), ip_truncated=False)
