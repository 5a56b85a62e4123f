"""Account changes: registration, sign-in sessions, profile, avatar, password recovery.

Each function validates, writes, and records its audit event in one transaction. Validation
errors are ``django.core.exceptions.ValidationError`` keyed by field, so the web form and the
API show the same translated messages. The modules split the functions by concept; this
package re-exports the public names, so callers write ``services.user_register``.
"""

from qalan.accounts.services.devices import (
    ClientInfo,
    device_session_for_token,
    device_session_revoke,
    device_session_start,
    device_session_touch,
    device_sessions_revoke_all,
    password_change_handled,
    password_change_is_handled,
)
from qalan.accounts.services.otp import (
    OTP_REPLAYED,
    OTP_WRONG,
    otp_disable,
    otp_enrol_with_secret,
    otp_enrolment_confirm,
    otp_enrolment_start,
    otp_lockout_alarm,
    otp_recovery_codes_renew,
    otp_required,
    otp_reset,
    otp_secret,
    otp_verify,
)
from qalan.accounts.services.phone import phone_change_confirm, phone_change_request
from qalan.accounts.services.profile import (
    PROFILE_FIELDS,
    avatar_remove,
    avatar_set,
    password_change,
    profile_update,
)
from qalan.accounts.services.recovery import WRONG_CODE, recovery_confirm, recovery_notice, recovery_request
from qalan.accounts.services.registration import REGISTRATION_CONSENT_TEXT, age_on, user_register, user_set_role
from qalan.accounts.services.sign_in import (
    lockout_reset,
    lockout_username,
    sign_in_failed,
    sign_in_locked,
    sign_in_refusal,
)

__all__ = [
    "OTP_REPLAYED",
    "OTP_WRONG",
    "PROFILE_FIELDS",
    "REGISTRATION_CONSENT_TEXT",
    "WRONG_CODE",
    "ClientInfo",
    "age_on",
    "avatar_remove",
    "avatar_set",
    "device_session_for_token",
    "device_session_revoke",
    "device_session_start",
    "device_session_touch",
    "device_sessions_revoke_all",
    "lockout_reset",
    "lockout_username",
    "otp_disable",
    "otp_enrol_with_secret",
    "otp_enrolment_confirm",
    "otp_enrolment_start",
    "otp_lockout_alarm",
    "otp_recovery_codes_renew",
    "otp_required",
    "otp_reset",
    "otp_secret",
    "otp_verify",
    "password_change",
    "password_change_handled",
    "password_change_is_handled",
    "phone_change_confirm",
    "phone_change_request",
    "profile_update",
    "recovery_confirm",
    "recovery_notice",
    "recovery_request",
    "sign_in_failed",
    "sign_in_locked",
    "sign_in_refusal",
    "user_register",
    "user_set_role",
]
