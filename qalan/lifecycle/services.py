"""Lifecycle writes: erasure (schedule, cancel, run), legal holds, account blocks, archive reads.

Public entry points other apps call:

* ``erasure_schedule(user=, actor=, not_before=, reason=)``: erase after a cool-off;
* ``erasure_cancel(user=, actor=)``: the user changed their mind during the cool-off;
* ``erasure_run(user=, actor=, reason=, skip_cool_off=False)``: erase now (refused under a
  legal hold or during a cool-off unless ``skip_cool_off``);
* ``erasure_run_due()``: the periodic job that runs due runs and resumes interrupted ones.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from qalan.accounts.models import Role, User
from qalan.audit.services import audit_record
from qalan.core import hooks, inventory
from qalan.lifecycle import selectors
from qalan.lifecycle.archive import archive_decrypt
from qalan.lifecycle.erasure import erasure_execute_claimed
from qalan.lifecycle.models import AccountBlock, ArchivedRecord, ArchivePurpose, BlockReason, ErasureRun, LegalHold
from qalan.notify.models import OutboxMessage
from qalan.notify.services import message_queue

OPEN_STATES = (ErasureRun.Status.SCHEDULED, ErasureRun.Status.RUNNING, ErasureRun.Status.HELD)


def subject_key(user) -> str:
    """The pseudonym an erasure run keeps of its account (answers "was account #N erased?")."""
    return salted_hmac("qalan.erasure.subject", str(user.pk), algorithm="sha256").hexdigest()


def _actor_or_none(actor, user):
    # The person being erased is not recorded as the actor of events that outlive them.
    return None if actor is None or getattr(actor, "pk", None) == user.pk else actor


def _hold_message(holds: list[LegalHold]) -> str:
    until = max(hold.ends_on for hold in holds)
    return _(
        "This account's data is under a legal hold until %(date)s (hold number %(numbers)s), so it cannot "
        "be deleted now. Deletion can run when the hold ends or the data protection officer releases it."
    ) % {"date": date_format(until, "DATE_FORMAT"), "numbers": ", ".join(f"#{h.pk}" for h in holds)}


def _refuse_unknown(user) -> None:
    if user is None or user.pk is None or not User.objects.filter(pk=user.pk).exists():
        raise ValidationError({"user": [_("There is no such account. Check the username.")]})


def _refuse_held(user) -> None:
    holds = selectors.holds_blocking_erasure(user)
    if holds:
        raise ValidationError({"user": [_hold_message(holds)]}, code="held")


def _privacy_centre_cool_off(user):
    """When the cool-off of a "delete my account" request made in the privacy centre ends (the
    rights app keeps it; it calls ``erasure_run`` itself once it is over), or None."""
    return hooks.ask(hooks.erasure_cool_off_ends, sender="lifecycle", user=user)


def cool_off_ends(user):
    """The end of any cool-off still running for ``user``'s erasure, or None."""
    now = timezone.now()
    ends = [
        run.not_before
        for run in ErasureRun.objects.filter(user=user, status=ErasureRun.Status.SCHEDULED, not_before__gt=now)
    ]
    centre = _privacy_centre_cool_off(user)
    if centre is not None and centre > now:
        ends.append(centre)
    return max(ends, default=None)


def _cool_off_error(until) -> ValidationError:
    return ValidationError(
        {
            "user": [
                _(
                    "This account's deletion is in its cool-off until %(date)s, so the person can still "
                    "change their mind. Wait until then, or skip the cool-off (erase_user --now)."
                )
                % {"date": date_format(timezone.localtime(until), "DATETIME_FORMAT")}
            ]
        },
        code="cool_off",
    )


def erasure_schedule(*, user, actor, not_before=None, reason: str = "user_request") -> ErasureRun:
    """Erase ``user`` once ``not_before`` has passed (default: after the cool-off). Scheduling
    twice returns the open run. A legal hold does not stop scheduling: the run waits for it."""
    _refuse_unknown(user)
    not_before = not_before or timezone.now() + timedelta(days=settings.QALAN_ERASURE_COOL_OFF_DAYS)
    with transaction.atomic():
        existing = ErasureRun.objects.select_for_update().filter(user=user, status__in=OPEN_STATES).first()
        if existing is not None:
            return existing
        run = ErasureRun.objects.create(
            user=user,
            subject_key=subject_key(user),
            reason=reason[:100],
            requested_by=actor,
            not_before=not_before,
        )
        audit_record(
            actor=actor, subject=user, event_type="erasure.scheduled", extra={"run": run.pk, "reason": run.reason}
        )
    return run


def erasure_cancel(*, user, actor) -> ErasureRun | None:
    """Cancel ``user``'s scheduled erasure (during the cool-off). A run already going cannot be
    cancelled: half an erasure is worse than none or all."""
    with transaction.atomic():
        run = ErasureRun.objects.select_for_update().filter(user=user, status=ErasureRun.Status.SCHEDULED).first()
        if run is None:
            if ErasureRun.objects.filter(
                user=user, status__in=(ErasureRun.Status.RUNNING, ErasureRun.Status.HELD)
            ).exists():
                raise ValidationError(
                    {"user": [_("The deletion of this account has already started and cannot be stopped.")]}
                )
            return None
        run.status = ErasureRun.Status.CANCELLED
        run.cancelled_at = timezone.now()
        run.save(update_fields=["status", "cancelled_at"])
        audit_record(actor=actor, subject=user, event_type="erasure.cancelled", extra={"run": run.pk})
    return run


def erasure_run(*, user, actor, reason: str = "operator", skip_cool_off: bool = False, request=None) -> ErasureRun:
    """Erase ``user`` now and return the finished run (or the paused one, if a hold appeared).

    Refused, with nothing changed: an unknown account, one under a legal hold, and one whose
    scheduled erasure is still in its cool-off (unless ``skip_cool_off``, the operator's
    ``erase_user --now``). A run interrupted earlier is resumed.
    """
    _refuse_unknown(user)
    _refuse_held(user)
    if request is not None and reason == "operator":
        reason = f"data-subject request #{request.pk}"
    now = timezone.now()
    if not skip_cool_off and (until := cool_off_ends(user)) is not None:
        raise _cool_off_error(until)
    with transaction.atomic():
        run = ErasureRun.objects.select_for_update().filter(user=user, status__in=OPEN_STATES).first()
        if run is not None and run.status == ErasureRun.Status.SCHEDULED and run.not_before > now:
            run.not_before = now
            run.save(update_fields=["not_before"])
        if run is None:
            run = ErasureRun.objects.create(
                user=user,
                subject_key=subject_key(user),
                reason=reason[:100],
                requested_by=_actor_or_none(actor, user),
                not_before=now,
            )
        audit_record(
            actor=_actor_or_none(actor, user),
            subject=None,
            event_type="erasure.requested",
            extra={"run": run.pk, "reason": run.reason, "skip_cool_off": skip_cool_off},
        )
    return erasure_execute(run_id=run.pk) or run


def _claim(run_id: int, now=None) -> ErasureRun | None:
    """Take the run for this worker until its lease ends (no two workers run one erasure)."""
    now = now or timezone.now()
    lease = now + timedelta(seconds=settings.QALAN_ERASURE_LEASE_SECONDS)
    claimed = (
        ErasureRun.objects.filter(pk=run_id, status__in=OPEN_STATES, not_before__lte=now)
        .filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now))
        .update(lease_until=lease, status=ErasureRun.Status.RUNNING, held_by=None)
    )
    if not claimed:
        return None
    run = ErasureRun.objects.select_related("user").get(pk=run_id)
    ErasureRun.objects.filter(pk=run_id).update(attempts=run.attempts + 1, started_at=run.started_at or now)
    run.refresh_from_db()
    return run


def erasure_execute(*, run_id: int, now=None) -> ErasureRun | None:
    """Run or resume one erasure (what the Celery task calls). Returns None when another worker
    holds it or it is not due."""
    run = _claim(run_id, now)
    if run is None:
        return None
    return erasure_execute_claimed(run)


def erasure_run_due(*, now=None) -> list[int]:
    """Run every erasure whose cool-off has ended, and resume those that a crash, a killed worker
    or a legal hold interrupted. Runs whose person is under a hold wait (shown to the DPO)."""
    now = now or timezone.now()
    due = ErasureRun.objects.filter(status__in=OPEN_STATES, not_before__lte=now).filter(
        Q(lease_until__isnull=True) | Q(lease_until__lt=now)
    )
    finished = []
    for run_id in due.order_by("not_before").values_list("pk", flat=True):
        run = ErasureRun.objects.select_related("user").get(pk=run_id)
        if run.user is not None:
            holds = selectors.holds_blocking_erasure(run.user)
            if holds:
                ErasureRun.objects.filter(pk=run_id).update(status=ErasureRun.Status.HELD, held_by=holds[0])
                continue
        result = erasure_execute(run_id=run_id, now=now)
        if result is not None and result.status == ErasureRun.Status.DONE:
            finished.append(run_id)
    return finished


def erasure_summary(run: ErasureRun) -> dict[str, dict[str, int]]:
    """Per category of data: how many rows were deleted, anonymised, scrubbed, archived, detached."""
    summary: dict[str, dict[str, int]] = {}
    for step in run.steps.filter(rows__gt=0):
        for category in step.categories or ["none"]:
            actions = summary.setdefault(category, {})
            actions[step.action] = actions.get(step.action, 0) + step.rows
    return summary


# --- Legal holds ----------------------------------------------------------------------------


def _require_role(actor, roles) -> None:
    """Operators at the shell act with ``actor=None``; a signed-in person needs the role."""
    if actor is not None and not actor.has_role(*roles):
        raise PermissionDenied


def _dataset_choices() -> dict[str, str]:
    return {d.model.lower(): d.model for d in inventory.declarations()}


def legal_hold_place(*, actor, reason: str, ends_on: date, user=None, dataset: str = "") -> LegalHold:
    """Put a user's data, or a whole data set, on legal hold (P4.5.c)."""
    _require_role(actor, selectors.HOLD_ROLES)
    errors: dict[str, list] = {}
    reason = (reason or "").strip()
    dataset = (dataset or "").strip()
    if (user is None) == (not dataset):
        errors["user"] = [_("Choose either one user or one data set to hold.")]
    if dataset and dataset.lower() not in _dataset_choices():
        errors["dataset"] = [_("Unknown data set. Choose one from the list.")]
    if len(reason) < 10:
        errors["reason"] = [_("Explain in a sentence why the data must be kept (the dispute or incident).")]
    today = timezone.localdate()
    if ends_on is None or ends_on < today:
        errors["ends_on"] = [_("Choose an end date from today on.")]
    elif ends_on > today + timedelta(days=settings.QALAN_LEGAL_HOLD_MAX_DAYS):
        errors["ends_on"] = [
            ngettext(
                "A hold can last at most %(days)s day; extend it later if needed.",
                "A hold can last at most %(days)s days; extend it later if needed.",
                settings.QALAN_LEGAL_HOLD_MAX_DAYS,
            )
            % {"days": settings.QALAN_LEGAL_HOLD_MAX_DAYS}
        ]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        hold = LegalHold.objects.create(
            scope=LegalHold.Scope.USER if user is not None else LegalHold.Scope.DATASET,
            user=user,
            dataset=_dataset_choices().get(dataset.lower(), ""),
            reason=reason,
            ends_on=ends_on,
            created_by=actor,
        )
        audit_record(
            actor=actor,
            subject=user,
            event_type="legal_hold.placed",
            extra={"hold": hold.pk, "scope": hold.scope, "dataset": hold.dataset, "ends_on": ends_on.isoformat()},
        )
    return hold


def legal_hold_release(*, actor, hold: LegalHold) -> LegalHold:
    _require_role(actor, selectors.HOLD_ROLES)
    if hold.released_at is not None:
        return hold
    with transaction.atomic():
        hold.released_at = timezone.now()
        hold.released_by = actor
        hold.save(update_fields=["released_at", "released_by"])
        audit_record(actor=actor, subject=hold.user, event_type="legal_hold.released", extra={"hold": hold.pk})
    return hold


# --- Account blocks (P4.5.b) ----------------------------------------------------------------


def account_block(*, actor, user, reason: str, explanation: str) -> AccountBlock:
    """Block an account for a breach of the rules: every device is signed out, sign-in shows the
    reason and how to contest it, and the person is told by e-mail or SMS."""
    from qalan.accounts.services import device_sessions_revoke_all

    _require_role(actor, selectors.BLOCK_ROLES)
    errors: dict[str, list] = {}
    explanation = (explanation or "").strip()
    if reason not in BlockReason.values:
        errors["reason"] = [_("Choose the rule that was broken.")]
    if len(explanation) < 10:
        errors["explanation"] = [_("Explain to the person what happened, in a sentence or two: they will read it.")]
    if actor is not None and actor.pk == user.pk:
        errors["username"] = [_("You cannot block your own account.")]
    elif user.role in (Role.ADMIN,) and (actor is None or not actor.has_role(Role.ADMIN)):
        errors["username"] = [_("Only an administrator can block an administrator.")]
    if selectors.active_block(user) is not None:
        errors["username"] = [_("This account is already blocked. Lift the current block first to change it.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        block = AccountBlock.objects.create(user=user, reason=reason, explanation=explanation, created_by=actor)
        device_sessions_revoke_all(actor=actor, user=user)
        audit_record(
            actor=actor, subject=user, event_type="account.blocked", extra={"block": block.pk, "reason": reason}
        )
        _block_notify(user, block)
    return block


def _block_notify(user, block: AccountBlock) -> None:
    text = _(
        "Your Qalan account was blocked: %(reason)s. If you think this is a mistake, write to us through the "
        "contact page of qalan.kz and mention block number %(number)s."
    ) % {"reason": block.get_reason_display(), "number": block.pk}
    channel, recipient = (
        (OutboxMessage.Channel.EMAIL, user.email) if user.email else (OutboxMessage.Channel.SMS, user.phone)
    )
    if recipient:
        message_queue(
            user=user,
            channel=channel,
            recipient=recipient,
            subject=_("Your account was blocked"),
            body=text,
            kind=OutboxMessage.Kind.SECURITY,
        )


def account_unblock(*, actor, block: AccountBlock) -> AccountBlock:
    _require_role(actor, selectors.BLOCK_ROLES)
    if block.lifted_at is not None:
        return block
    with transaction.atomic():
        block.lifted_at = timezone.now()
        block.lifted_by = actor
        block.save(update_fields=["lifted_at", "lifted_by"])
        audit_record(actor=actor, subject=block.user, event_type="account.unblocked", extra={"block": block.pk})
    return block


# --- The archive ----------------------------------------------------------------------------


def archive_record_read(*, viewer, record: ArchivedRecord, purpose: str) -> dict:
    """Decrypt one archived record for its legal purpose; the read is audited (P5.1.e)."""
    if not (viewer.is_authenticated and viewer.has_role(*selectors.ARCHIVE_ROLES)):
        from django.http import Http404

        raise Http404
    if purpose not in ArchivePurpose.values:
        raise ValidationError({"purpose": [_("State the legal purpose of this read.")]})
    with transaction.atomic():
        audit_record(
            actor=viewer, subject=None, event_type="archive.read", extra={"record": record.pk, "purpose": purpose}
        )
    return archive_decrypt(record.payload)
