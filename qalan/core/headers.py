"""Browser security headers on every response: a Content-Security-Policy without inline script
or style, and a minimal Permissions-Policy.

Django's SecurityMiddleware sets HSTS, nosniff, Referrer-Policy and Cross-Origin-Opener-Policy,
and XFrameOptionsMiddleware sets X-Frame-Options; this middleware adds what Django 5.2 lacks. It runs in every environment,
so the browser tests meet the same policy as production.

The policy comes from ``settings.QALAN_CSP`` (directive -> sources). A template that must keep
an inline ``<style>`` (the self-contained documents, which also work offline) marks it with
``nonce="{{ request.csp_nonce }}"``; the nonce joins ``style-src`` only on responses that used it.
"""

import secrets

from django.conf import settings
from django.utils.functional import SimpleLazyObject, empty

# The Django REST framework's browsable API (development only: production serves JSON alone)
# is a third-party page full of style attributes; it may use inline styles, as may Django's
# technical error pages under DEBUG. Nothing else.
BROWSABLE_API_FORMAT = "api"


def content_security_policy(*, nonce: str = "", inline_styles: bool = False, inline_scripts: bool = False) -> str:
    """The header value: ``settings.QALAN_CSP`` with the response's nonce or exception."""
    directives = {name: list(sources) for name, sources in settings.QALAN_CSP.items()}
    if nonce:
        directives.setdefault("style-src", ["'self'"]).append(f"'nonce-{nonce}'")
    if inline_styles:
        directives.setdefault("style-src", ["'self'"]).append("'unsafe-inline'")
    if inline_scripts:
        directives.setdefault("script-src", ["'self'"]).append("'unsafe-inline'")
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


def permissions_policy() -> str:
    return ", ".join(f"{feature}=({' '.join(allow)})" for feature, allow in settings.QALAN_PERMISSIONS_POLICY.items())


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        nonce = SimpleLazyObject(lambda: secrets.token_urlsafe(16))
        request.csp_nonce = nonce
        response = self.get_response(request)
        used = nonce._wrapped is not empty
        renderer = getattr(response, "accepted_renderer", None)
        # With DEBUG (development only: production refuses it) Django answers 404 and 500 with
        # its technical pages, which inline their styles and script.
        debug_page = settings.DEBUG and response.status_code in (404, 500)
        inline_styles = debug_page or getattr(renderer, "format", None) == BROWSABLE_API_FORMAT
        response.headers.setdefault(
            "Content-Security-Policy",
            content_security_policy(
                nonce=str(nonce) if used else "", inline_styles=inline_styles, inline_scripts=debug_page
            ),
        )
        response.headers.setdefault("Permissions-Policy", permissions_policy())
        return response
