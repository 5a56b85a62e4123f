"""Internal messages between people who share a class or a family link (P4.1.d)."""

import pytest
from django.urls import reverse

from qalan.community.models import Message
from qalan.community.selectors import contacts_for
from tests.conftest import api_as

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

NOT_A_CONTACT = (
    "You can write only to people who share a class or a family link with you. Choose someone from your contacts."
)


@pytest.mark.parametrize(
    ("sender", "recipient"),
    [
        ("student", "teacher"),
        ("student", "classmate"),
        ("student", "parent"),
        ("parent", "teacher"),
        ("teacher", "parent"),
    ],
)
def test_people_who_share_a_class_or_a_link_can_write(world, sender, recipient):
    response = api_as(getattr(world, sender)).post(
        f"/api/v1/messages/with/{getattr(world, recipient).pk}", {"body": "Hello"}, format="json"
    )
    assert response.status_code == 201


@pytest.mark.parametrize(
    ("sender", "recipient"),
    [
        ("student", "other_student"),
        ("student", "other_teacher"),
        ("parent", "other_teacher"),
        ("other_parent", "student"),
        ("support", "student"),
    ],
)
def test_messaging_someone_you_share_nothing_with_is_refused_and_stores_nothing(world, sender, recipient):
    before = Message.objects.count()
    response = api_as(getattr(world, sender)).post(
        f"/api/v1/messages/with/{getattr(world, recipient).pk}", {"body": "Hello"}, format="json"
    )
    assert response.status_code == 400 and response.json()["errors"] == {"recipient": [NOT_A_CONTACT]}
    assert Message.objects.count() == before


def test_a_missing_account_gets_the_same_answer_as_a_stranger(world):
    response = api_as(world.student).post("/api/v1/messages/with/987654", {"body": "Hello"}, format="json")
    assert response.json()["errors"] == {"recipient": [NOT_A_CONTACT]}


def test_a_restricted_classmate_is_not_listed_and_can_only_be_answered(world):
    world.classmate.profile.restrict_dissemination = True
    world.classmate.profile.save()
    assert world.classmate.pk not in {c.user_id for c in contacts_for(viewer=world.student)}
    api = api_as(world.student)
    assert api.post(f"/api/v1/messages/with/{world.classmate.pk}", {"body": "Hi"}, format="json").status_code == 400
    api_as(world.classmate).post(f"/api/v1/messages/with/{world.student.pk}", {"body": "Hi Sam"}, format="json")
    assert (
        api.post(f"/api/v1/messages/with/{world.classmate.pk}", {"body": "Hi Cara"}, format="json").status_code == 201
    )


def test_opening_a_conversation_marks_it_read_and_lists_it(world):
    api = api_as(world.student)
    assert api.get("/api/v1/messages").json()[0]["unread"] == 1
    chat = api.get(f"/api/v1/messages/with/{world.teacher.pk}").json()
    assert [m["body"] for m in chat] == ["Well done, Sam"] and chat[0]["mine"] is False
    assert api.get("/api/v1/messages").json() == [
        {"user_id": world.teacher.pk, "name": "Tina Teacher", "last_at": chat[0]["created_at"], "unread": 0}
    ]


def test_outsiders_cannot_open_a_conversation(world):
    assert api_as(world.other_student).get(f"/api/v1/messages/with/{world.student.pk}").status_code == 404


def test_contacts_show_names_and_relations_only(world):
    contacts = api_as(world.parent).get("/api/v1/messages/contacts").json()
    assert {(c["name"], c["relation"]) for c in contacts} == {("Sam Student", "child"), ("Tina Teacher", "teacher")}
    assert all(set(c) == {"id", "name", "relation"} for c in contacts)


def test_the_conversation_survives_after_leaving_the_class_but_no_new_message(world, client):
    api_as(world.student).post(f"/api/v1/classes/{world.class_a.pk}/leave")
    client.force_login(world.student)
    page = client.get(reverse("community:conversation", args=[world.teacher.pk]))
    assert page.status_code == 200 and "Well done, Sam" in page.content.decode()
    assert "cannot write to them" in page.content.decode()
    response = client.post(reverse("community:conversation", args=[world.teacher.pk]), {"body": "Bye"})
    assert response.status_code == 400 and not Message.objects.filter(body="Bye").exists()


def test_web_messages(world, client):
    client.force_login(world.teacher)
    response = client.post(reverse("community:conversation", args=[world.student.pk]), {"body": "See you tomorrow"})
    assert response.status_code == 302
    assert Message.objects.filter(sender=world.teacher, body="See you tomorrow").exists()
    assert "Sam Student" in client.get(reverse("community:inbox")).content.decode()
