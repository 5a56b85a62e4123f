"""Mocks: a fresh sealed item set, answers saved as chosen, submission (also when time runs out),
the NTC's scoring with partial credit, mastery evidence like a test's."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from qalan.audit.models import AuditEvent
from qalan.ent import services
from qalan.ent.blueprint import QuestionType
from qalan.ent.models import EntMock
from qalan.ent.services import question_score
from qalan.trainer.models import ItemAttempt, ItemInstance, Purpose, SkillMastery
from qalan.trainer.services import item_serve
from tests.ent.conftest import one_wrong, right_answers

pytestmark = pytest.mark.django_db


def test_a_mock_has_every_position_with_a_sealed_fresh_item(ent_content, senior):
    mock = services.mock_start(actor=senior, section="maths")
    items = list(mock.items.select_related("instance"))
    assert [i.position for i in items] == list(range(1, 41))
    assert mock.max_points == 50 and sum(i.max_points for i in items) == 50
    assert all(i.instance.sealed and i.instance.purpose == Purpose.TEST for i in items)
    assert {len(i.options) for i in items if i.question_type == QuestionType.MULTI} == {6}
    assert {len(i.options) for i in items if i.question_type != QuestionType.MULTI} == {4}
    assert mock.deadline_at - mock.started_at == timedelta(minutes=80)
    assert AuditEvent.objects.filter(event_type="ent.mock_started", extra__mock=mock.pk).exists()


def test_starting_again_continues_the_open_mock_and_a_retake_has_new_items(ent_content, senior):
    first = services.mock_start(actor=senior, section="literacy")
    assert services.mock_start(actor=senior, section="literacy").pk == first.pk
    services.mock_submit(actor=senior, mock=first)
    second = services.mock_start(actor=senior, section="literacy")
    assert second.pk != first.pk
    old = set(first.items.values_list("instance__seed", flat=True))
    new = set(second.items.values_list("instance__seed", flat=True))
    assert not old & new


def test_only_students_take_mocks(ent_content, make_student):
    from qalan.accounts.models import Role
    from tests.conftest import make_user

    teacher = make_user("tom", role=Role.TEACHER)
    with pytest.raises(ValidationError):
        services.mock_start(actor=teacher, section="maths")


def test_sealed_items_cannot_be_practised_while_the_mock_is_open(ent_content, senior):
    mock = services.mock_start(actor=senior, section="literacy")
    with pytest.raises(ValidationError):
        item_serve(actor=senior, skill=mock.items.first().skill)


def test_all_right_scores_the_maximum_and_counts_for_mastery(ent_content, senior):
    mock = services.mock_start(actor=senior, section="maths")
    mock = services.mock_submit(actor=senior, mock=mock, given=right_answers(mock))
    assert (mock.status, mock.points, mock.timed_out) == (EntMock.Status.SUBMITTED, 50, False)
    instances = ItemInstance.objects.filter(pk__in=mock.items.values("instance"))
    assert not instances.filter(sealed=True).exists()
    assert instances.filter(status=ItemInstance.Status.CLOSED, result="right").count() == 40
    assert ItemAttempt.objects.filter(instance__in=instances, counts=True).count() == 40
    assert SkillMastery.objects.filter(student=senior, counted__gt=0).exists()


def test_multiple_choice_gives_two_points_one_for_one_mistake_none_for_more():
    choices = ("a", "b", "c", "d", "e", "f")
    multi = QuestionType.MULTI
    assert question_score(question_type=multi, key="a,c", answer="a,c", choices=choices) == (2, 0)
    assert question_score(question_type=multi, key="a,c", answer="a", choices=choices) == (1, 1)
    assert question_score(question_type=multi, key="a,c", answer="a,c,e", choices=choices) == (1, 1)
    assert question_score(question_type=multi, key="a,c", answer="a,e", choices=choices) == (0, 2)
    assert question_score(question_type=multi, key="a,c", answer="", choices=choices) == (0, None)
    single = QuestionType.SINGLE
    assert question_score(question_type=single, key="b", answer="b", choices=choices[:4]) == (1, 0)
    assert question_score(question_type=single, key="b", answer="c", choices=choices[:4]) == (0, 1)


def test_partial_credit_is_added_to_the_mock(ent_content, senior):
    mock = services.mock_start(actor=senior, section="maths")
    given = right_answers(mock)
    multi = mock.items.filter(question_type=QuestionType.MULTI).order_by("position").first()
    right = multi.key.split(",")
    extra = next(o["id"] for o in multi.options if o["id"] not in right)
    given[str(multi.position)] = ",".join([*right, extra])
    single = mock.items.get(position=1)
    given["1"] = one_wrong(single)
    mock = services.mock_submit(actor=senior, mock=mock, given=given)
    assert mock.points == 50 - 1 - 1
    multi.refresh_from_db()
    assert (multi.points, multi.mistakes) == (1, 1)
    # One point of two is not a right answer for mastery.
    assert multi.instance.result == "wrong"


def test_answers_are_saved_as_chosen_and_submitted_with_the_mock(ent_content, senior):
    mock = services.mock_start(actor=senior, section="literacy")
    item = mock.items.get(position=3)
    services.mock_save(actor=senior, mock=mock, given={"3": item.key})
    item.refresh_from_db()
    assert item.answer == item.key
    mock = services.mock_submit(actor=senior, mock=mock)
    assert mock.points == 1
    assert mock.items.get(position=3).points == 1


def test_an_option_not_shown_is_refused_and_changes_nothing(ent_content, senior):
    mock = services.mock_start(actor=senior, section="maths")
    with pytest.raises(ValidationError) as error:
        services.mock_save(actor=senior, mock=mock, given={"1": "z"})
    assert "q1" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.mock_save(actor=senior, mock=mock, given={"2": ["a", "b"]})
    assert not mock.items.exclude(answer="").exists()


def test_when_time_runs_out_the_saved_answers_are_submitted(ent_content, senior, settings):
    mock = services.mock_start(actor=senior, section="literacy")
    item = mock.items.get(position=1)
    services.mock_save(actor=senior, mock=mock, given={"1": item.key})
    EntMock.objects.filter(pk=mock.pk).update(deadline_at=timezone.now() - timedelta(minutes=5))
    mock.refresh_from_db()
    with pytest.raises(ValidationError):
        services.mock_save(actor=senior, mock=mock, given={"2": mock.items.get(position=2).key})
    mock.refresh_from_db()
    assert mock.status == EntMock.Status.SUBMITTED and mock.timed_out
    assert mock.points == 1


def test_answers_sent_after_the_time_do_not_count(ent_content, senior):
    mock = services.mock_start(actor=senior, section="literacy")
    EntMock.objects.filter(pk=mock.pk).update(deadline_at=timezone.now() - timedelta(minutes=5))
    mock.refresh_from_db()
    mock = services.mock_submit(actor=senior, mock=mock, given=right_answers(mock))
    assert mock.timed_out and mock.points == 0


def test_the_periodic_close_submits_expired_mocks_only(ent_content, senior, make_student):
    expired = services.mock_start(actor=senior, section="literacy")
    running = services.mock_start(actor=senior, section="maths")
    EntMock.objects.filter(pk=expired.pk).update(deadline_at=timezone.now() - timedelta(minutes=2))
    assert services.mocks_close_expired() == 1
    expired.refresh_from_db()
    running.refresh_from_db()
    assert expired.status == EntMock.Status.SUBMITTED and expired.timed_out
    assert running.status == EntMock.Status.OPEN
    assert services.mocks_close_expired() == 0


def test_submitting_twice_changes_nothing(ent_content, senior):
    mock = services.mock_start(actor=senior, section="literacy")
    mock = services.mock_submit(actor=senior, mock=mock, given=right_answers(mock))
    again = services.mock_submit(actor=senior, mock=mock, given={"1": one_wrong(mock.items.get(position=1))})
    assert again.points == 10
    assert AuditEvent.objects.filter(event_type="ent.mock_submitted", extra__mock=mock.pk).count() == 1


def test_a_practice_set_is_short_and_timed_in_proportion(ent_content, senior):
    practice = services.mock_start(actor=senior, section="maths", kind=EntMock.Kind.PRACTICE)
    assert practice.items.count() == 10
    assert practice.deadline_at - practice.started_at == timedelta(minutes=20)
    # A mock of the same section can be open at the same time.
    assert services.mock_start(actor=senior, section="maths").pk != practice.pk
