"""Password recovery (P4.1.a): a one-time code by SMS or e-mail, checked and spent at once."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from qalan.accounts.models import DeviceSession, RecoveryCode, User
from qalan.accounts.services.devices import password_change_handled
from qalan.accounts.services.sign_in import lockout_reset
from qalan.audit.services import audit_record
from qalan.core.contacts import normalize_kz_mobile
from qalan.core.tokens import code_hash, code_matches, code_new
from qalan.notify.models import OutboxMessage
from qalan.notify.services import message_queue, security_notice


def recovery_notice() -> str:
    """What the requester is told, whether or not the account exists."""
    minutes = int(settings.QALAN_RECOVERY_CODE_TTL.total_seconds() // 60)
    limit = settings.QALAN_RECOVERY_MAX_PER_HOUR
    return " ".join(
        [
            ngettext(
                "If an account matches, we sent it a code. It is valid for %(minutes)s minute.",
                "If an account matches, we sent it a code. It is valid for %(minutes)s minutes.",
                minutes,
            )
            % {"minutes": minutes},
            ngettext(
                "At most %(limit)s code can be sent to an account in an hour.",
                "At most %(limit)s codes can be sent to an account in an hour.",
                limit,
            )
            % {"limit": limit},
        ]
    )


def _users_for_identifier(identifier: str) -> list[User]:
    identifier = (identifier or "").strip()
    if not identifier:
        return []
    user = User.objects.filter(username__iexact=identifier, is_active=True).first()
    if user:
        return [user]
    try:
        phone = normalize_kz_mobile(identifier)
    except ValidationError:
        return []
    return list(User.objects.filter(phone=phone, is_active=True).order_by("username"))


def recovery_request(*, identifier: str, channel: str = RecoveryCode.Channel.SMS) -> None:
    """Send a one-time code to the account's phone (or e-mail).

    Says nothing about whether the account exists: the caller shows the same answer always.
    """
    users = _users_for_identifier(identifier)
    if not users:
        return
    if len(users) > 1:
        # One phone, several accounts (siblings): tell the phone's owner which usernames exist.
        names = ", ".join(u.username for u in users)
        message_queue(
            channel=OutboxMessage.Channel.SMS,
            recipient=users[0].phone,
            body=_(
                "Qalan: several accounts use this phone number: %(names)s. To recover a password, "
                "enter the username of the account instead of the phone number."
            )
            % {"names": names},
            kind=OutboxMessage.Kind.SECURITY,
        )
        return
    user = users[0]
    now = timezone.now()
    recent = RecoveryCode.objects.filter(user=user, created_at__gte=now - timedelta(hours=1)).count()
    if recent >= settings.QALAN_RECOVERY_MAX_PER_HOUR:
        # Silently: an error here would tell a stranger that the account exists. The page
        # always states the limit.
        return
    if channel == RecoveryCode.Channel.EMAIL and not user.email:
        channel = RecoveryCode.Channel.SMS
    code = code_new()
    with transaction.atomic():
        # A new code replaces the previous ones.
        RecoveryCode.objects.filter(user=user, used_at__isnull=True).update(used_at=now)
        RecoveryCode.objects.create(
            user=user,
            code_hash=code_hash(user_id=user.pk, code=code),
            channel=channel,
            created_at=now,
            expires_at=now + settings.QALAN_RECOVERY_CODE_TTL,
        )
        minutes = int(settings.QALAN_RECOVERY_CODE_TTL.total_seconds() // 60)
        text = ngettext(
            "Qalan password recovery code: %(code)s. It is valid for %(minutes)s minute. Do not share it.",
            "Qalan password recovery code: %(code)s. It is valid for %(minutes)s minutes. Do not share it.",
            minutes,
        ) % {
            "code": code,
            "minutes": minutes,
        }
        message_queue(
            user=user,
            channel=OutboxMessage.Channel.EMAIL if channel == RecoveryCode.Channel.EMAIL else OutboxMessage.Channel.SMS,
            recipient=user.email if channel == RecoveryCode.Channel.EMAIL else user.phone,
            subject=_("Your Qalan recovery code"),
            body=text,
            kind=OutboxMessage.Kind.SECURITY,
            sensitive=True,
        )
        audit_record(actor=None, subject=user, event_type="recovery.code_sent", extra={"channel": channel})


WRONG_CODE = gettext_lazy("The code is wrong or has expired. Check the last message from Qalan or request a new code.")


def recovery_confirm(*, identifier: str, code: str, new_password: str) -> User:
    """Set a new password with a valid code; wrong, expired and over-used codes are refused."""
    wrong = ValidationError({"code": [WRONG_CODE]})
    users = _users_for_identifier(identifier)
    if len(users) != 1 or not (code or "").strip().isdigit():
        raise wrong
    user = users[0]
    # Check and spend in one transaction, and spend only a code still unused (a conditional
    # UPDATE): two requests with the same code at once cannot both set a password.
    failed = False
    with transaction.atomic():
        record = (
            RecoveryCode.objects.select_for_update()
            .filter(user=user, used_at__isnull=True, expires_at__gt=timezone.now())
            .order_by("-created_at")
            .first()
        )
        if record is None or record.attempts >= settings.QALAN_RECOVERY_MAX_ATTEMPTS:
            raise wrong
        if not code_matches(user_id=user.pk, code=code.strip(), stored_hash=record.code_hash):
            record.attempts += 1
            record.save(update_fields=["attempts"])
            failed = True
        else:
            try:
                password_validation.validate_password(new_password or "", user=user)
            except ValidationError as exc:
                raise ValidationError({"new_password": exc.messages}) from None
            spent = RecoveryCode.objects.filter(pk=record.pk, used_at__isnull=True).update(used_at=timezone.now())
            if spent != 1:
                raise wrong
            with password_change_handled():
                user.set_password(new_password)
                user.save(update_fields=["password"])
            revoked = DeviceSession.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
            audit_record(
                actor=user, subject=user, event_type="recovery.password_reset", extra={"sessions_revoked": revoked}
            )
            security_notice(user=user, event="password_changed")
    if failed:
        raise wrong
    lockout_reset(user.username)
    return user
