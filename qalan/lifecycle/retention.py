"""The retention engine (P4.6, P5.1): rules come from the inventory; sweeps work in batches,
respect legal holds, have a dry run, and leave destruction records (rule, model, count, date).

Rules:

* every declaration with a time-bound retention (short-lived, session, logs one year, requests
  three years, payments five years) loses its rows once they are older than the period,
  counted from its clock field (``inventory.retention_clock``); expiry columns (``expires_at``)
  count from the expiry. Rows a declaration keeps anonymised are anonymised instead;
* the request log's IP addresses are shortened after ``QALAN_REQUEST_LOG_IP_DAYS``;
* archived records are destroyed when their legal period ends;
* accounts unused for ``QALAN_INACTIVITY_NOTICE_MONTHS`` get a notice, and are erased
  ``QALAN_INACTIVITY_GRACE_DAYS`` later unless the person came back.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models, transaction
from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from qalan.audit.services import audit_record
from qalan.core import inventory
from qalan.core.inventory import Declaration, Erasure, Retention, retention_clock, retention_days
from qalan.lifecycle import selectors
from qalan.lifecycle.erasure import PlannedStep, _pk_batches, delete_with_files
from qalan.lifecycle.models import ArchivedRecord, DestructionRecord, InactivityNotice, RequestLog
from qalan.lifecycle.requestlog import ip_truncate

# Clock fields that hold an expiry moment: rows go a short grace after it, not a period after it.
EXPIRY_CLOCKS = ("expires_at", "expire_date", "expire_at", "valid_until")
ALWAYS_DELETED = (Retention.LOGS_ONE_YEAR, Retention.SESSION, Retention.SHORT_LIVED)
# Fields that say a session ended early (sign-out, revocation): such rows go like expired ones.
ENDED_FIELDS = ("revoked_at", "logout_time")


@dataclass
class Outcome:
    rule: str
    model: str
    action: str
    count: int = 0
    held: int = 0
    batches: int = 0
    longest_batch_ms: int = 0
    cutoff: datetime | None = None


@dataclass
class RetentionReport:
    dry_run: bool
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(o.count for o in self.outcomes)


@dataclass(frozen=True)
class Rule:
    name: str
    declaration: Declaration
    action: str
    condition: Q
    cutoff: datetime


def _grace() -> timedelta:
    return timedelta(days=retention_days(Retention.SHORT_LIVED) or 0)


def _has_field(model, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except Exception:
        return False
    return True


def _still_personal(declaration: Declaration) -> Q:
    """Rows anonymisation has not reached yet: a link to a person or a personal value remains."""
    from qalan.lifecycle.erasure import _clearing, _user_fks

    condition = Q(pk__in=[])
    for name, value in _clearing(declaration, declaration.subjects[:1] or ("",), owned_only=False).items():
        if value is None:
            condition |= Q(**{f"{name}__isnull": False})
        elif isinstance(value, str):
            condition |= ~Q(**{name: value})
        elif isinstance(value, models.Expression) or hasattr(value, "resolve_expression"):
            condition |= ~Q(**{f"{name}__startswith": "erased-"})
    for link in _user_fks(declaration.model_class):
        if link.null and declaration.rule_for(link.name) != inventory.FieldRule.KEEP:
            condition |= Q(**{f"{link.name}__isnull": False})
    return condition


def retention_rules(now: datetime | None = None) -> list[Rule]:
    """The rules in force, from the inventory and the periods in settings."""
    now = now or timezone.now()
    rules = []
    for declaration in inventory.declarations():
        days = retention_days(declaration.retention)
        clock = retention_clock(declaration) if days is not None else None
        if clock is None:
            continue
        model = declaration.model_class
        cutoff = now - (_grace() if clock in EXPIRY_CLOCKS else timedelta(days=days))
        condition = Q(**{f"{clock}__lt": cutoff})
        if declaration.retention == Retention.SESSION:
            for ended in ENDED_FIELDS:
                if _has_field(model, ended):
                    condition |= Q(**{f"{ended}__lt": now - _grace()})
        action = DestructionRecord.Action.DELETED
        # Logs, sessions and short-lived rows go entirely (P5.1.d); records kept for years as
        # evidence keep their statistics when the inventory says they are anonymised.
        if declaration.erasure == Erasure.ANONYMISE and declaration.retention not in ALWAYS_DELETED:
            action = DestructionRecord.Action.ANONYMISED
            condition &= _still_personal(declaration)
        rules.append(Rule(f"{declaration.retention}", declaration, action, condition, cutoff))
    return rules


def _held_rows(declaration: Declaration, held_users) -> Q:
    condition = Q(pk__in=[])
    for user in held_users:
        condition |= Q(pk__in=declaration.rows_for(user).values("pk"))
    return condition


def _apply_rule(rule: Rule, *, dry_run: bool, held_users, held_sets) -> Outcome:
    declaration = rule.declaration
    outcome = Outcome(rule.name, declaration.model, rule.action, cutoff=rule.cutoff)
    expired = declaration.model_class._default_manager.filter(rule.condition)
    if declaration.model.lower() in held_sets:
        outcome.held = expired.count()
        return outcome
    held = _held_rows(declaration, held_users) if held_users else None
    if held is not None:
        outcome.held = expired.filter(held).count()
        expired = expired.exclude(held)
    if dry_run:
        outcome.count = expired.count()
        return outcome
    step = PlannedStep(
        declaration, Erasure.SCRUB if rule.action == DestructionRecord.Action.ANONYMISED else Erasure.DELETE
    )
    for pks in _pk_batches(expired, settings.QALAN_LIFECYCLE_BATCH_SIZE):
        started = time.monotonic()
        if rule.action == DestructionRecord.Action.DELETED:
            delete_with_files(declaration.model_class._default_manager.filter(pk__in=pks))
        else:
            _anonymise_expired(step, pks)
        _tally(outcome, len(pks), started)
    return outcome


def _anonymise_expired(step: PlannedStep, pks: list) -> None:
    """Retention anonymises rows of every person at once: empty the fields and cut every link."""
    from qalan.lifecycle.erasure import _clearing, _marks, _user_fks

    declaration = step.declaration
    model = declaration.model_class
    values = _clearing(declaration, declaration.subjects[:1] or ("",), owned_only=False)
    values.update(_marks(declaration))
    for link in _user_fks(model):
        if link.null and declaration.rule_for(link.name) != inventory.FieldRule.KEEP:
            values[link.name] = None
    batch = model._default_manager.filter(pk__in=pks)
    for model_field in model._meta.concrete_fields:
        if isinstance(model_field, models.FileField) and model_field.name in values:
            for name in batch.values_list(model_field.attname, flat=True):
                if name:
                    model_field.storage.delete(name)
    with transaction.atomic():
        batch.update(**values)


def _tally(outcome: Outcome, count: int, started: float) -> None:
    outcome.count += count
    outcome.batches += 1
    outcome.longest_batch_ms = max(outcome.longest_batch_ms, int((time.monotonic() - started) * 1000))


def _ip_truncation(now, *, dry_run: bool, held_sets) -> Outcome:
    cutoff = now - timedelta(days=settings.QALAN_REQUEST_LOG_IP_DAYS)
    outcome = Outcome("request_log_ip", RequestLog._meta.label, DestructionRecord.Action.IP_TRUNCATED, cutoff=cutoff)
    due = RequestLog.objects.filter(ip_truncated=False, created_at__lt=cutoff)
    if RequestLog._meta.label_lower in held_sets:
        outcome.held = due.count()
        return outcome
    if dry_run:
        outcome.count = due.count()
        return outcome
    for pks in _pk_batches(due, settings.QALAN_LIFECYCLE_BATCH_SIZE):
        started = time.monotonic()
        rows = list(RequestLog.objects.filter(pk__in=pks).only("pk", "ip_address"))
        for row in rows:
            row.ip_address = ip_truncate(row.ip_address)
            row.ip_truncated = True
        with transaction.atomic():
            RequestLog.objects.bulk_update(rows, ["ip_address", "ip_truncated"])
        _tally(outcome, len(rows), started)
    return outcome


def _archive_expiry(now, *, dry_run: bool, held_sets) -> list[Outcome]:
    today = timezone.localdate(now)
    outcomes = []
    expired = ArchivedRecord.objects.filter(keep_until__lt=today)
    for label in sorted(set(expired.values_list("model", flat=True))):
        outcome = Outcome("archive_period_over", label, DestructionRecord.Action.DELETED)
        rows = expired.filter(model=label)
        if label.lower() in held_sets:
            outcome.held = rows.count()
        elif dry_run:
            outcome.count = rows.count()
        else:
            for pks in _pk_batches(rows, settings.QALAN_LIFECYCLE_BATCH_SIZE):
                started = time.monotonic()
                with transaction.atomic():
                    ArchivedRecord.objects.filter(pk__in=pks).delete()
                _tally(outcome, len(pks), started)
        outcomes.append(outcome)
    return outcomes


# --- Inactive accounts (P5.1.a) -------------------------------------------------------------


def _last_seen_before(cutoff):
    from qalan.accounts.models import SELF_SERVICE_ROLES, User

    return (
        User.objects.filter(is_active=True, role__in=SELF_SERVICE_ROLES, date_joined__lt=cutoff)
        .filter(Q(last_login__isnull=True) | Q(last_login__lt=cutoff))
        .annotate(last_device=Max("device_sessions__last_used_at"))
        .filter(Q(last_device__isnull=True) | Q(last_device__lt=cutoff))
    )


def _came_back(notice: InactivityNotice) -> bool:
    user = notice.user
    if user.last_login and user.last_login > notice.sent_at:
        return True
    return user.device_sessions.filter(last_used_at__gt=notice.sent_at).exists()


def _inactivity(now, *, dry_run: bool, held_users) -> list[Outcome]:
    from qalan.lifecycle.services import erasure_schedule

    notices = Outcome("inactive_accounts", "accounts.User", DestructionRecord.Action.NOTICE_SENT)
    erasures = Outcome("inactive_accounts", "accounts.User", DestructionRecord.Action.ERASURE_STARTED)
    held_ids = {u.pk for u in held_users}
    for notice in InactivityNotice.objects.filter(returned_at__isnull=True).select_related("user"):
        if _came_back(notice):
            if not dry_run:
                InactivityNotice.objects.filter(pk=notice.pk).update(returned_at=now)
        elif notice.erase_after <= now:
            if notice.user_id in held_ids:
                erasures.held += 1
                continue
            erasures.count += 1
            if not dry_run and not selectors.erasure_pending(notice.user):
                erasure_schedule(user=notice.user, actor=None, not_before=now, reason="inactivity")
    cutoff = now - relativedelta(months=settings.QALAN_INACTIVITY_NOTICE_MONTHS)
    open_notice = InactivityNotice.objects.filter(user=OuterRef("pk"), returned_at__isnull=True)
    candidates = _last_seen_before(cutoff).filter(~Exists(open_notice))
    for user in candidates.iterator(chunk_size=500):
        if user.pk in held_ids:
            notices.held += 1
            continue
        notices.count += 1
        if not dry_run:
            _notice_send(user, now)
    return [notices, erasures]


def _notice_send(user, now) -> None:
    from qalan.notify.models import OutboxMessage
    from qalan.notify.services import message_queue

    erase_after = now + timedelta(days=settings.QALAN_INACTIVITY_GRACE_DAYS)
    language = getattr(getattr(user, "profile", None), "language", "") or settings.LANGUAGE_CODE
    with translation.override(language), transaction.atomic():
        notice = InactivityNotice.objects.create(user=user, sent_at=now, erase_after=erase_after)
        text = ngettext(
            "Your Qalan account has not been used for %(months)s month. To protect your data we will delete it "
            "on %(date)s. To keep your account, just sign in before then.",
            "Your Qalan account has not been used for %(months)s months. To protect your data we will delete it "
            "on %(date)s. To keep your account, just sign in before then.",
            settings.QALAN_INACTIVITY_NOTICE_MONTHS,
        ) % {
            "months": settings.QALAN_INACTIVITY_NOTICE_MONTHS,
            "date": date_format(timezone.localtime(erase_after), "DATE_FORMAT"),
        }
        channel, recipient = (
            (OutboxMessage.Channel.EMAIL, user.email) if user.email else (OutboxMessage.Channel.SMS, user.phone)
        )
        message_queue(user=user, channel=channel, recipient=recipient, subject=_("Your Qalan account"), body=text)
        message_queue(user=user, channel=OutboxMessage.Channel.INAPP, subject=_("Your Qalan account"), body=text)
        audit_record(actor=None, subject=user, event_type="inactivity.notice_sent", extra={"notice": notice.pk})


# --- The sweep ------------------------------------------------------------------------------


def retention_run(*, dry_run: bool = False, now: datetime | None = None) -> RetentionReport:
    """Apply every retention rule once. With ``dry_run`` nothing changes and nothing is
    recorded: the report says what would happen."""
    now = now or timezone.now()
    report = RetentionReport(dry_run=dry_run)
    today = timezone.localdate(now)
    held_sets = selectors.held_datasets(today=today)
    held_users = list(_held_users(today))
    for rule in retention_rules(now):
        report.outcomes.append(_apply_rule(rule, dry_run=dry_run, held_users=held_users, held_sets=held_sets))
    report.outcomes.append(_ip_truncation(now, dry_run=dry_run, held_sets=held_sets))
    report.outcomes += _archive_expiry(now, dry_run=dry_run, held_sets=held_sets)
    report.outcomes += _inactivity(now, dry_run=dry_run, held_users=held_users)
    if not dry_run:
        _destruction_records(report, now)
    return report


def _held_users(today):
    from qalan.accounts.models import User

    return User.objects.filter(pk__in=selectors.held_user_ids(today=today))


def _destruction_records(report: RetentionReport, now) -> None:
    records = [
        DestructionRecord(
            rule=o.rule,
            model=o.model,
            action=o.action,
            count=o.count,
            held=o.held,
            cutoff=o.cutoff,
            batches=o.batches,
            longest_batch_ms=o.longest_batch_ms,
            recorded_at=now,
        )
        for o in report.outcomes
        if o.count or o.held
    ]
    with transaction.atomic():
        DestructionRecord.objects.bulk_create(records)
        audit_record(
            actor=None,
            subject=None,
            event_type="retention.swept",
            extra={"records": len(records), "rows": report.total},
        )
