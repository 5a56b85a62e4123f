"""Per-request account housekeeping: revoked browser sessions end; staff work only after the
second factor; the user's language applies."""

from urllib.parse import urlencode

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.contrib.auth import logout
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from qalan.accounts.models import DeviceSession
from qalan.accounts.selectors import otp_device_confirmed
from qalan.accounts.services import device_session_touch, otp_required

SESSION_KEY = "qalan_device_session"
# Set on a browser session when its sign-in passed the second factor (or enrolled one).
OTP_VERIFIED_KEY = "qalan_otp_verified"
# A password checked, the code not yet: {"user": id, "backend": path, "until": epoch, "next": url}.
OTP_PENDING_KEY = "qalan_otp_pending"


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


def _open_without_second_factor() -> tuple[str, ...]:
    """What a staff account without two-factor sign-in can reach: enrolment, sign-out, the
    policy, the contact page, the language switch and static files."""
    return (
        reverse("accounts:otp"),
        reverse("accounts:logout"),
        reverse("privacy:policy"),
        "/privacy/versions/",
        reverse("privacy:contact"),
        reverse("privacy:cookies"),
        reverse("set_language"),
        reverse("healthz"),
        "/static/",
    )


def otp_error(message: str, *, code: str, status: int) -> JsonResponse:
    return JsonResponse({"message": message, "errors": {}, "code": code}, status=status)


class SecondFactorMiddleware:
    """A staff browser session works only once its sign-in passed the second factor; a staff
    account without an authenticator reaches only the enrolment page (API: 403
    ``otp_enrolment_required``). Bearer tokens are checked by the API's authentication."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is None
            or not user.is_authenticated
            or request.session.get(OTP_VERIFIED_KEY)
            or not otp_required(user)
            or request.path.startswith(_open_without_second_factor())
        ):
            return self.get_response(request)
        is_api = request.path.startswith("/api/")
        if otp_device_confirmed(viewer=user) is None:
            if is_api:
                return otp_error(
                    _("Your role requires two-factor sign-in. Set it up on the website first."),
                    code="otp_enrolment_required",
                    status=403,
                )
            return redirect("accounts:otp")
        # An authenticator exists but this session never passed it: sign in again, with the code.
        logout(request)
        if is_api:
            return otp_error(_("Enter the code from your authenticator app."), code="otp_required", status=401)
        return redirect(f"{reverse('accounts:login')}?{urlencode({'next': request.get_full_path()})}")
