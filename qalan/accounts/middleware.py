"""Per-request account housekeeping: revoked browser sessions end; the user's language applies."""

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.contrib.auth import logout
from django.utils import translation

from qalan.accounts.models import DeviceSession
from qalan.accounts.services import device_session_touch

SESSION_KEY = "qalan_device_session"


class DeviceSessionMiddleware:
    """A browser session lives only while its device session does (the user can revoke it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and SESSION_KEY in request.session:
            device = DeviceSession.objects.filter(pk=request.session[SESSION_KEY], user=user).first()
            if device is None or device.revoked_at is not None:
                logout(request)
            else:
                device_session_touch(session=device, ip_address=get_client_ip_address(request))
                request.device_session = device
        return self.get_response(request)


class UserLanguageMiddleware:
    """A signed-in user's saved language wins when the browser has no explicit choice."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith("/api/")
        ):
            language = getattr(getattr(user, "profile", None), "language", "")
            if language:
                translation.activate(language)
                request.LANGUAGE_CODE = language
        return self.get_response(request)
