"""Schools: institutions, classes, memberships, parent-child links and the invitations behind them."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class School(models.Model):
    """An educational institution (no person's data: a name and a city)."""

    name = models.CharField(_("name"), max_length=200)
    city = models.CharField(_("city or district"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # P10.4: a school that gives its students access may itself be an operator of their personal
    # data, under its own policy. Its users are told whose policy governs what (P1.e).
    separate_operator = models.BooleanField(_("separate operator of personal data"), default=False)
    operator_name = models.CharField(_("legal name of the operator"), max_length=200, blank=True)
    operator_contact = models.CharField(_("contact for personal data questions"), max_length=254, blank=True)
    policy_url = models.URLField(_("address of the school's privacy policy"), blank=True)
    policy_notice = models.TextField(
        _("the school's notice to its users"),
        blank=True,
        help_text=_("Shown to the school's students, parents and teachers on Qalan."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("school")
        verbose_name_plural = _("schools")

    def __str__(self) -> str:
        return self.name


class SchoolClass(models.Model):
    """A class or group that one teacher runs in one school year."""

    school = models.ForeignKey(
        School, null=True, blank=True, on_delete=models.SET_NULL, related_name="classes", verbose_name=_("school")
    )
    name = models.CharField(_("class name"), max_length=60, help_text=_("For example 6A or Olympiad group"))
    grade = models.PositiveSmallIntegerField(_("grade"), validators=[MinValueValidator(1), MaxValueValidator(11)])
    school_year = models.CharField(_("school year"), max_length=9, help_text=_("For example 2025-2026"))
    # SET_NULL: when a teacher's account is erased the class and its students' results stay.
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="taught_classes"
    )
    # Shown to the teacher, who hands it to students; a new one can replace it at any time.
    join_code = models.CharField(_("join code"), max_length=12, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    archived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-school_year", "grade", "name"]
        verbose_name = _("class")
        verbose_name_plural = _("classes")

    def __str__(self) -> str:
        return f"{self.name} ({self.school_year})"


class Membership(models.Model):
    """A student in a class. Leaving or removal ends it; the row stays as the record of the link (P3.3)."""

    class Via(models.TextChoices):
        CODE = "code", _("Joined with the class code")
        INVITATION = "invitation", _("Accepted the teacher's invitation")
        ROSTER = "roster", _("Enrolled by the teacher from a class list")

    class Ended(models.TextChoices):
        LEFT = "left", _("Left the class")
        REMOVED = "removed", _("Removed by the teacher")

    school_class = models.ForeignKey(SchoolClass, on_delete=models.CASCADE, related_name="memberships")
    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    via = models.CharField(max_length=12, choices=Via.choices)
    joined_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_reason = models.CharField(max_length=10, choices=Ended.choices, blank=True)

    class Meta:
        ordering = ["joined_at"]
        verbose_name = _("class membership")
        verbose_name_plural = _("class memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["school_class", "student"],
                condition=Q(ended_at__isnull=True),
                name="schools_one_active_membership",
            )
        ]
        indexes = [models.Index(fields=["student", "ended_at"])]

    def __str__(self) -> str:
        return f"membership #{self.pk}"


class ClassInvitation(models.Model):
    """A teacher invites one student account by username; the student accepts or declines."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the student")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    school_class = models.ForeignKey(SchoolClass, on_delete=models.CASCADE, related_name="invitations")
    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="class_invitations")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("class invitation")
        verbose_name_plural = _("class invitations")

    def __str__(self) -> str:
        return f"class invitation #{self.pk}"


class ParentLink(models.Model):
    """A parent or legal representative linked to a child after both sides agreed (P3.3)."""

    parent = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="child_links")
    child = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="parent_links")
    created_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("parent link")
        verbose_name_plural = _("parent links")
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "child"], condition=Q(ended_at__isnull=True), name="schools_one_active_link"
            )
        ]

    def __str__(self) -> str:
        return f"parent link #{self.pk}"


class LinkInvitation(models.Model):
    """A one-time code that a parent or a child creates and the other side enters to confirm the link."""

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="link_invitations")
    # Keyed hash of the code: the code itself is shown once to its creator.
    code_digest = models.CharField(max_length=64, unique=True)
    # True when the creator asked us to send the code to a contact they typed (the contact itself
    # is kept only in the outbox message that carried it).
    sent_to_contact = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    link = models.ForeignKey(ParentLink, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("link invitation")
        verbose_name_plural = _("link invitations")

    def __str__(self) -> str:
        return f"link invitation #{self.pk}"


class ThirdPartyConfirmation(models.Model):
    """A user entered another person's data and confirmed that person's consent (P3.5).

    The operator can look these up (admin) when it needs to ask for proof of that consent.
    """

    class Kind(models.TextChoices):
        ROSTER = "roster", _("A teacher created a student account from a class list")
        CONTACT = "contact", _("A parent or student gave the other's contact details to send a link code")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="third_party_confirmations",
    )
    # The person whose data was entered, when they have an account.
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The exact (source-language) statement that was confirmed, and the language it was shown in.
    statement = models.CharField(max_length=300)
    language = models.CharField(max_length=8, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("confirmation of a third party's consent")
        verbose_name_plural = _("confirmations of third parties' consent")

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk}"


class AccountHandoff(models.Model):
    """A code that lets a student (or their parent) take over an account a teacher created."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="handoffs")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    code_digest = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    claimed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("account hand-off")
        verbose_name_plural = _("account hand-offs")

    def __str__(self) -> str:
        return f"hand-off #{self.pk}"
