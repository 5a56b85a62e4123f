"""Account reads, always scoped to the viewer."""

from django.db.models import QuerySet
from django.http import Http404

from qalan.accounts.models import DeviceSession, OTPRecoveryCode, TOTPDevice, User


def device_sessions_for(*, viewer: User) -> QuerySet[DeviceSession]:
    """The viewer's own devices, live ones first."""
    return DeviceSession.objects.filter(user=viewer, revoked_at__isnull=True).order_by("-last_used_at")


def device_session_get(*, viewer: User, session_id: int) -> DeviceSession:
    """One of the viewer's own live devices; anything else is 404."""
    session = device_sessions_for(viewer=viewer).filter(pk=session_id).first()
    if session is None:
        raise Http404
    return session


def avatar_owner_get(*, viewer: User, user_id: int) -> User:
    """Whose avatar the viewer may see. For now: only their own (teachers and classmates come
    with the learning platform, through its selectors)."""
    if not viewer.is_authenticated or viewer.pk != user_id:
        raise Http404
    return viewer


def otp_device_confirmed(*, viewer: User) -> TOTPDevice | None:
    """The viewer's own confirmed authenticator, or None."""
    return TOTPDevice.objects.filter(user=viewer, confirmed_at__isnull=False).first()


def otp_recovery_codes_left(*, viewer: User) -> int:
    return OTPRecoveryCode.objects.filter(user=viewer, used_at__isnull=True).count()
