"""Choices are read by id (case, order and spaces do not matter); words after normalisation."""

import pytest

from qalan.trainer.answers import check

CHOICES = ["a", "b", "c", "d"]


@pytest.mark.parametrize(
    "raw, status",
    [
        ("b", "right"),
        ("B", "right"),
        (" b ", "right"),
        ("b)", "right"),
        ("(b)", "right"),
        ("b.", "right"),
        ("c", "wrong"),
        ("с", "wrong"),
    ],  # Cyrillic с is the option c
)
def test_one_choice_is_read_by_its_id(raw, status):
    assert check(form="choice", key="b", raw=raw, choices=CHOICES).status == status


@pytest.mark.parametrize("raw", ["", "e", "b,c", "b c", "yes", "1"])
def test_a_choice_that_is_not_one_option_is_invalid(raw):
    verdict = check(form="choice", key="b", raw=raw, choices=CHOICES)
    assert (verdict.status, verdict.code, verdict.message) == ("invalid", "choose_one", "Choose one of the options.")


def test_a_cyrillic_letter_that_looks_like_the_option_is_that_option():
    assert check(form="choice", key="a", raw="а", choices=CHOICES).status == "right"
    assert check(form="choice", key="в", raw="в", choices=["а", "б", "в", "г"]).status == "right"


@pytest.mark.parametrize(
    "raw, status, normalised",
    [
        ("a,c", "right", "a,c"),
        ("c,a", "right", "a,c"),
        ("a, c", "right", "a,c"),
        ("a c", "right", "a,c"),
        ("A;C", "right", "a,c"),
        ("ac", "right", "a,c"),
        ("a,c,c", "right", "a,c"),
        ("a", "wrong", "a"),
        ("a,b,c", "wrong", "a,b,c"),
    ],
)
def test_many_choices_are_a_set_of_ids(raw, status, normalised):
    verdict = check(form="multi", key="a,c", raw=raw, choices=CHOICES)
    assert (verdict.status, verdict.normalised) == (status, normalised)


@pytest.mark.parametrize("raw", ["", "a,e", "x"])
def test_many_choices_with_an_unknown_id_are_invalid(raw):
    verdict = check(form="multi", key="a,c", raw=raw, choices=CHOICES)
    assert (verdict.status, verdict.code) == ("invalid", "choose_options")


def test_the_choice_message_is_translated():
    assert (
        check(form="choice", key="b", raw="z", choices=CHOICES, language="kk").message == "Нұсқалардың бірін таңдаңыз."
    )


def test_a_key_outside_the_choices_is_a_content_error():
    with pytest.raises(ValueError):
        check(form="choice", key="e", raw="a", choices=CHOICES)


TEXT_KEY = "kk:теңқабырғалы|ru:равносторонний|en:equilateral|uz:teng tomonli"


@pytest.mark.parametrize(
    "raw, status",
    [
        ("Равносторонний", "right"),
        ("равносторонний.", "right"),
        ("  РАВНОСТОРОННИЙ ", "right"),
        ("теңқабырғалы", "right"),
        ("Equilateral", "right"),
        ("teng  tomonli", "right"),
        ("равнобедренный", "wrong"),
        ("рaвностороннний", "wrong"),
    ],
)
def test_any_listed_word_in_any_language_is_right(raw, status):
    assert check(form="text", key=TEXT_KEY, raw=raw, language="ru").status == status


def test_latin_look_alikes_are_not_folded_in_words():
    # "рaвносторонний" with a Latin a is a different word.
    assert check(form="text", key="ru:равносторонний", raw="рaвносторонний").status == "wrong"


def test_words_fold_yo_and_uzbek_apostrophes():
    assert check(form="text", key="ru:ёлка", raw="елка").status == "right"
    assert check(form="text", key="uz:toʻgʻri", raw="to'g'ri").status == "right"


def test_an_unprefixed_text_key_is_accepted_in_every_language():
    assert check(form="text", key="теңқабырғалы|equilateral", raw="equilateral", language="kk").status == "right"


def test_an_empty_word_is_invalid():
    verdict = check(form="text", key=TEXT_KEY, raw="  ", language="ru")
    assert (verdict.status, verdict.message) == ("invalid", "Напишите ответ словами.")


@pytest.mark.parametrize(
    ("raw", "mistakes"),
    [("a,c", 0), ("c a", 0), ("a", 1), ("a,b,c", 1), ("b", 3), ("a,b", 2), ("b,d", 4)],
)
def test_choice_mistakes_count_wrong_options_chosen_and_right_ones_missed(raw, mistakes):
    from qalan.trainer.answers import choice_mistakes

    assert choice_mistakes(key="a,c", raw=raw, choices=CHOICES) == mistakes


@pytest.mark.parametrize("raw", ["", "z", "a, q"])
def test_choice_mistakes_of_an_unreadable_answer_are_none(raw):
    from qalan.trainer.answers import choice_mistakes

    assert choice_mistakes(key="a,c", raw=raw, choices=CHOICES) is None
