"""Policy notices (P9.2, P9.3, P2.1.b): shown to signed-in users until they accept, or counted
as consent when they keep using the platform after the new version takes effect."""

from django.urls import resolve
from django.urls.exceptions import Resolver404

from qalan.privacy.selectors import policy_notice_pending
from qalan.privacy.services import policy_continued_use, policy_notice_shown

# Visiting these is not "using the platform": reading the policy, answering the notice,
# objecting, leaving.
EXEMPT_ROUTES = {
    "privacy:policy",
    "privacy:policy_version",
    "privacy:policy_changes",
    "privacy:policy_accept",
    "privacy:policy_disagree",
    "privacy:contact",
    "privacy:cookies",
    "privacy:consent_required",
    "privacy:guardian_code",
    "privacy:guardian_answer",
    "privacy:guardian_confirm",
    "accounts:logout",
    "api:policy",
    "api:policy_status",
    "api:policy_accept",
    "api:policy_versions",
    "api:logout",
    "set_language",
}
EXEMPT_PREFIXES = ("/static/", "/media/", "/rights/", "/api/v1/rights/", "/api/schema/", "/api/docs/")


def _exempt(request) -> bool:
    if request.path.startswith(EXEMPT_PREFIXES):
        return True
    match = getattr(request, "resolver_match", None)  # set once the URL was resolved for the view
    if match is not None:
        return match.view_name in EXEMPT_ROUTES
    try:
        return resolve(request.path_info).view_name in EXEMPT_ROUTES
    except Resolver404:
        return True


class PolicyNoticeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        is_api = request.path.startswith("/api/")
        user = getattr(request, "user", None)
        if not is_api and user is not None and user.is_authenticated and not _exempt(request):
            pending = policy_notice_pending(user=user)
            if pending is not None and policy_continued_use(user=user, policy=pending, channel="web") is None:
                policy_notice_shown(user=user, policy=pending, channel="web")
                request.policy_notice = pending
        response = self.get_response(request)
        # API users are known only after DRF authenticated the token inside the view.
        user = getattr(request, "user", None)
        if is_api and user is not None and user.is_authenticated and not _exempt(request):
            pending = policy_notice_pending(user=user)
            if pending is not None and policy_continued_use(user=user, policy=pending, channel="app") is None:
                response["X-Qalan-Policy-Notice"] = pending.version
        return response
