"""Serving and answering: fresh seeds, lives and hints, the solution, closed items, access,
audit, the streak and the review queue."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext

from qalan.accounts.models import Role
from qalan.audit.models import AuditEvent
from qalan.trainer import selectors
from qalan.trainer.models import ItemAttempt, ItemInstance, SkillMastery, StreakDay
from qalan.trainer.services import hint_reveal, item_answer, item_serve, solution_reveal
from qalan.trainer.services.streak import streak_record_right
from tests.conftest import make_user
from tests.trainer.conftest import right, solve, wrong

pytestmark = pytest.mark.django_db


def test_each_serving_is_a_fresh_instance_with_a_new_seed(student, skills):
    first = item_serve(actor=student, skill=skills.alone)
    second = item_serve(actor=student, skill=skills.alone)
    assert first.pk != second.pk
    assert first.seed != second.seed
    assert first.rendered["prompt"]["en"].startswith("Compute $")


def test_serving_is_audited(student, skills):
    instance = item_serve(actor=student, skill=skills.alone)
    assert AuditEvent.objects.filter(event_type="trainer.item_served", extra__instance=str(instance.pk)).exists()


def test_extended_skills_are_not_served_without_an_entitlement(student, skills):
    with pytest.raises(ValidationError) as error:
        item_serve(actor=student, skill=skills.extended)
    assert "skill" in error.value.message_dict
    assert not ItemInstance.objects.exists()


def test_extended_skills_are_served_with_an_entitlement(student, skills):
    from qalan.learning.models import Entitlement

    Entitlement.objects.create(user=student, kind="extended", starts_at=timezone.now() - timedelta(days=1))
    assert item_serve(actor=student, skill=skills.extended).skill == skills.extended


def test_only_students_are_served(db, skills, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    teacher = make_user("terry", role=Role.TEACHER)
    with pytest.raises(ValidationError):
        item_serve(actor=teacher, skill=skills.alone)


def test_a_right_answer_closes_the_item_with_praise(student, skills):
    outcome = solve(student, skills.alone)
    assert outcome.result == "right"
    assert outcome.next == "next"
    assert outcome.message
    assert outcome.instance.status == ItemInstance.Status.CLOSED


def test_an_unreadable_answer_costs_no_life_and_is_stored_as_invalid(student, skills):
    instance = item_serve(actor=student, skill=skills.alone)
    outcome = item_answer(actor=student, instance=instance, answer="abc")
    assert outcome.result == "invalid"
    assert outcome.message
    instance.refresh_from_db()
    assert (instance.lives_left, instance.status) == (3, ItemInstance.Status.OPEN)
    assert ItemAttempt.objects.get(instance=instance).result == "invalid"


def test_a_wrong_answer_costs_a_life_shows_hint_one_and_offers_a_similar_item(student, skills):
    outcome = solve(student, skills.alone, correct=False)
    assert outcome.result == "wrong"
    assert (outcome.instance.lives_left, outcome.next) == (2, "similar")
    assert outcome.hint.startswith("Add the tens first")
    assert outcome.solution == []


def test_the_similar_item_inherits_the_lives_and_a_second_mistake_shows_hint_two(student, skills):
    first = solve(student, skills.alone, correct=False)
    similar = item_serve(actor=student, skill=skills.alone, similar_to=first.instance)
    assert similar.lives_left == 2
    assert similar.seed != first.instance.seed
    outcome = item_answer(actor=student, instance=similar, answer=wrong(similar))
    assert outcome.instance.lives_left == 1
    assert outcome.hint.startswith("Then add the units")


def test_the_last_life_closes_the_item_and_shows_the_worked_solution(student, skills):
    instance = item_serve(actor=student, skill=skills.alone)
    for _ in range(3):
        outcome = item_answer(actor=student, instance=instance, answer=wrong(instance))
        if outcome.next == "similar":
            instance = item_serve(actor=student, skill=skills.alone, similar_to=instance)
    assert outcome.instance.lives_left == 0
    assert outcome.instance.solution_seen is True
    assert outcome.solution == [
        "Add {} and {}".format(instance.params["a"], instance.params["b"]),
        "The sum is the answer",
    ]
    assert outcome.next == "next"


def test_a_similar_item_needs_a_wrong_answer_with_lives_left(student, skills):
    done = solve(student, skills.alone)
    with pytest.raises(ValidationError) as error:
        item_serve(actor=student, skill=skills.alone, similar_to=done.instance)
    assert "similar_to" in error.value.message_dict


def test_answering_a_closed_item_changes_nothing_and_says_so(student, skills):
    done = solve(student, skills.alone)
    with pytest.raises(ValidationError) as error:
        item_answer(actor=student, instance=done.instance, answer="1")
    assert error.value.message_dict["answer"][0] == gettext(
        "This item is already finished, so this answer changes nothing. Go on to the next item."
    )
    assert ItemAttempt.objects.filter(instance=done.instance).count() == 1


@pytest.mark.parametrize("answer", ["", "   ", None, 12, ["1"], "9" * 10_000])
def test_blank_non_text_or_huge_answers_are_refused_and_store_nothing(student, skills, answer):
    instance = item_serve(actor=student, skill=skills.alone)
    with pytest.raises(ValidationError) as error:
        item_answer(actor=student, instance=instance, answer=answer)
    assert "answer" in error.value.message_dict
    assert not ItemAttempt.objects.exists()


def test_another_students_item_cannot_be_answered(student, other_student, skills):
    instance = item_serve(actor=student, skill=skills.alone)
    with pytest.raises(ValidationError):
        item_answer(actor=other_student, instance=instance, answer=right(instance))
    assert not ItemAttempt.objects.exists()


def test_hints_come_one_at_a_time_and_run_out(student, skills):
    instance = item_serve(actor=student, skill=skills.alone)
    assert hint_reveal(actor=student, instance=instance).startswith("Add the tens")
    assert hint_reveal(actor=student, instance=instance).startswith("Then add")
    with pytest.raises(ValidationError) as error:
        hint_reveal(actor=student, instance=instance)
    assert "hint" in error.value.message_dict


def test_the_solution_is_shown_and_marked_seen(student, skills):
    instance = item_serve(actor=student, skill=skills.alone)
    steps = solution_reveal(actor=student, instance=instance)
    assert len(steps) == 2
    instance.refresh_from_db()
    assert instance.solution_seen is True
    assert AuditEvent.objects.filter(event_type="trainer.solution_shown").count() == 1


# --- Streak ---------------------------------------------------------------------------------


def test_a_day_counts_for_the_streak_after_enough_right_counted_answers(student, skills, settings):
    settings.QALAN_STREAK_MIN_RIGHT = 2
    solve(student, skills.alone)
    assert selectors.streak_count(student=student) == 0
    solve(student, skills.alone)
    assert selectors.streak_count(student=student) == 1


def test_answers_that_do_not_count_do_not_feed_the_streak(student, skills, settings):
    settings.QALAN_STREAK_MIN_RIGHT = 1
    instance = item_serve(actor=student, skill=skills.alone)
    solution_reveal(actor=student, instance=instance)
    item_answer(actor=student, instance=instance, answer=right(instance))
    assert not StreakDay.objects.exists()


def _days(student, today, offsets, settings):
    for offset in offsets:
        for _ in range(settings.QALAN_STREAK_MIN_RIGHT):
            streak_record_right(student=student, day=today - timedelta(days=offset))


def test_one_missed_day_is_bridged_by_a_freeze(student, settings):
    settings.QALAN_STREAK_MIN_RIGHT = 1
    today = timezone.localdate()
    _days(student, today, [4, 3, 2], settings)
    _days(student, today, [0], settings)  # yesterday missed
    assert StreakDay.objects.get(student=student, day=today - timedelta(days=1)).is_freeze
    assert selectors.streak_count(student=student, today=today) == 4


def test_only_one_freeze_a_week(student, settings):
    settings.QALAN_STREAK_MIN_RIGHT = 1
    today = timezone.localdate()
    _days(student, today, [6, 4], settings)  # day 5 missed: frozen
    _days(student, today, [2], settings)  # day 3 missed: no second freeze this week
    assert StreakDay.objects.filter(student=student, is_freeze=True).count() == 1
    assert selectors.streak_count(student=student, today=today - timedelta(days=2)) == 1


def test_two_missed_days_break_the_streak(student, settings):
    settings.QALAN_STREAK_MIN_RIGHT = 1
    today = timezone.localdate()
    _days(student, today, [5, 4], settings)
    _days(student, today, [1, 0], settings)
    assert selectors.streak_count(student=student, today=today) == 2


# --- Review queue and history ---------------------------------------------------------------


def test_the_review_queue_lists_skills_whose_review_is_due(student, skills):
    SkillMastery.objects.create(
        student=student,
        skill=skills.alone,
        score=80,
        level="proficient",
        review_due_at=timezone.now() - timedelta(hours=1),
    )
    SkillMastery.objects.create(
        student=student,
        skill=skills.add5,
        score=80,
        level="proficient",
        review_due_at=timezone.now() + timedelta(days=1),
    )
    assert [m.skill for m in selectors.review_due(student=student)] == [skills.alone]


def test_history_lists_only_the_students_own_answers_newest_first(student, other_student, skills):
    solve(student, skills.alone)
    solve(student, skills.add5, correct=False)
    solve(other_student, skills.alone)
    history = selectors.answers_history(student=student)
    assert [a.instance.skill for a in history] == [skills.add5, skills.alone]
