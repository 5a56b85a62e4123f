"""Learning reads: disclosure to teachers and parents, a student's progress, recommendations and history."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, Max, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from qalan.learning.models import (
    Attempt,
    Submission,
    Task,
    Topic,
)
from qalan.learning.selectors.content import extended_access, tasks_published
from qalan.privacy.models import ConsentRecord
from qalan.privacy.selectors import CONSENT_DEFAULTS

WEAK_ACCURACY = 0.7
WEAK_MASTERY = 0.5
RECOMMENDATIONS = 5


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
    activity = [
        (today - timedelta(days=i), per_day.get(today - timedelta(days=i), 0)) for i in range(activity_days - 1, -1, -1)
    ]
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


def recommendations_for(
    *, student, progress: Progress | None = None, limit: int = RECOMMENDATIONS
) -> list[Recommendation]:
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
