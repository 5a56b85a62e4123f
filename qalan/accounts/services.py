"""Account changes: registration, sign-in sessions, profile, avatar, password recovery.

Each function validates, writes, and records its audit event in one transaction. Validation
errors are ``django.core.exceptions.ValidationError`` keyed by field, so the web form and the
API show the same translated messages.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy, gettext_noop, ngettext
from django.utils.translation import gettext as _

from qalan.accounts.avatars import avatar_process
from qalan.accounts.models import SELF_SERVICE_ROLES, DeviceSession, PhoneChange, Profile, RecoveryCode, Role, User
from qalan.audit.services import audit_record
from qalan.core import hooks
from qalan.core.contacts import guardian_contact_clean, normalize_kz_mobile
from qalan.core.sensitive import sensitive_check
from qalan.core.tokens import code_hash, code_matches, code_new, token_hash, token_new
from qalan.notify.models import OutboxMessage
from qalan.notify.services import message_queue, security_notice

# The wording of the registration consent box. The form shows it (translated) and each consent
# record stores both the source text and the words the person actually saw.
REGISTRATION_CONSENT_TEXT = gettext_noop(
    "I have read the Privacy Policy and consent to the collection and processing of my personal data."
)

PROFILE_FIELDS = ("full_name", "grade", "school", "birth_date", "about", "language")


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


# --- Device sessions ----------------------------------------------------------------------


@dataclass(frozen=True)
class ClientInfo:
    """What a client tells about itself (P3.2.a), trimmed to the column sizes."""

    user_agent: str = ""
    ip_address: str | None = None
    device_name: str = ""
    platform: str = ""
    app_version: str = ""


def device_session_start(*, user: User, kind: str, client: ClientInfo) -> tuple[DeviceSession, str]:
    """Open a session for one device; returns it with the raw token (shown once, stored hashed)."""
    raw, hashed = token_new()
    with transaction.atomic():
        known = _device_known(user=user, kind=kind, client=client)
        session = DeviceSession.objects.create(
            user=user,
            kind=kind,
            token_hash=hashed,
            device_name=client.device_name[:100],
            platform=client.platform[:40],
            app_version=client.app_version[:40],
            user_agent=client.user_agent[:300],
            ip_address=client.ip_address,
        )
        audit_record(
            actor=user, subject=user, event_type="session.started", extra={"session": session.pk, "kind": kind}
        )
        if not known:
            security_notice(user=user, event="new_device", device=_device_label(session))
    return session, raw


def _device_known(*, user: User, kind: str, client: ClientInfo) -> bool:
    """Is this a device the account used before? The first device after registration is."""
    sessions = DeviceSession.objects.filter(user=user)
    if not sessions.exists():
        return True
    if kind == DeviceSession.Kind.APP:
        return sessions.filter(kind=kind, device_name=client.device_name[:100], platform=client.platform[:40]).exists()
    return sessions.filter(kind=kind, user_agent=client.user_agent[:300]).exists()


def _device_label(session: DeviceSession) -> str:
    if session.device_name or session.platform:
        return " ".join(part for part in [session.device_name, session.platform] if part)
    return session.user_agent[:80] or str(session.get_kind_display())


def device_session_for_token(raw: str) -> DeviceSession | None:
    """The live session of a bearer token, or None (unknown, revoked, idle too long, inactive user)."""
    idle_limit = timezone.now() - timedelta(days=settings.QALAN_DEVICE_SESSION_IDLE_DAYS)
    return (
        DeviceSession.objects.select_related("user")
        .filter(token_hash=token_hash(raw), revoked_at__isnull=True, last_used_at__gte=idle_limit, user__is_active=True)
        .first()
    )


def device_session_touch(*, session: DeviceSession, ip_address: str | None = None) -> None:
    """Record use, at most once a minute (no write on every request)."""
    now = timezone.now()
    if now - session.last_used_at >= timedelta(minutes=1):
        DeviceSession.objects.filter(pk=session.pk).update(last_used_at=now, ip_address=ip_address)
        session.last_used_at = now


def device_session_revoke(*, actor: User, session: DeviceSession) -> None:
    if session.revoked_at is not None:
        return
    with transaction.atomic():
        session.revoked_at = timezone.now()
        session.save(update_fields=["revoked_at"])
        audit_record(actor=actor, subject=session.user, event_type="session.revoked", extra={"session": session.pk})


def device_sessions_revoke_all(*, actor: User, user: User, keep: DeviceSession | None = None) -> int:
    with transaction.atomic():
        sessions = DeviceSession.objects.filter(user=user, revoked_at__isnull=True)
        if keep is not None:
            sessions = sessions.exclude(pk=keep.pk)
        count = sessions.update(revoked_at=timezone.now())
        audit_record(actor=actor, subject=user, event_type="session.revoked_all", extra={"count": count})
    return count


# --- Profile ------------------------------------------------------------------------------


def profile_update(*, actor: User, user: User, data: dict[str, Any]) -> Profile:
    """Update the optional profile fields given in ``data`` (an empty value removes one)."""
    profile = user.profile
    changed = []
    for name in PROFILE_FIELDS:
        if name in data:
            value = data[name]
            if value is None and name not in ("grade", "birth_date"):
                value = ""
            if getattr(profile, name) != value:
                setattr(profile, name, value)
                changed.append(name)
    if "email" in data and (data["email"] or "") != user.email:
        user.email = data["email"] or ""
        changed.append("email")
    if "about" in changed:
        profile.about_confidential = sensitive_check(
            field="about", text=profile.about, confirmed=bool(data.get("confirm_sensitive"))
        )
    if not changed:
        return profile
    profile.full_clean(exclude=["user", "avatar"])
    with transaction.atomic():
        profile.save()
        if "email" in changed:
            user.save(update_fields=["email"])
        # Field names only: the values are personal data and stay out of the audit trail.
        audit_record(actor=actor, subject=user, event_type="profile.updated", extra={"fields": changed})
    return profile


def avatar_set(*, actor: User, user: User, upload) -> Profile:
    content = avatar_process(upload)
    profile = user.profile
    old_name = profile.avatar.name if profile.avatar else ""
    with transaction.atomic():
        profile.avatar.save(content.name, content, save=False)
        profile.save(update_fields=["avatar", "updated_at"])
        audit_record(actor=actor, subject=user, event_type="profile.avatar_set")
    if old_name:
        profile.avatar.storage.delete(old_name)
    return profile


def avatar_remove(*, actor: User, user: User) -> Profile:
    profile = user.profile
    if not profile.avatar:
        return profile
    old_name = profile.avatar.name
    with transaction.atomic():
        profile.avatar = ""
        profile.save(update_fields=["avatar", "updated_at"])
        audit_record(actor=actor, subject=user, event_type="profile.avatar_removed")
    profile.avatar.storage.delete(old_name)
    return profile


def password_change(*, actor: User, user: User, new_password: str, keep: DeviceSession | None = None) -> None:
    """A new password ends every other sign-in: all device tokens and browser sessions but
    ``keep`` (the one making the change), as recovery does. Someone who knew the old password
    keeps no way in."""
    try:
        password_validation.validate_password(new_password or "", user=user)
    except ValidationError as exc:
        raise ValidationError({"new_password": exc.messages}) from None
    with transaction.atomic():
        user.set_password(new_password)
        user.save(update_fields=["password"])
        others = DeviceSession.objects.filter(user=user, revoked_at__isnull=True)
        if keep is not None:
            others = others.exclude(pk=keep.pk)
        revoked = others.update(revoked_at=timezone.now())
        audit_record(
            actor=actor, subject=user, event_type="account.password_changed", extra={"sessions_revoked": revoked}
        )
        security_notice(user=user, event="password_changed")


# --- Password recovery (P4.1.a) -----------------------------------------------------------


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
            user.set_password(new_password)
            user.save(update_fields=["password"])
            revoked = DeviceSession.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
            audit_record(
                actor=user, subject=user, event_type="recovery.password_reset", extra={"sessions_revoked": revoked}
            )
            security_notice(user=user, event="password_changed")
    if failed:
        raise wrong
    _lockout_reset(user.username)
    return user


def lockout_username(username: str | None) -> str | None:
    """The name a sign-in lockout counts under: sign-in ignores the case of a username, so the
    lockout does too (``Demo-Teacher`` and ``DEMO-teacher`` share one count)."""
    if username is None:
        return None
    return str(username).strip().casefold()


def _lockout_reset(username: str) -> None:
    from axes.utils import reset

    reset(username=lockout_username(username))


# --- Phone change -------------------------------------------------------------------------


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


def sign_in_refusal(user: User) -> str | None:
    """Why ``user`` may not sign in now, from the checks in ``settings.QALAN_SIGN_IN_CHECKS``
    (e.g. an account blocked for a breach of the rules), or None. Web and API show the text."""
    from django.utils.module_loading import import_string

    for path in getattr(settings, "QALAN_SIGN_IN_CHECKS", ()):
        refusal = import_string(path)(user)
        if refusal:
            return refusal
    return None
