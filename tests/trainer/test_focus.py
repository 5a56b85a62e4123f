"""The daily focus: one skill a day, chosen from due reviews, weak prerequisites, then the next
skill; serving continues it; it ends when the skill sticks or its lives run out."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from qalan.trainer.models import FocusSession, SkillMastery
from qalan.trainer.services import focus_item_serve, focus_today, item_answer
from tests.trainer.conftest import right, wrong

pytestmark = pytest.mark.django_db


def known(student, skill, level="familiar", **extra):
    return SkillMastery.objects.create(
        student=student, skill=skill, score=60, level=level, evidence=[[1, 1, "x"]] * 2, **extra
    )


def test_a_weak_prerequisite_of_the_next_skill_comes_first_even_from_an_earlier_grade(student, skills):
    focus = focus_today(actor=student)
    assert (focus.skill, focus.reason) == (skills.add5, FocusSession.Reason.PREREQUISITE)


def test_the_next_skill_is_chosen_when_its_prerequisites_are_known(student, skills):
    known(student, skills.add5)
    focus = focus_today(actor=student)
    assert (focus.skill, focus.reason) == (skills.add2, FocusSession.Reason.NEXT)


def test_a_due_review_comes_before_anything_else(student, skills):
    known(
        student,
        skills.alone,
        level="proficient",
        review_due_at=timezone.now() - timedelta(hours=2),
        review_interval_days=1,
    )
    focus = focus_today(actor=student)
    assert (focus.skill, focus.reason) == (skills.alone, FocusSession.Reason.REVIEW)


def test_the_focus_is_one_skill_a_day(student, skills):
    first = focus_today(actor=student)
    known(student, skills.add5, level="proficient")
    assert focus_today(actor=student).pk == first.pk
    assert FocusSession.objects.filter(student=student).count() == 1


def test_serving_in_the_focus_continues_the_same_skill_and_reserves_an_open_item(student, skills):
    first = focus_item_serve(actor=student)
    assert focus_item_serve(actor=student).pk == first.pk
    item_answer(actor=student, instance=first, answer=right(first))
    second = focus_item_serve(actor=student)
    assert second.pk != first.pk
    assert second.skill == first.skill == skills.add5
    assert second.difficulty >= 2  # after a right answer the focus asks for harder items


def test_a_mistake_in_the_focus_is_followed_by_a_similar_item(student, skills):
    first = focus_item_serve(actor=student)
    item_answer(actor=student, instance=first, answer=wrong(first))
    similar = focus_item_serve(actor=student)
    assert similar.similar_to_id == first.pk
    assert similar.lives_left == 2


def test_three_right_first_answers_in_a_row_at_difficulty_two_make_the_skill_stick(student, skills):
    outcomes = []
    for _ in range(4):
        item = focus_item_serve(actor=student)
        outcomes.append(item_answer(actor=student, instance=item, answer=right(item)))
        if outcomes[-1].next == "done":
            break
    focus = FocusSession.objects.get(student=student)
    assert focus.status == FocusSession.Status.STUCK
    assert focus.right_in_row == 3
    assert outcomes[-1].next == "done"
    with pytest.raises(ValidationError) as error:
        focus_item_serve(actor=student)
    assert "focus" in error.value.message_dict


def test_the_focus_ends_when_its_lives_run_out(student, skills):
    for _ in range(3):
        item = focus_item_serve(actor=student)
        outcome = item_answer(actor=student, instance=item, answer=wrong(item))
    focus = FocusSession.objects.get(student=student)
    assert (focus.status, focus.lives_left) == (FocusSession.Status.OUT_OF_LIVES, 0)
    assert outcome.next == "done"
    assert outcome.solution


def test_a_wrong_answer_resets_the_run(student, skills):
    for correct in (True, True, False):
        item = focus_item_serve(actor=student)
        item_answer(actor=student, instance=item, answer=right(item) if correct else wrong(item))
    assert FocusSession.objects.get(student=student).right_in_row == 0


def test_extended_skills_are_never_chosen_without_access(student, skills):
    for skill in (skills.add5, skills.add2, skills.sum3, skills.alone):
        known(student, skill, level="proficient")
    assert focus_today(actor=student) is None
