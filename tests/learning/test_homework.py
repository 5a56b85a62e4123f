"""Homework: a teacher sets tasks or a test for their class with a due date."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from qalan.learning.models import Assignment
from qalan.notify.models import OutboxMessage
from tests.conftest import api_as

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def due(days=2):
    return (timezone.now() + timedelta(days=days)).isoformat()


def test_a_teacher_sets_homework_and_the_students_are_told(world):
    response = api_as(world.teacher).post(
        f"/api/v1/classes/{world.class_a.pk}/homework",
        {"title": "Text tasks", "due_at": due(), "tasks": [world.tasks["text"].pk, world.tasks["multiple"].pk]},
        format="json",
    )
    assert response.status_code == 201 and response.json()["task_count"] == 2
    notices = OutboxMessage.objects.filter(subject="New homework: Text tasks")
    assert {m.user for m in notices} == {world.student, world.classmate}
    listed = api_as(world.classmate).get("/api/v1/homework").json()
    assert {h["title"]: h["status"] for h in listed} == {"Fractions": "open", "Text tasks": "open"}


def test_a_test_can_be_set_as_homework_with_its_time_limit(world):
    response = api_as(world.teacher).post(
        f"/api/v1/classes/{world.class_a.pk}/homework",
        {"title": "Quiz", "due_at": due(), "quiz": world.tasks["quiz"].pk},
        format="json",
    )
    assignment = Assignment.objects.get(pk=response.json()["id"])
    assert assignment.time_limit_minutes == 10 and assignment.items.count() == 2


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"title": "", "tasks": "numeric"}, "title"),
        ({"title": "Past", "tasks": "numeric", "due_at": "past"}, "due_at"),
        ({"title": "Empty", "tasks": None}, "tasks"),
        ({"title": "Missing", "tasks": "missing"}, "tasks"),
        ({"title": "Extended", "tasks": "extended"}, "tasks"),
    ],
)
def test_bad_homework_is_refused_and_nothing_is_stored(world, payload, field):
    tasks = {
        "numeric": [world.tasks["numeric"].pk],
        None: [],
        "missing": [999999],
        "extended": [world.tasks["extended"].pk],
    }[payload["tasks"]]
    body = {
        "title": payload["title"],
        "tasks": tasks,
        "due_at": (timezone.now() - timedelta(hours=1)).isoformat() if payload.get("due_at") else due(),
    }
    before = Assignment.objects.count()
    response = api_as(world.teacher).post(f"/api/v1/classes/{world.class_a.pk}/homework", body, format="json")
    assert response.status_code == 400 and field in response.json()["errors"]
    assert Assignment.objects.count() == before


def test_only_the_classes_teacher_sets_its_homework(world):
    for user in (world.other_teacher, world.student):
        response = api_as(user).post(
            f"/api/v1/classes/{world.class_a.pk}/homework",
            {"title": "X", "due_at": due(), "tasks": [world.tasks["numeric"].pk]},
            format="json",
        )
        assert response.status_code == 404


def test_homework_that_students_started_cannot_be_deleted_but_its_due_date_can_move(world):
    api = api_as(world.teacher)
    response = api.delete(f"/api/v1/homework/{world.assignment.pk}")
    assert response.status_code == 400 and "cannot be deleted" in response.json()["message"]
    later = timezone.now() + timedelta(days=9)
    assert (
        api.patch(f"/api/v1/homework/{world.assignment.pk}", {"due_at": later.isoformat()}, format="json").status_code
        == 200
    )
    world.assignment.refresh_from_db()
    assert abs(world.assignment.due_at - later) < timedelta(seconds=1)


def test_unstarted_homework_can_be_deleted(world):
    fresh = (
        api_as(world.teacher)
        .post(
            f"/api/v1/classes/{world.class_a.pk}/homework",
            {"title": "Tmp", "due_at": due(), "tasks": [world.tasks["text"].pk]},
            format="json",
        )
        .json()
    )
    assert api_as(world.teacher).delete(f"/api/v1/homework/{fresh['id']}").status_code == 204
    assert not Assignment.objects.filter(pk=fresh["id"]).exists()


def test_students_cannot_change_homework(world):
    assert api_as(world.student).delete(f"/api/v1/homework/{world.assignment.pk}").status_code == 404


def test_web_homework_form(client, world):
    client.force_login(world.teacher)
    url = reverse("learning:homework_create", args=[world.class_a.pk])
    assert "Which is a half?" in client.get(url).content.decode()
    bad = client.post(url, {"title": "Web", "due_at": "2000-01-01T10:00", "tasks": [world.tasks["single"].pk]})
    assert bad.status_code == 200 and "Choose a due date in the future." in bad.content.decode()
    good = client.post(
        url,
        {
            "title": "Web",
            "due_at": (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
            "tasks": [world.tasks["single"].pk],
        },
    )
    assert good.status_code == 302 and Assignment.objects.filter(title="Web").exists()


def test_a_student_who_left_the_class_gets_404_for_its_homework_not_a_server_error(world, monkeypatch):
    from qalan.learning import selectors as learning_selectors
    from qalan.schools import selectors as school_selectors
    from qalan.schools import services as school_services

    membership = school_selectors.membership_get(viewer=world.student, class_id=world.class_a.pk)
    school_services.class_leave(actor=world.student, membership=membership)
    client = api_as(world.student)
    assert client.get(f"/api/v1/homework/{world.assignment.pk}").status_code == 404
    # Even if the assignment itself is still readable to them (their own submission), homework
    # outside their list is a 404.
    monkeypatch.setattr(learning_selectors, "assignment_get", lambda **kwargs: world.assignment)
    response = client.get(f"/api/v1/homework/{world.assignment.pk}")
    assert response.status_code == 404 and set(response.json()) == {"message", "errors"}
