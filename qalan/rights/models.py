"""Rights and requests: data-subject requests and their timeline, the business-day calendar's
transferred days, the recipients register and the disclosure log, export download links."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qalan.core import calendar
from qalan.core.inventory import LegalBasis


class TransferredDay(models.Model):
    """A day the government moved (Labour Code art. 85 p. 3): a weekday made a day off, or a
    Saturday/Sunday made a working day. Overrides the public-holiday calendar."""

    class Kind(models.TextChoices):
        DAY_OFF = calendar.DAY_OFF, _("Transferred day off (not a business day)")
        WORKING_DAY = calendar.WORKING_DAY, _("Transferred working day (a business day)")

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    decree = models.CharField(_("decree"), max_length=200, help_text=_("The government decree that moved the day."))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("transferred day")
        verbose_name_plural = _("transferred days")

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.kind}"


def transferred_days(start, end) -> dict:
    """Transferred days in [start, end]: date -> kind (the business-day calendar's source)."""
    return dict(TransferredDay.objects.filter(date__range=(start, end)).values_list("date", "kind"))


class RequestKind(models.TextChoices):
    INFORMATION = "information", _("Information about the processing of my data (6.1)")
    EXPORT = "export", _("A copy of my data to download")
    CORRECTION = "correction", _("Correction of my data (6.2)")
    DELETION = "deletion", _("Deletion of my data or my account (6.2)")
    WITHDRAWAL = "withdrawal", _("Withdrawal of consent (6.3)")
    OBJECTION = "objection", _("Objection to processing (6.3)")
    COMPLAINT = "complaint", _("Complaint (6.4)")
    RESTRICTION = "restriction", _("Restriction of dissemination (6.5)")
    OTHER = "other", _("Something else")


# Which deadline of the calendar each kind of request runs on (policy 6.1, 6.2, 7.3).
DEADLINE_KIND = {
    RequestKind.INFORMATION: "information",
    RequestKind.EXPORT: "information",
    RequestKind.CORRECTION: "correction",
    RequestKind.DELETION: "deletion",
}


class RequestStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    VERIFYING = "verifying", _("Checking identity")
    IN_PROGRESS = "in_progress", _("In progress")
    EXTENDED = "extended", _("In progress, deadline extended")
    ANSWERED = "answered", _("Answered")
    REFUSED = "refused", _("Refused")
    WITHDRAWN = "withdrawn", _("Withdrawn")


OPEN_STATUSES = (RequestStatus.RECEIVED, RequestStatus.VERIFYING, RequestStatus.IN_PROGRESS, RequestStatus.EXTENDED)
CLOSED_STATUSES = (RequestStatus.ANSWERED, RequestStatus.REFUSED, RequestStatus.WITHDRAWN)


class RequestChannel(models.TextChoices):
    WEB = "web", _("Online (website)")
    APP = "app", _("Mobile app")
    EMAIL = "email", _("E-mail, entered by staff")
    PAPER = "paper", _("Paper, entered by staff")


class VerificationMethod(models.TextChoices):
    SIGNED_IN = "signed_in", _("Signed in to the account")
    CODE_SMS = "code_sms", _("Code sent to the account's phone")
    CODE_EMAIL = "code_email", _("Code sent to the account's e-mail")
    STAFF = "staff", _("Checked by the data protection officer")


class DataRequest(models.Model):
    """One request to exercise a right (P6, P7.2), from receipt to a written answer (P7.4)."""

    # The person the request is about; kept empty until an outside requester is matched and
    # verified. SET_NULL: after the account is erased the request stays as evidence, scrubbed.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="data_requests"
    )
    kind = models.CharField(_("right"), max_length=12, choices=RequestKind.choices)
    channel = models.CharField(_("channel"), max_length=8, choices=RequestChannel.choices)
    status = models.CharField(_("status"), max_length=12, choices=RequestStatus.choices, default=RequestStatus.RECEIVED)
    # Who wrote (P7.2): the person, or a representative with a power of attorney.
    requester_name = models.CharField(_("full name of the requester"), max_length=150)
    requester_contact = models.CharField(_("contact for the answer"), max_length=254)
    by_representative = models.BooleanField(_("made by a representative"), default=False)
    # What an outside requester gave to find the account (username or phone number).
    account_identifier = models.CharField(_("username or phone of the account"), max_length=40, blank=True)
    description = models.TextField(_("the request"), max_length=5000, blank=True)
    data_concerned = models.TextField(_("the data concerned"), max_length=2000, blank=True)
    consent_purpose = models.CharField(_("consent purpose"), max_length=20, blank=True)
    language = models.CharField(max_length=8, blank=True)

    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    due_on = models.DateField(_("due"), db_index=True)
    original_due_on = models.DateField(_("first due date"))
    extension_reason = models.TextField(_("reasons for the extension"), max_length=2000, blank=True)

    verified_at = models.DateTimeField(null=True, blank=True)
    verification_method = models.CharField(max_length=12, choices=VerificationMethod.choices, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verification_code_hash = models.CharField(max_length=64, blank=True)
    verification_code_expires_at = models.DateTimeField(null=True, blank=True)
    verification_attempts = models.PositiveSmallIntegerField(default=0)

    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    inquiry = models.ForeignKey(
        "privacy.Inquiry", null=True, blank=True, on_delete=models.SET_NULL, related_name="data_requests"
    )

    # The written answer (P7.4): the information or the measures taken, or a reasoned refusal.
    answer = models.TextField(_("answer"), max_length=20000, blank=True)
    refusal_reason = models.TextField(_("reasons for the refusal"), max_length=5000, blank=True)
    refusal_ground = models.CharField(_("legal ground of the refusal"), max_length=300, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    # Account deletion: the erasure runs after the cool-off, unless the user cancels.
    erasure_after = models.DateTimeField(null=True, blank=True)
    reminded_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("data-subject request")
        verbose_name_plural = _("data-subject requests")
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return f"request #{self.pk} ({self.kind})"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    @property
    def answered_on_time(self) -> bool | None:
        if self.closed_at is None:
            return None
        return timezone.localdate(self.closed_at) <= self.due_on

    @property
    def is_account_deletion(self) -> bool:
        return self.kind == RequestKind.DELETION and self.erasure_after is not None


class RequestEvent(models.Model):
    """The timeline of a request: each step, who took it, and whether the requester sees it."""

    request = models.ForeignKey(DataRequest, on_delete=models.CASCADE, related_name="events")
    created_at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=32)
    # Staff comments and reasons; internal unless `public`.
    note = models.TextField(max_length=5000, blank=True)
    public = models.BooleanField(default=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("request event")
        verbose_name_plural = _("request events")

    def __str__(self) -> str:
        return f"{self.action} #{self.pk}"


class PowerOfAttorney(models.Model):
    """A representative's document (P7.2), stored encrypted; only the DPO can read it."""

    request = models.OneToOneField(DataRequest, on_delete=models.CASCADE, related_name="power_of_attorney")
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    content = models.BinaryField()  # MultiFernet token (qalan.rights.crypto)
    uploaded_at = models.DateTimeField(default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("power of attorney")
        verbose_name_plural = _("powers of attorney")

    def __str__(self) -> str:
        return f"power of attorney #{self.pk}"


class Recipient(models.Model):
    """Someone the operator gives personal data to (P5.4, P5.5): the register."""

    # Only the cases the policy allows (P5.3, P5.4): there is no kind for selling data or for
    # any other purpose, so nothing outside them can be registered or sent to.
    class Kind(models.TextChoices):
        PROVIDER = "provider", _("Service provider acting on our instructions")
        PAYMENT = "payment", _("Bank or payment system")
        AUTHORITY = "authority", _("State body")
        EDUCATION = "education", _("School or educational organisation")
        RIGHTS = "rights", _("Protection of rights: a court, a lawyer or an insurer")

    slug = models.SlugField(
        _("code"), max_length=40, unique=True, help_text=_("The name used in privacy.py declarations.")
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    purpose = models.CharField(_("what for"), max_length=300)
    country = models.CharField(_("country (ISO code)"), max_length=2, default="KZ")
    safeguard = models.CharField(
        _("safeguard"),
        max_length=300,
        blank=True,
        help_text=_("For a recipient outside Kazakhstan: how the data is protected."),
    )
    agreement = models.CharField(_("agreement"), max_length=200, blank=True)
    notify_email = models.EmailField(
        _("e-mail for notices of correction and deletion"), blank=True, help_text=_("Where P6.6 notices are sent.")
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("recipient")
        verbose_name_plural = _("recipients")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["provider", "payment", "authority", "education", "rights"]),
                name="rights_recipient_kind_allowed_by_policy",
                violation_error_message=_(
                    "Personal data goes only to the kinds of recipients the Privacy Policy names."
                ),
            ),
            # P5.5: a recipient abroad is recorded with the safeguard that protects the data.
            models.CheckConstraint(
                condition=Q(country__iexact="KZ") | ~Q(safeguard=""),
                name="rights_recipient_abroad_has_safeguard",
                violation_error_message=_(
                    "A recipient outside Kazakhstan needs its safeguard: describe how the data is protected there."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def outside_kazakhstan(self) -> bool:
        return self.country.upper() != "KZ"


class Disclosure(models.Model):
    """One transfer of someone's data to a recipient: what, when, on which basis (P5.4)."""

    recipient = models.ForeignKey(Recipient, on_delete=models.PROTECT, related_name="disclosures")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    categories = models.JSONField(default=list)  # inventory Category values
    description = models.CharField(_("what was given"), max_length=300)
    legal_basis = models.CharField(_("legal basis"), max_length=12, choices=LegalBasis.choices)
    basis_detail = models.CharField(_("basis in detail"), max_length=300, blank=True)
    disclosed_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    # P5.4.e: the person is told unless the law forbids it; then the reason is recorded.
    user_informed = models.BooleanField(_("the person was informed"), default=True)
    not_informed_reason = models.CharField(_("why the person was not informed"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-disclosed_at", "-id"]
        verbose_name = _("disclosure")
        verbose_name_plural = _("disclosures")

    def __str__(self) -> str:
        return f"disclosure #{self.pk}"


class RecipientNotice(models.Model):
    """A recipient told that data it received was corrected or deleted (P6.6, P7.4)."""

    class Change(models.TextChoices):
        CORRECTION = "correction", _("Correction")
        DELETION = "deletion", _("Deletion")

    recipient = models.ForeignKey(Recipient, on_delete=models.PROTECT, related_name="notices")
    request = models.ForeignKey(
        DataRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="recipient_notices"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    change = models.CharField(max_length=12, choices=Change.choices)
    categories = models.JSONField(default=list)
    sent_at = models.DateTimeField(default=timezone.now)
    message = models.ForeignKey(
        "notify.OutboxMessage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-sent_at", "-id"]
        verbose_name = _("notice to a recipient")
        verbose_name_plural = _("notices to recipients")

    def __str__(self) -> str:
        return f"notice #{self.pk}"


class DataExport(models.Model):
    """A download link of the personal-data ZIP; it expires, and each download is counted."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    download_count = models.PositiveIntegerField(default=0)
    last_downloaded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("data export link")
        verbose_name_plural = _("data export links")

    def __str__(self) -> str:
        return f"export #{self.pk}"

    @property
    def is_live(self) -> bool:
        return timezone.now() < self.expires_at


# --- The breach register ------------------------------------------------------------------


class IncidentStatus(models.TextChoices):
    OPEN = "open", _("Open: being contained")
    CONTAINED = "contained", _("Contained: follow-up in progress")
    CLOSED = "closed", _("Closed")


class Incident(models.Model):
    """A personal-data breach in the operator's register: what happened, when it was found,
    which data and how many people, the measures, and the notices to the authorised body (one
    KZ business day after discovery) and to the people affected."""

    summary = models.CharField(_("what happened, in one line"), max_length=200)
    description = models.TextField(_("what happened"), max_length=10000)
    occurred_at = models.DateTimeField(_("when it happened (if known)"), null=True, blank=True)
    discovered_at = models.DateTimeField(_("when it was found"))
    categories = models.JSONField(_("categories of data"), default=list)  # inventory Category values
    affected_count = models.PositiveIntegerField(_("how many people are affected"))
    measures = models.TextField(_("measures taken"), max_length=10000, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=IncidentStatus.choices, default=IncidentStatus.OPEN)
    authority_due_on = models.DateField(_("notice to the authority due by"))
    authority_notified_at = models.DateTimeField(_("the authority was notified"), null=True, blank=True)
    authority_reference = models.CharField(_("the authority's reference"), max_length=100, blank=True)
    # The authority as named on the notice sent (it was renamed in 2025; names change).
    authority_name = models.CharField(_("authority notified"), max_length=300, blank=True)
    late_reason = models.TextField(_("why the notice was late"), max_length=5000, blank=True)
    people_notified_at = models.DateTimeField(_("people were notified"), null=True, blank=True)
    reminded_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-discovered_at", "-id"]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        constraints = [
            models.CheckConstraint(condition=Q(affected_count__gte=0), name="rights_incident_count_not_negative"),
        ]

    def __str__(self) -> str:
        return f"incident #{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status != IncidentStatus.CLOSED


class IncidentPerson(models.Model):
    """A person affected by an incident, and the notice sent to them (once, in their language).
    Erasing the person empties the link; the fact that someone was told stays in the register."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="people")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    language = models.CharField(max_length=8, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    notified_at = models.DateTimeField(null=True, blank=True)
    message = models.ForeignKey(
        "notify.OutboxMessage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    scrubbed = models.BooleanField(default=False)

    class Meta:
        ordering = ["id"]
        verbose_name = _("person affected by an incident")
        verbose_name_plural = _("people affected by incidents")
        constraints = [
            models.UniqueConstraint(
                fields=["incident", "user"], condition=Q(user__isnull=False), name="rights_incident_person_once"
            ),
        ]

    def __str__(self) -> str:
        return f"incident person #{self.pk}"


class SecuritySelfTest(models.Model):
    """One run of the periodic security self-test (issue 13, B9; P5.2.d), for the DPO: which
    checks passed and the findings, in the checks' own technical words (setting names, check
    ids, header names). Never about a person."""

    ran_at = models.DateTimeField(default=timezone.now, db_index=True)
    environment = models.CharField(max_length=16)
    ok = models.BooleanField()
    # Check name -> "ok", "failed" or "unreachable" (qalan.rights.security.CHECKS).
    checks = models.JSONField(default=dict)
    findings = models.TextField(blank=True)

    class Meta:
        ordering = ["-ran_at", "-id"]
        verbose_name = _("security self-test")
        verbose_name_plural = _("security self-tests")

    def __str__(self) -> str:
        return f"security self-test #{self.pk}"

    @property
    def finding_lines(self) -> list[str]:
        return [line for line in self.findings.splitlines() if line.strip()]
