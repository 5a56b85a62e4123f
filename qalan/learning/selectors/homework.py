"""Learning reads: homework and the sittings of tests and homework."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone

from qalan.learning.models import (
    Assignment,
    AssignmentItem,
    Attempt,
    Quiz,
    QuizItem,
    Submission,
    SubmissionItem,
    Task,
)
from qalan.learning.selectors.content import _choices_prefetch
from qalan.schools import selectors as school_selectors
from qalan.schools.models import Membership, SchoolClass

# --- Homework -----------------------------------------------------------------------------


def _my_submission(student) -> Subquery:
    return Submission.objects.filter(student=student, assignment=OuterRef("pk"))


def homework_for_student(*, student, include_past_days: int = 14) -> QuerySet[Assignment]:
    """Homework of the student's current classes: open first, then recently due; each with the
    student's submission state (``submitted_at``, ``score``, ``max_score``, ``started``)."""
    since = timezone.now() - timedelta(days=include_past_days)
    mine = _my_submission(student)
    return (
        Assignment.objects.filter(
            school_class__memberships__student=student,
            school_class__memberships__ended_at__isnull=True,
            due_at__gte=since,
        )
        .select_related("school_class")
        .annotate(
            task_count=Count("items", distinct=True),
            my_submitted_at=Subquery(mine.values("submitted_at")[:1]),
            my_score=Subquery(mine.values("score")[:1]),
            my_max_score=Subquery(mine.values("max_score")[:1]),
            my_submission_id=Subquery(mine.values("pk")[:1]),
        )
        .order_by("due_at", "id")
    )


def assignment_get(*, viewer, assignment_id: int) -> Assignment:
    """Homework its class's teacher or one of its current students may open."""
    if not viewer.is_authenticated:
        raise Http404
    assignment = (
        Assignment.objects.select_related("school_class", "quiz")
        .filter(pk=assignment_id)
        .filter(
            Q(school_class__teacher=viewer)
            | Q(school_class__memberships__student=viewer, school_class__memberships__ended_at__isnull=True)
        )
        .distinct()
        .first()
    )
    if assignment is None:
        raise Http404
    return assignment


def assignment_tasks(*, assignment: Assignment) -> list[Task]:
    return list(
        Task.objects.filter(assignmentitem__assignment=assignment)
        .prefetch_related(_choices_prefetch())
        .order_by("assignmentitem__order", "assignmentitem__id")
    )


def quiz_tasks(*, quiz: Quiz) -> list[Task]:
    return list(
        Task.objects.filter(quizitem__quiz=quiz)
        .prefetch_related(_choices_prefetch())
        .order_by("quizitem__order", "quizitem__id")
    )


def submission_tasks(*, submission: Submission) -> list[Task]:
    if submission.assignment_id:
        return assignment_tasks(assignment=submission.assignment)
    return quiz_tasks(quiz=submission.quiz)


def tasks_in_open_sittings(*, student) -> set[int]:
    """Ids of the tasks of the student's open (not yet submitted) tests and homework: their
    answers are shown nowhere until the sitting is submitted."""
    if not getattr(student, "is_authenticated", False):
        return set()
    open_sittings = Submission.objects.filter(student=student, submitted_at__isnull=True)
    homework = AssignmentItem.objects.filter(assignment__submissions__in=open_sittings).values_list(
        "task_id", flat=True
    )
    tests = QuizItem.objects.filter(quiz__submissions__in=open_sittings.filter(assignment__isnull=True)).values_list(
        "task_id", flat=True
    )
    return set(homework) | set(tests)


def submission_items(*, submission: Submission) -> list[SubmissionItem]:
    """The sitting's trainer items in order, with what is needed to show them."""
    return list(submission.items.select_related("instance__template", "instance__skill"))


def submission_get(*, viewer, submission_id: int) -> Submission:
    """The viewer's own submission."""
    submission = (
        Submission.objects.select_related("assignment__school_class", "quiz")
        .filter(pk=submission_id, student=viewer)
        .first()
        if viewer.is_authenticated
        else None
    )
    if submission is None:
        raise Http404
    return submission


def submission_attempts(*, submission: Submission) -> dict[int, Attempt]:
    return {a.task_id: a for a in submission.attempts.all()}


def assignments_for_class(*, viewer, school_class: SchoolClass) -> QuerySet[Assignment]:
    """The class's homework, for its teacher or its students."""
    if not (
        school_selectors.is_teacher_of(teacher=viewer, school_class=school_class)
        or Membership.objects.filter(school_class=school_class, student=viewer, ended_at__isnull=True).exists()
    ):
        raise Http404
    return (
        Assignment.objects.filter(school_class=school_class)
        .annotate(task_count=Count("items", distinct=True))
        .order_by("-due_at", "-id")
    )
