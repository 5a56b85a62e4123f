"""Device sessions: one per signed-in browser or app token (the token stored hashed)."""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from qalan.accounts.models import DeviceSession, User
from qalan.audit.services import audit_record
from qalan.core.tokens import token_hash, token_new
from qalan.notify.services import security_notice


@dataclass(frozen=True)
class ClientInfo:
    """What a client tells about itself (P3.2.a), trimmed to the column sizes."""

    user_agent: str = ""
    ip_address: str | None = None
    device_name: str = ""
    platform: str = ""
    app_version: str = ""


def device_session_start(*, user: User, kind: str, client: ClientInfo) -> tuple[DeviceSession, str]:
    """Open a session for one device; returns it with the raw token (shown once, stored hashed)."""
    raw, hashed = token_new()
    with transaction.atomic():
        known = _device_known(user=user, kind=kind, client=client)
        session = DeviceSession.objects.create(
            user=user,
            kind=kind,
            token_hash=hashed,
            device_name=client.device_name[:100],
            platform=client.platform[:40],
            app_version=client.app_version[:40],
            user_agent=client.user_agent[:300],
            ip_address=client.ip_address,
        )
        audit_record(
            actor=user, subject=user, event_type="session.started", extra={"session": session.pk, "kind": kind}
        )
        if not known:
            security_notice(user=user, event="new_device", device=_device_label(session))
    return session, raw


def _device_known(*, user: User, kind: str, client: ClientInfo) -> bool:
    """Is this a device the account used before? The first device after registration is."""
    sessions = DeviceSession.objects.filter(user=user)
    if not sessions.exists():
        return True
    if kind == DeviceSession.Kind.APP:
        return sessions.filter(kind=kind, device_name=client.device_name[:100], platform=client.platform[:40]).exists()
    return sessions.filter(kind=kind, user_agent=client.user_agent[:300]).exists()


def _device_label(session: DeviceSession) -> str:
    if session.device_name or session.platform:
        return " ".join(part for part in [session.device_name, session.platform] if part)
    return session.user_agent[:80] or str(session.get_kind_display())


def device_session_for_token(raw: str) -> DeviceSession | None:
    """The live session of a bearer token, or None (unknown, revoked, idle too long, inactive user)."""
    idle_limit = timezone.now() - timedelta(days=settings.QALAN_DEVICE_SESSION_IDLE_DAYS)
    return (
        DeviceSession.objects.select_related("user", "user__totp_device")
        .filter(token_hash=token_hash(raw), revoked_at__isnull=True, last_used_at__gte=idle_limit, user__is_active=True)
        .first()
    )


def device_session_touch(*, session: DeviceSession, ip_address: str | None = None) -> None:
    """Record use, at most once a minute (no write on every request)."""
    now = timezone.now()
    if now - session.last_used_at >= timedelta(minutes=1):
        DeviceSession.objects.filter(pk=session.pk).update(last_used_at=now, ip_address=ip_address)
        session.last_used_at = now


def device_session_revoke(*, actor: User, session: DeviceSession) -> None:
    if session.revoked_at is not None:
        return
    with transaction.atomic():
        session.revoked_at = timezone.now()
        session.save(update_fields=["revoked_at"])
        audit_record(actor=actor, subject=session.user, event_type="session.revoked", extra={"session": session.pk})


# Set while a service (or the administration site) changes a password and ends the other
# sign-ins itself, keeping the one that made the change; any other change of a password (the
# ``changepassword`` command, a shell) ends every sign-in through ``qalan.accounts.privilege``.
_password_change_handled: ContextVar[bool] = ContextVar("password_change_handled", default=False)


@contextmanager
def password_change_handled():
    token = _password_change_handled.set(True)
    try:
        yield
    finally:
        _password_change_handled.reset(token)


def password_change_is_handled() -> bool:
    return _password_change_handled.get()


def device_sessions_revoke_all(*, actor: User, user: User, keep: DeviceSession | None = None) -> int:
    with transaction.atomic():
        sessions = DeviceSession.objects.filter(user=user, revoked_at__isnull=True)
        if keep is not None:
            sessions = sessions.exclude(pk=keep.pk)
        count = sessions.update(revoked_at=timezone.now())
        audit_record(actor=actor, subject=user, event_type="session.revoked_all", extra={"count": count})
    return count
