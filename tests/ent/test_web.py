"""ENT pages: in each of the four languages, the countdown and the submission when time runs
out, and who is told the track is not for them."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from qalan.ent import services
from qalan.ent.models import EntMock

pytestmark = pytest.mark.django_db

TITLES = {"kk": "ҰБТ-ға дайындық", "ru": "Подготовка к ЕНТ", "en": "ENT preparation", "uz": "YaMTga tayyorgarlik"}
SECTIONS = {
    "kk": "Математикалық сауаттылық",
    "ru": "Математическая грамотность",
    "en": "Mathematical literacy",
    "uz": "Matematik savodxonlik",
}


@pytest.mark.parametrize("language", ["kk", "ru", "en", "uz"])
def test_the_pages_speak_the_four_languages(ent_content, senior, client, language):
    client.force_login(senior)
    home = client.get(reverse("ent:home"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert TITLES[language] in home and SECTIONS[language] in home
    mock = services.mock_start(actor=senior, section="literacy")
    sitting = client.get(reverse("ent:mock", args=[mock.pk]), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert SECTIONS[language] in sitting
    services.mock_submit(actor=senior, mock=mock)
    report = client.get(reverse("ent:report", args=[mock.pk]), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert {"kk": "10 ұпайдан", "ru": "из 10 баллов", "en": "of 10 points", "uz": "10 balldan"}[language] in report


def test_the_sitting_counts_down_to_the_deadline(ent_content, senior, client):
    client.force_login(senior)
    mock = services.mock_start(actor=senior, section="literacy")
    page = client.get(reverse("ent:mock", args=[mock.pk])).content.decode()
    assert 'data-seconds="1199"' in page or 'data-seconds="1200"' in page
    assert "learning/sitting.js" in page


def test_opening_a_mock_after_its_time_submits_the_saved_answers(ent_content, senior, client):
    client.force_login(senior)
    mock = services.mock_start(actor=senior, section="literacy")
    services.mock_save(actor=senior, mock=mock, given={"1": mock.items.get(position=1).key})
    EntMock.objects.filter(pk=mock.pk).update(deadline_at=timezone.now() - timedelta(minutes=1))
    response = client.get(reverse("ent:mock", args=[mock.pk]))
    assert response.url == reverse("ent:report", args=[mock.pk])
    mock.refresh_from_db()
    assert mock.status == EntMock.Status.SUBMITTED and mock.timed_out and mock.points == 1


def test_a_younger_student_is_told_the_track_is_for_grades_10_and_11(ent_content, make_student, client):
    young = make_student("yerlan")
    young.profile.grade = 7
    young.profile.save()
    client.force_login(young)
    assert "meant for grades 10 and 11" in client.get(reverse("ent:home")).content.decode()


def test_a_teacher_is_told_that_only_students_take_mocks(world, client):
    client.force_login(world.teacher)
    page = client.get(reverse("ent:home")).content.decode()
    assert "Only students take ENT mocks" in page and "Start a mock test" not in page


def test_the_menu_offers_the_track_to_students_of_grades_10_and_11_only(ent_content, senior, make_student, client):
    link = f'href="{reverse("ent:home")}"'
    client.force_login(senior)
    assert link in client.get(reverse("trainer:home")).content.decode()
    young = make_student("aidana")
    young.profile.grade = 7
    young.profile.save()
    client.force_login(young)
    assert link not in client.get(reverse("trainer:home")).content.decode()
