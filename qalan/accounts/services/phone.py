"""A change of the account's phone number, confirmed by a code sent to the new number."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qalan.accounts.models import PhoneChange, User
from qalan.accounts.services.recovery import WRONG_CODE
from qalan.audit.services import audit_record
from qalan.core.contacts import normalize_kz_mobile
from qalan.core.tokens import code_hash, code_matches, code_new
from qalan.notify.models import OutboxMessage
from qalan.notify.services import message_queue, security_notice


def phone_change_request(*, actor: User, user: User, new_phone: str) -> PhoneChange:
    """Send a code to the new number; the number changes only when the code comes back."""
    try:
        new_phone = normalize_kz_mobile(new_phone)
    except ValidationError as exc:
        raise ValidationError({"new_phone": exc.messages}) from None
    if new_phone == user.phone:
        raise ValidationError({"new_phone": [_("This is already your phone number.")]})
    now = timezone.now()
    recent = PhoneChange.objects.filter(user=user, created_at__gte=now - timedelta(hours=1)).count()
    if recent >= settings.QALAN_RECOVERY_MAX_PER_HOUR:
        raise ValidationError({"new_phone": [_("Too many codes were requested. Try again in an hour.")]})
    code = code_new()
    with transaction.atomic():
        PhoneChange.objects.filter(user=user, confirmed_at__isnull=True).update(expires_at=now)
        change = PhoneChange.objects.create(
            user=user,
            new_phone=new_phone,
            code_hash=code_hash(user_id=user.pk, code=code),
            created_at=now,
            expires_at=now + settings.QALAN_RECOVERY_CODE_TTL,
        )
        message_queue(
            user=user,
            channel=OutboxMessage.Channel.SMS,
            recipient=new_phone,
            body=_("Qalan code to confirm your new phone number: %(code)s.") % {"code": code},
            kind=OutboxMessage.Kind.SECURITY,
            sensitive=True,
        )
        audit_record(actor=actor, subject=user, event_type="account.phone_change_requested")
    return change


def phone_change_confirm(*, actor: User, user: User, code: str) -> User:
    wrong = ValidationError({"code": [WRONG_CODE]})
    with transaction.atomic():
        change = (
            PhoneChange.objects.select_for_update()
            .filter(user=user, confirmed_at__isnull=True, expires_at__gt=timezone.now())
            .order_by("-created_at")
            .first()
        )
        if change is None or change.attempts >= settings.QALAN_RECOVERY_MAX_ATTEMPTS:
            raise wrong
        if not code_matches(user_id=user.pk, code=(code or "").strip(), stored_hash=change.code_hash):
            change.attempts += 1
            change.save(update_fields=["attempts"])
            failed = True
        else:
            failed = False
            old_phone = user.phone
            user.phone = change.new_phone
            user.save(update_fields=["phone"])
            change.confirmed_at = timezone.now()
            change.save(update_fields=["confirmed_at"])
            audit_record(actor=actor, subject=user, event_type="account.phone_changed")
            security_notice(user=user, event="phone_changed", old_phone=old_phone, new_phone=user.phone)
    if failed:
        raise wrong
    return user
