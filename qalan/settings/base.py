"""The platform's own settings: the profile, apps and middleware, the database, cache and
Celery, sign-in, uploads, languages, static files, e-mail and SMS."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from qalan.env import envbool, envint, envlist, envsecret, envstr

BASE_DIR = Path(__file__).resolve().parent.parent.parent

QALAN_ENV = envstr("QALAN_ENV", "development")
if QALAN_ENV not in {"development", "test", "production"}:
    raise ImproperlyConfigured("QALAN_ENV must be one of development, test, production")
PRODUCTION = QALAN_ENV == "production"

# Where the personal data lives. The policy (P5.2.c) promises Kazakhstan; production refuses
# any other value, and the privacy centre states this value to users.
QALAN_DATA_REGION = envstr("QALAN_DATA_REGION", "KZ")

# The public development key (bandit B105 justified): production refuses it, see checks.refuse_unsafe_production.
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
