"""The mastery model: only counted answers move it, difficulty and recency weigh, levels need
evidence, spaced review, and none of the known exploits raises anything."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone

from qalan.trainer import mastery
from qalan.trainer.mastery import level_of, score_of
from qalan.trainer.models import ItemAttempt, MasteryChange, MasteryLevel, SkillMastery
from qalan.trainer.services import hint_reveal, item_answer, item_serve, solution_reveal
from tests.trainer.conftest import right, solve, wrong

pytestmark = pytest.mark.django_db
NOW = "2026-01-01T00:00:00+00:00"


def ev(*answers):
    """Evidence from (right, difficulty) pairs, oldest first."""
    return [[r, d, NOW] for r, d in answers]


def level(evidence, counted=None, interval=0):
    counted = len(evidence) if counted is None else counted
    return level_of(score=score_of(evidence), evidence=evidence, counted=counted, review_interval_days=interval)


# --- The formula ----------------------------------------------------------------------------


def test_no_evidence_scores_zero_and_is_not_started():
    assert score_of([]) == 0
    assert level([]) == MasteryLevel.NOT_STARTED


def test_one_right_answer_is_modest_never_full_marks():
    assert score_of(ev((1, 1))) == 50
    assert level(ev((1, 1))) == MasteryLevel.ATTEMPTED


def test_a_hard_right_answer_counts_more_than_an_easy_one():
    assert score_of(ev((1, 3))) > score_of(ev((1, 2))) > score_of(ev((1, 1)))


def test_missing_an_easy_item_costs_more_than_missing_a_hard_one():
    base = [(1, 2)] * 4
    assert score_of(ev(*base, (0, 1))) < score_of(ev(*base, (0, 3)))


def test_recent_wrong_answers_lower_the_score_more_than_old_ones():
    recent_wrongs = ev((1, 2), (1, 2), (1, 2), (1, 2), (0, 2), (0, 2))
    old_wrongs = ev((0, 2), (0, 2), (1, 2), (1, 2), (1, 2), (1, 2))
    assert score_of(recent_wrongs) < score_of(old_wrongs)


def test_the_score_can_go_down():
    good = ev(*[(1, 2)] * 6)
    assert score_of([*good, *ev((0, 2))]) < score_of(good)


def test_easy_items_alone_never_reach_mastered():
    evidence = ev(*[(1, 1)] * 20)
    assert score_of(evidence) < mastery.MASTERED
    assert level(evidence, interval=60) == MasteryLevel.PROFICIENT


def test_proficient_needs_four_counted_answers():
    three = ev((1, 3), (1, 3), (1, 3))
    assert score_of(three) >= mastery.PROFICIENT
    assert level(three) == MasteryLevel.FAMILIAR
    assert level(ev((1, 3), (1, 3), (1, 3), (1, 3))) == MasteryLevel.PROFICIENT


def test_mastered_needs_six_counted_a_recent_hard_right_and_a_passed_review():
    evidence = ev(*[(1, 3)] * 6)
    assert score_of(evidence) >= mastery.MASTERED
    assert level(evidence, interval=0) == MasteryLevel.PROFICIENT  # no review passed yet
    assert level(evidence, interval=1) == MasteryLevel.PROFICIENT  # review scheduled, not passed
    assert level(evidence, interval=3) == MasteryLevel.MASTERED
    assert level(evidence, counted=5, interval=3) == MasteryLevel.PROFICIENT


def test_familiar_needs_two_pieces_of_evidence_and_half_marks():
    assert level(ev((1, 2), (1, 2))) == MasteryLevel.FAMILIAR
    assert level(ev((0, 2), (1, 1))) == MasteryLevel.ATTEMPTED


# --- Through the services: only counted answers move it --------------------------------------


def test_a_right_first_answer_counts_and_writes_a_mastery_change(student, skills):
    outcome = solve(student, skills.alone, difficulty=2)
    assert outcome.attempt.counts is True
    assert outcome.mastery.score == score_of(ev((1, 2)))
    change = MasteryChange.objects.get(student=student)
    assert (change.before, change.after) == (0, outcome.mastery.score)


def test_answer_wrong_read_the_solution_retype_it_gives_nothing(student, skills):
    instance = item_serve(actor=student, skill=skills.alone, difficulty=1)
    item_answer(actor=student, instance=instance, answer=wrong(instance))
    score_after_wrong = SkillMastery.objects.get(student=student, skill=skills.alone).score
    solution_reveal(actor=student, instance=instance)
    with pytest.raises(ValidationError):
        item_answer(actor=student, instance=instance, answer=right(instance))
    assert SkillMastery.objects.get(student=student, skill=skills.alone).score == score_after_wrong
    assert ItemAttempt.objects.filter(instance=instance).count() == 1


def test_reading_the_solution_first_makes_the_right_answer_count_for_nothing(student, skills):
    instance = item_serve(actor=student, skill=skills.alone)
    solution_reveal(actor=student, instance=instance)
    outcome = item_answer(actor=student, instance=instance, answer=right(instance))
    assert outcome.result == "right"
    assert outcome.attempt.counts is False
    assert not SkillMastery.objects.filter(student=student, skill=skills.alone, counted__gt=0).exists()
    assert not MasteryChange.objects.filter(student=student).exists()


def test_an_answer_after_a_hint_does_not_count(student, skills):
    instance = item_serve(actor=student, skill=skills.alone)
    hint_reveal(actor=student, instance=instance)
    outcome = item_answer(actor=student, instance=instance, answer=right(instance))
    assert outcome.attempt.counts is False


def test_resubmitting_a_right_answer_gives_nothing(student, skills):
    instance = item_serve(actor=student, skill=skills.alone)
    item_answer(actor=student, instance=instance, answer=right(instance))
    before = SkillMastery.objects.get(student=student, skill=skills.alone)
    for _ in range(3):
        with pytest.raises(ValidationError):
            item_answer(actor=student, instance=instance, answer=right(instance))
    after = SkillMastery.objects.get(student=student, skill=skills.alone)
    assert (after.score, after.counted) == (before.score, before.counted)
    assert MasteryChange.objects.filter(student=student).count() == 1


def test_an_unreadable_answer_then_a_right_one_still_counts_once(student, skills):
    instance = item_serve(actor=student, skill=skills.alone)
    item_answer(actor=student, instance=instance, answer="abc")
    outcome = item_answer(actor=student, instance=instance, answer=right(instance))
    assert outcome.attempt.counts is True
    assert SkillMastery.objects.get(student=student, skill=skills.alone).counted == 1


def test_a_similar_item_after_a_mistake_counts_as_fresh(student, skills):
    first = solve(student, skills.alone, correct=False)
    similar = item_serve(actor=student, skill=skills.alone, similar_to=first.instance)
    outcome = item_answer(actor=student, instance=similar, answer=right(similar))
    assert outcome.attempt.counts is True
    assert SkillMastery.objects.get(student=student, skill=skills.alone).counted == 2


def test_recent_wrong_answers_lower_the_stored_score(student, skills):
    for _ in range(4):
        solve(student, skills.alone, difficulty=2)
    high = SkillMastery.objects.get(student=student, skill=skills.alone).score
    solve(student, skills.alone, correct=False, difficulty=2)
    solve(student, skills.alone, correct=False, difficulty=2)
    low = SkillMastery.objects.get(student=student, skill=skills.alone)
    assert low.score < high
    assert MasteryChange.objects.filter(student=student, after__lt=F("before")).count() == 2


def test_harder_items_raise_the_score_more(student, other_student, skills):
    solve(student, skills.alone, difficulty=3)
    solve(other_student, skills.alone, difficulty=1)
    hard = SkillMastery.objects.get(student=student, skill=skills.alone).score
    easy = SkillMastery.objects.get(student=other_student, skill=skills.alone).score
    assert hard > easy


# --- Spaced review --------------------------------------------------------------------------


def _record(student, skill, right_, at, difficulty=3):
    return mastery.mastery_record(student=student, skill=skill, right=right_, difficulty=difficulty, at=at).mastery


def test_reaching_proficient_schedules_a_review_a_day_later(student, skills):
    start = timezone.now()
    for i in range(4):
        m = _record(student, skills.alone, True, start + timedelta(minutes=i))
    assert m.level == MasteryLevel.PROFICIENT
    assert m.review_interval_days == 1
    assert m.review_due_at == start + timedelta(minutes=3, days=1)


def test_a_passed_review_grows_the_interval_and_unlocks_mastered(student, skills):
    start = timezone.now()
    for i in range(6):
        _record(student, skills.alone, True, start + timedelta(minutes=i))
    m = SkillMastery.objects.get(student=student, skill=skills.alone)
    assert m.level == MasteryLevel.PROFICIENT  # score high enough, review not yet passed
    m = _record(student, skills.alone, True, m.review_due_at + timedelta(hours=1))
    assert m.review_interval_days == 3
    assert m.level == MasteryLevel.MASTERED
    assert m.mastered_at is not None
    m = _record(student, skills.alone, True, m.review_due_at + timedelta(hours=1))
    assert m.review_interval_days == 7


def test_a_failed_review_lowers_the_score_and_shortens_the_interval(student, skills):
    start = timezone.now()
    for i in range(6):
        _record(student, skills.alone, True, start + timedelta(minutes=i))
    m = _record(student, skills.alone, True, start + timedelta(days=2))  # review passed: 3 days
    m = _record(student, skills.alone, True, start + timedelta(days=6))  # passed: 7 days
    score = m.score
    m = _record(student, skills.alone, False, start + timedelta(days=14))
    assert m.score < score
    assert m.review_interval_days == 3
    assert m.review_due_at == start + timedelta(days=17)


def test_answers_before_the_review_is_due_do_not_move_the_schedule(student, skills):
    start = timezone.now()
    for i in range(4):
        m = _record(student, skills.alone, True, start + timedelta(minutes=i))
    due = m.review_due_at
    m = _record(student, skills.alone, True, start + timedelta(hours=2))
    assert (m.review_due_at, m.review_interval_days) == (due, 1)


def test_placement_gives_familiar_and_no_more(student, skills):
    m = mastery.mastery_place_known(student=student, skill=skills.add5).mastery
    assert m.level == MasteryLevel.FAMILIAR
    assert m.counted == 0
    again = mastery.mastery_place_known(student=student, skill=skills.add5).mastery
    assert again.evidence == m.evidence
