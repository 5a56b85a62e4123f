"""The erasure engine: what the inventory declares, done to one user's rows, step by step.

Driven only by ``qalan.core.inventory.declarations()``, so a model declared tomorrow is
erased without changes here. Per declaration, rows reached through the first subject path
(the row's owner) are deleted, archived, anonymised or scrubbed as declared; rows that only
mention the user through another nullable link (the teacher of a class, the parent who gave a
consent) are detached from them. Scrubbing (audit) treats every path as the owner.

Each step works in batches, each batch in its own transaction, and is recorded in an
``ErasureStep``. Steps are idempotent (an erased row no longer matches), so a run that crashed
or whose worker was killed resumes where it stopped.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.db.models.deletion import Collector
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django.utils.module_loading import import_string

from qalan.audit.services import audit_record
from qalan.core import inventory
from qalan.core.inventory import REDACTED, Declaration, Erasure, FieldRule, subject_condition
from qalan.lifecycle import copies, selectors
from qalan.lifecycle.archive import archive_rows
from qalan.lifecycle.models import ArchivedRecord, ErasureRun, ErasureStep

logger = logging.getLogger(__name__)

_NO_CHANGE = object()
# Boolean fields that say "this row was scrubbed": set on every row erasure touches, so that
# integrity checks (the audit chain) know its content changed on purpose.
MARK_FIELDS = ("scrubbed", "anonymised")
# The engine's own record of the run in progress is left for the final step (the account row
# going sets its user to NULL).
_OWN_RUN_MODEL = "lifecycle.erasurerun"
_STAGE = {Erasure.DELETE: 0, Erasure.ARCHIVE: 0, Erasure.ANONYMISE: 1, Erasure.SCRUB: 2}


class ErasurePaused(Exception):
    """A legal hold appeared while the run was going: it waits until the hold ends."""

    def __init__(self, hold):
        super().__init__(f"paused by legal hold #{hold.pk}")
        self.hold = hold


@dataclass(frozen=True)
class PlannedStep:
    declaration: Declaration
    action: str
    # For DETACH: the subject path (a nullable foreign key) to cut.
    path: str = ""

    @property
    def label(self) -> str:
        return self.declaration.model


def _user_label() -> str:
    return settings.AUTH_USER_MODEL.lower()


def _depth(declaration: Declaration) -> int:
    return max((path.count("__") for path in declaration.subjects), default=0)


def _detachable(declaration: Declaration, path: str) -> bool:
    if not path or "__" in path or "@" in path:
        return False
    try:
        model_field = declaration.model_class._meta.get_field(path)
    except Exception:
        return False
    return bool(model_field.many_to_one or model_field.one_to_one) and model_field.null


def erasure_plan() -> list[PlannedStep]:
    """The steps of an erasure, in order: rows reached through longer paths first (they are
    found through rows that earlier steps would change), deletions before anonymisation, the
    audit scrub last; the account row is the engine's final step."""
    declared = [
        d
        for d in inventory.declarations()
        if d.model.lower() != _user_label() and (d.subjects or d.subject_keys or inventory.subject_finder(d.model))
    ]
    declared.sort(key=lambda d: (-_depth(d), _STAGE[Erasure(d.erasure)], d.model.lower()))
    # Copies first: finding and rewriting them needs the person's names, which later steps delete.
    plan: list[PlannedStep] = [
        PlannedStep(d, action)
        for d in inventory.declarations()
        for action in sorted({copies.COPY_STEP_ACTIONS[inventory.CopyAction(c.action)] for c in d.copies})
    ]
    for declaration in declared:
        plan.append(PlannedStep(declaration, str(declaration.erasure)))
        if declaration.erasure != Erasure.SCRUB:
            for path in declaration.subjects[1:]:
                if _detachable(declaration, path):
                    plan.append(PlannedStep(declaration, ErasureStep.Action.DETACH, path))
    return plan


# --- Which rows -----------------------------------------------------------------------------


def _owner_condition(declaration: Declaration, user) -> Q:
    """Rows the declared action applies to: reached through the first path, the keyed columns,
    a finder, and any other path that cannot be detached."""
    if declaration.erasure == Erasure.SCRUB:
        paths = list(declaration.subjects)
    else:
        paths = declaration.subjects[:1] + tuple(p for p in declaration.subjects[1:] if not _detachable(declaration, p))
    condition = Q(pk__in=[])
    for path in paths:
        condition |= subject_condition(path, user)
    for column, function in declaration.subject_keys.items():
        condition |= Q(**{column: import_string(function)(user)})
    finder = inventory.subject_finder(declaration.model)
    if finder is not None:
        condition |= inventory.finder_condition(finder, user)
    return condition


def _rows(step: PlannedStep, user, run: ErasureRun):
    manager = step.declaration.model_class._default_manager
    if step.action in copies.COPY_STEP_ACTIONS.values():
        return manager.filter(copies.copies_condition(step.declaration, step.action, user))
    condition = (
        subject_condition(step.path, user)
        if step.action == ErasureStep.Action.DETACH
        else _owner_condition(step.declaration, user)
    )
    rows = manager.filter(condition)
    if step.declaration.model.lower() == _OWN_RUN_MODEL:
        rows = rows.exclude(pk=run.pk)
    return rows


def _pk_batches(rows, size: int):
    """Primary keys in ascending batches (keyset paging: rows a batch changed but that still
    match are not visited twice)."""
    last = None
    while True:
        page = rows.order_by("pk")
        if last is not None:
            page = page.filter(pk__gt=last)
        pks = list(page.values_list("pk", flat=True).distinct()[:size])
        if not pks:
            return
        yield pks
        last = pks[-1]


# --- Deleting, with files -------------------------------------------------------------------


def _file_fields(model) -> list[models.FileField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def delete_with_files(queryset) -> tuple[int, int]:
    """Delete the rows and everything that cascades from them, and remove their uploaded files
    from storage first (a crash in between leaves rows without files, never files without rows)."""
    collector = Collector(using=queryset.db, origin=queryset)
    collector.collect(queryset)
    files = []
    for model, instances in collector.data.items():
        for model_field in _file_fields(model):
            files += [(model_field.storage, getattr(obj, model_field.attname)) for obj in instances]
    for fast in collector.fast_deletes:
        model = getattr(fast, "model", None)
        for model_field in _file_fields(model) if model is not None else []:
            files += [(model_field.storage, name) for name in fast.values_list(model_field.attname, flat=True)]
    removed = 0
    for storage, name in files:
        if name:
            storage.delete(name)
            removed += 1
    with transaction.atomic(using=queryset.db):
        deleted, _per_model = collector.delete()
    return deleted, removed


# --- Emptying fields ------------------------------------------------------------------------


def _user_fks(model) -> list[models.Field]:
    return [
        f
        for f in model._meta.concrete_fields
        if f.is_relation and f.related_model is not None and f.related_model._meta.label_lower == _user_label()
    ]


def _cleared_value(model_field: models.Field, rule: FieldRule, *, explicit: bool, category: str, erasure: str):
    if rule == FieldRule.REDACT and isinstance(model_field, (models.CharField, models.TextField)):
        return REDACTED[: model_field.max_length] if model_field.max_length else REDACTED
    if not explicit and model_field.choices:
        return _NO_CHANGE  # one of a few fixed values names nobody
    if not explicit and erasure == Erasure.SCRUB and category == "audit" and type(model_field) is models.CharField:
        return _NO_CHANGE  # the fact scrubbing keeps: what happened (an event type), not who or the details
    if isinstance(model_field, models.BooleanField):
        return _NO_CHANGE
    if isinstance(model_field, models.FileField):
        return ""
    if isinstance(model_field, models.GenericIPAddressField):
        # Bandit B104: an erased address, not a bind.
        return None if model_field.null else "0.0.0.0"  # nosec B104
    if isinstance(model_field, (models.CharField, models.TextField)):
        if model_field.unique:
            return Concat(models.Value("erased-"), Cast("pk", output_field=models.CharField()))
        return None if model_field.null else ""
    if isinstance(model_field, models.JSONField):
        if model_field.has_default():
            return model_field.get_default()
        return None if model_field.null else {}
    if model_field.null:
        return None
    return _NO_CHANGE


def _clearing(declaration: Declaration, paths: tuple[str, ...], owned_only: bool) -> dict:
    """Field -> emptied value for the non-link fields that erasing through ``paths`` touches."""
    values = {}
    for model_field in declaration.model_class._meta.concrete_fields:
        if model_field.primary_key or model_field.is_relation:
            continue
        name = model_field.name
        if owned_only:
            if not any(path in declaration.field_owners.get(name, ()) for path in paths):
                continue
        elif not any(declaration.owned_by(name, path) for path in paths):
            continue
        rule = declaration.rule_for(name)
        if rule == FieldRule.KEEP:
            continue
        value = _cleared_value(
            model_field,
            rule,
            explicit=name in declaration.field_rules,
            category=str(declaration.fields.get(name, "none")),
            erasure=str(declaration.erasure),
        )
        if value is not _NO_CHANGE:
            values[name] = value
    return values


def erased_fields(declaration: Declaration) -> set[str]:
    """Fields whose content erasure removes from the owner's rows (all of them when the rows
    are deleted or archived): what the completeness test fills with the person's details."""
    model = declaration.model_class
    names = {f.name for f in model._meta.concrete_fields if not f.primary_key}
    if declaration.erasure in (Erasure.DELETE, Erasure.ARCHIVE):
        return names
    paths = declaration.subjects if declaration.erasure == Erasure.SCRUB else declaration.subjects[:1]
    emptied = set(_clearing(declaration, paths or ("",), owned_only=False))
    emptied |= {f.name for f in _user_fks(model) if declaration.rule_for(f.name) != FieldRule.KEEP}
    return emptied


def _marks(declaration: Declaration) -> dict:
    if declaration.erasure_marks:
        return dict(declaration.erasure_marks)
    model = declaration.model_class
    return {
        f.name: True
        for f in model._meta.concrete_fields
        if f.name in MARK_FIELDS and isinstance(f, models.BooleanField)
    }


def _empty_rows(step: PlannedStep, pks: list, user) -> int:
    """Anonymise, scrub or detach one batch: empty the personal fields, cut the user's links."""
    declaration = step.declaration
    model = declaration.model_class
    if step.action == ErasureStep.Action.DETACH:
        values = _clearing(declaration, (step.path,), owned_only=True)
        links = [model._meta.get_field(step.path)]
    else:
        paths = declaration.subjects if declaration.erasure == Erasure.SCRUB else declaration.subjects[:1]
        values = _clearing(declaration, paths or ("",), owned_only=False)
        links = [f for f in _user_fks(model) if declaration.rule_for(f.name) != FieldRule.KEEP]
    values.update(_marks(declaration))
    batch = model._default_manager.filter(pk__in=pks)
    files = 0
    for model_field in _file_fields(model):
        if model_field.name in values:
            for name in batch.exclude(**{model_field.name: ""}).values_list(model_field.attname, flat=True):
                if name:
                    model_field.storage.delete(name)
                    files += 1
    with transaction.atomic():
        if declaration.eraser and step.action != ErasureStep.Action.DETACH:
            import_string(declaration.eraser)(
                pks=pks, user=user, values=values, links=[link for link in links if link.null]
            )
            links = [link for link in links if not link.null]
        elif values:
            batch.update(**values)
        for link in links:
            if link.null:
                model._default_manager.filter(pk__in=pks, **{link.name: user}).update(**{link.name: None})
            else:
                # A non-nullable link to the person cannot be cut: the row cannot outlive them.
                logger.warning("%s.%s cannot be emptied; deleting the rows instead", declaration.model, link.name)
                delete_with_files(model._default_manager.filter(pk__in=pks, **{link.name: user}))
    return files


# --- Running --------------------------------------------------------------------------------


def _lease_renew(run: ErasureRun) -> None:
    until = timezone.now() + timedelta(seconds=settings.QALAN_ERASURE_LEASE_SECONDS)
    ErasureRun.objects.filter(pk=run.pk).update(lease_until=until)


def _check_holds(run: ErasureRun, user, label: str | None = None) -> None:
    hold = selectors.user_hold(user)
    if hold is None and label is not None:
        hold = selectors.held_datasets().get(label.lower())
    if hold is not None:
        raise ErasurePaused(hold)


def _step_record(run: ErasureRun, position: int, step: PlannedStep) -> ErasureStep:
    record, _created = ErasureStep.objects.get_or_create(
        run=run,
        model=step.label,
        action=step.action,
        defaults={"position": position, "categories": [str(c) for c in step.declaration.categories]},
    )
    return record


def _step_execute(run: ErasureRun, record: ErasureStep, step: PlannedStep, user) -> None:
    if not record.started_at:
        ErasureStep.objects.filter(pk=record.pk).update(started_at=timezone.now())
    size = settings.QALAN_LIFECYCLE_BATCH_SIZE
    for pks in _pk_batches(_rows(step, user, run), size):
        _check_holds(run, user, step.label)
        if step.action in (ErasureStep.Action.COPY_REWRITE, ErasureStep.Action.COPY_ARCHIVE):
            copies.copies_rewrite(step.declaration, pks, user, action=step.action)
            files = 0
        elif step.action in (Erasure.DELETE, ErasureStep.Action.COPY_DELETE):
            _deleted, files = delete_with_files(step.declaration.model_class._default_manager.filter(pk__in=pks))
        elif step.action == Erasure.ARCHIVE:
            files = _archive_batch(step.declaration, pks, user)
        else:
            files = _empty_rows(step, pks, user)
        ErasureStep.objects.filter(pk=record.pk).update(
            rows=models.F("rows") + len(pks), files=models.F("files") + files
        )
        _lease_renew(run)
    ErasureStep.objects.filter(pk=record.pk).update(done=True, finished_at=timezone.now())


def _archive_batch(declaration: Declaration, pks: list, user) -> int:
    rows = list(declaration.model_class._default_manager.filter(pk__in=pks))
    with transaction.atomic():
        ArchivedRecord.objects.bulk_create(archive_rows(declaration=declaration, rows=rows, user=user))
        _deleted, files = delete_with_files(declaration.model_class._default_manager.filter(pk__in=pks))
    return files


def _account_lock(run: ErasureRun, user) -> None:
    """First thing: nobody can sign in to the account, and every device is signed out."""
    from qalan.accounts.models import DeviceSession

    with transaction.atomic():
        user.is_active = False
        user.set_unusable_password()
        user.save(update_fields=["is_active", "password"])
        DeviceSession.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
        audit_record(
            actor=None, subject=None, event_type="erasure.started", extra={"run": run.pk, "reason": run.reason}
        )


def _account_delete(run: ErasureRun, user, plan: list[PlannedStep]) -> None:
    """Last: rescrub what the run itself may have logged, then the account row goes and the run
    is done, in one transaction (a crash leaves either both or neither)."""
    for step in plan:
        if step.action == Erasure.SCRUB:
            for pks in _pk_batches(_rows(step, user, run), settings.QALAN_LIFECYCLE_BATCH_SIZE):
                _empty_rows(step, pks, user)
    user_model = type(user)
    with transaction.atomic():
        _deleted, files = delete_with_files(user_model._default_manager.filter(pk=user.pk))
        ErasureStep.objects.update_or_create(
            run=run,
            model=user_model._meta.label,
            action=Erasure.DELETE,
            defaults={
                "position": len(plan),
                "rows": 1,
                "files": files,
                "done": True,
                "categories": _account_categories(),
                "finished_at": timezone.now(),
            },
        )
        now = timezone.now()
        ErasureRun.objects.filter(pk=run.pk).update(
            status=ErasureRun.Status.DONE, finished_at=now, lease_until=None, held_by=None, last_error=""
        )
        total = sum(run.steps.values_list("rows", flat=True))
        audit_record(actor=None, subject=None, event_type="erasure.completed", extra={"run": run.pk, "rows": total})


def _account_categories() -> list[str]:
    entry = inventory.entry_for(settings.AUTH_USER_MODEL)
    return [str(c) for c in entry.categories] if isinstance(entry, Declaration) else []


def erasure_execute_claimed(run: ErasureRun) -> ErasureRun:
    """Run (or resume) every remaining step of a claimed run."""
    user = run.user
    if user is None:
        # The account is already gone (finished in an earlier attempt, or removed by hand).
        ErasureRun.objects.filter(pk=run.pk).update(
            status=ErasureRun.Status.DONE, finished_at=timezone.now(), lease_until=None
        )
        run.refresh_from_db()
        return run
    try:
        _check_holds(run, user)
        if not run.steps.exists():
            _account_lock(run, user)
        plan = erasure_plan()
        for position, step in enumerate(plan):
            record = _step_record(run, position, step)
            if record.done:
                continue
            _check_holds(run, user, step.label)
            _step_execute(run, record, step, user)
        _account_delete(run, user, plan)
    except ErasurePaused as paused:
        ErasureRun.objects.filter(pk=run.pk).update(
            status=ErasureRun.Status.HELD, held_by=paused.hold, lease_until=None
        )
    except Exception as exc:
        # Free the run at once for a retry; the message is not stored (it could quote data).
        ErasureRun.objects.filter(pk=run.pk).update(lease_until=None, last_error=exc.__class__.__name__[:200])
        raise
    run.refresh_from_db()
    return run
