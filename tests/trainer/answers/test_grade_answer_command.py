"""grade_answer prints the verdict as its last line; it fails only for a bad form or key."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def last_line(*args) -> str:
    out = StringIO()
    call_command("grade_answer", *args, stdout=out)
    return out.getvalue().strip().splitlines()[-1]


@pytest.mark.parametrize(
    "args, verdict",
    [
        (("number", "5/7", "0.7143"), "wrong"),
        (("number", "5/7", "10/14"), "right"),
        (("number", "-2", "–2"), "right"),
        (("number", "5", "x=5"), "right"),
        (("number", "22", "22 см", "--unit", "см"), "right"),
        (("number", "22", "22 м", "--unit", "см"), "wrong"),
        (("number", "70", "70°", "--unit", "°"), "right"),
        (("number", "9600", "9600 тг", "--unit", "тг"), "right"),
        (("number", "9600", "9 600 ₸", "--unit", "тг"), "right"),
        (("expression", "6*a", "6а"), "right"),
        # A number key may carry the item's unit, as a teacher writes it.
        (("number", "22 см", "22"), "right"),
        (("number", "22 см", "22 cm"), "right"),
        (("number", "22 см", "22 м"), "wrong"),
        (("number", "70°", "70 градусов"), "right"),
        (("number", "9600 тг", "9 600 ₸"), "right"),
        (("number", "-2.5 °", "–2,5°"), "right"),
        (("number", "1/2", "½"), "right"),
        (("number", "1 7/12", "19/12"), "right"),
        (("text", "kk:теңқабырғалы|ru:равносторонний|en:equilateral", "Равносторонний"), "right"),
        (("choice", "b", "B", "--choices", "a,b,c,d"), "right"),
        (("multi", "a,c", "c a", "--choices", "a,b,c,d"), "right"),
    ],
)
def test_the_last_line_is_the_verdict(args, verdict):
    assert last_line(*args) == verdict


def test_an_unreduced_fraction_is_invalid_and_says_reduce():
    line = last_line("fraction", "1/3", "3/9")
    assert line.startswith("invalid: ") and "reduce" in line


def test_the_message_is_in_the_language_asked_for():
    assert last_line("number", "5", "abc", "--lang", "ru") == "invalid: Введите число, например 12, 2,5 или 3/4."


@pytest.mark.parametrize("raw", ["9^9^9^9^9", "x" * 10_000])
def test_pathological_input_is_invalid(raw):
    assert last_line("expression", "x", raw).startswith("invalid: ")
    assert last_line("number", "5", raw).startswith("invalid: ")


def test_earlier_lines_show_the_reading():
    out = StringIO()
    call_command("grade_answer", "number", "9600", "9 600 ₸", "--unit", "тг", stdout=out)
    assert "read: 9600" in out.getvalue()


@pytest.mark.parametrize("args", [("shape", "1", "1"), ("number", "abc", "1"), ("fraction", "2/4", "1/2")])
def test_a_bad_form_or_key_is_a_command_error(args):
    with pytest.raises(CommandError):
        call_command("grade_answer", *args, stdout=StringIO())
