"""The refusals of an unsafe production configuration (run by ``qalan.settings`` at start-up)."""

from django.core.exceptions import ImproperlyConfigured

from qalan.settings.base import _DEV_SECRET
from qalan.settings.policy import _DEV_ARCHIVE_KEY, _DEV_AUDIT_KEY, _DEV_FIELD_ENCRYPTION_KEY
from qalan.settings.serving import *


def _serving_problems() -> list[str]:
    """The serving rules production refuses to break (called by refuse_unsafe_production)."""
    if QALAN_MEDIA_S3_BUCKET and QALAN_MEDIA_S3_ACL != "private":
        return [
            "QALAN_MEDIA_S3_ACL must be private: uploads are personal data, served only through "
            "the application's access-checked views"
        ]
    return []


def refuse_unsafe_production() -> None:
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
