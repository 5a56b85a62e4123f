"""Learning reads: content the viewer may open, progress, recommendations, homework, the teacher's
board and the parent's overview. Each takes the viewer; what the viewer may not see is 404.

Query counts do not grow with the lists: every list is built from a fixed number of grouped
queries (asserted in tests/learning/test_query_counts.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import TruncDate
from django.http import Http404
from django.utils import timezone

from qalan.learning.models import (
    Assignment,
    AssignmentItem,
    Attempt,
    Choice,
    Entitlement,
    Quiz,
    QuizItem,
    ResultRule,
    Subject,
    Submission,
    SubmissionItem,
    Task,
    Topic,
)
from qalan.privacy.models import ConsentRecord
from qalan.privacy.selectors import CONSENT_DEFAULTS
from qalan.schools import selectors as school_selectors
from qalan.schools.models import Membership, SchoolClass

WEAK_ACCURACY = 0.7
WEAK_MASTERY = 0.5
RECOMMENDATIONS = 5


# --- Extended content ---------------------------------------------------------------------


def extended_access(user) -> bool:
    """Does the user hold an entitlement to extended (paid) content right now?

    The one gate for extended content: the web, the API and recommendations all ask here.
    """
    if not user.is_authenticated:
        return False
    now = timezone.now()
    return (
        Entitlement.objects.filter(user=user, kind=Entitlement.Kind.EXTENDED, revoked_at__isnull=True, starts_at__lte=now)
        .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
        .exists()
    )


def entitlements_for(*, viewer) -> QuerySet[Entitlement]:
    return Entitlement.objects.filter(user=viewer).order_by("-starts_at")


# --- Content ------------------------------------------------------------------------------


def _choices_prefetch() -> Prefetch:
    return Prefetch("choices", queryset=Choice.objects.order_by("order", "id"))


def tasks_published() -> QuerySet[Task]:
    return Task.objects.filter(is_published=True)


def subjects_with_topics(*, grade: int | None = None) -> list[Subject]:
    """The catalogue: subjects, their topics (of one grade, or all) with task counts."""
    topics = Topic.objects.annotate(
        free_count=Count("tasks", filter=Q(tasks__is_published=True, tasks__is_extended=False)),
        extended_count=Count("tasks", filter=Q(tasks__is_published=True, tasks__is_extended=True)),
    ).order_by("grade", "order", "key")
    if grade:
        topics = topics.filter(grade=grade)
    subjects = Subject.objects.prefetch_related(Prefetch("topics", queryset=topics)).order_by("order", "key")
    return [s for s in subjects if s.topics.all()]


def topic_get(*, topic_id: int) -> Topic:
    topic = Topic.objects.select_related("subject").filter(pk=topic_id).first()
    if topic is None:
        raise Http404
    return topic


def topic_tasks(*, viewer, topic: Topic) -> list[Task]:
    """The tasks of a topic with ``solved`` / ``tried`` flags for the viewer."""
    mine = Attempt.objects.filter(student=viewer, task=OuterRef("pk"))
    return list(
        tasks_published()
        .filter(topic=topic)
        .annotate(solved=Exists(mine.filter(is_correct=True)), tried=Exists(mine))
        .order_by("difficulty", "key")
    )


def task_get(*, task_id: int) -> Task:
    """A published task (content is the same for everyone; extended tasks are gated by
    ``extended_access`` where they are opened)."""
    task = tasks_published().select_related("topic__subject").prefetch_related(_choices_prefetch()).filter(pk=task_id).first()
    if task is None:
        raise Http404
    return task


def task_can_open(*, viewer, task: Task) -> bool:
    return not task.is_extended or extended_access(viewer)


def quizzes_list() -> QuerySet[Quiz]:
    return Quiz.objects.select_related("topic").annotate(task_count=Count("items")).order_by("topic__grade", "key")


def quiz_get(*, quiz_id: int) -> Quiz:
    quiz = Quiz.objects.select_related("topic").filter(pk=quiz_id).first()
    if quiz is None:
        raise Http404
    return quiz


# --- Disclosure to teachers and parents (P4.1.c, P5.4.b, P5.4.c) -------------------------


def disclosure_map(user_ids) -> dict[int, bool]:
    """``privacy.selectors.disclosure_allowed`` for many students in two queries.

    Same rule: the latest disclosure record decides; without one, disclosure follows the
    platform consent (tests/learning/test_disclosure.py keeps the two in step).
    """
    user_ids = list(user_ids)
    if not user_ids:
        return {}
    latest: dict[tuple[int, str], str] = {}
    records = (
        ConsentRecord.objects.filter(user_id__in=user_ids, purpose__in=["disclosure", "platform"])
        .order_by("user_id", "purpose", "-created_at", "-id")
        .values_list("user_id", "purpose", "action")
    )
    for user_id, purpose, action in records:
        latest.setdefault((user_id, purpose), action)
    allowed = {}
    for user_id in user_ids:
        own = latest.get((user_id, "disclosure"))
        if own is not None:
            allowed[user_id] = own == ConsentRecord.Action.GIVEN
        else:
            platform = latest.get((user_id, "platform"))
            allowed[user_id] = CONSENT_DEFAULTS["disclosure"] and platform == ConsentRecord.Action.GIVEN
    return allowed


# --- Progress and recommendations (P4.1.b, P4.1.c) ---------------------------------------


@dataclass
class TopicProgress:
    topic: Topic
    attempts: int
    correct: int
    solved: int
    total: int
    last_at: datetime | None

    @property
    def accuracy(self) -> float:
        return self.correct / self.attempts if self.attempts else 0.0

    @property
    def mastery(self) -> float:
        return min(1.0, self.solved / self.total) if self.total else 0.0

    @property
    def mastery_percent(self) -> int:
        return round(100 * self.mastery)

    @property
    def accuracy_percent(self) -> int:
        return round(100 * self.accuracy)

    @property
    def is_weak(self) -> bool:
        return self.attempts > 0 and (self.accuracy < WEAK_ACCURACY or self.mastery < WEAK_MASTERY)


@dataclass
class Progress:
    topics: list[TopicProgress]
    attempts: int
    correct: int
    streak: int
    last_active: datetime | None
    activity: list[tuple[date, int]] = field(default_factory=list)

    @property
    def accuracy_percent(self) -> int:
        return round(100 * self.correct / self.attempts) if self.attempts else 0

    @property
    def weak_topics(self) -> list[TopicProgress]:
        return sorted((t for t in self.topics if t.is_weak), key=lambda t: (t.accuracy, t.mastery))


def _streak(days: set[date], today: date) -> int:
    """Consecutive days with an answer, ending today (or yesterday, if nothing yet today)."""
    day = today if today in days else today - timedelta(days=1)
    streak = 0
    while day in days:
        streak += 1
        day -= timedelta(days=1)
    return streak


def progress_for(*, student, activity_days: int = 14) -> Progress:
    """Mastery per topic (distinct tasks solved / tasks open to the student), accuracy, streak,
    recent activity. Five queries whatever the history's length."""
    attempts = Attempt.objects.filter(student=student)
    per_topic = list(
        attempts.values("task__topic_id").annotate(
            attempts=Count("id"),
            correct=Count("id", filter=Q(is_correct=True)),
            solved=Count("task_id", filter=Q(is_correct=True), distinct=True),
            last_at=Max("created_at"),
        )
    )
    topic_ids = [row["task__topic_id"] for row in per_topic]
    open_tasks = tasks_published().filter(topic_id__in=topic_ids)
    if not extended_access(student):
        open_tasks = open_tasks.filter(is_extended=False)
    totals = dict(open_tasks.values("topic_id").annotate(n=Count("id")).values_list("topic_id", "n"))
    topics = Topic.objects.select_related("subject").in_bulk(topic_ids)
    topic_rows = [
        TopicProgress(
            topic=topics[row["task__topic_id"]],
            attempts=row["attempts"],
            correct=row["correct"],
            solved=row["solved"],
            total=totals.get(row["task__topic_id"], 0),
            last_at=row["last_at"],
        )
        for row in per_topic
    ]
    topic_rows.sort(key=lambda t: (t.topic.grade, t.topic.order, t.topic.key))
    today = timezone.localdate()
    since = timezone.now() - timedelta(days=400)
    per_day = dict(
        attempts.filter(created_at__gte=since)
        .annotate(day=TruncDate("created_at", tzinfo=timezone.get_current_timezone()))
        .values("day")
        .annotate(n=Count("id"))
        .values_list("day", "n")
    )
    activity = [(today - timedelta(days=i), per_day.get(today - timedelta(days=i), 0)) for i in range(activity_days - 1, -1, -1)]
    return Progress(
        topics=topic_rows,
        attempts=sum(t.attempts for t in topic_rows),
        correct=sum(t.correct for t in topic_rows),
        streak=_streak(set(per_day), today),
        last_active=max((t.last_at for t in topic_rows if t.last_at), default=None),
        activity=activity,
    )


@dataclass
class Recommendation:
    task: Task
    reason: str  # "weak_topic" or "new_topic"


def recommendations_for(*, student, progress: Progress | None = None, limit: int = RECOMMENDATIONS) -> list[Recommendation]:
    """Next tasks: unsolved tasks of the weakest topics first (P4.1.c), then new topics of the
    student's grade from the profile (P4.1.b); easiest first; extended only with access."""
    progress = progress or progress_for(student=student)
    candidates = (
        tasks_published()
        .exclude(pk__in=Attempt.objects.filter(student=student, is_correct=True).values("task_id"))
        .select_related("topic__subject")
        .order_by("difficulty", "key")
    )
    if not extended_access(student):
        candidates = candidates.filter(is_extended=False)
    picked: list[Recommendation] = []
    weak_order = [t.topic.pk for t in progress.weak_topics]
    if weak_order:
        weak = list(candidates.filter(topic_id__in=weak_order)[: limit * 4])
        weak.sort(key=lambda task: (weak_order.index(task.topic_id), task.difficulty))
        picked = [Recommendation(task=t, reason="weak_topic") for t in weak[:limit]]
    if len(picked) < limit:
        tried_topics = [t.topic.pk for t in progress.topics]
        fresh = candidates.exclude(topic_id__in=tried_topics)
        grade = getattr(getattr(student, "profile", None), "grade", None)
        if grade:
            fresh = fresh.filter(topic__grade__in=[grade, grade - 1])
        seen_topics: set[int] = set()
        for task in fresh.order_by("topic__grade", "topic__order", "difficulty", "key")[: limit * 10]:
            # One task per new topic: a sampler, not a whole chapter.
            if task.topic_id in seen_topics:
                continue
            seen_topics.add(task.topic_id)
            picked.append(Recommendation(task=task, reason="new_topic"))
            if len(picked) >= limit:
                break
    return picked


def history_for(*, student, limit: int = 50) -> QuerySet[Attempt]:
    return Attempt.objects.filter(student=student).select_related("task__topic").order_by("-created_at", "-id")[:limit]


def submissions_for(*, student, limit: int = 50) -> QuerySet[Submission]:
    return (
        Submission.objects.filter(student=student, submitted_at__isnull=False)
        .select_related("quiz", "assignment")
        .order_by("-submitted_at")[:limit]
    )


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
            school_class__memberships__student=student, school_class__memberships__ended_at__isnull=True, due_at__gte=since
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
        Task.objects.filter(quizitem__quiz=quiz).prefetch_related(_choices_prefetch()).order_by("quizitem__order", "quizitem__id")
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
    homework = AssignmentItem.objects.filter(assignment__submissions__in=open_sittings).values_list("task_id", flat=True)
    tests = QuizItem.objects.filter(
        quiz__submissions__in=open_sittings.filter(assignment__isnull=True)
    ).values_list("task_id", flat=True)
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
    if not (school_selectors.is_teacher_of(teacher=viewer, school_class=school_class) or Membership.objects.filter(
        school_class=school_class, student=viewer, ended_at__isnull=True
    ).exists()):
        raise Http404
    return (
        Assignment.objects.filter(school_class=school_class)
        .annotate(task_count=Count("items", distinct=True))
        .order_by("-due_at", "-id")
    )


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
    for row in Submission.objects.filter(assignment__school_class=school_class, student__in=[s.pk for s in students]).values(
        "student_id", "assignment_id", "submitted_at", "score", "max_score", "attempt_no"
    ):
        sittings.setdefault((row["student_id"], row["assignment_id"]), []).append(row)
    rules = {a.pk: a.result_rule for a in assignments}
    submissions = {key: counting_sitting(rows, rules.get(key[1], ResultRule.BEST)) for key, rows in sittings.items()}
    now = timezone.now()
    columns = [BoardColumn(assignment=a) for a in assignments]
    rows = []
    for student in students:
        row = BoardRow(
            student_id=student.pk, name=school_selectors.display_name(student), disclosed=disclosed[student.pk], cells=[]
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
    school_class, student = school_selectors.student_get_for_teacher(viewer=viewer, class_id=class_id, student_id=student_id)
    assignments = Assignment.objects.filter(school_class=school_class).select_related("school_class").order_by("due_at", "id")
    return school_class, _report(student=student, assignments=assignments, recent=20)


def child_report(*, viewer, child_id: int) -> StudentReport:
    """A parent's view of a linked child's activity, results and homework (P5.4.c)."""
    child = school_selectors.child_get(viewer=viewer, child_id=child_id)
    since = timezone.now() - timedelta(days=30)
    assignments = (
        Assignment.objects.filter(
            school_class__memberships__student=child, school_class__memberships__ended_at__isnull=True, due_at__gte=since
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
        summary = ChildSummary(child_id=child.pk, name=school_selectors.display_name(child), disclosed=disclosed[child.pk])
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
    submitted = Submission.objects.filter(student_id=child_id, submitted_at__gte=week_ago, assignment__isnull=False).count()
    missed = (
        Assignment.objects.filter(
            due_at__range=(week_ago, now),
            school_class__memberships__student_id=child_id,
            school_class__memberships__ended_at__isnull=True,
        )
        .exclude(
            Exists(Submission.objects.filter(assignment=OuterRef("pk"), student_id=child_id, submitted_at__isnull=False))
        )
        .distinct()
        .count()
    )
    return {"submitted": submitted, "missed": missed}
