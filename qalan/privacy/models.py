"""Privacy core: policy versions, the consent ledger, and messages to the operator's DPO."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from qalan.core.consent import ConsentChannel, ConsentPurpose  # the fields' choices


class PolicyVersion(models.Model):
    """One published text of the Privacy Policy (P9.1)."""

    version = models.CharField(_("version"), max_length=20, unique=True)
    last_updated = models.DateField(_("last updated"))
    effective_from = models.DateField(_("takes effect"))
    language = models.CharField(_("language of the text"), max_length=8, choices=settings.LANGUAGES, default="en")
    body = models.TextField(_("text"))
    is_material = models.BooleanField(_("material change"), default=False)
    summary_of_changes = models.TextField(_("what changed"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Null while a draft; set once by ``policy_publish``. Active = the latest published version
    # in effect; older published ones are archived but stay readable.
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        ordering = ["-effective_from", "-version"]
        verbose_name = _("policy version")
        verbose_name_plural = _("policy versions")

    def __str__(self) -> str:
        return self.version

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class PolicyNotice(models.Model):
    """A material policy change as it reached one user: e-mailed, shown, and how it ended
    (accepted, or continued use after the effective date) (P9.2, P9.3, P2.1.b)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="policy_notices")
    policy = models.ForeignKey(PolicyVersion, on_delete=models.PROTECT, related_name="notices")
    announced_at = models.DateTimeField(null=True, blank=True)
    first_shown_at = models.DateTimeField(null=True, blank=True)
    shown_channel = models.CharField(max_length=10, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "policy"], name="privacy_policy_notice_unique")]
        verbose_name = _("policy notice")
        verbose_name_plural = _("policy notices")

    def __str__(self) -> str:
        return f"notice #{self.pk}"


class ConsentRecord(models.Model):
    """Append-only ledger: the current state of a consent is its latest record."""

    class Action(models.TextChoices):
        GIVEN = "given", _("Given")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(max_length=20, choices=ConsentPurpose.choices)
    action = models.CharField(max_length=10, choices=Action.choices)
    policy_version = models.ForeignKey(PolicyVersion, on_delete=models.PROTECT, related_name="+")
    channel = models.CharField(max_length=10, choices=ConsentChannel.choices)
    # What the person saw and did: the form, the exact wording of the box, the client.
    evidence = models.JSONField(default=dict)

    # The user themself, or a legal representative acting for them (a parent of a child under
    # the consent age; ``acted_by`` is their account when they have one).
    class ActedAs(models.TextChoices):
        SELF = "self", _("The user")
        REPRESENTATIVE = "representative", _("A parent or legal representative")
        # E.g. a teacher enrolling a paper class list who confirmed the students' or parents'
        # consent (P3.5); the person gives their own consent when taking the account over.
        THIRD_PARTY = "third_party", _("Another person who confirmed the user's consent")

    acted_as = models.CharField(max_length=16, choices=ActedAs.choices, default=ActedAs.SELF)
    acted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")

    def __str__(self) -> str:
        return f"{self.purpose} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Consent records are append-only: write a new record instead.")
        super().save(*args, **kwargs)


class Inquiry(models.Model):
    """A message to the operator through the contact form; it reaches the DPO (P7.1, P10.3)."""

    class Topic(models.TextChoices):
        QUESTION = "question", _("A question about my personal data")
        REQUEST = "request", _("I want to exercise a right (information, correction, deletion)")
        COMPLAINT = "complaint", _("A complaint")
        POLICY = "policy", _("A comment on the Privacy Policy")
        OTHER = "other", _("Something else")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", _("In progress")
        CLOSED = "closed", _("Closed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="inquiries"
    )
    name = models.CharField(_("your name"), max_length=150)
    contact = models.CharField(_("e-mail or phone for the answer"), max_length=254)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    message = models.TextField(_("message"), max_length=5000)
    # The writer confirmed that the message holds sensitive information (P3.4).
    confidential = models.BooleanField(default=False)
    language = models.CharField(max_length=8, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("message to the DPO")
        verbose_name_plural = _("messages to the DPO")

    def __str__(self) -> str:
        return f"inquiry #{self.pk}"


class GuardianConsentRequest(models.Model):
    """A child under the consent age registered; their parent or legal representative must
    confirm and consent through a link or a code sent to the contact the child gave."""

    child = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="guardian_requests")
    contact = models.CharField(max_length=254)  # E.164 phone or e-mail of the parent
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    guardian_name = models.CharField(max_length=150, blank=True)
    guardian = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("parent consent request")
        verbose_name_plural = _("parent consent requests")

    def __str__(self) -> str:
        return f"guardian request #{self.pk}"
