"""Two-factor sign-in (TOTP): enrolment, checking a code or a recovery code, turning it off.

Required for the operator's staff (support, DPO, accountant, admin), optional for everyone else.
A code is spent when accepted (its time step is remembered, an earlier or equal step is refused)
and a recovery code is spent by a conditional UPDATE, so two requests cannot both use one.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy

from qalan.accounts import totp
from qalan.accounts.models import STAFF_ROLES, DeviceSession, OTPRecoveryCode, TOTPDevice, User
from qalan.accounts.services.devices import device_sessions_revoke_all
from qalan.audit.services import audit_record
from qalan.notify.services import security_notice

OTP_WRONG = gettext_lazy(
    "The code is wrong. Enter the 6-digit code your authenticator app shows now, or one of your recovery codes."
)
OTP_REPLAYED = gettext_lazy("This code was already used. Wait for the next code in your authenticator app.")
OTP_NOT_ENROLLED = gettext_lazy("Two-factor sign-in is not set up for this account.")


def otp_required(user: User) -> bool:
    """Staff accounts cannot work without two-factor sign-in; for others it is optional."""
    return user.role in STAFF_ROLES


def otp_enrolment_start(*, actor: User, user: User) -> TOTPDevice:
    """The device waiting for its first code, with a fresh secret if there is none yet."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().filter(user=user).first()
        if device is not None and device.confirmed:
            raise ValidationError({"code": [gettext_lazy("Two-factor sign-in is already on for this account.")]})
        if device is None:
            device = TOTPDevice.objects.create(user=user, secret_encrypted=totp.secret_encrypt(totp.secret_new()))
            audit_record(actor=actor, subject=user, event_type="otp.enrolment_started")
    return device


def otp_secret(device: TOTPDevice) -> str:
    return totp.secret_decrypt(device.secret_encrypted)


def _recovery_codes_replace(user: User) -> list[str]:
    OTPRecoveryCode.objects.filter(user=user).delete()
    codes = [totp.recovery_code_new() for _ in range(totp.RECOVERY_CODES)]
    OTPRecoveryCode.objects.bulk_create(
        [OTPRecoveryCode(user=user, code_hash=totp.recovery_code_hash(code)) for code in codes]
    )
    return codes


def otp_enrolment_confirm(*, actor: User, user: User, code: str, keep: DeviceSession | None = None) -> list[str]:
    """Turn two-factor sign-in on with the first code from the app; returns the recovery codes
    (shown once). Every other browser and app signed in without the second factor is signed out."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed_at__isnull=True).first()
        if device is None:
            raise ValidationError({"code": [OTP_NOT_ENROLLED]})
        step = totp.matching_step(secret=otp_secret(device), code=code)
        if step is None:
            raise ValidationError({"code": [OTP_WRONG]})
        now = timezone.now()
        device.confirmed_at = now
        device.last_step = step
        device.last_used_at = now
        device.failures = 0
        device.save(update_fields=["confirmed_at", "last_step", "last_used_at", "failures"])
        codes = _recovery_codes_replace(user)
        device_sessions_revoke_all(actor=actor, user=user, keep=keep)
        audit_record(actor=actor, subject=user, event_type="otp.enabled")
        security_notice(user=user, event="otp_enabled")
    return codes


def otp_enrol_with_secret(*, actor: User | None, user: User, secret: str) -> TOTPDevice:
    """Turn two-factor sign-in on with a known secret, without a code: the demo staff accounts
    (whose secret the README shows; seed_demo never runs in production) and tests."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        device = TOTPDevice.objects.create(
            user=user, secret_encrypted=totp.secret_encrypt(secret), confirmed_at=timezone.now()
        )
        audit_record(actor=actor, subject=user, event_type="otp.enabled", extra={"preset": True})
    return device


def otp_verify(*, user: User, code: str) -> str:
    """Check and spend a code from the app (``"totp"``) or a recovery code (``"recovery"``).

    A wrong, replayed or spent code raises ``ValidationError`` keyed ``otp`` and counts as a
    failure on the device; the caller counts it for the sign-in lockout as well.
    """
    device = TOTPDevice.objects.filter(user=user, confirmed_at__isnull=False).first()
    if device is None:
        raise ValidationError({"otp": [OTP_NOT_ENROLLED]})
    error = OTP_WRONG
    with transaction.atomic():
        if totp.is_totp_code(code):
            step = totp.matching_step(secret=otp_secret(device), code=code)
            if step is not None:
                # Spent only if no code of this step or a later one was accepted before.
                accepted = TOTPDevice.objects.filter(pk=device.pk, last_step__lt=step).update(
                    last_step=step, last_used_at=timezone.now(), failures=0
                )
                if accepted:
                    audit_record(actor=user, subject=user, event_type="otp.verified", extra={"kind": "totp"})
                    return "totp"
                error = OTP_REPLAYED
        else:
            for stored in OTPRecoveryCode.objects.select_for_update().filter(user=user, used_at__isnull=True):
                if totp.recovery_code_matches(code, stored.code_hash):
                    spent = OTPRecoveryCode.objects.filter(pk=stored.pk, used_at__isnull=True).update(
                        used_at=timezone.now()
                    )
                    if spent:
                        TOTPDevice.objects.filter(pk=device.pk).update(failures=0, last_used_at=timezone.now())
                        left = OTPRecoveryCode.objects.filter(user=user, used_at__isnull=True).count()
                        audit_record(
                            actor=user,
                            subject=user,
                            event_type="otp.verified",
                            extra={"kind": "recovery", "left": left},
                        )
                        return "recovery"
        TOTPDevice.objects.filter(pk=device.pk).update(failures=F("failures") + 1)
        audit_record(actor=None, subject=user, event_type="otp.failed", extra={"replayed": error is OTP_REPLAYED})
    raise ValidationError({"otp": [error]})


def otp_lockout_alarm(*, user: User) -> None:
    """Wrong codes locked the sign-in: the account's owner hears of it (someone knows the password)."""
    with transaction.atomic():
        audit_record(actor=None, subject=user, event_type="otp.locked")
        security_notice(user=user, event="otp_locked")


def otp_recovery_codes_renew(*, actor: User, user: User, code: str) -> list[str]:
    """New recovery codes (the old ones stop working), after a valid code."""
    otp_verify(user=user, code=code)
    with transaction.atomic():
        codes = _recovery_codes_replace(user)
        audit_record(actor=actor, subject=user, event_type="otp.recovery_codes_renewed")
    return codes


def otp_disable(*, actor: User, user: User, code: str) -> None:
    """Turn two-factor sign-in off (after a valid code); staff roles cannot."""
    if otp_required(user):
        raise ValidationError(
            {"otp": [gettext_lazy("Your role requires two-factor sign-in, so it cannot be turned off.")]}
        )
    otp_verify(user=user, code=code)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        OTPRecoveryCode.objects.filter(user=user).delete()
        audit_record(actor=actor, subject=user, event_type="otp.disabled")
        security_notice(user=user, event="otp_disabled")


def otp_reset(*, actor: User, user: User) -> None:
    """An administrator removes a lost authenticator: the account signs out everywhere and
    enrols again at the next sign-in (staff) or signs in with the password alone (others)."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        OTPRecoveryCode.objects.filter(user=user).delete()
        device_sessions_revoke_all(actor=actor, user=user)
        audit_record(actor=actor, subject=user, event_type="otp.reset")
        security_notice(user=user, event="otp_disabled")
