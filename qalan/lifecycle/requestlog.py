"""The request log (P3.2.a, P3.2.b): one row per request, kept apart from personal data.

What the mobile app sends about itself, in request headers (all optional):

* ``X-Qalan-App-Version``: the app's version, e.g. ``2.4.1``;
* ``X-Qalan-Screen``: the screen size in pixels, ``WIDTHxHEIGHT``, e.g. ``1080x2400``;
* ``X-Qalan-Language``: the app's interface language, e.g. ``kk``.

Browsers send none of these: the log keeps the interface language Django chose instead.
"""

import ipaddress
import logging
import re
import time

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils.crypto import salted_hmac

logger = logging.getLogger(__name__)

APP_VERSION_HEADER = "HTTP_X_QALAN_APP_VERSION"
SCREEN_HEADER = "HTTP_X_QALAN_SCREEN"
LANGUAGE_HEADER = "HTTP_X_QALAN_LANGUAGE"

_SCREEN = re.compile(r"^\d{2,5}x\d{2,5}$")
_VERSION = re.compile(r"^[0-9A-Za-z.+_-]{1,40}$")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})?$")


def user_pseudonym(user) -> str:
    """The keyed pseudonym the log stores instead of the user (stable, not reversible without the key)."""
    return salted_hmac("qalan.request-log.user", str(user.pk), algorithm="sha256").hexdigest()[:32]


def ip_truncate(ip: str | None) -> str | None:
    """The network an address belongs to: IPv4 to /24, IPv6 to /48 (an approximate location only)."""
    if not ip:
        return None
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return None
    prefix = 24 if address.version == 4 else 48
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False).network_address)


def user_agent_parse(user_agent: str) -> dict[str, str]:
    """Device type and model, browser and OS families from a User-Agent (the string itself is not kept)."""
    if not user_agent:
        return {"device_type": "", "device_model": "", "browser": "", "os": ""}
    import ua_parser

    result = ua_parser.parse(user_agent[:500])
    browser = result.user_agent
    system = result.os
    device = result.device
    return {
        "device_type": _device_type(user_agent, device.family if device else "", browser.family if browser else ""),
        "device_model": ((device.family if device and device.family != "Other" else "") or "")[:60],
        "browser": _family(browser)[:60],
        "os": _family(system)[:60],
    }


def _family(part) -> str:
    if part is None or part.family == "Other":
        return ""
    return f"{part.family} {part.major}" if part.major else part.family


def _device_type(user_agent: str, device_family: str, browser_family: str) -> str:
    text = user_agent.lower()
    if device_family == "Spider" or "bot" in text or "spider" in text or "crawl" in text:
        return "bot"
    if "ipad" in text or "tablet" in text or ("android" in text and "mobile" not in text):
        return "tablet"
    if "mobi" in text or "iphone" in text or "android" in text:
        return "mobile"
    return "desktop" if browser_family else "other"


def _header(request, name: str, pattern: re.Pattern) -> str:
    value = request.META.get(name, "").strip()
    return value if pattern.match(value) else ""


class RequestLogMiddleware:
    """Writes one ``RequestLog`` row per request; a failure to log never breaks the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _skipped(request.path):
            return self.get_response(request)
        started = time.monotonic()
        request._qalan_error = ""
        response = self.get_response(request)
        try:
            _write(request, response, duration_ms=int((time.monotonic() - started) * 1000))
        except DatabaseError:
            logger.warning("request log entry could not be written", exc_info=True)
        return response

    def process_exception(self, request, exception):
        request._qalan_error = exception.__class__.__name__[:120]


def _skipped(path: str) -> bool:
    return not settings.QALAN_REQUEST_LOG_ENABLED or path.startswith((settings.STATIC_URL, "/healthz"))


def _write(request, response, *, duration_ms: int) -> None:
    from qalan.lifecycle.models import RequestLog

    match = getattr(request, "resolver_match", None)
    user = getattr(request, "user", None)
    try:
        request_bytes = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        request_bytes = 0
    response_bytes = 0 if response.streaming else len(response.content)
    language = _header(request, LANGUAGE_HEADER, _LANGUAGE) or getattr(request, "LANGUAGE_CODE", "") or ""
    # A savepoint: inside a transaction (tests, ATOMIC_REQUESTS) a failed insert must not
    # poison the caller's transaction.
    with transaction.atomic():
        RequestLog.objects.create(
            method=request.method[:8],
            route=(match.route if match else "")[:200],
            view_name=(match.view_name if match else "")[:120],
            status=response.status_code,
            duration_ms=duration_ms,
            request_bytes=max(request_bytes, 0),
            response_bytes=response_bytes,
            error=getattr(request, "_qalan_error", "") or ("" if response.status_code < 500 else "HTTP 5xx"),
            user_key=user_pseudonym(user) if user is not None and user.is_authenticated else "",
            ip_address=get_client_ip_address(request) or None,
            app_version=_header(request, APP_VERSION_HEADER, _VERSION),
            screen=_header(request, SCREEN_HEADER, _SCREEN),
            language=language[:16],
            **user_agent_parse(request.META.get("HTTP_USER_AGENT", "")),
        )
