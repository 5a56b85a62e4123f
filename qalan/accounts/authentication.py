"""API authentication: ``Authorization: Bearer <token>`` of a live device session."""

from axes.helpers import get_client_ip_address
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from qalan.accounts.services import device_session_for_token, device_session_touch, otp_required


class SecondFactorMissing(exceptions.PermissionDenied):
    """A staff account without two-factor sign-in can do nothing with a token but sign out."""

    default_detail = _("Your role requires two-factor sign-in. Set it up on the website first.")
    error_code = "otp_enrolment_required"


def _has_confirmed_device(user) -> bool:
    device = getattr(user, "totp_device", None)  # read with the token's session (select_related)
    return device is not None and device.confirmed


class DeviceTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Send the header as: Authorization: Bearer <token>."))
        try:
            raw = header[1].decode()
        except UnicodeError:
            raise exceptions.AuthenticationFailed(_("The token is not valid. Sign in again.")) from None
        session = device_session_for_token(raw)
        if session is None:
            raise exceptions.AuthenticationFailed(_("The token is not valid or was revoked. Sign in again."))
        device_session_touch(session=session, ip_address=get_client_ip_address(request._request))
        if (
            otp_required(session.user)
            and not _has_confirmed_device(session.user)
            and request.path != reverse("api:logout")
        ):
            raise SecondFactorMissing()
        return session.user, session

    def authenticate_header(self, request):
        return self.keyword


class DeviceTokenScheme(OpenApiAuthenticationExtension):
    target_class = "qalan.accounts.authentication.DeviceTokenAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "Token from POST /api/v1/auth/token"}
