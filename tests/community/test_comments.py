"""Comments and questions on tasks; teachers answer (P3.1.c, P4.1.d); names only for people who
share a class or a link, never for classmates when the author restricts dissemination (P6.5)."""

import pytest
from django.urls import reverse

from qalan.audit.models import AuditEvent
from qalan.community.models import Comment
from qalan.notify.models import OutboxMessage
from tests.conftest import api_as

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def comments(user, task):
    return api_as(user).get(f"/api/v1/tasks/{task.pk}/comments").json()


def test_a_question_is_answered_by_the_teacher_and_the_student_is_told(world):
    task = world.tasks["numeric"]
    response = api_as(world.teacher).post(
        f"/api/v1/tasks/{task.pk}/comments", {"body": "Add the quarters.", "reply_to": world.comment.pk}, format="json"
    )
    assert response.status_code == 201 and response.json()["by_teacher"] is True
    question = next(c for c in comments(world.student, task) if c["id"] == world.comment.pk)
    assert question["kind"] == "question" and question["replies"][0]["author"] == "Tina Teacher"
    assert OutboxMessage.objects.filter(user=world.student, subject="A reply to your question").exists()
    event = AuditEvent.objects.get(event_type="comment.posted", extra__comment=response.json()["id"])
    assert "quarters" not in str(event.extra)


def test_names_are_shown_only_to_related_people(world):
    task = world.tasks["numeric"]
    by_id = lambda user: {c["id"]: c["author"] for c in comments(user, task)}  # noqa: E731
    assert by_id(world.teacher)[world.comment.pk] == "Sam Student"
    assert by_id(world.classmate)[world.comment.pk] == "Sam Student"
    assert by_id(world.student)[world.comment.pk] == "You"
    # A student of another class sees a role, not a name.
    assert by_id(world.other_student)[world.comment.pk] == "A student"


def test_a_student_who_restricts_dissemination_is_anonymous_to_classmates_not_to_the_teacher(world):
    world.student.profile.restrict_dissemination = True
    world.student.profile.save()
    task = world.tasks["numeric"]
    assert {c["id"]: c["author"] for c in comments(world.classmate, task)}[world.comment.pk] == "A student"
    assert {c["id"]: c["author"] for c in comments(world.teacher, task)}[world.comment.pk] == "Sam Student"
    assert {c["id"]: c["author"] for c in comments(world.parent, task)}[world.comment.pk] == "Sam Student"


def test_empty_or_too_long_comments_are_refused(world):
    task = world.tasks["numeric"]
    before = Comment.objects.count()
    for body in ("   ", "x" * 2001):
        response = api_as(world.classmate).post(f"/api/v1/tasks/{task.pk}/comments", {"body": body}, format="json")
        assert response.status_code == 400 and "body" in response.json()["errors"]
    assert Comment.objects.count() == before


def test_replies_only_to_a_visible_top_comment_of_the_same_task(world):
    other_task = world.tasks["text"]
    response = api_as(world.classmate).post(
        f"/api/v1/tasks/{other_task.pk}/comments", {"body": "Hi", "reply_to": world.comment.pk}, format="json"
    )
    assert response.status_code == 400 and "reply_to" in response.json()["errors"]


def test_authors_delete_their_own_comments_only(world):
    assert api_as(world.classmate).delete(f"/api/v1/comments/{world.comment.pk}").status_code == 404
    assert api_as(world.student).delete(f"/api/v1/comments/{world.comment.pk}").status_code == 204
    assert not Comment.objects.filter(pk=world.comment.pk).exists()


def test_the_teacher_sees_open_questions_of_their_students(world, client):
    questions = api_as(world.teacher).get("/api/v1/questions").json()
    assert [q["id"] for q in questions] == [world.comment.pk]
    assert api_as(world.other_teacher).get("/api/v1/questions").json() == []
    api_as(world.teacher).post(
        f"/api/v1/tasks/{world.tasks['numeric'].pk}/comments",
        {"body": "Answer", "reply_to": world.comment.pk},
        format="json",
    )
    assert api_as(world.teacher).get("/api/v1/questions").json() == []
    assert api_as(world.student).get("/api/v1/questions").status_code == 404


def test_web_comment_and_report(world, client):
    client.force_login(world.classmate)
    task = world.tasks["numeric"]
    response = client.post(
        reverse("community:comment_post", args=[task.pk]), {"body": "Is 0.75 ok?", "kind": "question"}
    )
    assert response.status_code == 302 and response["Location"].endswith("#discussion")
    assert "Is 0.75 ok?" in client.get(reverse("learning:task", args=[task.pk])).content.decode()
    client.post(reverse("community:comment_report", args=[world.comment.pk]), {"reason": "abuse"})
    assert world.comment.reports.filter(reporter=world.classmate).exists()
