"""Progress and recommendations: mastery per topic, streak, history (P4.1.c), personalised by
the profile's grade (P4.1.b)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from qalan.learning import selectors, services
from qalan.learning.models import Attempt
from tests.conftest import api_as

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def answer(user, task, raw, days_ago=0):
    attempt = services.attempt_practise(actor=user, task=task, answer=raw)
    Attempt.objects.filter(pk=attempt.pk).update(created_at=timezone.now() - timedelta(days=days_ago))
    return attempt


def test_mastery_counts_distinct_solved_tasks_of_the_topic(world):
    student = world.classmate
    answer(student, world.tasks["numeric"], "0.75")
    answer(student, world.tasks["numeric"], "0.75")
    answer(student, world.tasks["text"], "3/4")
    answer(student, world.tasks["single"], world.tasks["single"].choices.get(is_correct=False).pk)
    progress = selectors.progress_for(student=student)
    [topic] = progress.topics
    assert (topic.attempts, topic.correct, topic.solved, topic.total) == (4, 3, 2, 4)
    assert topic.mastery_percent == 50 and topic.accuracy_percent == 75


def test_extended_tasks_count_towards_mastery_only_with_access(world):
    student = world.classmate
    answer(student, world.tasks["percent"], "25")
    assert selectors.progress_for(student=student).topics[0].total == 1
    services.entitlement_grant(actor=None, user=student, reason="licence")
    assert selectors.progress_for(student=student).topics[0].total == 2


def test_streak_counts_consecutive_days_up_to_today_or_yesterday(world):
    student = world.classmate
    for days_ago in (1, 2, 3, 5):
        answer(student, world.tasks["numeric"], "1", days_ago=days_ago)
    assert selectors.progress_for(student=student).streak == 3
    answer(student, world.tasks["numeric"], "1", days_ago=0)
    progress = selectors.progress_for(student=student)
    assert progress.streak == 4
    assert progress.activity[-1][1] == 1 and len(progress.activity) == 14


def test_recommendations_start_with_the_weakest_topic(world):
    student = world.classmate
    answer(student, world.tasks["numeric"], "1")
    answer(student, world.tasks["numeric"], "2")
    recommendations = selectors.recommendations_for(student=student)
    assert recommendations[0].reason == "weak_topic" and recommendations[0].task.topic == world.tasks["numeric"].topic
    assert world.tasks["extended"] not in [r.task for r in recommendations]
    # After solving the weak topic's tasks the new topic of the student's grade comes up.
    for key, raw in [("numeric", "0.75"), ("text", "3/4")]:
        answer(student, world.tasks[key], raw)
    answer(student, world.tasks["single"], world.tasks["single"].choices.get(is_correct=True).pk)
    answer(
        student,
        world.tasks["multiple"],
        list(world.tasks["multiple"].choices.filter(is_correct=True).values_list("pk", flat=True)),
    )
    reasons = {(r.task.key, r.reason) for r in selectors.recommendations_for(student=student)}
    assert ("percent", "new_topic") in reasons


def test_new_topics_follow_the_grade_in_the_profile(world):
    # P4.1.b: a grade-4 student is not offered grade-6 topics.
    world.classmate.profile.grade = 4
    world.classmate.profile.save()
    assert selectors.recommendations_for(student=world.classmate) == []
    world.classmate.profile.grade = 6
    world.classmate.profile.save()
    assert selectors.recommendations_for(student=world.classmate)


def test_progress_api_and_pages(world, client):
    data = api_as(world.student).get("/api/v1/progress").json()
    assert data["attempts"] == 2 and data["topics"][0]["solved"] == 1
    history = api_as(world.student).get("/api/v1/history").json()
    assert {h["in_test_or_homework"] for h in history} == {True, False}
    client.force_login(world.student)
    page = client.get(reverse("learning:progress")).content.decode()
    assert "<svg" in page and "Fractions" in page
    dashboard = client.get(reverse("learning:dashboard")).content.decode()
    assert "Homework due" in dashboard and "Practise next" in dashboard


def test_the_student_dashboard_lists_open_homework(world, client):
    client.force_login(world.classmate)
    page = client.get(reverse("learning:dashboard")).content.decode()
    assert reverse("learning:homework", args=[world.assignment.pk]) in page
    client.force_login(world.student)  # already submitted
    page = client.get(reverse("learning:dashboard")).content.decode()
    assert reverse("learning:homework", args=[world.assignment.pk]) not in page
