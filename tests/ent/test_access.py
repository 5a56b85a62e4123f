"""Who sees a mock: the student takes it; a linked parent and the student's teacher read its
report; anyone else gets 404, on the web and in the API."""

import pytest
from django.urls import reverse

from qalan.ent import services
from qalan.ent.models import EntMock
from tests.conftest import token_for
from tests.ent.conftest import right_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(world, ent_content):
    mock = services.mock_start(actor=world.student, section="literacy")
    return services.mock_submit(actor=world.student, mock=mock, given=right_answers(mock))


def _api(user):
    from rest_framework.test import APIClient

    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(user)}")
    return client


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("student", 200),
        ("parent", 200),
        ("teacher", 200),
        ("classmate", 404),
        ("other_parent", 404),
        ("other_teacher", 404),
    ],
)
def test_the_report_is_for_the_student_a_linked_parent_and_the_teacher(world, submitted, client, persona, status):
    client.force_login(getattr(world, persona))
    assert client.get(reverse("ent:report", args=[submitted.pk])).status_code == status
    assert _api(getattr(world, persona)).get(f"/api/v1/ent/mocks/{submitted.pk}/report").status_code == status


def test_only_the_student_answers_the_mock(world, ent_content, client):
    mock = services.mock_start(actor=world.student, section="literacy")
    for persona in ("parent", "teacher", "classmate"):
        client.force_login(getattr(world, persona))
        assert client.get(reverse("ent:mock", args=[mock.pk])).status_code == 404
        assert client.post(reverse("ent:save", args=[mock.pk]), {"q1": "a"}).status_code == 404
    assert not mock.items.exclude(answer="").exists()


def test_a_student_who_withdrew_disclosure_is_not_shown_to_the_parent(world, submitted, client):
    from qalan.privacy.services import consent_withdraw

    consent_withdraw(actor=world.student, user=world.student, purpose="disclosure", channel="web")
    client.force_login(world.parent)
    assert client.get(reverse("ent:report", args=[submitted.pk])).status_code == 404


def test_the_parent_lists_the_childs_mocks(world, submitted, client):
    client.force_login(world.parent)
    page = client.get(reverse("ent:student_mocks", args=[world.student.pk]))
    assert page.status_code == 200
    assert reverse("ent:report", args=[submitted.pk]) in page.content.decode()
    assert _api(world.parent).get(f"/api/v1/ent/students/{world.student.pk}/mocks").json()[0]["points"] == 10
    client.force_login(world.other_parent)
    assert client.get(reverse("ent:student_mocks", args=[world.student.pk])).status_code == 404


def test_the_web_sitting_saves_submits_and_reports(world, ent_content, client):
    client.force_login(world.student)
    response = client.post(reverse("ent:start", args=["literacy"]), {"kind": "mock"})
    mock = EntMock.objects.get(student=world.student)
    assert response.url == reverse("ent:mock", args=[mock.pk])
    page = client.get(response.url).content.decode()
    assert 'id="sitting-countdown"' in page and 'name="q1"' in page
    item = mock.items.get(position=1)
    saved = client.post(reverse("ent:save", args=[mock.pk]), {"q1": item.key})
    assert saved.status_code == 200 and saved.json()["saved"]
    # The page posts the whole form: what is checked now is the answer (an unticked box clears).
    done = client.post(reverse("ent:mock", args=[mock.pk]), {"q1": item.key, "q2": mock.items.get(position=2).key})
    assert done.url == reverse("ent:report", args=[mock.pk])
    mock.refresh_from_db()
    assert mock.points == 2
