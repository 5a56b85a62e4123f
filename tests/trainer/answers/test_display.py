"""Numbers and keys are shown the way a reader of each language writes them."""

from decimal import Decimal
from fractions import Fraction

import pytest

from qalan.trainer.answers import key_display, number_format

NBSP = "\u00a0"


@pytest.mark.parametrize(
    "value, language, shown",
    [
        (Decimal("31.5"), "kk", "31,5"),
        (Decimal("31.5"), "ru", "31,5"),
        (Decimal("31.5"), "uz", "31,5"),
        (Decimal("31.5"), "en", "31.5"),
        (1_000_000, "ru", f"1{NBSP}000{NBSP}000"),
        (1_000_000, "kk", f"1{NBSP}000{NBSP}000"),
        (1_000_000, "uz", f"1{NBSP}000{NBSP}000"),
        (1_000_000, "en", "1,000,000"),
        (2025, "ru", "2025"),
        (9600, "kk", "9600"),
        (12_345, "ru", f"12{NBSP}345"),
        (Fraction(5, 7), "ru", "5/7"),
        (Fraction(5, 7), "en", "5/7"),
        (Fraction(1, 3), "kk", "1/3"),
        (Fraction(63, 2), "ru", "31,5"),
        (Fraction(1, 8), "en", "0.125"),
        (Fraction(-5, 2), "ru", "−2,5"),
        (Decimal("2.50"), "ru", "2,5"),
        (Decimal("1E+3"), "en", "1,000"),
        (-7, "en", "−7"),
        (0, "kk", "0"),
    ],
)
def test_number_format(value, language, shown):
    assert number_format(value, language) == shown


def test_a_non_terminating_rational_is_never_shown_as_a_rounded_decimal():
    assert number_format(Fraction(5, 7), "en") == "5/7"
    assert "0.71" not in number_format(Fraction(5, 7), "en")


@pytest.mark.parametrize(
    "form, key, language, shown",
    [
        ("number", "31.5", "kk", "31,5"),
        ("number", "31.5", "en", "31.5"),
        ("number", "-2.5", "ru", "−2,5"),
        ("number", "1000000", "ru", f"1{NBSP}000{NBSP}000"),
        ("number", "9600", "ru", "9600"),
        ("number", "5/7", "ru", "5/7"),
        ("number", "1 7/12", "en", "1 7/12"),
        ("number", "-1 7/12", "kk", "−1 7/12"),
        ("fraction", "5/7", "kk", "5/7"),
        ("fraction", "2", "en", "2"),
        ("expression", "6*a", "en", "6a"),
        ("expression", "x^2-1", "ru", "x² − 1"),
        ("expression", "(a+b)^2", "kk", "(a + b)²"),
        ("expression", "2.5*x", "ru", "2,5x"),
        ("choice", "b", "en", "b"),
        ("multi", "a,c", "en", "a, c"),
        ("text", "kk:теңқабырғалы|ru:равносторонний|en:equilateral", "ru", "равносторонний"),
        ("text", "kk:теңқабырғалы|ru:равносторонний|en:equilateral", "kk", "теңқабырғалы"),
        ("text", "kk:теңқабырғалы|ru:равносторонний|en:equilateral", "uz", "equilateral"),
        ("text", "ru:равносторонний|теңқабырғалы", "en", "теңқабырғалы"),
    ],
)
def test_key_display(form, key, language, shown):
    assert key_display(form, key, language) == shown


def test_a_russian_reader_never_sees_the_kazakh_word_when_a_russian_one_exists():
    assert key_display("text", "kk:теңқабырғалы|ru:равносторонний", "ru") == "равносторонний"
