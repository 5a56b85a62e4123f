"""The API, the browser security headers and cookies, and the logs (no personal data)."""

from qalan.env import envbool, envint, envstr
from qalan.settings.base import *

# --- API ----------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "qalan.accounts.authentication.DeviceTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "qalan.privacy.gate.PlatformConsentPermission",
    ],
    "DEFAULT_SCHEMA_CLASS": "qalan.core.schema.AutoSchema",
    "EXCEPTION_HANDLER": "qalan.core.api.exception_handler",
    "DEFAULT_VERSIONING_CLASS": None,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]
    + ([] if PRODUCTION else ["rest_framework.renderers.BrowsableAPIRenderer"]),
    "DEFAULT_THROTTLE_RATES": {
        # Registration and recovery requests per client address: stops account and SMS
        # flooding from one source.
        "register": envstr("QALAN_THROTTLE_REGISTER", "20/hour"),
        "recovery": envstr("QALAN_THROTTLE_RECOVERY", "20/hour"),
        "contact": envstr("QALAN_THROTTLE_CONTACT", "20/hour"),
        # Class, link and hand-off codes entered per user (per address when signed out): stops
        # guessing codes; generous because a whole class claims its accounts from one school NAT.
        "codes": envstr("QALAN_THROTTLE_CODES", "100/hour"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Qalan API",
    "DESCRIPTION": "The HTTP API of the Qalan learning platform (mobile app and integrations). "
    "Authenticate with `Authorization: Bearer <token>` from POST /api/v1/auth/token.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # The docs page uses the Swagger UI shipped inside the sidecar package: no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
INSTALLED_APPS.append("drf_spectacular_sidecar")

# --- Security -----------------------------------------------------------------------------
SECURE_COOKIES = envbool("QALAN_SECURE_COOKIES", default=PRODUCTION)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
LANGUAGE_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = envint("QALAN_SESSION_DAYS", 14) * 24 * 3600
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Content-Security-Policy (qalan/core/headers.py): scripts and styles only from our own static
# files, never inline (a template that must inline a <style> uses the per-response nonce);
# no framing, no plugins, forms post only to us. The one third party is the click-to-load video
# (P8.4), framed from YouTube's privacy-enhanced domain after the person presses play.
QALAN_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "frame-src": ["https://www.youtube-nocookie.com"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "object-src": ["'none'"],
}
# Browser features no Qalan page uses are switched off for the page and anything it frames.
QALAN_PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}
if PRODUCTION:
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    if envbool("QALAN_BEHIND_TLS_PROXY", True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Logging: no personal data ------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"scrub": {"()": "qalan.web.logging.ScrubPersonalData"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["scrub"]}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django logs the full URL of failed requests; our URLs carry no personal data, and the
        # filter masks phone numbers and e-mail addresses that a client might put there anyway.
        "django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}
