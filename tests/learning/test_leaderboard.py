"""The class leaderboard hides students who restrict dissemination (P6.5)."""

import pytest

from qalan.learning import services
from tests.conftest import api_as

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def names(user, world):
    return [r["student"]["name"] for r in api_as(user).get(f"/api/v1/classes/{world.class_a.pk}/leaderboard").json()]


def test_the_leaderboard_ranks_this_weeks_correct_answers(world):
    for _ in range(2):
        services.attempt_practise(actor=world.classmate, task=world.tasks["numeric"], answer="0.75")
    assert names(world.student, world) == ["Cara Classmate", "Sam Student"]


def test_a_student_who_restricts_dissemination_is_left_out_for_everyone_else(world):
    services.attempt_practise(actor=world.classmate, task=world.tasks["numeric"], answer="0.75")
    world.classmate.profile.restrict_dissemination = True
    world.classmate.profile.save()
    assert names(world.student, world) == ["Sam Student"]
    assert names(world.teacher, world) == ["Sam Student"]
    # She still sees her own place.
    assert "Cara Classmate" in names(world.classmate, world)


def test_outsiders_get_404(world):
    for user in (world.other_student, world.other_teacher, world.parent):
        assert api_as(user).get(f"/api/v1/classes/{world.class_a.pk}/leaderboard").status_code == 404
