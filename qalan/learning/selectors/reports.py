"""Learning reads: the class leaderboard, the teacher's board and per-student view, the parent's overview."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet
from django.utils import timezone

from qalan.learning.models import (
    Assignment,
    Attempt,
    ResultRule,
    Submission,
)
from qalan.learning.selectors.progress import Progress, disclosure_map, history_for, progress_for, submissions_for
from qalan.schools import selectors as school_selectors
from qalan.schools.models import Membership, SchoolClass

# --- The class leaderboard (P6.5) ---------------------------------------------------------


@dataclass
class LeaderboardRow:
    student_id: int
    name: str
    correct: int
    answers: int
    is_viewer: bool


def class_leaderboard(*, viewer, class_id: int, days: int = 7, limit: int = 10) -> list[LeaderboardRow]:
    """Correct answers of the class in the last ``days``, for its teacher and students.

    Students who restrict dissemination are left out for everyone but themselves (P6.5).
    Three queries whatever the size of the class.
    """
    school_class = school_selectors.class_get(viewer=viewer, class_id=class_id)
    members = (
        Membership.objects.filter(school_class=school_class, ended_at__isnull=True)
        .filter(Q(student__profile__restrict_dissemination=False) | Q(student=viewer))
        .values("student_id")
    )
    since = timezone.now() - timedelta(days=days)
    rows = (
        Attempt.objects.filter(student_id__in=members, created_at__gte=since)
        .values("student_id", "student__username", "student__profile__full_name")
        .annotate(correct=Count("id", filter=Q(is_correct=True)), answers=Count("id"))
        .order_by("-correct", "-answers", "student__profile__full_name")[:limit]
    )
    return [
        LeaderboardRow(
            student_id=row["student_id"],
            name=row["student__profile__full_name"] or row["student__username"],
            correct=row["correct"],
            answers=row["answers"],
            is_viewer=row["student_id"] == viewer.pk,
        )
        for row in rows
    ]


# --- The teacher's board and per-student view (P5.4.b) -----------------------------------


@dataclass
class BoardCell:
    status: str  # "submitted", "started", "missed", "open"
    percent: int | None = None


@dataclass
class BoardRow:
    student_id: int
    name: str
    disclosed: bool
    cells: list[BoardCell | None]
    submitted: int = 0


@dataclass
class BoardColumn:
    assignment: Assignment
    submitted: int = 0
    percents: list[int] = field(default_factory=list)

    @property
    def average_percent(self) -> int | None:
        return round(sum(self.percents) / len(self.percents)) if self.percents else None


@dataclass
class Board:
    school_class: SchoolClass
    columns: list[BoardColumn]
    rows: list[BoardRow]


def counting_sitting(sittings: list[dict], rule: str) -> dict | None:
    """The sitting whose result counts, by the homework's retake rule: of the submitted ones the
    best (ties: the later) or the last; while none is submitted, the latest one."""
    done = [s for s in sittings if s["submitted_at"]]
    if not done:
        return max(sittings, key=lambda s: s["attempt_no"], default=None)
    if rule == ResultRule.LAST:
        return max(done, key=lambda s: s["attempt_no"])
    return max(done, key=lambda s: ((s["score"] or 0) / (s["max_score"] or 1), s["attempt_no"]))


def _cell(submission: dict | None, assignment: Assignment, now: datetime) -> BoardCell:
    if submission and submission["submitted_at"]:
        percent = round(100 * submission["score"] / submission["max_score"]) if submission["max_score"] else None
        return BoardCell("submitted", percent)
    if assignment.due_at < now:
        return BoardCell("missed")
    return BoardCell("started" if submission else "open")


def class_board(*, viewer, class_id: int) -> Board:
    """Class x homework: completion and results. A student who withdrew disclosure shows only
    their name. Five queries for any number of students and homework."""
    school_class = school_selectors.class_get_for_teacher(viewer=viewer, class_id=class_id)
    students = list(school_selectors.class_students(viewer=viewer, school_class=school_class))
    assignments = list(Assignment.objects.filter(school_class=school_class).order_by("due_at", "id"))
    disclosed = disclosure_map(s.pk for s in students)
    sittings: dict[tuple[int, int], list[dict]] = {}
    for row in Submission.objects.filter(
        assignment__school_class=school_class, student__in=[s.pk for s in students]
    ).values("student_id", "assignment_id", "submitted_at", "score", "max_score", "attempt_no"):
        sittings.setdefault((row["student_id"], row["assignment_id"]), []).append(row)
    rules = {a.pk: a.result_rule for a in assignments}
    submissions = {key: counting_sitting(rows, rules.get(key[1], ResultRule.BEST)) for key, rows in sittings.items()}
    now = timezone.now()
    columns = [BoardColumn(assignment=a) for a in assignments]
    rows = []
    for student in students:
        row = BoardRow(
            student_id=student.pk,
            name=school_selectors.display_name(student),
            disclosed=disclosed[student.pk],
            cells=[],
        )
        for column in columns:
            if not row.disclosed:
                row.cells.append(None)
                continue
            cell = _cell(submissions.get((student.pk, column.assignment.pk)), column.assignment, now)
            row.cells.append(cell)
            if cell.status == "submitted":
                row.submitted += 1
                column.submitted += 1
                if cell.percent is not None:
                    column.percents.append(cell.percent)
        rows.append(row)
    return Board(school_class=school_class, columns=columns, rows=rows)


@dataclass
class HomeworkStatus:
    assignment: Assignment
    status: str
    percent: int | None
    submitted_at: datetime | None


@dataclass
class StudentReport:
    """What a teacher or parent may see of a student: name, results, completion, progress.
    Never contact details or date of birth (P5.4.b)."""

    student_id: int
    name: str
    disclosed: bool
    progress: Progress | None = None
    homework: list[HomeworkStatus] = field(default_factory=list)
    recent: list[Attempt] = field(default_factory=list)
    submissions: list[Submission] = field(default_factory=list)

    @property
    def homework_done(self) -> int:
        return sum(1 for h in self.homework if h.status == "submitted")

    @property
    def homework_missed(self) -> int:
        return sum(1 for h in self.homework if h.status == "missed")


def _homework_statuses(*, student, assignments: QuerySet[Assignment]) -> list[HomeworkStatus]:
    mine = {
        row["assignment_id"]: row
        for row in Submission.objects.filter(student=student, assignment__in=assignments).values(
            "assignment_id", "submitted_at", "score", "max_score"
        )
    }
    now = timezone.now()
    statuses = []
    for assignment in assignments:
        submission = mine.get(assignment.pk)
        cell = _cell(submission, assignment, now)
        statuses.append(
            HomeworkStatus(
                assignment=assignment,
                status=cell.status,
                percent=cell.percent,
                submitted_at=submission["submitted_at"] if submission else None,
            )
        )
    return statuses


def _report(*, student, assignments: QuerySet[Assignment], recent: int) -> StudentReport:
    disclosed = disclosure_map([student.pk])[student.pk]
    report = StudentReport(student_id=student.pk, name=school_selectors.display_name(student), disclosed=disclosed)
    if not disclosed:
        return report
    report.progress = progress_for(student=student)
    report.homework = _homework_statuses(student=student, assignments=assignments)
    report.recent = list(history_for(student=student, limit=recent))
    report.submissions = list(submissions_for(student=student, limit=10))
    return report


def student_report_for_teacher(*, viewer, class_id: int, student_id: int) -> tuple[SchoolClass, StudentReport]:
    school_class, student = school_selectors.student_get_for_teacher(
        viewer=viewer, class_id=class_id, student_id=student_id
    )
    assignments = (
        Assignment.objects.filter(school_class=school_class).select_related("school_class").order_by("due_at", "id")
    )
    return school_class, _report(student=student, assignments=assignments, recent=20)


def child_report(*, viewer, child_id: int) -> StudentReport:
    """A parent's view of a linked child's activity, results and homework (P5.4.c)."""
    child = school_selectors.child_get(viewer=viewer, child_id=child_id)
    since = timezone.now() - timedelta(days=30)
    assignments = (
        Assignment.objects.filter(
            school_class__memberships__student=child,
            school_class__memberships__ended_at__isnull=True,
            due_at__gte=since,
        )
        .select_related("school_class")
        .order_by("due_at", "id")
    )
    return _report(student=child, assignments=assignments, recent=20)


@dataclass
class ChildSummary:
    child_id: int
    name: str
    disclosed: bool
    attempts_week: int = 0
    correct_week: int = 0
    last_active: datetime | None = None
    homework_open: int = 0

    @property
    def accuracy_week_percent(self) -> int | None:
        return round(100 * self.correct_week / self.attempts_week) if self.attempts_week else None


def children_overview(*, viewer) -> list[ChildSummary]:
    """Each linked child with this week's activity; four queries for any number of children."""
    children = list(school_selectors.children_for(viewer=viewer))
    ids = [c.pk for c in children]
    disclosed = disclosure_map(ids)
    week_ago = timezone.now() - timedelta(days=7)
    activity = {
        row["student_id"]: row
        for row in Attempt.objects.filter(student_id__in=ids)
        .values("student_id")
        .annotate(
            week=Count("id", filter=Q(created_at__gte=week_ago)),
            week_correct=Count("id", filter=Q(created_at__gte=week_ago, is_correct=True)),
            last=Max("created_at"),
        )
    }
    now = timezone.now()
    due = dict(
        Assignment.objects.filter(
            due_at__gte=now,
            school_class__memberships__student_id__in=ids,
            school_class__memberships__ended_at__isnull=True,
        )
        .values("school_class__memberships__student_id")
        .annotate(n=Count("id", distinct=True))
        .values_list("school_class__memberships__student_id", "n")
    )
    done = dict(
        Submission.objects.filter(student_id__in=ids, submitted_at__isnull=False, assignment__due_at__gte=now)
        .values("student_id")
        .annotate(n=Count("id"))
        .values_list("student_id", "n")
    )
    summaries = []
    for child in children:
        summary = ChildSummary(
            child_id=child.pk, name=school_selectors.display_name(child), disclosed=disclosed[child.pk]
        )
        if summary.disclosed:
            row = activity.get(child.pk, {})
            summary.attempts_week = row.get("week", 0)
            summary.correct_week = row.get("week_correct", 0)
            summary.last_active = row.get("last")
            summary.homework_open = max(0, due.get(child.pk, 0) - done.get(child.pk, 0))
        summaries.append(summary)
    return summaries


def child_week(*, child_id: int) -> dict[str, int]:
    """Homework submitted in the last seven days, and homework due in them but not submitted."""
    week_ago, now = timezone.now() - timedelta(days=7), timezone.now()
    submitted = Submission.objects.filter(
        student_id=child_id, submitted_at__gte=week_ago, assignment__isnull=False
    ).count()
    missed = (
        Assignment.objects.filter(
            due_at__range=(week_ago, now),
            school_class__memberships__student_id=child_id,
            school_class__memberships__ended_at__isnull=True,
        )
        .exclude(
            Exists(
                Submission.objects.filter(assignment=OuterRef("pk"), student_id=child_id, submitted_at__isnull=False)
            )
        )
        .distinct()
        .count()
    )
    return {"submitted": submitted, "missed": missed}
