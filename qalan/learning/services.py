"""Learning writes: practice answers, test and homework submissions, homework, entitlements and
the parents' weekly digest. Each validates, writes and audits in one transaction; bad input
raises ``ValidationError`` keyed by field and stores nothing.
"""

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from qalan.accounts.models import Role
from qalan.audit.services import audit_record
from qalan.learning import selectors
from qalan.learning.grading import answer_is_correct, answer_parse
from qalan.learning.models import (
    Assignment,
    AssignmentItem,
    Attempt,
    DigestLog,
    Entitlement,
    Quiz,
    Submission,
    Task,
    content_language,
)
from qalan.notify.models import OutboxMessage
from qalan.notify.services import message_queue
from qalan.schools.models import Membership, ParentLink, SchoolClass

ASSIGNMENT_MAX_TASKS = 50


def _extended_refused() -> ValidationError:
    return ValidationError(
        {"task": [_("This task is part of the extended content. Ask your school about extended access.")]}
    )


def _is_blank(raw: Any) -> bool:
    return raw is None or raw == "" or raw == [] or (isinstance(raw, str) and not raw.strip())


# --- Practice -----------------------------------------------------------------------------


def attempt_practise(*, actor, task: Task, answer: Any) -> Attempt:
    """Check one practice answer and store it (P3.1.c); the caller shows the feedback and the
    explanation. ``task.choices`` should be prefetched."""
    if not selectors.task_can_open(viewer=actor, task=task):
        raise _extended_refused()
    try:
        parsed = answer_parse(task, answer)
    except ValidationError as exc:
        raise ValidationError({"answer": exc.messages}) from None
    with transaction.atomic():
        attempt = Attempt.objects.create(
            student=actor,
            task=task,
            answer=parsed,
            is_correct=answer_is_correct(task, parsed),
            language=content_language(),
            created_at=timezone.now(),
        )
        audit_record(actor=actor, subject=actor, event_type="learning.answered", extra={"task": task.pk, "attempt": attempt.pk})
    return attempt


# --- Tests and homework -------------------------------------------------------------------


def _grace() -> timedelta:
    return timedelta(seconds=settings.QALAN_TEST_GRACE_SECONDS)


def _local_time(moment: datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def _due_passed_error(assignment: Assignment) -> ValidationError:
    return ValidationError(
        {"__all__": [
            _("The due date (%(due)s) has passed, so this homework can no longer be submitted. Ask your teacher if you need more time.")
            % {"due": _local_time(assignment.due_at)}
        ]}
    )


def submission_start(*, actor, assignment: Assignment | None = None, quiz: Quiz | None = None) -> Submission:
    """Open a homework or a test. Idempotent: an open sitting is returned, not duplicated.
    A timed one gets its deadline now."""
    if not actor.has_role(Role.STUDENT):
        raise ValidationError({"__all__": [_("Only students take tests and do homework. Sign in with a student account.")]})
    now = timezone.now()
    if assignment is not None:
        existing = Submission.objects.filter(student=actor, assignment=assignment).first()
        if existing is not None:
            return existing
        if assignment.due_at + _grace() < now:
            raise _due_passed_error(assignment)
        if not Membership.objects.filter(school_class_id=assignment.school_class_id, student=actor, ended_at__isnull=True).exists():
            raise ValidationError({"__all__": [_("This homework is for another class.")]})
        limit, source = assignment.time_limit_minutes, {"assignment": assignment}
        max_score = assignment.items.count()
    else:
        if quiz.is_extended and not selectors.extended_access(actor):
            raise _extended_refused()
        existing = (
            Submission.objects.filter(student=actor, quiz=quiz, assignment__isnull=True, submitted_at__isnull=True)
            .filter(Q(deadline_at__isnull=True) | Q(deadline_at__gt=now - _grace()))
            .first()
        )
        if existing is not None:
            return existing
        limit, source = quiz.time_limit_minutes, {"quiz": quiz}
        max_score = quiz.items.count()
    try:
        with transaction.atomic():
            submission = Submission.objects.create(
                student=actor,
                started_at=now,
                deadline_at=now + timedelta(minutes=limit) if limit else None,
                max_score=max_score,
                **source,
            )
            audit_record(
                actor=actor,
                subject=actor,
                event_type="learning.submission_started",
                extra={"submission": submission.pk, "assignment": getattr(assignment, "pk", None), "quiz": getattr(quiz, "pk", None)},
            )
    except IntegrityError:
        # Two clicks at once: the other request opened it.
        return Submission.objects.get(student=actor, assignment=assignment)
    return submission


def _submission_refusal(submission: Submission, now: datetime) -> ValidationError | None:
    if submission.submitted_at is not None:
        return ValidationError({"__all__": [_("You already submitted this. Your result is below.")]})
    if submission.deadline_at is not None and submission.deadline_at + _grace() < now:
        return ValidationError(
            {"__all__": [
                _("Time is up: the time limit ended at %(end)s, so these answers were not accepted.")
                % {"end": _local_time(submission.deadline_at)}
            ]}
        )
    if submission.assignment_id and submission.assignment.due_at + _grace() < now:
        return _due_passed_error(submission.assignment)
    return None


def submission_submit(*, actor, submission: Submission, answers: dict) -> Submission:
    """Grade all answers at once. Unanswered tasks count as wrong; an answer of the wrong type,
    a late submission or a second one is refused and nothing is stored."""
    if submission.student_id != actor.pk:
        raise ValidationError({"__all__": [_("You can only submit your own work.")]})
    now = timezone.now()
    refusal = _submission_refusal(submission, now)
    if refusal is not None:
        raise refusal
    tasks = {t.pk: t for t in selectors.submission_tasks(submission=submission)}
    answers = {str(k): v for k, v in (answers or {}).items()}
    unknown = [k for k in answers if not k.isdigit() or int(k) not in tasks]
    if unknown:
        raise ValidationError({"answers": [_("Answer only the tasks of this test or homework.")]})
    parsed: dict[int, dict] = {}
    errors: dict[str, list] = {}
    for task_id, task in tasks.items():
        raw = answers.get(str(task_id))
        if _is_blank(raw):
            continue
        try:
            parsed[task_id] = answer_parse(task, raw)
        except ValidationError as exc:
            errors[f"task_{task_id}"] = exc.messages
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = Submission.objects.select_for_update().get(pk=submission.pk)
        if locked.submitted_at is not None:
            raise ValidationError({"__all__": [_("You already submitted this. Your result is below.")]})
        language = content_language()
        attempts = [
            Attempt(
                student=actor,
                task=tasks[task_id],
                submission=submission,
                answer=answer,
                is_correct=answer_is_correct(tasks[task_id], answer),
                language=language,
                created_at=now,
            )
            for task_id, answer in parsed.items()
        ]
        Attempt.objects.bulk_create(attempts)
        submission.score = sum(1 for a in attempts if a.is_correct)
        submission.max_score = len(tasks)
        submission.submitted_at = now
        submission.save(update_fields=["score", "max_score", "submitted_at"])
        audit_record(
            actor=actor,
            subject=actor,
            event_type="learning.submitted",
            extra={"submission": submission.pk, "answered": len(attempts)},
        )
    return submission


# --- Homework (teachers) ------------------------------------------------------------------


def _assignment_tasks_clean(*, actor, task_ids, quiz: Quiz | None) -> list[Task]:
    if quiz is not None:
        return selectors.quiz_tasks(quiz=quiz)
    try:
        ids = list(dict.fromkeys(int(t) for t in (task_ids or [])))
    except (TypeError, ValueError):
        raise ValidationError({"tasks": [_("Choose tasks from the list.")]}) from None
    if not ids:
        raise ValidationError({"tasks": [_("Choose at least one task, or a test.")]})
    if len(ids) > ASSIGNMENT_MAX_TASKS:
        raise ValidationError(
            {
                "tasks": [
                    ngettext(
                        "Homework has at most %(max)s task.", "Homework has at most %(max)s tasks.", ASSIGNMENT_MAX_TASKS
                    )
                    % {"max": ASSIGNMENT_MAX_TASKS}
                ]
            }
        )
    found = selectors.tasks_published().in_bulk(ids)
    if len(found) != len(ids):
        raise ValidationError({"tasks": [_("Some chosen tasks no longer exist. Reload the page and choose again.")]})
    return [found[i] for i in ids]


def assignment_create(
    *,
    actor,
    school_class: SchoolClass,
    title: str,
    due_at: datetime | None,
    task_ids=None,
    quiz: Quiz | None = None,
    time_limit_minutes: int | None = None,
) -> Assignment:
    """Set homework for a class and tell its students (in-app)."""
    errors: dict[str, list] = {}
    if school_class.teacher_id != actor.pk:
        raise ValidationError({"__all__": [_("Only the class's teacher can set its homework.")]})
    title = (title or "").strip()
    if not title:
        errors["title"] = [_("Give the homework a title, for example Fractions, exercise 3.")]
    elif len(title) > 200:
        errors["title"] = [_("A title has at most 200 characters.")]
    if due_at is None:
        errors["due_at"] = [_("Choose the due date and time.")]
    elif due_at <= timezone.now():
        errors["due_at"] = [_("Choose a due date in the future.")]
    if time_limit_minutes is not None and not 1 <= int(time_limit_minutes) <= 300:
        errors["time_limit_minutes"] = [_("A time limit is from 1 to 300 minutes, or empty for none.")]
    tasks: list[Task] = []
    try:
        tasks = _assignment_tasks_clean(actor=actor, task_ids=task_ids, quiz=quiz)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if tasks and any(t.is_extended for t in tasks) and not selectors.extended_access(actor):
        errors["tasks"] = [_("Some tasks are extended content. Remove them, or ask your school about extended access.")]
    if errors:
        raise ValidationError(errors)
    if time_limit_minutes is None and quiz is not None:
        time_limit_minutes = quiz.time_limit_minutes
    with transaction.atomic():
        assignment = Assignment.objects.create(
            school_class=school_class,
            created_by=actor,
            title=title,
            quiz=quiz,
            due_at=due_at,
            time_limit_minutes=time_limit_minutes,
        )
        AssignmentItem.objects.bulk_create(
            [AssignmentItem(assignment=assignment, task=task, order=i) for i, task in enumerate(tasks)]
        )
        students = Membership.objects.filter(school_class=school_class, ended_at__isnull=True).select_related("student")
        for membership in students:
            message_queue(
                user=membership.student,
                channel=OutboxMessage.Channel.INAPP,
                subject=_("New homework: %(title)s") % {"title": title[:150]},
                body=_("Your teacher set homework for %(class)s, due %(due)s. Open My learning to start it.")
                % {"class": school_class.name, "due": _local_time(due_at)},
            )
        audit_record(
            actor=actor,
            subject=actor,
            event_type="homework.created",
            extra={"assignment": assignment.pk, "class": school_class.pk, "tasks": len(tasks)},
        )
    return assignment


def assignment_due_change(*, actor, assignment: Assignment, due_at: datetime | None) -> Assignment:
    if assignment.school_class.teacher_id != actor.pk:
        raise ValidationError({"__all__": [_("Only the class's teacher can change its homework.")]})
    if due_at is None or due_at <= timezone.now():
        raise ValidationError({"due_at": [_("Choose a due date in the future.")]})
    with transaction.atomic():
        assignment.due_at = due_at
        assignment.save(update_fields=["due_at"])
        audit_record(actor=actor, subject=actor, event_type="homework.due_changed", extra={"assignment": assignment.pk})
    return assignment


def assignment_delete(*, actor, assignment: Assignment) -> None:
    """Only homework nobody has started: students' results are never deleted behind their back."""
    if assignment.school_class.teacher_id != actor.pk:
        raise ValidationError({"__all__": [_("Only the class's teacher can delete its homework.")]})
    if assignment.submissions.exists():
        raise ValidationError(
            {"__all__": [_("Students have already started this homework, so it cannot be deleted. Change its due date instead.")]}
        )
    with transaction.atomic():
        pk = assignment.pk
        assignment.delete()
        audit_record(actor=actor, subject=actor, event_type="homework.deleted", extra={"assignment": pk})


# --- Entitlements (until billing exists) ---------------------------------------------------


def entitlement_grant(
    *,
    actor,
    user,
    reason: str,
    days: int | None = None,
    starts_at: datetime | None = None,
    ends_at: datetime | None = None,
) -> Entitlement:
    """Open extended content to a user, for ``days`` or until ``ends_at`` (or with no end)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Say why access is granted, for example: school licence.")]})
    if days is not None and days < 1:
        raise ValidationError({"days": [_("Grant at least one day, or leave the period empty for no end.")]})
    starts_at = starts_at or timezone.now()
    if days:
        ends_at = starts_at + timedelta(days=days)
    if ends_at is not None and ends_at <= starts_at:
        raise ValidationError({"ends_at": [_("The end must come after the start.")]})
    with transaction.atomic():
        entitlement = Entitlement.objects.create(
            user=user, granted_by=actor, reason=reason[:200], starts_at=starts_at, ends_at=ends_at
        )
        audit_record(actor=actor, subject=user, event_type="entitlement.granted", extra={"entitlement": entitlement.pk})
    return entitlement


def entitlement_revoke(*, actor, entitlement: Entitlement) -> Entitlement:
    if entitlement.revoked_at is not None:
        return entitlement
    with transaction.atomic():
        entitlement.revoked_at = timezone.now()
        entitlement.save(update_fields=["revoked_at"])
        audit_record(
            actor=actor, subject=entitlement.user, event_type="entitlement.revoked", extra={"entitlement": entitlement.pk}
        )
    return entitlement


# --- The parents' weekly digest (P4.1.c) ---------------------------------------------------


def week_start(day=None):
    day = day or timezone.localdate()
    return day - timedelta(days=day.weekday())


def digest_compose(*, parent) -> tuple[str, str]:
    """Subject and body of a parent's weekly digest, in the parent's language."""
    lines = []
    for child in selectors.children_overview(viewer=parent):
        if not child.disclosed:
            lines.append(
                _("%(name)s: has withdrawn consent to show learning results to parents, so we cannot report on them.")
                % {"name": child.name}
            )
            continue
        week = selectors.child_week(child_id=child.child_id)
        accuracy = child.accuracy_week_percent
        lines.append(
            ngettext(
                "%(name)s: %(answers)s answer this week%(accuracy)s; homework submitted: %(done)s, missed: %(missed)s, "
                "still open: %(open)s.",
                "%(name)s: %(answers)s answers this week%(accuracy)s; homework submitted: %(done)s, missed: %(missed)s, "
                "still open: %(open)s.",
                child.attempts_week,
            )
            % {
                "name": child.name,
                "answers": child.attempts_week,
                "accuracy": (_(" (%(percent)s%% correct)") % {"percent": accuracy}) if accuracy is not None else "",
                "done": week["submitted"],
                "missed": week["missed"],
                "open": child.homework_open,
            }
        )
    body = "\n".join(
        [
            _("Hello! Here is this week on Qalan."),
            "",
            *lines,
            "",
            _("See the details in Qalan under My children. You get this digest because your account is linked to your child's."),
        ]
    )
    return _("Qalan: your child's week"), body


def digest_send(*, parent, week=None) -> DigestLog | None:
    """Queue one parent's digest for the week, unless it was already sent."""
    week = week or week_start()
    if DigestLog.objects.filter(parent=parent, week_start=week).exists():
        return None
    language = getattr(parent.profile, "language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        subject, body = digest_compose(parent=parent)
    channel = OutboxMessage.Channel.EMAIL if parent.email else OutboxMessage.Channel.INAPP
    try:
        with transaction.atomic():
            message = message_queue(
                user=parent, channel=channel, recipient=parent.email, subject=subject, body=body, kind=OutboxMessage.Kind.SERVICE
            )
            log = DigestLog.objects.create(parent=parent, week_start=week, message=message)
            audit_record(actor=None, subject=parent, event_type="digest.queued", extra={"digest": log.pk, "channel": channel})
    except IntegrityError:
        return None
    return log


def digest_send_weekly(*, week=None) -> int:
    """Every parent with a linked child gets this week's digest once; returns how many were queued."""
    week = week or week_start()
    parents = (
        ParentLink.objects.filter(ended_at__isnull=True, parent__is_active=True)
        .values_list("parent_id", flat=True)
        .distinct()
    )
    sent = 0
    for parent in get_user_model().objects.filter(pk__in=parents).select_related("profile").iterator(chunk_size=200):
        if digest_send(parent=parent, week=week) is not None:
            sent += 1
    return sent
