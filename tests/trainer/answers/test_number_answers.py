"""Number answers are read the ways children type them and compared exactly with the key."""

import pytest

from qalan.trainer.answers import check

# (key, what the child typed, unit, the teacher's verdict)
CHILDREN_TYPE = [
    ("5/7", "5/7", "", "right"),
    ("5/7", "10/14", "", "right"),
    ("5/7", "0.7143", "", "wrong"),
    ("5/7", "0,714", "", "wrong"),
    ("1/3", "0.333", "", "wrong"),
    ("1/2", "0,5", "", "right"),
    ("1/2", "0.5", "", "right"),
    ("1/2", ".5", "", "right"),
    ("1/2", "½", "", "right"),
    ("3/2", "1½", "", "right"),
    ("-3/2", "-1½", "", "right"),
    ("3/4", "3:4", "", "right"),
    ("3/4", "3 ÷ 4", "", "right"),
    ("3/4", "3⁄4", "", "right"),
    ("1 7/12", "19/12", "", "right"),
    ("1 7/12", "1 7/12", "", "right"),
    ("-1 7/12", "-1 7/12", "", "right"),
    ("-1 7/12", "−19/12", "", "right"),
    ("-2.5", "-2,5", "", "right"),
    ("-2.5", "−2.5", "", "right"),
    ("-2", "–2", "", "right"),  # en dash
    ("-2", "—2", "", "right"),  # em dash
    ("-2", "‒2", "", "right"),  # figure dash
    ("-2", "2", "", "wrong"),
    ("5", "x=5", "", "right"),
    ("5", "х = 5", "", "right"),  # Cyrillic х
    ("5", "y=5", "", "right"),
    ("5", "Ответ: 5", "", "right"),
    ("5", "Жауабы: 5", "", "right"),
    ("5", "Answer: 5.", "", "right"),
    ("5", "  5  ", "", "right"),
    ("5", "+5", "", "right"),
    ("5", "５", "", "right"),  # full-width digit
    ("12", "12.0", "", "right"),
    ("1000000", "1 000 000", "", "right"),
    ("1000000", "1\u00a0000\u00a0000", "", "right"),
    ("1000000", "1\u2009000\u2009000", "", "right"),
    ("1000000", "1\u202f000\u202f000", "", "right"),
    ("1000000", "1,000,000", "", "right"),
    ("9600", "9 600", "", "right"),
    ("1234.5", "1 234,5", "", "right"),
    ("22", "22 см", "см", "right"),
    ("22", "22см", "см", "right"),
    ("22", "22 cm", "см", "right"),
    ("22", "22", "см", "right"),
    ("22", "22 сантиметра", "см", "right"),
    ("70", "70°", "°", "right"),
    ("70", "70 градусов", "°", "right"),
    ("70", "70 deg", "°", "right"),
    ("9600", "9600 тг", "тг", "right"),
    ("9600", "9 600 ₸", "тг", "right"),
    ("9600", "9600 тенге", "₸", "right"),
    ("9600", "9600 теңге", "тг", "right"),
    ("9600", "9600 KZT", "тг", "right"),
    ("25", "25%", "%", "right"),
    ("25", "25 %", "%", "right"),
    ("12", "12 см²", "см²", "right"),
    ("12", "12 см2", "см²", "right"),
    ("12", "12 cm^2", "см²", "right"),
    ("60", "60 км/ч", "км/ч", "right"),
    ("3", "3 сағ", "ч", "right"),
    ("2", "2 кг", "кг", "right"),
    ("22", "22 м", "см", "wrong"),
    ("22", "21 см", "см", "wrong"),
]


@pytest.mark.parametrize("key, raw, unit, status", CHILDREN_TYPE)
def test_what_children_type_gets_the_teachers_verdict(key, raw, unit, status):
    assert check(form="number", key=key, raw=raw, unit=unit).status == status


@pytest.mark.parametrize("raw", ["abc", "", "   ", "5 apples", "2 5", "1.2.3", "3/", "/4", "2*3", "5-", "--5", "x"])
def test_what_is_not_a_number_is_invalid_and_says_what_to_enter(raw):
    verdict = check(form="number", key="5", raw=raw)
    assert verdict.status == "invalid"
    assert verdict.message.startswith("Enter a number, for example 12, 2.5 or 3/4.") or "not a unit" in verdict.message


def test_comparison_is_exact_not_within_a_tolerance():
    assert check(form="number", key="5/7", raw="0.714285714285714285714").status == "wrong"
    assert check(form="number", key="1/3", raw="0.3333333333").status == "wrong"
    assert check(form="number", key="0.1", raw="1/10").status == "right"


def test_division_by_zero_is_invalid():
    verdict = check(form="number", key="3", raw="3/0")
    assert (verdict.status, verdict.code) == ("invalid", "division_by_zero")


def test_a_known_unit_other_than_the_items_is_a_wrong_answer_about_units():
    verdict = check(form="number", key="22", raw="22 м", unit="см")
    assert (verdict.status, verdict.code) == ("wrong", "wrong_unit")
    assert "units" in verdict.message and "см" in verdict.message


def test_an_unknown_trailing_word_is_invalid():
    verdict = check(form="number", key="22", raw="22 попугая", unit="см")
    assert (verdict.status, verdict.code) == ("invalid", "unknown_unit")
    assert "попугая" in verdict.message


def test_a_unit_on_an_item_without_one_is_invalid_not_wrong():
    verdict = check(form="number", key="22", raw="22 см")
    assert (verdict.status, verdict.code) == ("invalid", "unit_not_expected")


def test_an_item_may_declare_a_unit_outside_the_whitelist():
    assert check(form="number", key="4", raw="4 шт", unit="шт").status == "right"


def test_one_comma_with_three_digits_is_a_thousands_separator_only_in_english():
    assert check(form="number", key="2500", raw="2,500", language="en").status == "right"
    assert check(form="number", key="2.5", raw="2,500", language="ru").status == "right"


def test_the_reading_is_given_in_canonical_ascii():
    assert check(form="number", key="5/7", raw="10/14").normalised == "10/14"
    assert check(form="number", key="-2.5", raw="−2,5").normalised == "-2.5"
    assert check(form="number", key="9600", raw="9 600 ₸", unit="тг").normalised == "9600"
    assert check(form="number", key="3/2", raw="1½").normalised == "1 1/2"
    assert check(form="number", key="1", raw="abc").normalised == ""


def test_right_and_wrong_carry_their_codes():
    assert check(form="number", key="5", raw="5").code == "ok"
    assert check(form="number", key="5", raw="6").code == "wrong"


def test_the_message_is_in_the_requested_language_with_its_number_format():
    assert check(form="number", key="5", raw="abc", language="ru").message == "Введите число, например 12, 2,5 или 3/4."
    assert check(form="number", key="5", raw="abc", language="kk").message == (
        "Сан енгізіңіз, мысалы, 12, 2,5 немесе 3/4."
    )
    assert check(form="number", key="5", raw="abc", language="uz").message.startswith("Son kiriting")
