"""Teacher and parent views: only their own students or children, only name and learning data
(P5.4.b, P5.4.c), and never results of a student who withdrew disclosure (P4.1.c)."""

import pytest
from django.urls import reverse

from qalan.core.consent import ConsentChannel
from qalan.privacy.services import consent_withdraw
from tests.conftest import api_as

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def withdraw_disclosure(student):
    consent_withdraw(user=student, actor=student, purpose="disclosure", channel=ConsentChannel.WEB)


def test_the_board_shows_completion_and_results_per_student_and_homework(world):
    board = api_as(world.teacher).get(f"/api/v1/classes/{world.class_a.pk}/board").json()
    assert [a["title"] for a in board["assignments"]] == ["Fractions"]
    rows = {r["student"]["name"]: r for r in board["rows"]}
    assert rows["Sam Student"]["cells"] == [{"status": "submitted", "percent": 50}]
    assert rows["Cara Classmate"]["cells"] == [{"status": "open", "percent": None}]
    assert board["assignments"][0]["submitted"] == 1 and board["assignments"][0]["average_percent"] == 50


def test_the_per_student_view_holds_only_name_results_completion_and_progress(world):
    # P5.4.b: never phone, e-mail or date of birth.
    report = api_as(world.teacher).get(f"/api/v1/classes/{world.class_a.pk}/students/{world.student.pk}/report").json()
    assert set(report) == {
        "student",
        "disclosed",
        "message",
        "progress",
        "homework_done",
        "homework_missed",
        "homework",
        "recent",
    }
    assert report["student"] == {"id": world.student.pk, "name": "Sam Student"}
    assert report["homework_done"] == 1 and report["progress"]["attempts"] == 2
    text = str(report)
    profile = world.student.profile
    for secret in (world.student.phone, "sam@example.kz", profile.birth_date.isoformat(), world.student.username):
        assert secret not in text


def test_the_web_per_student_view_holds_no_contacts_or_birth_date(world, client):
    client.force_login(world.teacher)
    page = client.get(reverse("learning:student_report", args=[world.class_a.pk, world.student.pk])).content.decode()
    assert "Sam Student" in page
    birth = world.student.profile.birth_date
    for secret in (world.student.phone, "sam@example.kz", birth.strftime("%d.%m.%Y"), birth.isoformat()):
        assert secret not in page


def test_another_teacher_and_other_people_get_404(world):
    url = f"/api/v1/classes/{world.class_a.pk}/students/{world.student.pk}/report"
    for user in (world.other_teacher, world.classmate, world.parent, world.support, world.dpo):
        assert api_as(user).get(url).status_code == 404
        assert api_as(user).get(f"/api/v1/classes/{world.class_a.pk}/board").status_code == 404


def test_a_student_of_another_class_is_not_found_through_my_class(world):
    url = f"/api/v1/classes/{world.class_a.pk}/students/{world.other_student.pk}/report"
    assert api_as(world.teacher).get(url).status_code == 404


def test_withdrawn_disclosure_hides_results_from_teacher_and_parent(world, client):
    withdraw_disclosure(world.student)
    board = api_as(world.teacher).get(f"/api/v1/classes/{world.class_a.pk}/board").json()
    row = next(r for r in board["rows"] if r["student"]["id"] == world.student.pk)
    assert row["disclosed"] is False and row["cells"] == [None] and row["submitted"] == 0
    assert board["assignments"][0]["submitted"] == 0
    report = api_as(world.teacher).get(f"/api/v1/classes/{world.class_a.pk}/students/{world.student.pk}/report").json()
    assert report["disclosed"] is False and report["progress"] is None and report["homework"] == []
    assert "withdrawn consent" in report["message"]
    child = api_as(world.parent).get(f"/api/v1/children/{world.student.pk}").json()
    assert child["disclosed"] is False and child["recent"] == []
    overview = api_as(world.parent).get("/api/v1/children").json()
    assert overview[0]["disclosed"] is False and overview[0]["answers_this_week"] == 0
    client.force_login(world.parent)
    assert "has withdrawn consent" in client.get(reverse("learning:child", args=[world.student.pk])).content.decode()


def test_the_parent_sees_the_childs_activity_results_and_homework(world):
    # P5.4.c
    overview = api_as(world.parent).get("/api/v1/children").json()
    assert overview == [
        {
            "child": {"id": world.student.pk, "name": "Sam Student"},
            "disclosed": True,
            "answers_this_week": 2,
            "accuracy_this_week_percent": 100,
            "last_active": overview[0]["last_active"],
            "homework_open": 0,
        }
    ]
    child = api_as(world.parent).get(f"/api/v1/children/{world.student.pk}").json()
    assert child["homework"][0]["status"] == "submitted" and child["homework"][0]["percent"] == 50
    assert len(child["recent"]) == 2
    assert world.student.phone not in str(child) and "sam@example.kz" not in str(child)


def test_another_parent_cannot_see_the_child(world):
    for user in (world.other_parent, world.teacher, world.classmate):
        assert api_as(user).get(f"/api/v1/children/{world.student.pk}").status_code == 404


def test_web_board_and_children_pages(world, client):
    client.force_login(world.teacher)
    board = client.get(reverse("learning:board", args=[world.class_a.pk])).content.decode()
    assert "Sam Student" in board and "50%" in board
    client.force_login(world.parent)
    children = client.get(reverse("learning:children")).content.decode()
    assert "Sam Student" in children and "Oleg" not in children
