"""Qalan settings: every value comes from the environment; production refuses unsafe ones.

Profiles (QALAN_ENV): ``development`` (default: SQLite, DEBUG, demo data allowed),
``test`` (used by the test suite) and ``production`` (checked by ``_refuse_unsafe_production``).
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from qalan.env import envbool, envint, envlist, envsecret, envstr

BASE_DIR = Path(__file__).resolve().parent.parent

QALAN_ENV = envstr("QALAN_ENV", "development")
if QALAN_ENV not in {"development", "test", "production"}:
    raise ImproperlyConfigured("QALAN_ENV must be one of development, test, production")
PRODUCTION = QALAN_ENV == "production"

# Where the personal data lives. The policy (P5.2.c) promises Kazakhstan; production refuses
# any other value, and the privacy centre states this value to users.
QALAN_DATA_REGION = envstr("QALAN_DATA_REGION", "KZ")

# The public development key (bandit B105 justified): production refuses it, see _refuse_unsafe_production.
_DEV_SECRET = "insecure-development-key-never-used-in-production-qalan"  # nosec B105
SECRET_KEY = envsecret("SECRET_KEY") or ("" if PRODUCTION else _DEV_SECRET)
DEBUG = envbool("DEBUG", default=QALAN_ENV == "development")

ALLOWED_HOSTS = envlist(
    "ALLOWED_HOSTS",
    ["qalan.kz", "qalan.school", "qalan.ru", "qalan.uz"] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"],
)
CSRF_TRUSTED_ORIGINS = envlist(
    "CSRF_TRUSTED_ORIGINS", [f"https://{host}" for host in ALLOWED_HOSTS] if PRODUCTION else []
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "axes",
    "qalan.web",
    "qalan.accounts",
    "qalan.audit",
    "qalan.notify",
    "qalan.privacy",
    "qalan.schools",
    "qalan.learning",
    "qalan.trainer",
    "qalan.ent",
    "qalan.community",
    "qalan.lifecycle",
    "qalan.rights",
    "qalan.analytics",
    "qalan.support",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy and Permissions-Policy, in every environment (qalan/core/headers.py).
    "qalan.core.headers.SecurityHeadersMiddleware",
    # Outermost of ours: times the whole request and sees its final status (P3.2.b).
    "qalan.lifecycle.requestlog.RequestLogMiddleware",
    # Reads that several layers of one request share (consent state) are made once.
    "qalan.core.memo.RequestMemoMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "qalan.accounts.middleware.DeviceSessionMiddleware",
    # A blocked account sees why and how to contest, and nothing else (P4.5.b).
    "qalan.lifecycle.middleware.AccountBlockMiddleware",
    # Staff work only after the second factor; without an authenticator they can only enrol.
    "qalan.accounts.middleware.SecondFactorMiddleware",
    "qalan.accounts.middleware.UserLanguageMiddleware",
    "qalan.privacy.gate.ConsentGateMiddleware",
    "qalan.privacy.middleware.PolicyNoticeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A service error no view caught becomes a message, not a 500 (repeated submits).
    "qalan.core.feedback.ServiceErrorMiddleware",
    "qalan.audit.middleware.StaffAccessAuditMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so that it sees the lockout flag set by any login view, web or API.
    "axes.middleware.AxesMiddleware",
]

if PRODUCTION:
    # Serves the collected, hashed static files (`collectstatic`) with far-future caching.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "qalan.urls"
WSGI_APPLICATION = "qalan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "qalan.web.context_processors.site",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------------------
# Embedded SQLite is the default so that `make run` needs nothing; CI and production use
# PostgreSQL through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        envstr("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache / Celery -----------------------------------------------------------------------
REDIS_URL = envstr("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
# Without a broker the same tasks run in-process, so `make run` behaves like production.
CELERY_TASK_ALWAYS_EAGER = envbool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL or QALAN_ENV == "test")
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Periodic jobs: Celery beat in production; `manage.py run_periodic` (started by `make run`)
# runs the same schedule in-process without Redis.
CELERY_BEAT_SCHEDULE = {
    # Automated requests left open are answered (a safety net for "within a minute"), deletions
    # past their cool-off run, the DPO is reminded of requests due soon.
    "rights-sweep": {"task": "qalan.rights.tasks.rights_sweep", "schedule": 60.0},
    # Breach register: reminders to the DPO before the authority's deadline, alarms after it.
    "rights-breach-sweep": {"task": "qalan.rights.tasks.breach_sweep", "schedule": 300.0},
    # The security self-test (P5.2.d): deployment checks, headers, the last dependency audit.
    "rights-security-selftest": {
        "task": "qalan.rights.tasks.security_selftest",
        "schedule": timedelta(hours=envint("QALAN_SECURITY_SELFTEST_HOURS", 24)),
    },
    # Messages still queued minutes after they were written (the broker was away) are sent.
    "notify-outbox-sweep": {"task": "qalan.notify.tasks.outbox_sweep", "schedule": 120.0},
    # Erasures past their cool-off, and interrupted ones.
    "lifecycle-erasure-due": {"task": "qalan.lifecycle.tasks.erasure_run_due", "schedule": 300.0},
    # Retention sweep (P4.6, P5.1).
    "lifecycle-retention": {
        "task": "qalan.lifecycle.tasks.retention_sweep",
        "schedule": timedelta(hours=envint("QALAN_RETENTION_SWEEP_HOURS", 24)),
    },
    # Tests and homework whose time ran out are submitted with the answers saved by then.
    "learning-close-expired-sittings": {"task": "qalan.learning.tasks.close_expired_sittings", "schedule": 60.0},
    # ENT mocks whose time ran out are submitted the same way.
    "ent-close-expired-mocks": {"task": "qalan.ent.tasks.close_expired_mocks", "schedule": 60.0},
    # Parents' weekly digest (P4.1.c): Sunday evening in Almaty; at most one a week per parent.
    "learning-weekly-digest": {
        "task": "qalan.learning.tasks.send_weekly_digests",
        "schedule": crontab(hour=18, minute=0, day_of_week="sun"),
    },
}

# --- Auth ---------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses locked-out credentials before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "qalan.accounts.backends.ProfileModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:profile"
LOGOUT_REDIRECT_URL = "web:home"

# Rate limits and lockout (named rules, each with its reason).
# Five wrong passwords for one username lock it for 15 minutes on the web and the API alike:
# slows password guessing (P4.5.a) without locking a user out for long.
AXES_FAILURE_LIMIT = envint("QALAN_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("QALAN_LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username"]
# Sign-in ignores the case of a username, so the lockout must too: otherwise every case variant
# of a name gets fresh guesses and a locked account signs in under another spelling.
AXES_USERNAME_CALLABLE = "qalan.accounts.views.lockout_username"
# axes.W006 asks to lock by IP address too. We do not: a whole school signs in from one NAT
# address, and an IP lock would shut out every classmate after five typos. Locking the
# username stops guessing one account from any number of addresses; API floods are throttled.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "qalan.accounts.views.lockout_response"
# Successful logins are recorded as device sessions; axes' own access log would duplicate
# IP addresses and user agents for no purpose (P4.6).
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_VERBOSE = False
# Log lines of failed sign-ins name a pseudonym, not the username or the IP address.
AXES_CLIENT_STR_CALLABLE = "qalan.accounts.views.lockout_client_str"
AXES_SENSITIVE_PARAMETERS = ["password", "password1", "password2", "code", "new_password"]
AXES_IPWARE_PROXY_COUNT = envint("QALAN_PROXY_COUNT", 0) or None

# Password recovery: codes live 15 minutes, at most 5 tries per code, at most 3 codes per
# account per hour (stops SMS pumping and code guessing).
QALAN_RECOVERY_CODE_TTL = timedelta(minutes=envint("QALAN_RECOVERY_CODE_MINUTES", 15))
QALAN_RECOVERY_MAX_ATTEMPTS = envint("QALAN_RECOVERY_MAX_ATTEMPTS", 5)
QALAN_RECOVERY_MAX_PER_HOUR = envint("QALAN_RECOVERY_MAX_PER_HOUR", 3)
# Two-factor sign-in (TOTP): between the password and the code the browser session waits this
# long (five minutes: time to unlock a phone, not to leave a half-open sign-in lying around).
QALAN_OTP_PENDING_SECONDS = envint("QALAN_OTP_PENDING_SECONDS", 300)
# The demo staff accounts' authenticator secret (base32). Public (the README shows it, so that
# `otp_code` or any authenticator app gives the codes); seed_demo never runs in production.
QALAN_DEMO_OTP_SECRET = envstr("QALAN_DEMO_OTP_SECRET", "") or "QALANDEMOSTAFFKEYQALANDEMOSTAFF2"
# Device sessions (API tokens) expire after this long without use.
QALAN_DEVICE_SESSION_IDLE_DAYS = envint("QALAN_DEVICE_SESSION_IDLE_DAYS", 90)
# Learning platform codes. A parent-child link code lives a week: long enough to pass on at
# home, short enough that a lost note stops working. A hand-off code for an account a teacher
# created from a paper class list lives 30 days (a school term's first weeks); the teacher can
# issue a new one.
QALAN_LINK_CODE_DAYS = envint("QALAN_LINK_CODE_DAYS", 7)
QALAN_HANDOFF_DAYS = envint("QALAN_HANDOFF_DAYS", 30)
# Seconds of grace after a timed test's limit before answers are refused: covers the time the
# answers take to reach the server from a slow school connection.
QALAN_TEST_GRACE_SECONDS = envint("QALAN_TEST_GRACE_SECONDS", 30)
# The maths trainer's streak: a day counts after this many right first answers. Five is a short
# real session (about ten minutes) rather than one lucky click.
QALAN_STREAK_MIN_RIGHT = envint("QALAN_STREAK_MIN_RIGHT", 5)
# ENT mocks of one section: the share of the ENT's 240 minutes that its tasks have (10 and 40
# of 120 tasks); see qalan/ent/blueprint.py.
QALAN_ENT_LITERACY_MINUTES = envint("QALAN_ENT_LITERACY_MINUTES", 20)
QALAN_ENT_MATHS_MINUTES = envint("QALAN_ENT_MATHS_MINUTES", 80)
# Anonymised usage analysis (P4.2, P5.6): a task or a weekday-hour backed by fewer distinct
# people than this is suppressed, because a small group can be re-identified (one class, one
# pupil doing homework at 3 a.m.). 10 is a common floor for publishing education statistics;
# below 2 nothing is anonymous at all.
QALAN_ANALYTICS_MIN_GROUP = envint("QALAN_ANALYTICS_MIN_GROUP", 10)
if QALAN_ANALYTICS_MIN_GROUP < 2:
    raise ImproperlyConfigured("QALAN_ANALYTICS_MIN_GROUP must be at least 2")

# --- Uploads ------------------------------------------------------------------------------
MEDIA_ROOT = Path(envstr("MEDIA_ROOT") or BASE_DIR / "media")
MEDIA_URL = "/media/"  # never served publicly: avatars go through a view that checks the viewer
QALAN_AVATAR_MAX_BYTES = envint("QALAN_AVATAR_MAX_BYTES", 2 * 1024 * 1024)
QALAN_AVATAR_MAX_PIXELS = 6000 * 6000
QALAN_AVATAR_SIZE = 512
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- I18n ---------------------------------------------------------------------------------
LANGUAGE_CODE = envstr("QALAN_DEFAULT_LANGUAGE", "kk")
LANGUAGES = [
    ("kk", "Қазақша"),
    ("ru", "Русский"),
    ("en", "English"),
    ("uz", "Oʻzbekcha"),
]
LOCALE_PATHS = [BASE_DIR / "qalan" / "locale"]
TIME_ZONE = "Asia/Almaty"
USE_I18N = True
USE_TZ = True
# The language cookie is set only when the user picks a language (a strictly necessary,
# user-requested preference); it is first-party and lives one year.
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static -------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# --- E-mail and SMS -----------------------------------------------------------------------
# Development and tests keep messages in the outbox table (readable at /dev/outbox/);
# production sends through real SMTP / an SMS provider configured here.
EMAIL_BACKEND = envstr(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.locmem.EmailBackend",
)
EMAIL_HOST = envstr("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 587)
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envsecret("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "Qalan <no-reply@qalan.kz>")
QALAN_SMS_BACKEND = envstr(
    "QALAN_SMS_BACKEND",
    "qalan.notify.sms.HttpSmsBackend" if PRODUCTION else "qalan.notify.sms.OutboxOnlySmsBackend",
)
QALAN_SMS_API_URL = envstr("QALAN_SMS_API_URL", "")
QALAN_SMS_API_KEY = envsecret("QALAN_SMS_API_KEY") or ""
QALAN_SMS_SENDER = envstr("QALAN_SMS_SENDER", "Qalan")
# Keep bodies with secrets (recovery codes) after delivery so the development outbox can show
# them; production wipes them once sent.
QALAN_OUTBOX_KEEP_SENSITIVE = envbool("QALAN_OUTBOX_KEEP_SENSITIVE", default=not PRODUCTION)
# Where operator-contact messages to the person responsible for personal data go (P10.3).
QALAN_DPO_EMAIL = envstr("QALAN_DPO_EMAIL", "qalan.education@gmail.com")

# The public address of the site, for links in e-mails (unsubscribe, policy notices).
QALAN_SITE_URL = envstr("QALAN_SITE_URL", "https://qalan.kz" if PRODUCTION else "http://127.0.0.1:8000")

# Below this age a child cannot consent alone: the account waits for a parent or legal
# representative (the Law of the RK on personal data). Between it and 18 the child consents
# and the linked parent can see the consents.
QALAN_GUARDIAN_CONSENT_AGE = envint("QALAN_GUARDIAN_CONSENT_AGE", 14)
QALAN_GUARDIAN_LINK_DAYS = envint("QALAN_GUARDIAN_LINK_DAYS", 14)

# Users told about a material policy change per task (each batch is one short task).
QALAN_POLICY_ANNOUNCE_BATCH = envint("QALAN_POLICY_ANNOUNCE_BATCH", 500)

# An introductory video on the home page (a YouTube id), shown as a click-to-load placeholder.
QALAN_INTRO_VIDEO_ID = envstr("QALAN_INTRO_VIDEO_ID", "")

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

# --- Rights and requests (qalan.rights) ----------------------------------------------------
# Deadlines of data-subject requests in business days of Kazakhstan, counted from the day after
# receipt. The policy's defaults: information 5 (P6.1), correction and deletion 15 (P6.2), any
# request answered within 20 at most (P7.3); an operator may shorten them, never lengthen past
# the policy.
QALAN_REQUEST_DEADLINES = {
    "information": envint("QALAN_DEADLINE_INFORMATION_DAYS", 5),
    "correction": envint("QALAN_DEADLINE_CORRECTION_DAYS", 15),
    "deletion": envint("QALAN_DEADLINE_DELETION_DAYS", 15),
    "response": envint("QALAN_DEADLINE_RESPONSE_DAYS", 20),
}
# The DPO is reminded of an open request this many business days before it is due.
QALAN_REQUEST_REMINDER_DAYS = envint("QALAN_REQUEST_REMINDER_DAYS", 2)

# --- Breach register ----------------------------------------------------------------------
# Since 2024 the Law on personal data asks the operator to tell the authorised body of a
# breach within one business day of finding it (KZ calendar). The body was renamed in 2025,
# so its name and address are settings, printed on the notice; the operator checks them
# against the authority's current requisites. Empty environment values keep the defaults.
QALAN_BREACH_AUTHORITY_DAYS = envint("QALAN_BREACH_AUTHORITY_DAYS", 1)
QALAN_BREACH_AUTHORITY_NAME = envstr("QALAN_BREACH_AUTHORITY_NAME", "") or _(
    "Ministry of Artificial Intelligence and Digital Development of the Republic of Kazakhstan "
    "(the authorised body for personal data protection)"
)
QALAN_BREACH_AUTHORITY_ADDRESS = envstr("QALAN_BREACH_AUTHORITY_ADDRESS", "") or _(
    "010000, Republic of Kazakhstan, Astana, Mangilik El Ave. 55/14"
)
# Hours before the end of the deadline day from which the DPO workspace shows the alarm as
# "due soon" (the reminder goes out on the day of discovery and on the due day).
QALAN_BREACH_ALARM_HOURS = envint("QALAN_BREACH_ALARM_HOURS", 24)
# The last `make security` run on this installation (scripts/security.py writes it; the periodic
# self-test reports its dependency audit to the DPO). Keep it where the deployment runs the check.
QALAN_SECURITY_RESULT_FILE = Path(envstr("QALAN_SECURITY_RESULT_FILE") or BASE_DIR / "var" / "security-last.json")
# Calendar days during which a user can cancel the deletion of their account.
QALAN_DELETION_COOLOFF_DAYS = envint("QALAN_DELETION_COOLOFF_DAYS", 7)
# A download link of the personal-data export works this long (a leaked link soon goes dead).
QALAN_EXPORT_LINK_MINUTES = envint("QALAN_EXPORT_LINK_MINUTES", 60)
# Scanned powers of attorney (P7.2): PDF or image, at most this size.
QALAN_POA_MAX_BYTES = envint("QALAN_POA_MAX_BYTES", 5 * 1024 * 1024)
# Names of the rights app's choice sets in the API schema: several apps have fields named kind,
# status and channel, and unnamed sets make drf-spectacular warn (check --deploy fails on it).
SPECTACULAR_SETTINGS.setdefault("ENUM_NAME_OVERRIDES", {}).update(
    {
        "DataRequestKindEnum": "qalan.rights.models.RequestKind",
        "DataRequestStatusEnum": "qalan.rights.models.RequestStatus",
        "DataRequestChannelEnum": "qalan.rights.models.RequestChannel",
        "IncidentStatusEnum": "qalan.rights.models.IncidentStatus",
        "CodeChannelEnum": ["sms", "email"],
        # The kinds an outside requester may ask for (all but the self-service download).
        "PublicRequestKindEnum": [
            "information",
            "correction",
            "deletion",
            "withdrawal",
            "objection",
            "complaint",
            "restriction",
            "other",
        ],
        # The trainer's serializers list choice values (the labels are translated).
        "TrainerItemStatusEnum": ["open", "closed"],
        "TrainerFocusReasonEnum": ["review", "prerequisite", "next", "continue"],
        "MasteryLevelEnum": ["not_started", "attempted", "familiar", "proficient", "mastered"],
        # The ENT's serializers (qalan/ent/api.py).
        "EntSectionEnum": ["literacy", "maths"],
        "EntMockKindEnum": ["mock", "practice"],
        "EntMockStatusEnum": ["open", "submitted"],
        "EntQuestionTypeEnum": ["single", "context", "multi"],
    }
)
# Keys for encrypted fields (powers of attorney): comma-separated Fernet keys, the newest first;
# older keys still decrypt, so keys rotate without re-encrypting at once (MultiFernet).
# Production refuses to start without its own keys.
_DEV_FIELD_ENCRYPTION_KEY = "T702Kgce3byBibcbHnA_eOzGcjQ8VGIefnywHxNGhJo="
QALAN_FIELD_ENCRYPTION_KEYS = [
    key.strip()
    for key in (envsecret("QALAN_FIELD_ENCRYPTION_KEYS") or ("" if PRODUCTION else _DEV_FIELD_ENCRYPTION_KEY)).split(
        ","
    )
    if key.strip()
]

# --- Audit chain (qalan.audit, docs/audit.md) ----------------------------------------------
# Events are chained with HMAC-SHA256 under a key the database does not hold, so that whoever
# can write to the table cannot make an altered, inserted or appended event verify.
# QALAN_AUDIT_KEY (or _FILE) is the key new events are sealed with and QALAN_AUDIT_KEY_ID its
# name, stored on each event; after a rotation the old keys stay in QALAN_AUDIT_OLD_KEYS (or
# _FILE) as "id:key,id:key" so that older events still verify. Development and test use the
# fixed key below, which is public (it is in this file): production refuses to start with it
# or without a key.
_DEV_AUDIT_KEY = "qalan-development-and-test-audit-key-public-never-for-production"
QALAN_AUDIT_KEY_ID = envstr("QALAN_AUDIT_KEY_ID") or ("k1" if PRODUCTION else "dev")
QALAN_AUDIT_KEYS = {}
for _entry in (envsecret("QALAN_AUDIT_OLD_KEYS") or "").split(","):
    if _entry.strip():
        _old_id, _sep, _old_key = _entry.strip().partition(":")
        if not _sep or not _old_id or not _old_key:
            raise ImproperlyConfigured("QALAN_AUDIT_OLD_KEYS must be a comma-separated list of id:key")
        QALAN_AUDIT_KEYS[_old_id] = _old_key
QALAN_AUDIT_KEYS[QALAN_AUDIT_KEY_ID] = envsecret("QALAN_AUDIT_KEY") or ("" if PRODUCTION else _DEV_AUDIT_KEY)
if any(len(_key_id) > 16 or not _key_id.replace("-", "").replace("_", "").isalnum() for _key_id in QALAN_AUDIT_KEYS):
    raise ImproperlyConfigured(
        "audit key ids (QALAN_AUDIT_KEY_ID, QALAN_AUDIT_OLD_KEYS) are 1-16 letters, digits, - or _"
    )
# The head of the chain (last event id and hash), written after each commit outside the
# database (and to the log) so that removing the newest events is noticed. Put it where those
# who can write to the database cannot write (and back it up apart from the database).
QALAN_AUDIT_HEAD_FILE = Path(envstr("QALAN_AUDIT_HEAD_FILE") or BASE_DIR / "var" / f"audit-head-{QALAN_ENV}.json")

# --- Data lifecycle (qalan.lifecycle) -------------------------------------------------------
# Days each time-bound retention keeps rows (P4.6, P5.1). Start-up refuses values the policy
# forbids: payments under 5 years, logs over 1 year (qalan.core.inventory.RETENTION_BOUNDS).
QALAN_RETENTION_DAYS = {
    "short_lived": envint("QALAN_RETENTION_SHORT_LIVED_DAYS", 1),
    "session": envint("QALAN_RETENTION_SESSION_DAYS", 90),
    "logs_one_year": envint("QALAN_RETENTION_LOGS_DAYS", 365),
    "request_three_years": envint("QALAN_RETENTION_REQUESTS_DAYS", 3 * 365 + 1),
    "payments_five_years": envint("QALAN_RETENTION_PAYMENTS_DAYS", 5 * 365 + 2),
}
# Rows kept in the archive as evidence (consents) stay this long: the general limitation
# period of 3 years (Civil Code of the RK, art. 178); payments stay their 5 years.
QALAN_ARCHIVE_DEFAULT_DAYS = envint("QALAN_ARCHIVE_DEFAULT_DAYS", 3 * 365 + 1)
# The request log keeps full IP addresses this long for security, then only the network (P3.2.a).
QALAN_REQUEST_LOG_IP_DAYS = envint("QALAN_REQUEST_LOG_IP_DAYS", 7)
QALAN_REQUEST_LOG_ENABLED = envbool("QALAN_REQUEST_LOG_ENABLED", True)
# An account unused this long gets a notice; it is erased this many days after the notice
# unless the person signs in (P5.1.a: "after notifying the user").
QALAN_INACTIVITY_NOTICE_MONTHS = envint("QALAN_INACTIVITY_NOTICE_MONTHS", 24)
QALAN_INACTIVITY_GRACE_DAYS = envint("QALAN_INACTIVITY_GRACE_DAYS", 30)
# A scheduled erasure waits this long so that the person can change their mind (the same knob
# as the privacy centre's deletion cool-off).
QALAN_ERASURE_COOL_OFF_DAYS = envint("QALAN_DELETION_COOLOFF_DAYS", 7)
# A worker owns an erasure run this long between batches; a killed worker's run is resumed after.
QALAN_ERASURE_LEASE_SECONDS = envint("QALAN_ERASURE_LEASE_SECONDS", 300)
# Rows per transaction in erasure and retention: short transactions, no long locks.
QALAN_LIFECYCLE_BATCH_SIZE = envint("QALAN_LIFECYCLE_BATCH_SIZE", 2000)
# A legal hold is reviewed at least this often: it cannot be placed for longer (P4.5.c).
QALAN_LEGAL_HOLD_MAX_DAYS = envint("QALAN_LEGAL_HOLD_MAX_DAYS", 5 * 366)
# Keys of the archive (P5.1.e): comma-separated Fernet keys, newest first; older keys still
# decrypt, and `manage.py archive_rotate_keys` re-encrypts under the newest. Production has no
# default: set QALAN_ARCHIVE_KEYS (or QALAN_ARCHIVE_KEYS_FILE).
_DEV_ARCHIVE_KEY = "0c9XuG3kXU2tJmdpYyY5hQ2sWn1m7cH2Vb4o3Xq8rLk="
QALAN_ARCHIVE_KEYS = [
    key.strip()
    for key in (envsecret("QALAN_ARCHIVE_KEYS") or ("" if PRODUCTION else _DEV_ARCHIVE_KEY)).split(",")
    if key.strip()
]
# Checks run at sign-in on the web and the API; each returns why a user may not sign in, or None.
QALAN_SIGN_IN_CHECKS = ["qalan.lifecycle.selectors.sign_in_refusal"]

# --- Operator -----------------------------------------------------------------------------
QALAN_OPERATOR = {
    # Translated like any other text: ЖШС / ТОО «QALANKZ», the address in each language.
    "name": _('LLP "QALANKZ"'),
    "address": _("050000, Republic of Kazakhstan, Almaty, 27 Edil Yergozhin St., Office 41"),
    "email": "qalan.education@gmail.com",
    "authority": _(
        "The personal data protection unit of the Ministry of Digital Development, Innovations "
        "and Aerospace Industry of the Republic of Kazakhstan"
    ),
}


# --- Serving ----------------------------------------------------------------------------
# Production serving (gunicorn.conf.py, Dockerfile, compose.yaml; docs/notes-serving.md).
# /healthz and /readyz are answered first, before the host check and the HTTPS redirect:
# a container's HEALTHCHECK and a balancer probe the node's own address over plain HTTP.
MIDDLEWARE.insert(0, "qalan.web.probes.ProbeMiddleware")
# How long /readyz waits for the database and Redis before it answers 503.
QALAN_READINESS_TIMEOUT_SECONDS = envint("QALAN_READINESS_TIMEOUT_SECONDS", 2)
# A database that restarts or cannot be reached gives a clear error within seconds instead of
# holding a worker: connecting times out, and a kept connection is checked before it is reused.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", envint("QALAN_DB_CONNECT_TIMEOUT", 5))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if REDIS_URL:
    CACHES["default"]["OPTIONS"] = {
        "socket_connect_timeout": envint("QALAN_REDIS_TIMEOUT", 5),
        "socket_timeout": envint("QALAN_REDIS_TIMEOUT", 5),
    }
# Where collectstatic puts the files WhiteNoise serves (built into the image; tests use a temporary one).
STATIC_ROOT = Path(envstr("STATIC_ROOT") or STATIC_ROOT)
# Logs as one JSON object a line (the default in production) or as text; the same filters keep
# personal data and link tokens out of both (qalan.web.logging).
LOGGING["filters"]["route_not_path"] = {"()": "qalan.web.logging.RouteNotPath"}
LOGGING["handlers"]["console"]["filters"].insert(0, "route_not_path")  # before scrub, which merges the args
QALAN_LOG_FORMAT = envstr("QALAN_LOG_FORMAT") or ("json" if PRODUCTION else "text")
if QALAN_LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured("QALAN_LOG_FORMAT must be json or text")
if QALAN_LOG_FORMAT == "json":
    LOGGING["formatters"] = {"json": {"()": "qalan.web.logging.JsonFormatter"}}
    LOGGING["handlers"]["console"]["formatter"] = "json"
    # Celery's worker and beat log through the same handler instead of their own text format.
    CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Uploaded files (avatars) on S3-compatible object storage when a bucket is set, so that web
# nodes keep no files of their own; otherwise MEDIA_ROOT. The bucket stays private: every file
# is served through the application's access-checked views (never by its URL), and links that
# boto3 might sign expire quickly. Production refuses a public ACL.
QALAN_MEDIA_S3_BUCKET = envstr("QALAN_MEDIA_S3_BUCKET", "")
QALAN_MEDIA_S3_ACL = envstr("QALAN_MEDIA_S3_ACL", "private")
if QALAN_MEDIA_S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": QALAN_MEDIA_S3_BUCKET,
            "endpoint_url": envstr("QALAN_MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": envstr("QALAN_MEDIA_S3_REGION") or None,
            "access_key": envsecret("QALAN_MEDIA_S3_ACCESS_KEY_ID"),
            "secret_key": envsecret("QALAN_MEDIA_S3_SECRET_ACCESS_KEY"),
            "location": envstr("QALAN_MEDIA_S3_PREFIX", "media"),
            "default_acl": QALAN_MEDIA_S3_ACL,
            "querystring_auth": True,
            "querystring_expire": 300,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "private, max-age=300"},
        },
    }


def _serving_problems() -> list[str]:
    """The serving rules production refuses to break (called by _refuse_unsafe_production)."""
    if QALAN_MEDIA_S3_BUCKET and QALAN_MEDIA_S3_ACL != "private":
        return [
            "QALAN_MEDIA_S3_ACL must be private: uploads are personal data, served only through "
            "the application's access-checked views"
        ]
    return []


def _refuse_unsafe_production() -> None:
    """Start-up refuses a production configuration that would break a promise of the policy."""
    problems = []
    if not SECRET_KEY or SECRET_KEY == _DEV_SECRET or len(SECRET_KEY) < 50:
        problems.append("SECRET_KEY (or SECRET_KEY_FILE) must be set to a random value of 50+ characters")
    if DEBUG:
        problems.append("DEBUG must be off")
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        problems.append("DATABASE_URL must point to PostgreSQL (SQLite is for development only)")
    if not SECURE_COOKIES:
        problems.append("cookies must be HTTPS-only (QALAN_SECURE_COOKIES cannot be false)")
    if not SECURE_SSL_REDIRECT or SECURE_HSTS_SECONDS < 31536000:
        problems.append("plain HTTP must be refused (SECURE_SSL_REDIRECT on, HSTS for a year)")
    if QALAN_DATA_REGION != "KZ":
        problems.append("QALAN_DATA_REGION must be KZ: the policy promises storage in Kazakhstan (P5.2.c)")
    if not QALAN_ARCHIVE_KEYS or _DEV_ARCHIVE_KEY in QALAN_ARCHIVE_KEYS:
        problems.append(
            "QALAN_ARCHIVE_KEYS (or _FILE) must hold the production's own Fernet keys "
            "(records kept after erasure are archived encrypted, P5.1.e)"
        )
    if not QALAN_FIELD_ENCRYPTION_KEYS or _DEV_FIELD_ENCRYPTION_KEY in QALAN_FIELD_ENCRYPTION_KEYS:
        problems.append(
            "QALAN_FIELD_ENCRYPTION_KEYS (or _FILE) must hold the production's own Fernet keys "
            "(powers of attorney are stored encrypted, P7.2)"
        )
    _audit_key = QALAN_AUDIT_KEYS.get(QALAN_AUDIT_KEY_ID, "")
    if len(_audit_key) < 32 or _DEV_AUDIT_KEY in QALAN_AUDIT_KEYS.values():
        problems.append(
            "QALAN_AUDIT_KEY (or _FILE) must be the production's own random key of 32+ characters "
            "(the audit chain is keyed with it, docs/audit.md)"
        )
    problems.extend(_serving_problems())
    if problems:
        raise ImproperlyConfigured("Refusing to start in production: " + "; ".join(problems))


if PRODUCTION:
    _refuse_unsafe_production()
