"""Practice: instant feedback with the explanation; answers stored (P3.1.c); extended content
only through ``extended_access``."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from qalan.audit.models import AuditEvent
from qalan.learning import selectors, services
from qalan.learning.models import Attempt
from tests.conftest import api_as

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_a_practice_answer_gets_feedback_and_is_stored(world):
    task = world.tasks["numeric"]
    response = api_as(world.classmate).post(f"/api/v1/tasks/{task.pk}/attempts", {"answer": "0,75"}, format="json")
    assert response.status_code == 201
    data = response.json()
    assert data["correct"] is True and data["correct_answer"] == "0.75" and data["explanation"] == "1/2 + 1/4 = 3/4."
    attempt = Attempt.objects.get(pk=data["attempt_id"])
    assert attempt.student == world.classmate and attempt.answer == {"number": "0.75"} and attempt.submission is None
    assert AuditEvent.objects.filter(event_type="learning.answered", extra__attempt=attempt.pk).exists()


def test_a_wrong_answer_shows_the_right_one(world):
    task = world.tasks["single"]
    wrong = task.choices.get(is_correct=False)
    data = api_as(world.classmate).post(f"/api/v1/tasks/{task.pk}/attempts", {"answer": wrong.pk}, format="json").json()
    assert data["correct"] is False and data["your_answer"] == "1/3" and data["correct_answer"] == "1/2"


@pytest.mark.parametrize(
    ("task_key", "answer"), [("numeric", "three quarters"), ("single", "first"), ("multiple", []), ("text", "")]
)
def test_answers_of_the_wrong_type_are_refused_and_not_stored(world, task_key, answer):
    task = world.tasks[task_key]
    before = Attempt.objects.count()
    response = api_as(world.classmate).post(f"/api/v1/tasks/{task.pk}/attempts", {"answer": answer}, format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"message", "errors"} and "answer" in response.json()["errors"]
    assert Attempt.objects.count() == before


def test_task_text_follows_the_language(world):
    task = world.tasks["numeric"]
    ru = api_as(world.classmate).get(f"/api/v1/tasks/{task.pk}", HTTP_ACCEPT_LANGUAGE="ru").json()
    kk = api_as(world.classmate).get(f"/api/v1/tasks/{task.pk}", HTTP_ACCEPT_LANGUAGE="kk").json()
    assert ru["text"] == "Compute 1/2 + 1/4 (ru)" and kk["text"] == "Compute 1/2 + 1/4 (kk)"


def test_extended_content_needs_an_entitlement(world):
    task = world.tasks["extended"]
    api = api_as(world.classmate)
    locked = api.get(f"/api/v1/tasks/{task.pk}")
    assert locked.status_code == 403 and "extended content" in locked.json()["message"]
    assert api.post(f"/api/v1/tasks/{task.pk}/attempts", {"answer": "12"}, format="json").status_code == 403
    services.entitlement_grant(actor=world.support, user=world.classmate, reason="school licence", days=30)
    assert api.get(f"/api/v1/tasks/{task.pk}").status_code == 200
    assert api.post(f"/api/v1/tasks/{task.pk}/attempts", {"answer": "12"}, format="json").json()["correct"] is True


def test_extended_access_ends_with_the_entitlement(world):
    entitlement = services.entitlement_grant(actor=None, user=world.classmate, reason="trial", days=1)
    assert selectors.extended_access(world.classmate)
    services.entitlement_revoke(actor=None, entitlement=entitlement)
    assert not selectors.extended_access(world.classmate)
    services.entitlement_grant(
        actor=None, user=world.classmate, reason="old", starts_at=timezone.now() - timedelta(days=10), days=2
    )
    assert not selectors.extended_access(world.classmate)


def test_web_practice_shows_feedback_and_the_explanation(client, world):
    client.force_login(world.classmate)
    task = world.tasks["numeric"]
    page = client.post(reverse("learning:task", args=[task.pk]), {"answer": "3/4"}).content.decode()
    assert "Correct!" in page and "1/2 + 1/4 = 3/4." in page
    page = client.post(reverse("learning:task", args=[task.pk]), {"answer": "abc"})
    assert page.status_code == 400 and "Enter a number" in page.content.decode()


def test_web_extended_task_is_locked_with_an_explanation(client, world):
    client.force_login(world.classmate)
    response = client.get(reverse("learning:task", args=[world.tasks["extended"].pk]))
    assert response.status_code == 403 and "extended content" in response.content.decode()


def test_unpublished_tasks_are_not_found(world):
    task = world.tasks["percent"]
    task.is_published = False
    task.save()
    assert api_as(world.classmate).get(f"/api/v1/tasks/{task.pk}").status_code == 404


def test_the_catalogue_is_personalised_to_the_profile_grade(world):
    # P4.1.b: the profile's grade chooses the topics shown first.
    api = api_as(world.classmate)
    assert [t["grade"] for s in api.get("/api/v1/subjects").json() for t in s["topics"]] == [6, 6]
    world.classmate.profile.grade = 4
    world.classmate.profile.save()
    assert api.get("/api/v1/subjects").json() == []
    assert len(api.get("/api/v1/subjects?grade=0").json()[0]["topics"]) == 2


def test_task_text_follows_the_profile_language_on_the_web(world, client):
    # P4.1.b: the language saved in the profile personalises the content.
    world.classmate.profile.language = "ru"
    world.classmate.profile.save()
    client.force_login(world.classmate)
    page = client.get(
        reverse("learning:task", args=[world.tasks["numeric"].pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "Compute 1/2 + 1/4 (ru)" in page
