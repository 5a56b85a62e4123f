"""No learning without consent (P2.2.a, minors): a user whose platform consent is not in force —
a child waiting for a parent, or someone who withdrew it — cannot use the learning features,
on the web or the API. Account, privacy and rights pages stay open so they can still see,
download or delete their data."""

from django.shortcuts import redirect
from django.utils.translation import gettext as _
from rest_framework.permissions import BasePermission

from qalan.core.gating import is_consent_required
from qalan.privacy.selectors import platform_consent


def consent_missing(user) -> bool:
    return (
        user is not None
        and user.is_authenticated
        and not user.is_operator_staff
        and not platform_consent(user=user).in_force
    )


def blocked_message(user) -> str:
    if user.guardian_requests.filter(confirmed_at__isnull=True).exists():
        return _("Your parent or legal representative has not given consent yet. You can use Qalan once they confirm.")
    return _(
        "You withdrew your consent to the processing of your data, so learning features are closed. Give consent again in the privacy settings, or delete your account."
    )


class ConsentGateMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path.startswith("/api/"):
            return None  # the API checks in PlatformConsentPermission, after token authentication
        if is_consent_required(view_func) and consent_missing(getattr(request, "user", None)):
            return redirect("privacy:consent_required")
        return None


class PlatformConsentPermission(BasePermission):
    def has_permission(self, request, view) -> bool:
        match = getattr(request, "resolver_match", None)
        if match is None or not is_consent_required(match.func):
            return True
        if consent_missing(request.user):
            self.message = blocked_message(request.user)
            return False
        return True
