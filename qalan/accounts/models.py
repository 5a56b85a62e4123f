"""Accounts: the user, their profile, device sessions (web and app) and recovery codes."""

import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, PermissionsMixin
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    STUDENT = "student", _("Student")
    TEACHER = "teacher", _("Teacher")
    PARENT = "parent", _("Parent or legal representative")
    SUPPORT = "support", _("Support")
    DPO = "dpo", _("Data protection officer")
    ACCOUNTANT = "accountant", _("Accountant")
    ADMIN = "admin", _("Administrator")


SELF_SERVICE_ROLES = (Role.STUDENT, Role.TEACHER, Role.PARENT)
STAFF_ROLES = (Role.SUPPORT, Role.DPO, Role.ACCOUNTANT, Role.ADMIN)


class UserManager(DjangoUserManager):
    def get_by_natural_key(self, username):
        return self.get(username__iexact=username)

    def create_superuser(self, username, email=None, password=None, **extra_fields):
        extra_fields.setdefault("role", Role.ADMIN)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    username = models.CharField(
        _("username"),
        max_length=40,
        unique=True,
        validators=[UnicodeUsernameValidator()],
        help_text=_("Up to 40 characters: letters, digits and @ . + - _ only."),
    )
    # E.164, e.g. +77011234567. Not unique: a parent may register several children with one phone.
    # Empty only for an account a teacher created from a class list, until it is taken over.
    phone = models.CharField(_("phone number"), max_length=16, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.STUDENT)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff"), default=False)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "username"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["phone"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [models.UniqueConstraint(Lower("username"), name="accounts_user_username_ci_unique")]

    def __str__(self) -> str:
        return self.username

    @property
    def is_operator_staff(self) -> bool:
        return self.role in STAFF_ROLES

    def has_role(self, *roles: str) -> bool:
        return self.is_authenticated and self.role in roles


def _avatar_path(instance, filename: str) -> str:
    # A random name: the file path must not reveal who the picture belongs to.
    return f"avatars/{uuid.uuid4().hex}.jpg"


class Profile(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    grade = models.PositiveSmallIntegerField(
        _("grade"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(11)]
    )
    school = models.CharField(_("educational institution"), max_length=200, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    about = models.TextField(_("about me"), max_length=1000, blank=True)
    # The user confirmed that "about" holds sensitive information (P3.4): never shown to peers.
    about_confidential = models.BooleanField(default=False)
    avatar = models.ImageField(_("photo or avatar"), upload_to=_avatar_path, blank=True)
    language = models.CharField(_("interface language"), max_length=8, choices=settings.LANGUAGES, blank=True)
    # P6.5: the user forbids showing their data to other users beyond what the service needs
    # (hidden from classmates' views and leaderboards; teachers and linked parents still see it).
    restrict_dissemination = models.BooleanField(_("do not show my data to other users"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return f"profile #{self.pk}"


class DeviceSession(models.Model):
    """One signed-in device: a browser session or a mobile app token (stored only hashed)."""

    class Kind(models.TextChoices):
        WEB = "web", _("Browser")
        APP = "app", _("Mobile app")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="device_sessions")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    device_name = models.CharField(_("device name"), max_length=100, blank=True)
    platform = models.CharField(_("platform"), max_length=40, blank=True)
    app_version = models.CharField(_("app version"), max_length=40, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-last_used_at"]
        verbose_name = _("device session")
        verbose_name_plural = _("device sessions")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class RecoveryCode(models.Model):
    """A one-time password-recovery code, stored only as an HMAC."""

    class Channel(models.TextChoices):
        SMS = "sms", _("SMS")
        EMAIL = "email", _("E-mail")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="recovery_codes")
    code_hash = models.CharField(max_length=64)
    channel = models.CharField(max_length=8, choices=Channel.choices)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("recovery code")
        verbose_name_plural = _("recovery codes")

    def __str__(self) -> str:
        return f"recovery code #{self.pk}"


class PhoneChange(models.Model):
    """A pending change of the account's phone number, confirmed by a code sent to the new one."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="phone_changes")
    new_phone = models.CharField(max_length=16)
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"phone change #{self.pk}"


class TOTPDevice(models.Model):
    """The authenticator app of an account (two-factor sign-in, RFC 6238). The shared secret is
    stored encrypted (MultiFernet, settings.QALAN_FIELD_ENCRYPTION_KEYS): a copy of the table
    alone cannot compute anyone's codes."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="totp_device")
    secret_encrypted = models.CharField(max_length=255)
    created_at = models.DateTimeField(default=timezone.now)
    # Null while enrolment waits for the first code from the app.
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # The 30-second time step of the last accepted code: a code of this step or an earlier one
    # is refused, so each code works once.
    last_step = models.BigIntegerField(default=0)
    last_used_at = models.DateTimeField(null=True, blank=True)
    # Wrong codes since the last right one (the lockout itself counts with the passwords').
    failures = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("two-factor device")
        verbose_name_plural = _("two-factor devices")

    def __str__(self) -> str:
        return f"two-factor device #{self.pk}"

    @property
    def confirmed(self) -> bool:
        return self.confirmed_at is not None


class OTPRecoveryCode(models.Model):
    """A one-time code for two-factor sign-in without the app (a lost phone), stored salted
    and hashed; each works once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="otp_recovery_codes")
    code_hash = models.CharField(max_length=100)
    created_at = models.DateTimeField(default=timezone.now)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("two-factor recovery code")
        verbose_name_plural = _("two-factor recovery codes")

    def __str__(self) -> str:
        return f"two-factor recovery code #{self.pk}"
