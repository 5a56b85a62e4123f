"""Answers: what students type is read the same on the web and the API, and checked by kind."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from qalan.learning.grading import answer_is_correct, answer_parse, number_parse, text_normalise

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("12", "12"),
        ("-3", "-3"),
        ("2.5", "2.5"),
        ("2,5", "2.5"),
        ("3/4", "0.75"),
        ("1 1/2", "1.5"),
        ("-1 1/2", "-1.5"),
        ("25%", "25"),
        ("1 000", "1000"),
        ("\u22125", "-5"),
        (7, "7"),
    ],
)
def test_numbers_are_read_as_people_write_them(typed, value):
    assert number_parse(typed) == Decimal(value)


@pytest.mark.parametrize("typed", ["", "abc", "1/0", "nan", "Infinity", "2..5", True, None, "1" * 50])
def test_things_that_are_not_numbers_are_refused(typed):
    with pytest.raises(ValueError):
        number_parse(typed)


def test_short_answers_ignore_case_spacing_and_a_final_full_stop():
    assert text_normalise("  Равносторонний. ") == text_normalise("равносторонний")
    assert text_normalise("x = 5") == text_normalise("x=5")
    assert text_normalise("Ёж") == text_normalise("еж")


def test_numeric_answer_within_tolerance_is_correct(world):
    task = world.tasks["numeric"]
    assert answer_is_correct(task, answer_parse(task, "3/4"))
    assert answer_is_correct(task, answer_parse(task, "0,7505"))
    assert not answer_is_correct(task, answer_parse(task, "0.76"))


def test_single_choice_needs_one_option_of_the_task(world):
    task, other = world.tasks["single"], world.tasks["multiple"]
    right = task.choices.get(is_correct=True)
    assert answer_is_correct(task, answer_parse(task, right.pk))
    assert answer_is_correct(task, answer_parse(task, str(right.pk)))
    for wrong_type in ["abc", [], None, other.choices.first().pk, [right.pk, right.pk + 1]]:
        with pytest.raises(ValidationError, match="Choose one of the options"):
            answer_parse(task, wrong_type)


def test_multiple_choice_needs_exactly_the_right_set(world):
    task = world.tasks["multiple"]
    right = sorted(task.choices.filter(is_correct=True).values_list("pk", flat=True))
    wrong = task.choices.get(is_correct=False).pk
    assert answer_is_correct(task, answer_parse(task, right))
    assert not answer_is_correct(task, answer_parse(task, right[:1]))
    assert not answer_is_correct(task, answer_parse(task, [*right, wrong]))
    with pytest.raises(ValidationError, match="at least one"):
        answer_parse(task, [])
    with pytest.raises(ValidationError, match="only from the options"):
        answer_parse(task, [999999])


def test_short_text_is_normalised(world):
    task = world.tasks["text"]
    assert answer_is_correct(task, answer_parse(task, " 3/4. "))
    with pytest.raises(ValidationError, match="Type your answer"):
        answer_parse(task, "   ")
    with pytest.raises(ValidationError, match="at most"):
        answer_parse(task, "x" * 201)
