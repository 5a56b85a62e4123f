"""What the Privacy Policy fixes in numbers: request deadlines, the breach register, the audit
chain's keys, the data lifecycle (retention, archive, erasure) and the operator's details."""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from qalan.env import envbool, envint, envsecret, envstr
from qalan.settings.web import *

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
