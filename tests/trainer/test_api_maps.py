"""The trainer's API contract, who may see which map, and query counts that do not grow."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from qalan.accounts.models import Role
from qalan.schools import services as schools
from qalan.trainer.models import ItemInstance
from qalan.trainer.selectors import class_map
from tests.conftest import api_as, make_user
from tests.schools.world import link
from tests.trainer.conftest import solve

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def _class(teacher, size: int, skills, name: str):
    school_class = schools.class_create(actor=teacher, name=name, grade=6, school_year="2025-2026")
    students = []
    for i in range(size):
        student = make_user(f"{name.lower()}-s{i}")
        student.profile.grade = 6
        student.profile.save()
        schools.class_join(actor=student, code=school_class.join_code)
        solve(student, skills.add2, correct=bool(i % 2))
        students.append(student)
    return school_class, students


def test_the_skills_and_items_contract(skills, student):
    api = api_as(student)
    listed = api.get("/api/v1/skills?grade=6").json()
    add2 = next(s for s in listed if s["code"] == "6.add2")
    assert {"code", "title", "grade", "prerequisites", "mastery"} <= set(add2)
    assert add2["prerequisites"] == ["5.add"] and add2["mastery"] == {"score": 0, "level": "not_started"}
    item = api.post("/api/v1/skills/6.add2/items", {}, format="json").json()
    assert {"id", "prompt", "format", "answer_form"} <= set(item) and item["format"] == "tex"
    instance = ItemInstance.objects.get(pk=item["id"])
    assert "key" not in item and instance.key not in str(
        {k: v for k, v in item.items() if k not in ("prompt", "prompt_html")}
    )
    answered = api.post(f"/api/v1/items/{item['id']}/answer", {"answer": instance.key}, format="json").json()
    assert answered["result"] == "right" and answered["mastery"]["score"] > 0 and answered["solution"]
    again = api.post(f"/api/v1/items/{item['id']}/answer", {"answer": instance.key}, format="json")
    assert again.status_code == 400 and "changes nothing" in again.json()["message"]
    assert api_as(make_user("nosy")).get(f"/api/v1/items/{item['id']}").status_code == 404


def test_serving_and_answering_take_a_fixed_number_of_queries(skills, student):
    api = api_as(student)
    solve(student, skills.add2)  # the mastery and streak rows exist
    counts = []
    for _ in range(3):
        with CaptureQueriesContext(connection) as served:
            item = api.post("/api/v1/skills/6.add2/items", {}, format="json").json()
        key = ItemInstance.objects.get(pk=item["id"]).key
        with CaptureQueriesContext(connection) as answered:
            assert api.post(f"/api/v1/items/{item['id']}/answer", {"answer": key}, format="json").status_code == 200
        counts.append((len(served), len(answered)))
    assert len(set(counts)) == 1, counts
    served, answered = counts[0]
    lock = 1 if connection.vendor == "postgresql" else 0  # the audit chain's advisory lock
    assert served <= 14 + lock and answered <= 18 + lock, counts


def test_the_class_map_takes_the_same_queries_for_any_class_size(skills):
    teacher = make_user("tamara", role=Role.TEACHER)
    small, _ = _class(teacher, 2, skills, "Small")
    large, _ = _class(teacher, 8, skills, "Large")
    sizes = []
    for school_class in (small, large):
        with CaptureQueriesContext(connection) as captured:
            result = class_map(viewer=teacher, class_id=school_class.pk, grade=6)
        sizes.append(len(captured))
        assert len(result.rows) == (2 if school_class is small else 8)
    assert sizes[0] == sizes[1], sizes


def test_each_map_only_for_who_may_see_it(skills):
    teacher, other_teacher = make_user("tomiris", role=Role.TEACHER), make_user("timur", role=Role.TEACHER)
    school_class, students = _class(teacher, 2, skills, "Maps")
    parent, other_parent = make_user("parent-p", role=Role.PARENT), make_user("parent-q", role=Role.PARENT)
    link(parent, students[0])
    assert api_as(teacher).get(f"/api/v1/classes/{school_class.pk}/map").status_code == 200
    assert api_as(other_teacher).get(f"/api/v1/classes/{school_class.pk}/map").status_code == 404
    assert api_as(students[0]).get(f"/api/v1/classes/{school_class.pk}/map").status_code == 404
    assert api_as(parent).get(f"/api/v1/children/{students[0].pk}/map").status_code == 200
    assert api_as(parent).get(f"/api/v1/children/{students[1].pk}/map").status_code == 404
    assert api_as(other_parent).get(f"/api/v1/children/{students[0].pk}/map").status_code == 404
    mine = api_as(students[1]).get("/api/v1/map?grade=6").json()
    assert mine["student_id"] == students[1].pk and any(row["code"] == "6.add2" for row in mine["skills"])
