"""Learning reads: extended content and the content a viewer may open."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from qalan.learning.models import (
    Attempt,
    Choice,
    Entitlement,
    Quiz,
    Subject,
    Task,
    Topic,
)

# --- Extended content ---------------------------------------------------------------------


def extended_access(user) -> bool:
    """Does the user hold an entitlement to extended (paid) content right now?

    The one gate for extended content: the web, the API and recommendations all ask here.
    """
    if not user.is_authenticated:
        return False
    now = timezone.now()
    return (
        Entitlement.objects.filter(
            user=user, kind=Entitlement.Kind.EXTENDED, revoked_at__isnull=True, starts_at__lte=now
        )
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
    task = (
        tasks_published()
        .select_related("topic__subject")
        .prefetch_related(_choices_prefetch())
        .filter(pk=task_id)
        .first()
    )
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
