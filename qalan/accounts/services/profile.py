"""Profile, avatar and password changes by the signed-in user."""

from typing import Any

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from qalan.accounts.avatars import avatar_process
from qalan.accounts.models import DeviceSession, Profile, User
from qalan.accounts.services.devices import password_change_handled
from qalan.audit.services import audit_record
from qalan.core.sensitive import sensitive_check
from qalan.notify.services import security_notice

PROFILE_FIELDS = ("full_name", "grade", "school", "birth_date", "about", "language")


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
    with transaction.atomic(), password_change_handled():
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
