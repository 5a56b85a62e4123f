"""Sittings of tests and homework: start (and retake), answers saved as they are typed, submit,
and the close of a sitting whose time ran out with the answers saved by then.

A sitting holds fixed tasks (the test's or homework's), and trainer items drawn from its skill
pools (``SkillSlot``): every student gets fresh instances of the same template and difficulty.
While the sitting is open, its trainer items are sealed (``qalan.trainer.services.sittings``) and
its tasks take no practice answer (``task_in_open_sitting``), so nothing shows their answers.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from qalan.accounts.models import Role
from qalan.audit.services import audit_record
from qalan.learning import selectors
from qalan.learning.grading import answer_is_correct, answer_parse
from qalan.learning.models import Assignment, Attempt, Quiz, Submission, SubmissionItem, content_language
from qalan.schools.models import Membership
from qalan.trainer.models import Purpose, Result
from qalan.trainer.services.sittings import (
    ANSWER_MAX_LENGTH,
    sitting_item_check,
    sitting_item_close,
    sitting_items_issue,
)

DRAFT_MAX_FIELDS = 200


def extended_refused() -> ValidationError:
    return ValidationError(
        {"task": [_("This task is part of the extended content. Ask your school about extended access.")]}
    )


def is_blank(raw: Any) -> bool:
    return raw is None or raw == "" or raw == [] or (isinstance(raw, str) and not raw.strip())


def grace() -> timedelta:
    return timedelta(seconds=settings.QALAN_TEST_GRACE_SECONDS)


def local_time(moment: datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def _due_passed_error(assignment: Assignment) -> ValidationError:
    return ValidationError(
        {
            "__all__": [
                _(
                    "The due date (%(due)s) has passed, so this homework can no longer be submitted. Ask your teacher if you need more time."
                )
                % {"due": local_time(assignment.due_at)}
            ]
        }
    )


def _language() -> str:
    return (translation.get_language() or "kk").split("-")[0]


def sitting_ends_at(submission: Submission) -> datetime | None:
    """When answers stop being accepted: the time limit, or the homework's due date."""
    ends = [submission.deadline_at] if submission.deadline_at else []
    if submission.assignment_id:
        ends.append(submission.assignment.due_at)
    return min(ends) if ends else None


def submission_time_is_up(submission: Submission, now: datetime | None = None) -> bool:
    ends = sitting_ends_at(submission)
    return ends is not None and ends + grace() < (now or timezone.now())


# --- Start --------------------------------------------------------------------------------


def _slots(*, assignment: Assignment | None, quiz: Quiz | None):
    source = assignment.slots if assignment is not None else quiz.slots
    return list(source.select_related("skill"))


def _issue(submission: Submission, slots, purpose: str) -> int:
    items, order = [], 0
    for slot in slots:
        for instance in sitting_items_issue(
            student=submission.student, skill=slot.skill, count=slot.count, difficulty=slot.difficulty, purpose=purpose
        ):
            items.append(SubmissionItem(submission=submission, instance=instance, order=order))
            order += 1
    SubmissionItem.objects.bulk_create(items)
    return len(items)


def attempts_used(*, student, assignment: Assignment) -> int:
    return Submission.objects.filter(student=student, assignment=assignment).count()


def submission_start(
    *, actor, assignment: Assignment | None = None, quiz: Quiz | None = None, retake: bool = False
) -> Submission:
    """Open a homework or a test. Idempotent: an open sitting is returned, not duplicated; a
    submitted homework is returned too unless ``retake`` asks for the next attempt the teacher
    allows. A timed one gets its deadline now; pool items are drawn now."""
    if not actor.has_role(Role.STUDENT):
        raise ValidationError(
            {"__all__": [_("Only students take tests and do homework. Sign in with a student account.")]}
        )
    now = timezone.now()
    attempt_no = 1
    if assignment is not None:
        latest = Submission.objects.filter(student=actor, assignment=assignment).order_by("-attempt_no").first()
        if latest is not None and (latest.submitted_at is None or not retake):
            return latest
        if assignment.due_at + grace() < now:
            raise _due_passed_error(assignment)
        if not Membership.objects.filter(
            school_class_id=assignment.school_class_id, student=actor, ended_at__isnull=True
        ).exists():
            raise ValidationError({"__all__": [_("This homework is for another class.")]})
        if latest is not None:
            if latest.attempt_no >= assignment.max_attempts:
                raise ValidationError(
                    {
                        "__all__": [
                            _(
                                "You have used all the attempts your teacher allows for this homework. Your result is kept."
                            )
                        ]
                    }
                )
            attempt_no = latest.attempt_no + 1
        limit, source = assignment.time_limit_minutes, {"assignment": assignment}
        tasks = assignment.items.count()
        purpose = Purpose.HOMEWORK
    else:
        if quiz.is_extended and not selectors.extended_access(actor):
            raise extended_refused()
        existing = (
            Submission.objects.filter(student=actor, quiz=quiz, assignment__isnull=True, submitted_at__isnull=True)
            .filter(Q(deadline_at__isnull=True) | Q(deadline_at__gt=now - grace()))
            .first()
        )
        if existing is not None:
            return existing
        limit, source = quiz.time_limit_minutes, {"quiz": quiz}
        tasks = quiz.items.count()
        purpose = Purpose.TEST
    slots = _slots(assignment=assignment, quiz=quiz)
    try:
        with transaction.atomic():
            submission = Submission.objects.create(
                student=actor,
                started_at=now,
                deadline_at=now + timedelta(minutes=limit) if limit else None,
                max_score=tasks,
                attempt_no=attempt_no,
                **source,
            )
            drawn = _issue(submission, slots, purpose)
            if drawn:
                submission.max_score = tasks + drawn
                submission.save(update_fields=["max_score"])
            audit_record(
                actor=actor,
                subject=actor,
                event_type="learning.submission_started",
                extra={
                    "submission": submission.pk,
                    "assignment": getattr(assignment, "pk", None),
                    "quiz": getattr(quiz, "pk", None),
                    "attempt": attempt_no,
                    "items": drawn,
                },
            )
    except IntegrityError:
        # Two clicks at once: the other request opened it.
        return Submission.objects.get(student=actor, assignment=assignment, attempt_no=attempt_no)
    return submission


# --- Answers saved as they are typed ------------------------------------------------------


def _fields(submission: Submission) -> tuple[dict, dict]:
    """The sitting's answer fields: {"task_<id>": Task} and {"item_<uuid>": SubmissionItem}."""
    tasks = {f"task_{t.pk}": t for t in selectors.submission_tasks(submission=submission)}
    items = {i.field_name: i for i in submission.items.select_related("instance__template", "instance__skill")}
    return tasks, items


def _field_name(key: str, tasks: dict, items: dict) -> str | None:
    # API clients may send bare task ids ("12") or item ids ("<uuid>"); forms send field names.
    key = str(key)
    for name in (key, f"task_{key}", f"item_{key}"):
        if name in tasks or name in items:
            return name
    return None


def _clean_answers(answers: dict | None, tasks: dict, items: dict) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for key, value in (answers or {}).items():
        name = _field_name(key, tasks, items)
        if name is None:
            raise ValidationError({"answers": [_("Answer only the tasks of this test or homework.")]})
        if isinstance(value, str) and len(value) > ANSWER_MAX_LENGTH:
            raise ValidationError(
                {
                    name: [
                        _("The answer is too long: at most %(limit)s characters. Type only the answer.")
                        % {"limit": ANSWER_MAX_LENGTH}
                    ]
                }
            )
        if isinstance(value, list | tuple):
            value = [str(v)[:40] for v in value][:20]
        elif value is not None and not isinstance(value, str | int | float):
            raise ValidationError({name: [_('Send each answer as text, for example "12" or "3/4".')]})
        cleaned[name] = value
    return cleaned


def _refusal(submission: Submission, now: datetime) -> ValidationError | None:
    if submission.submitted_at is not None:
        return ValidationError({"__all__": [_("You already submitted this. Your result is below.")]})
    if submission.deadline_at is not None and submission.deadline_at + grace() < now:
        return ValidationError(
            {
                "__all__": [
                    _(
                        "Time is up: the time limit ended at %(end)s, so these answers were not accepted. "
                        "The answers saved by then were submitted."
                    )
                    % {"end": local_time(submission.deadline_at)}
                ]
            }
        )
    if submission.assignment_id and submission.assignment.due_at + grace() < now:
        return _due_passed_error(submission.assignment)
    return None


def submission_drafts_save(*, actor, submission: Submission, answers: dict) -> Submission:
    """Keep the answers typed so far (merged into the saved ones; empty clears one). Saved
    answers are what is submitted if time runs out; nothing is judged yet."""
    if submission.student_id != actor.pk:
        raise ValidationError({"__all__": [_("You can only submit your own work.")]})
    now = timezone.now()
    tasks, items = _fields(submission)
    cleaned = _clean_answers(answers, tasks, items)
    with transaction.atomic():
        locked = Submission.objects.select_for_update(of=("self",)).select_related("assignment").get(pk=submission.pk)
        refusal = _refusal(locked, now)
        if refusal is not None:
            raise refusal
        drafts = dict(locked.drafts or {})
        for name, value in cleaned.items():
            if is_blank(value):
                drafts.pop(name, None)
            else:
                drafts[name] = value
        if len(drafts) > DRAFT_MAX_FIELDS:
            raise ValidationError({"answers": [_("Answer only the tasks of this test or homework.")]})
        locked.drafts, locked.drafts_saved_at = drafts, now
        locked.save(update_fields=["drafts", "drafts_saved_at"])
    submission.drafts, submission.drafts_saved_at = locked.drafts, locked.drafts_saved_at
    return submission


# --- Submit -------------------------------------------------------------------------------


def _parse_tasks(tasks: dict, answers: dict, *, strict: bool) -> tuple[dict[str, dict], dict[str, list]]:
    parsed, errors = {}, {}
    for name, task in tasks.items():
        raw = answers.get(name)
        if is_blank(raw):
            continue
        try:
            parsed[name] = answer_parse(task, raw)
        except ValidationError as exc:
            if strict:
                errors[name] = exc.messages
    return parsed, errors


def _check_items(items: dict, answers: dict, language: str) -> dict[str, list]:
    errors = {}
    for name, item in items.items():
        raw = answers.get(name)
        if is_blank(raw):
            continue
        verdict = sitting_item_check(instance=item.instance, raw=str(raw), language=language)
        if verdict.status == Result.INVALID:
            errors[name] = [
                verdict.message or _("We could not read this answer. Check how it is written and try again.")
            ]
    return errors


def _grade(submission: Submission, answers: dict, *, now: datetime, automatically: bool) -> Submission:
    """Judge everything at once and close the sitting (inside the caller's transaction)."""
    tasks, items = _fields(submission)
    parsed, _errors = _parse_tasks(tasks, answers, strict=False)
    task_language, language = content_language(), _language()
    attempts = [
        Attempt(
            student=submission.student,
            task=tasks[name],
            submission=submission,
            answer=answer,
            is_correct=answer_is_correct(tasks[name], answer),
            language=task_language,
            created_at=now,
        )
        for name, answer in parsed.items()
    ]
    Attempt.objects.bulk_create(attempts)
    right = sum(1 for a in attempts if a.is_correct)
    for name, item in items.items():
        raw = answers.get(name)
        closed = sitting_item_close(
            student=submission.student,
            instance=item.instance,
            raw="" if is_blank(raw) else str(raw),
            language=language,
            at=now,
        )
        right += closed.result == Result.RIGHT
    submission.score = right
    submission.max_score = len(tasks) + len(items)
    submission.submitted_at = now
    submission.closed_automatically = automatically
    submission.save(update_fields=["score", "max_score", "submitted_at", "closed_automatically"])
    audit_record(
        actor=None if automatically else submission.student,
        subject=submission.student,
        event_type="learning.submitted",
        extra={
            "submission": submission.pk,
            "answered": len(attempts) + sum(1 for n in items if not is_blank(answers.get(n))),
            "automatically": automatically,
        },
    )
    return submission


def submission_close(*, submission: Submission, now: datetime | None = None) -> Submission | None:
    """Submit what was saved of a sitting whose time ran out (idempotent: None if it was closed)."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = (
            Submission.objects.select_for_update(of=("self",))
            .select_related("assignment", "student")
            .filter(pk=submission.pk)
            .first()
        )
        if locked is None or locked.submitted_at is not None or locked.student_id is None:
            return None
        return _grade(locked, dict(locked.drafts or {}), now=now, automatically=True)


def submission_submit(*, actor, submission: Submission, answers: dict) -> Submission:
    """Grade all answers at once (the typed ones over the saved ones). Unanswered items count
    as wrong; an unreadable answer, an answer of the wrong type, a second submission or an
    answer to another sitting's task is refused and nothing is stored. After the time is up
    the answers sent now are refused, and those saved in time are submitted."""
    if submission.student_id != actor.pk:
        raise ValidationError({"__all__": [_("You can only submit your own work.")]})
    now = timezone.now()
    refusal = _refusal(submission, now)
    if refusal is not None:
        if submission.submitted_at is None and submission_time_is_up(submission, now):
            submission_close(submission=submission, now=now)
            submission.refresh_from_db()
        raise refusal
    tasks, items = _fields(submission)
    cleaned = _clean_answers(answers, tasks, items)
    merged = {**(submission.drafts or {}), **cleaned}
    _parsed, errors = _parse_tasks(tasks, merged, strict=True)
    errors.update(_check_items(items, merged, _language()))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = Submission.objects.select_for_update().get(pk=submission.pk)
        if locked.submitted_at is not None:
            raise ValidationError({"__all__": [_("You already submitted this. Your result is below.")]})
        locked.drafts = merged
        _grade(locked, merged, now=now, automatically=False)
        Submission.objects.filter(pk=locked.pk).update(drafts=merged)
    submission.refresh_from_db()
    return submission


def submissions_close_expired(*, now: datetime | None = None) -> int:
    """The periodic close: every open sitting whose time limit or due date passed (with the
    grace) is submitted with its saved answers. Returns how many were closed."""
    now = now or timezone.now()
    cutoff = now - grace()
    expired = Submission.objects.filter(submitted_at__isnull=True, student__isnull=False).filter(
        Q(deadline_at__lt=cutoff) | Q(assignment__due_at__lt=cutoff)
    )
    closed = 0
    for submission in expired.only("pk").iterator(chunk_size=200):
        if submission_close(submission=submission, now=now) is not None:
            closed += 1
    return closed


def task_in_open_sitting(*, student, task_id: int) -> bool:
    """Whether the task is part of one of the student's open tests or homework."""
    return task_id in selectors.tasks_in_open_sittings(student=student)
