"""The data lifecycle: erasure runs, the archive, legal holds, destruction records, the request
log, account blocks and inactivity notices."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qalan.core.inventory import Erasure


class ErasureRun(models.Model):
    """One erasure of one account: scheduled (cool-off), running step by step, then done.

    The run survives the account: ``user`` becomes NULL when the account row goes, and
    ``subject_key`` (a keyed pseudonym of the account id) lets the DPO prove that it ran.
    """

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled (cool-off)")
        RUNNING = "running", _("Running")
        HELD = "held", _("Paused by a legal hold")
        DONE = "done", pgettext_lazy("account deletion status", "Done")
        CANCELLED = "cancelled", _("Cancelled")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="erasure_runs"
    )
    subject_key = models.CharField(max_length=64, db_index=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.SCHEDULED)
    # Why: "user_request", "inactivity", "operator", "data-subject request #12" (never personal data).
    reason = models.CharField(_("reason"), max_length=100)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    not_before = models.DateTimeField(_("not before"), default=timezone.now, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # A worker owns the run until this time; a crashed worker's lease runs out and another resumes.
    lease_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # The exception class of the last failure: never a message (it could quote data).
    last_error = models.CharField(max_length=200, blank=True)
    held_by = models.ForeignKey("LegalHold", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("erasure run")
        verbose_name_plural = _("erasure runs")

    def __str__(self) -> str:
        return f"erasure #{self.pk} ({self.status})"


class ErasureStep(models.Model):
    """What one run did to one model: the action, how many rows and files. Never the data."""

    class Action(models.TextChoices):
        DELETE = Erasure.DELETE.value, pgettext_lazy("erasure log: rows were deleted", "Deleted")
        ANONYMISE = Erasure.ANONYMISE.value, _("Anonymised")
        SCRUB = Erasure.SCRUB.value, _("Scrubbed")
        ARCHIVE = Erasure.ARCHIVE.value, _("Archived")
        DETACH = "detach", _("Detached (the row belongs to someone else)")
        COPY_DELETE = "copy_delete", _("Copies in other people's records deleted")
        COPY_REWRITE = "copy_rewrite", _("Copies in other people's records rewritten without the person's details")
        COPY_ARCHIVE = (
            "copy_archive",
            _("Copies in other people's records archived, then rewritten without the person's details"),
        )

    run = models.ForeignKey(ErasureRun, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField()
    model = models.CharField(max_length=100)
    action = models.CharField(max_length=12, choices=Action.choices)
    categories = models.JSONField(default=list)
    rows = models.PositiveIntegerField(default=0)
    files = models.PositiveIntegerField(default=0)
    done = models.BooleanField(default=False)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["run", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["run", "model", "action"], name="lifecycle_step_once")]

    def __str__(self) -> str:
        return f"{self.model}: {self.action} {self.rows}"


class ArchivedRecord(models.Model):
    """A row kept only for its legal period (P5.1.c, P5.1.e): encrypted, out of every active
    process, readable only by the accountant role for a stated purpose (each read audited)."""

    model = models.CharField(max_length=100, db_index=True)
    record_id = models.CharField(max_length=64)
    retention = models.CharField(max_length=32)
    archived_at = models.DateTimeField(default=timezone.now)
    keep_until = models.DateField(db_index=True)
    # Keyed hashes of the person's username and phone number, so that the accountant can find
    # the records of a named person without the archive holding names in clear.
    username_key = models.CharField(max_length=64, db_index=True)
    phone_key = models.CharField(max_length=64, db_index=True, blank=True)
    # MultiFernet token of {"model", "record", "subject"}: the row and who it was about.
    payload = models.TextField()

    class Meta:
        ordering = ["-archived_at", "-id"]
        verbose_name = _("archived record")
        verbose_name_plural = _("archived records")

    def __str__(self) -> str:
        return f"{self.model} #{self.record_id} (archived)"


class ArchivePurpose(models.TextChoices):
    TAX = "tax", _("Tax reporting or a tax authority's request")
    ACCOUNTING = "accounting", _("Accounting audit")
    DISPUTE = "dispute", _("A dispute or a court's request")
    AUTHORITY = "authority", _("A competent authority's lawful request")


class LegalHold(models.Model):
    """Evidence kept for a dispute or incident (P4.5.c): suspends erasure and retention of one
    user's data or of a whole data set until ``ends_on`` or release."""

    class Scope(models.TextChoices):
        USER = "user", _("One user's data")
        DATASET = "dataset", _("A data set (all rows of one kind)")

    scope = models.CharField(_("what is held"), max_length=10, choices=Scope.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="legal_holds"
    )
    dataset = models.CharField(_("data set"), max_length=100, blank=True)
    reason = models.TextField(_("reason"), max_length=1000)
    ends_on = models.DateField(_("held until"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    released_at = models.DateTimeField(null=True, blank=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("legal hold")
        verbose_name_plural = _("legal holds")

    def __str__(self) -> str:
        return f"legal hold #{self.pk}"

    @property
    def is_active(self) -> bool:
        return self.released_at is None and self.ends_on >= timezone.localdate()


class DestructionRecord(models.Model):
    """What a retention sweep destroyed or anonymised (P4.6, P5.1.e): rule, model, count, date;
    never the person."""

    class Action(models.TextChoices):
        DELETED = "deleted", pgettext_lazy("erasure log: rows were deleted", "Deleted")
        ANONYMISED = "anonymised", _("Anonymised")
        IP_TRUNCATED = "ip_truncated", _("IP addresses shortened")
        NOTICE_SENT = "notice_sent", _("Inactivity notices sent")
        ERASURE_STARTED = "erasure_started", _("Inactive accounts erased")

    rule = models.CharField(max_length=60)
    model = models.CharField(max_length=100)
    action = models.CharField(max_length=16, choices=Action.choices)
    count = models.PositiveIntegerField()
    held = models.PositiveIntegerField(default=0, help_text=_("Rows left in place because of a legal hold."))
    cutoff = models.DateTimeField(null=True, blank=True)
    batches = models.PositiveIntegerField(default=0)
    longest_batch_ms = models.PositiveIntegerField(default=0)
    recorded_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-recorded_at", "-id"]
        verbose_name = _("destruction record")
        verbose_name_plural = _("destruction records")

    def __str__(self) -> str:
        return f"{self.rule}: {self.action} {self.count} {self.model}"


class RequestLog(models.Model):
    """One HTTP request, for performance, fixing problems and security (P3.2.a, P3.2.b).

    Kept apart from personal data: the user is a keyed pseudonym, the IP address is shortened
    after ``QALAN_REQUEST_LOG_IP_DAYS``, the user agent is kept only as parsed families, and
    every row goes after a year at most (P5.1.d).
    """

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    method = models.CharField(max_length=8)
    route = models.CharField(max_length=200, blank=True)
    view_name = models.CharField(max_length=120, blank=True)
    status = models.PositiveSmallIntegerField()
    duration_ms = models.PositiveIntegerField()
    request_bytes = models.PositiveIntegerField(default=0)
    response_bytes = models.PositiveIntegerField(default=0)
    error = models.CharField(max_length=120, blank=True)
    user_key = models.CharField(max_length=32, blank=True, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    ip_truncated = models.BooleanField(default=False)
    device_type = models.CharField(max_length=16, blank=True)
    device_model = models.CharField(max_length=60, blank=True)
    browser = models.CharField(max_length=60, blank=True)
    os = models.CharField(max_length=60, blank=True)
    app_version = models.CharField(max_length=40, blank=True)
    screen = models.CharField(max_length=20, blank=True)
    language = models.CharField(max_length=16, blank=True)

    class Meta:
        verbose_name = _("request log entry")
        verbose_name_plural = _("request log")
        indexes = [models.Index(fields=["ip_truncated", "created_at"], name="lifecycle_reqlog_ip_idx")]

    def __str__(self) -> str:
        return f"{self.method} {self.route} {self.status}"


class BlockReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    HARASSMENT = "harassment", _("Insulting or harassing other users")
    CHEATING = "cheating", _("Cheating in tests or olympiads")
    FRAUD = "fraud", _("Fraud or use of someone else's account")
    ILLEGAL = "illegal", _("Illegal content")
    OTHER = "other", _("Another breach of the rules")


class AccountBlock(models.Model):
    """Staff blocked an account for a breach of the rules (P4.5.b, P1.b "blocking")."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account_blocks")
    reason = models.CharField(_("reason"), max_length=16, choices=BlockReason.choices)
    explanation = models.TextField(_("explanation shown to the user"), max_length=1000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("account block")
        verbose_name_plural = _("account blocks")

    def __str__(self) -> str:
        return f"block #{self.pk}"

    @property
    def is_active(self) -> bool:
        return self.lifted_at is None


class InactivityNotice(models.Model):
    """The notice before an unused account is deleted (P5.1.a): deleted with the account."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="inactivity_notices")
    sent_at = models.DateTimeField(default=timezone.now)
    erase_after = models.DateTimeField()
    returned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-sent_at", "-id"]
        verbose_name = _("inactivity notice")
        verbose_name_plural = _("inactivity notices")

    def __str__(self) -> str:
        return f"inactivity notice #{self.pk}"
