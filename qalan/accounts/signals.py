"""Browser sign-in and sign-out open and close a device session (also for the admin site)."""

from axes.helpers import get_client_ip_address
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver

from qalan.accounts.middleware import SESSION_KEY
from qalan.accounts.models import DeviceSession
from qalan.accounts.services import ClientInfo, device_session_revoke, device_session_start


@receiver(user_logged_in)
def _browser_session_start(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    device, _token = device_session_start(
        user=user,
        kind=DeviceSession.Kind.WEB,
        client=ClientInfo(
            user_agent=request.META.get("HTTP_USER_AGENT", ""), ip_address=get_client_ip_address(request)
        ),
    )
    request.session[SESSION_KEY] = device.pk


@receiver(user_logged_out)
def _browser_session_end(sender, request, user, **kwargs):
    if request is None or user is None or not hasattr(request, "session"):
        return
    device_id = request.session.get(SESSION_KEY)
    device = DeviceSession.objects.filter(pk=device_id, user=user).first() if device_id else None
    if device is not None:
        device_session_revoke(actor=user, session=device)
