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
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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
    ResultRule,
    SkillSlot,
    Task,
    content_language,
)
from qalan.learning.sittings import (  # noqa: F401  (the sittings API, re-exported)
    extended_refused,
    local_time,
    submission_close,
    submission_drafts_save,
    submission_start,
    submission_submit,
    submissions_close_expired,
)
from qalan.notify.models import OutboxMessage
from qalan.notify.services import message_queue
from qalan.schools.models import Membership, ParentLink, SchoolClass
from qalan.trainer import selectors as trainer_selectors

ASSIGNMENT_MAX_TASKS = 50


# --- Practice -----------------------------------------------------------------------------


def attempt_practise(*, actor, task: Task, answer: Any) -> Attempt:
    """Check one practice answer and store it (P3.1.c); the caller shows the feedback and the
    explanation. ``task.choices`` should be prefetched."""
    if not selectors.task_can_open(viewer=actor, task=task):
        raise extended_refused()
    if task.pk in selectors.tasks_in_open_sittings(student=actor):
        raise ValidationError(
            {
                "task": [
                    _(
                        "This task is part of your open test or homework. Answer it there; practise it here after you submit."
                    )
                ]
            }
        )
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
        audit_record(
            actor=actor, subject=actor, event_type="learning.answered", extra={"task": task.pk, "attempt": attempt.pk}
        )
    return attempt


# The sittings of tests and homework (start, autosave, submit, close on time-out) live in
# ``qalan.learning.sittings``.


# --- Homework (teachers) ------------------------------------------------------------------


def _assignment_tasks_clean(*, actor, task_ids, quiz: Quiz | None, pooled: bool = False) -> list[Task]:
    if quiz is not None:
        return selectors.quiz_tasks(quiz=quiz)
    try:
        ids = list(dict.fromkeys(int(t) for t in (task_ids or [])))
    except (TypeError, ValueError):
        raise ValidationError({"tasks": [_("Choose tasks from the list.")]}) from None
    if not ids:
        if pooled:
            return []
        raise ValidationError({"tasks": [_("Choose at least one task, a test, or skills from the trainer.")]})
    if len(ids) > ASSIGNMENT_MAX_TASKS:
        raise ValidationError(
            {
                "tasks": [
                    ngettext(
                        "Homework has at most %(max)s task.",
                        "Homework has at most %(max)s tasks.",
                        ASSIGNMENT_MAX_TASKS,
                    )
                    % {"max": ASSIGNMENT_MAX_TASKS}
                ]
            }
        )
    found = selectors.tasks_published().in_bulk(ids)
    if len(found) != len(ids):
        raise ValidationError({"tasks": [_("Some chosen tasks no longer exist. Reload the page and choose again.")]})
    return [found[i] for i in ids]


ASSIGNMENT_MAX_SKILLS = 10


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _skills_clean(codes) -> list:
    """Trainer skills by code (active ones with items), in the order chosen."""
    codes = list(dict.fromkeys(str(c).strip() for c in (codes or []) if str(c).strip()))
    if not codes:
        return []
    if len(codes) > ASSIGNMENT_MAX_SKILLS:
        raise ValidationError(
            {
                "skills": [
                    ngettext("Choose at most %(max)s skill.", "Choose at most %(max)s skills.", ASSIGNMENT_MAX_SKILLS)
                    % {"max": ASSIGNMENT_MAX_SKILLS}
                ]
            }
        )
    found = {s.code: s for s in trainer_selectors.skills_with_items(codes=codes)}
    if len(found) != len(codes):
        raise ValidationError(
            {"skills": [_("Some chosen skills do not exist or have no items yet. Reload the page and choose again.")]}
        )
    return [found[c] for c in codes]


def assignment_create(
    *,
    actor,
    school_class: SchoolClass,
    title: str,
    due_at: datetime | None,
    task_ids=None,
    quiz: Quiz | None = None,
    time_limit_minutes: int | None = None,
    skill_codes=None,
    items_per_skill: int = 3,
    difficulty: int = 1,
    max_attempts: int = 1,
    result_rule: str = ResultRule.BEST,
) -> Assignment:
    """Set homework for a class and tell its students (in-app). Besides fixed tasks (or a
    test's), homework may draw ``items_per_skill`` fresh trainer items of each chosen skill
    for every student (pools), and allow ``max_attempts`` sittings."""
    errors: dict[str, list] = {}
    skills = []
    try:
        skills = _skills_clean(skill_codes)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if not 1 <= _int(items_per_skill) <= 10:
        errors["items_per_skill"] = [_("Choose from 1 to 10 items per skill.")]
    if not 1 <= _int(difficulty) <= 3:
        errors["difficulty"] = [_("Choose a difficulty from 1 to 3.")]
    if not 1 <= _int(max_attempts) <= 5:
        errors["max_attempts"] = [_("Allow from 1 to 5 attempts.")]
    if result_rule not in ResultRule.values:
        errors["result_rule"] = [_("Choose which attempt counts: the best or the last.")]
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
        tasks = _assignment_tasks_clean(actor=actor, task_ids=task_ids, quiz=quiz, pooled=bool(skills or skill_codes))
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if tasks and any(t.is_extended for t in tasks) and not selectors.extended_access(actor):
        errors["tasks"] = [_("Some tasks are extended content. Remove them, or ask your school about extended access.")]
    if any(skill.is_extended for skill in skills) and not selectors.extended_access(actor):
        errors["skills"] = [
            _("Some skills are extended content. Remove them, or ask your school about extended access.")
        ]
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
            max_attempts=int(max_attempts),
            result_rule=result_rule,
        )
        AssignmentItem.objects.bulk_create(
            [AssignmentItem(assignment=assignment, task=task, order=i) for i, task in enumerate(tasks)]
        )
        SkillSlot.objects.bulk_create(
            [
                SkillSlot(
                    assignment=assignment, skill=skill, count=int(items_per_skill), difficulty=int(difficulty), order=i
                )
                for i, skill in enumerate(skills)
            ]
        )
        students = Membership.objects.filter(school_class=school_class, ended_at__isnull=True).select_related("student")
        for membership in students:
            message_queue(
                user=membership.student,
                channel=OutboxMessage.Channel.INAPP,
                subject=_("New homework: %(title)s") % {"title": title[:150]},
                body=_("Your teacher set homework for %(class)s, due %(due)s. Open My learning to start it.")
                % {"class": school_class.name, "due": local_time(due_at)},
            )
        audit_record(
            actor=actor,
            subject=actor,
            event_type="homework.created",
            extra={"assignment": assignment.pk, "class": school_class.pk, "tasks": len(tasks), "skills": len(skills)},
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
            {
                "__all__": [
                    _(
                        "Students have already started this homework, so it cannot be deleted. Change its due date instead."
                    )
                ]
            }
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
            actor=actor,
            subject=entitlement.user,
            event_type="entitlement.revoked",
            extra={"entitlement": entitlement.pk},
        )
    return entitlement


# --- The parents' weekly digest (P4.1.c) ---------------------------------------------------


def week_start(day=None):
    day = day or timezone.localdate()
    return day - timedelta(days=day.weekday())


def digest_compose(*, parent) -> tuple[str, str, list[int]]:
    """Subject and body of a parent's weekly digest, in the parent's language, and the ids of
    the children it names."""
    lines = []
    children = list(selectors.children_overview(viewer=parent))
    for child in children:
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
            _(
                "See the details in Qalan under My children. You get this digest because your account is linked to your child's."
            ),
        ]
    )
    return _("Qalan: your child's week"), body, [child.child_id for child in children]


def digest_send(*, parent, week=None) -> DigestLog | None:
    """Queue one parent's digest for the week, unless it was already sent."""
    week = week or week_start()
    if DigestLog.objects.filter(parent=parent, week_start=week).exists():
        return None
    language = getattr(parent.profile, "language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        subject, body, child_ids = digest_compose(parent=parent)
    channel = OutboxMessage.Channel.EMAIL if parent.email else OutboxMessage.Channel.INAPP
    try:
        with transaction.atomic():
            message = message_queue(
                user=parent,
                channel=channel,
                recipient=parent.email,
                subject=subject,
                body=body,
                kind=OutboxMessage.Kind.SERVICE,
                about=get_user_model().objects.filter(pk__in=child_ids),
            )
            log = DigestLog.objects.create(parent=parent, week_start=week, message=message)
            audit_record(
                actor=None, subject=parent, event_type="digest.queued", extra={"digest": log.pk, "channel": channel}
            )
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
