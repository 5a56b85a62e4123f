"""Classes: create, join by code or invitation, leave, removal; who sees the class list."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from qalan.audit.models import AuditEvent
from qalan.schools import selectors, services
from qalan.schools.models import ClassInvitation, Membership, SchoolClass
from tests.conftest import api_as

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_a_teacher_creates_a_class_with_a_join_code(world):
    response = api_as(world.teacher).post(
        "/api/v1/classes", {"name": "7B", "grade": 7, "school_year": "2025-2026", "school": "School 1"}, format="json"
    )
    assert response.status_code == 201
    data = response.json()
    assert data["is_teacher"] and len(data["join_code"]) == 8
    school_class = SchoolClass.objects.get(pk=data["id"])
    assert school_class.teacher == world.teacher and school_class.school == world.class_a.school
    assert AuditEvent.objects.filter(event_type="class.created", extra__class=school_class.pk).exists()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"name": "", "grade": 7, "school_year": "2025-2026"}, "name"),
        ({"name": "7B", "grade": 12, "school_year": "2025-2026"}, "grade"),
        ({"name": "7B", "grade": 7, "school_year": "2025-2027"}, "school_year"),
    ],
)
def test_bad_class_fields_are_refused_and_nothing_is_stored(world, payload, field):
    before = SchoolClass.objects.count()
    response = api_as(world.teacher).post("/api/v1/classes", payload, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert SchoolClass.objects.count() == before


def test_only_teachers_create_classes(world):
    response = api_as(world.student).post("/api/v1/classes", {"name": "X", "grade": 6}, format="json")
    assert response.status_code == 400
    assert "Only teachers" in response.json()["message"]


def test_a_student_joins_with_the_code_typed_loosely(world, make_student):
    newcomer = make_student("nina")
    code = world.class_a.join_code
    membership = services.class_join(actor=newcomer, code=f" {code[:4].lower()}-{code[4:]} ")
    assert membership.school_class == world.class_a and membership.via == Membership.Via.CODE


def test_a_wrong_code_says_so_and_stores_nothing(world, make_student):
    newcomer = make_student("nina")
    response = api_as(newcomer).post("/api/v1/classes/join", {"code": "ZZZZ-ZZZZ"}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"]["code"] == ["This code is wrong or has expired. Check it, or ask for a new code."]
    assert not Membership.objects.filter(student=newcomer).exists()


def test_joining_twice_is_refused(world):
    response = api_as(world.student).post("/api/v1/classes/join", {"code": world.class_a.join_code}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"]["code"] == ["You are already in this class."]
    assert Membership.objects.filter(student=world.student, school_class=world.class_a).count() == 1


def test_a_parent_cannot_join_a_class(world):
    response = api_as(world.parent).post("/api/v1/classes/join", {"code": world.class_a.join_code}, format="json")
    assert response.status_code == 400
    assert not Membership.objects.filter(student=world.parent).exists()


def test_a_renewed_code_replaces_the_old_one(world, make_student):
    old = world.class_a.join_code
    response = api_as(world.teacher).post(f"/api/v1/classes/{world.class_a.pk}/join-code")
    assert response.status_code == 200 and response.json()["join_code"] != old
    with pytest.raises(ValidationError):
        services.class_join(actor=make_student("nina"), code=old)


def test_an_archived_class_cannot_be_joined(world, make_student):
    services.class_archive(actor=world.teacher, school_class=world.class_a)
    with pytest.raises(ValidationError) as error:
        services.class_join(actor=make_student("nina"), code=world.class_a.join_code)
    assert "wrong or has expired" in str(error.value)
    assert not Membership.objects.filter(school_class=world.class_a, ended_at__isnull=True).exists()


def test_leaving_ends_the_teachers_view_of_the_student(world):
    response = api_as(world.student).post(f"/api/v1/classes/{world.class_a.pk}/leave")
    assert response.status_code == 204
    membership = Membership.objects.get(student=world.student, school_class=world.class_a)
    assert membership.ended_reason == Membership.Ended.LEFT
    report = api_as(world.teacher).get(f"/api/v1/classes/{world.class_a.pk}/students/{world.student.pk}/report")
    assert report.status_code == 404


def test_the_teacher_removes_a_student(world):
    response = api_as(world.teacher).delete(f"/api/v1/classes/{world.class_a.pk}/students/{world.classmate.pk}")
    assert response.status_code == 204
    assert Membership.objects.get(student=world.classmate).ended_reason == Membership.Ended.REMOVED
    # Another teacher cannot remove anyone from a class that is not theirs.
    response = api_as(world.other_teacher).delete(f"/api/v1/classes/{world.class_a.pk}/students/{world.student.pk}")
    assert response.status_code == 404
    assert Membership.objects.get(student=world.student).ended_at is None


def test_an_invited_student_accepts_and_joins(world):
    api = api_as(world.other_student)
    pending = api.get("/api/v1/invitations").json()
    assert [i["class_name"] for i in pending] == ["6A"]
    assert pending[0]["teacher"] == {"id": world.teacher.pk, "name": "Tina Teacher"}
    assert api.post(f"/api/v1/invitations/{pending[0]['id']}", {"accept": True}, format="json").status_code == 204
    assert Membership.objects.filter(student=world.other_student, school_class=world.class_a, via="invitation").exists()


def test_a_declined_invitation_adds_nobody(world):
    services.class_invitation_answer(actor=world.other_student, invitation=world.invitation, accept=False)
    assert world.invitation.status == ClassInvitation.Status.DECLINED
    assert not Membership.objects.filter(student=world.other_student, school_class=world.class_a).exists()


def test_someone_elses_invitation_is_not_found(world):
    response = api_as(world.classmate).post(
        f"/api/v1/invitations/{world.invitation.pk}", {"accept": True}, format="json"
    )
    assert response.status_code == 404


def test_inviting_an_unknown_username_or_a_non_student_gets_the_same_answer(world):
    api = api_as(world.teacher)
    unknown = api.post(
        f"/api/v1/classes/{world.class_a.pk}/invitations", {"username": "nobody-here"}, format="json"
    ).json()
    parent = api.post(f"/api/v1/classes/{world.class_a.pk}/invitations", {"username": "pia"}, format="json").json()
    assert unknown["errors"]["username"] == parent["errors"]["username"]
    assert ClassInvitation.objects.count() == 1


def test_inviting_a_member_or_twice_is_refused(world):
    api = api_as(world.teacher)
    member = api.post(f"/api/v1/classes/{world.class_a.pk}/invitations", {"username": "cara"}, format="json")
    twice = api.post(f"/api/v1/classes/{world.class_a.pk}/invitations", {"username": "oleg"}, format="json")
    assert member.status_code == twice.status_code == 400
    assert "already in the class" in member.json()["message"]
    assert "already has an invitation" in twice.json()["message"]


def test_classmates_who_restrict_dissemination_are_hidden_from_students_not_from_the_teacher(world):
    # P6.5: the classmate forbids showing her data to other users.
    world.classmate.profile.restrict_dissemination = True
    world.classmate.profile.save()
    seen_by_student = api_as(world.student).get(f"/api/v1/classes/{world.class_a.pk}").json()
    seen_by_teacher = api_as(world.teacher).get(f"/api/v1/classes/{world.class_a.pk}").json()
    assert {s["name"] for s in seen_by_student["students"]} == {"Sam Student"}
    assert {s["name"] for s in seen_by_teacher["students"]} == {"Sam Student", "Cara Classmate"}
    # The student still sees herself.
    seen_by_classmate = api_as(world.classmate).get(f"/api/v1/classes/{world.class_a.pk}").json()
    assert "Cara Classmate" in {s["name"] for s in seen_by_classmate["students"]}


def test_a_class_shows_people_only_as_id_and_name(world):
    # P3.3: a student sees the teacher's and classmates' names, nothing else.
    data = api_as(world.student).get(f"/api/v1/classes/{world.class_a.pk}").json()
    assert data["teacher"] == {"id": world.teacher.pk, "name": "Tina Teacher"}
    assert all(set(s) == {"id", "name"} for s in data["students"])
    assert data["join_code"] is None
    assert "tina@example.kz" not in str(data) and world.teacher.phone not in str(data)


def test_outsiders_get_404_for_a_class(world):
    for user in (world.other_student, world.other_teacher, world.parent, world.support):
        assert api_as(user).get(f"/api/v1/classes/{world.class_a.pk}").status_code == 404


def test_web_join_with_a_wrong_code_shows_the_error(client, world, make_student):
    client.force_login(make_student("nina"))
    response = client.post(reverse("schools:class_join"), {"code": "nope"})
    assert response.status_code == 400
    assert "This code is wrong or has expired" in response.content.decode()


def test_web_class_creation_and_page(client, world):
    client.force_login(world.teacher)
    response = client.post(reverse("schools:class_create"), {"name": "5C", "grade": 5, "school_year": "2025-2026"})
    school_class = SchoolClass.objects.get(name="5C")
    assert response.status_code == 302 and response["Location"] == reverse(
        "schools:class_detail", args=[school_class.pk]
    )
    page = client.get(response["Location"]).content.decode()
    assert school_class.join_code in page


def test_classes_for_lists_taught_and_attended_classes(world):
    assert list(selectors.classes_for(viewer=world.teacher)) == [world.class_a]
    assert list(selectors.classes_for(viewer=world.student)) == [world.class_a]
    assert list(selectors.classes_for(viewer=world.parent)) == []
