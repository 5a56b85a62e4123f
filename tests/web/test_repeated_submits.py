"""A second submit of a state-changing form (a double click, a second tab, the back button)
gets a page with a message, never a server error."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from qalan.learning.models import Assignment
from qalan.privacy import views as privacy_views
from qalan.privacy.models import GuardianConsentRequest
from qalan.rights.models import DataRequest
from qalan.schools import services as schools
from tests.conftest import make_user
from tests.privacy.test_minors import guardian_link_and_code, years_ago

pytestmark = pytest.mark.django_db
OK = {200, 302, 400}


def shown(response) -> str:
    """What the person sees: the page, plus the messages waiting for the next page."""
    text = response.content.decode()
    text += " ".join(str(m) for m in get_messages(response.wsgi_request))
    return text


def test_guardian_consent_answered_twice_at_once(client, monkeypatch):
    """Two tabs load the form before either submits: the later one is told, not a 500."""
    make_user("little-aru", birth_date=years_ago(10), guardian_contact="8 701 999 88 77", guardian_agreed=True)
    link, _code = guardian_link_and_code()
    stale = GuardianConsentRequest.objects.get()  # loaded by the second tab, still unanswered
    answer = {"guardian_name": "Saule N.", "relationship": "parent", "consent": "on"}
    assert client.post(link, answer).status_code == 200
    monkeypatch.setattr(privacy_views.services, "guardian_request_from_token", lambda token: stale)
    again = client.post(link, answer)
    assert again.status_code in OK
    assert "already answered" in shown(again)


def test_guardian_link_submitted_again_after_the_answer(client):
    make_user("little-aru", birth_date=years_ago(10), guardian_contact="8 701 999 88 77", guardian_agreed=True)
    link, _code = guardian_link_and_code()
    answer = {"guardian_name": "Saule N.", "relationship": "parent", "consent": "on"}
    client.post(link, answer)
    again = client.post(link, answer)
    assert again.status_code == 400 and "not valid" in shown(again)


def test_consent_withdrawn_twice(client, alice):
    client.force_login(alice)
    url = reverse("rights:consent_withdraw", args=["marketing"])
    client.post(url)
    again = client.post(url)
    assert again.status_code in OK
    assert "nothing to withdraw" in shown(again)


def test_data_request_submitted_twice_and_withdrawn_twice(client, alice):
    client.force_login(alice)
    data = {"kind": "correction", "description": "My birth date is 1 May 2000.", "data_concerned": "birth date"}
    first = client.post(reverse("rights:request_new"), data)
    assert first.status_code == 302
    again = client.post(reverse("rights:request_new"), data)
    assert again.status_code in OK
    assert DataRequest.objects.filter(user=alice, kind="correction").count() == 1
    assert "Open request" in shown(again) or "already" in shown(again)
    request = DataRequest.objects.get(user=alice, kind="correction")
    url = reverse("rights:request_withdraw", args=[request.pk])
    assert client.post(url).status_code == 302
    again = client.post(url)
    assert again.status_code in OK and shown(again).strip()


def test_class_joined_twice(client, world):
    client.force_login(world.student)
    again = client.post(reverse("schools:class_join"), {"code": world.class_a.join_code})
    assert again.status_code in OK
    assert "already" in shown(again)


def test_homework_created_twice_and_deleted_twice(client, world):
    client.force_login(world.teacher)
    url = reverse("learning:homework_create", args=[world.class_a.pk])
    data = {
        "title": "Twice",
        "due_at": (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
        "tasks": [world.tasks["single"].pk],
    }
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code in OK
    assignment = Assignment.objects.filter(title="Twice").first()
    delete = reverse("learning:homework_delete", args=[assignment.pk])
    assert client.post(delete).status_code == 302
    # The homework is gone: a second delete finds nothing of this teacher's to delete.
    assert client.post(delete).status_code in OK | {404}


def test_link_confirmed_twice(client, world):
    parent = make_user("pavel", role="parent")
    _invitation, code = schools.link_invitation_create(actor=parent)
    client.force_login(world.classmate)
    assert client.post(reverse("schools:link_confirm"), {"code": code}).status_code == 302
    again = client.post(reverse("schools:link_confirm"), {"code": code})
    assert again.status_code in OK and shown(again).strip()


def test_a_service_error_without_fields_no_view_caught_becomes_a_message(client, alice, monkeypatch):
    """The net under every view: an uncaught ValidationError is a message on the previous page."""
    from qalan.schools import views as school_views

    def refuse(**kwargs):
        raise ValidationError("You already left this class.")

    monkeypatch.setattr(school_views.services, "link_end", refuse)
    monkeypatch.setattr(school_views.selectors, "link_get", lambda **kwargs: None)
    client.force_login(alice)
    response = client.post(reverse("schools:link_remove", args=[1]), HTTP_REFERER="http://evil.example/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert "You already left this class." in shown(response)


def test_apply_service_errors_takes_errors_with_and_without_fields():
    from django import forms

    from qalan.core.feedback import apply_service_errors

    class F(forms.Form):
        code = forms.CharField()

    form = F({"code": "x"})
    form.is_valid()
    apply_service_errors(form, ValidationError("Already answered."))
    apply_service_errors(form, ValidationError({"code": ["Wrong code."], "other": ["Elsewhere."]}))
    assert form.non_field_errors() == ["Already answered.", "Elsewhere."]
    assert form.errors["code"] == ["Wrong code."]


def test_api_error_shape_for_errors_without_fields(alice_api, monkeypatch):
    from qalan.core.api import exception_handler

    response = exception_handler(ValidationError("This request was already answered."), {})
    assert response.status_code == 400
    assert response.data == {
        "message": "This request was already answered.",
        "errors": {"non_field_errors": ["This request was already answered."]},
    }


def test_api_repeated_submits_get_the_error_shape(world):
    from tests.conftest import api_as

    student = api_as(world.student)
    again = student.post("/api/v1/classes/join", {"code": world.class_a.join_code}, format="json")
    assert again.status_code == 400
    body = again.json()
    assert set(body) == {"message", "errors"} and body["message"]
    parent = make_user("pavel", role="parent")
    _invitation, code = schools.link_invitation_create(actor=parent)
    classmate = api_as(world.classmate)
    assert classmate.post("/api/v1/links/confirm", {"code": code}, format="json").status_code in {200, 201}
    again = classmate.post("/api/v1/links/confirm", {"code": code}, format="json")
    assert again.status_code == 400 and again.json()["message"]


def test_api_service_error_without_fields_is_a_translated_message():
    from django.utils import translation
    from django.utils.translation import gettext_lazy

    from qalan.core.api import exception_handler

    # An error with no field, in Russian: the message is the translation, under non_field_errors.
    error = ValidationError(gettext_lazy("This request was already answered."))
    with translation.override("ru"):
        response = exception_handler(error, {})
        expected = str(gettext_lazy("This request was already answered."))
    assert expected != "This request was already answered."
    assert response.status_code == 400
    assert response.data["message"] == expected and response.data["errors"] == {"non_field_errors": [expected]}
