"""Registration: a new account (only with the consent box ticked) and role changes."""

from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language, gettext_noop, ngettext
from django.utils.translation import gettext as _

from qalan.accounts.models import SELF_SERVICE_ROLES, Profile, Role, User
from qalan.audit.services import audit_record
from qalan.core import hooks
from qalan.core.contacts import guardian_contact_clean, normalize_kz_mobile

# The wording of the registration consent box. The form shows it (translated) and each consent
# record stores both the source text and the words the person actually saw.
REGISTRATION_CONSENT_TEXT = gettext_noop(
    "I have read the Privacy Policy and consent to the collection and processing of my personal data."
)


def _username_clean(username: str) -> str:
    username = (username or "").strip()
    errors = []
    if not username:
        errors.append(ValidationError(_("Choose a username."), code="required"))
    elif len(username) > 40 or len(username) < 3:
        errors.append(ValidationError(_("A username has 3 to 40 characters."), code="length"))
    else:
        try:
            UnicodeUsernameValidator()(username)
        except ValidationError:
            errors.append(
                ValidationError(
                    _("Use only letters, digits and the characters @ . + - _ in the username."), code="invalid"
                )
            )
    if not errors and User.objects.filter(username__iexact=username).exists():
        errors.append(ValidationError(_("This username is taken. Choose another one."), code="taken"))
    if errors:
        raise ValidationError({"username": errors})
    return username


def user_register(
    *,
    username: str,
    phone: str,
    password: str,
    consent: bool,
    channel: str,
    role: str = Role.STUDENT,
    email: str = "",
    evidence: dict[str, Any] | None = None,
    birth_date: date | None = None,
    guardian_contact: str = "",
    guardian_agreed: bool = False,
) -> User:
    """Create an account; impossible without the explicit consent box (P2.1.a, P3.1.a).

    A student states a date of birth. A child under the consent age gives a parent's phone or
    e-mail (confirming the parent agreed to be contacted, P3.5); the account then waits for
    the parent's consent instead of recording the child's own.
    """
    errors: dict[str, list] = {}
    minor = False
    if birth_date is not None:
        today = timezone.localdate()
        if birth_date > today or birth_date.year < today.year - 120:
            errors["birth_date"] = [_("Enter your real date of birth.")]
        else:
            minor = age_on(birth_date, today) < settings.QALAN_GUARDIAN_CONSENT_AGE
    elif role == Role.STUDENT and channel in ("web", "app"):
        errors["birth_date"] = [
            ngettext(
                "Enter your date of birth: children under %(age)s need a parent's consent.",
                "Enter your date of birth: children under %(age)s need a parent's consent.",
                settings.QALAN_GUARDIAN_CONSENT_AGE,
            )
            % {"age": settings.QALAN_GUARDIAN_CONSENT_AGE}
        ]
    if minor:
        try:
            guardian_contact = guardian_contact_clean(guardian_contact)
        except ValidationError as exc:
            errors["guardian_contact"] = exc.messages
        if not guardian_agreed:
            errors["guardian_agreed"] = [_("Confirm that your parent agreed that we contact them.")]
    try:
        username = _username_clean(username)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    try:
        phone = normalize_kz_mobile(phone)
    except ValidationError as exc:
        errors["phone"] = exc.messages
    if role not in SELF_SERVICE_ROLES:
        errors["role"] = [_("Choose student, teacher or parent.")]
    if not consent:
        errors["consent"] = [_("To register, tick the box to consent to the processing of your personal data.")]
    candidate = User(username=username if "username" not in errors else "", phone=phone, email=email)
    try:
        password_validation.validate_password(password or "", user=candidate)
    except ValidationError as exc:
        errors["password"] = exc.messages
    if errors:
        raise ValidationError(errors)

    with transaction.atomic():
        user = User(username=username, phone=phone, email=email, role=role)
        user.set_password(password)
        try:
            with transaction.atomic():
                user.save()
        except IntegrityError:
            # Lost a race with another registration of the same username.
            raise ValidationError({"username": [_("This username is taken. Choose another one.")]}) from None
        Profile.objects.create(user=user, birth_date=birth_date)
        registration_evidence = {
            "form": "registration",
            "text": REGISTRATION_CONSENT_TEXT,
            "shown": _(REGISTRATION_CONSENT_TEXT),
            "language": get_language(),
            **(evidence or {}),
        }
        audit_record(
            actor=user,
            subject=user,
            event_type="account.registered",
            extra={"role": role, "channel": channel, "minor": minor},
        )
        # The privacy app records the consent (or asks a minor's parent) in this transaction.
        hooks.account_registered.send(
            sender="accounts",
            user=user,
            channel=channel,
            minor=minor,
            guardian_contact=guardian_contact,
            evidence=registration_evidence,
        )
    return user


def age_on(birth_date: date, day: date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def user_set_role(*, actor: User | None, user: User, role: str) -> User:
    """Give an account a role; staff roles also open the administration site (admin only)."""
    if role not in Role.values:
        raise ValidationError(
            {"role": [_("Unknown role. Choose one of: %(roles)s.") % {"roles": ", ".join(Role.values)}]}
        )
    with transaction.atomic():
        previous = user.role
        user.role = role
        user.is_staff = role in (Role.ADMIN, Role.DPO, Role.SUPPORT, Role.ACCOUNTANT)
        user.is_superuser = role == Role.ADMIN
        user.save(update_fields=["role", "is_staff", "is_superuser"])
        audit_record(actor=actor, subject=user, event_type="account.role_set", extra={"from": previous, "to": role})
    return user
