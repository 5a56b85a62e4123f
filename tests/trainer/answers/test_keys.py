"""The content loader learns of a malformed key from key_validate, with a clear English message."""

import pytest

from qalan.trainer.answers import FORMS, check, key_validate


@pytest.mark.parametrize(
    "form, key",
    [
        ("number", "5/7"),
        ("number", "-2.5"),
        ("number", "12"),
        ("number", "1 7/12"),
        ("number", "-1 7/12"),
        ("fraction", "5/7"),
        ("fraction", "2"),
        ("fraction", "1 7/12"),
        ("expression", "6*a"),
        ("expression", "x^2-1"),
        ("expression", "(a+b)^2"),
        ("expression", "sqrt(x)"),
        ("choice", "b"),
        ("multi", "a,c"),
        ("text", "kk:теңқабырғалы|ru:равносторонний|en:equilateral|uz:teng tomonli"),
        ("text", "теңқабырғалы|equilateral"),
    ],
)
def test_well_formed_keys_pass(form, key):
    key_validate(form, key)


@pytest.mark.parametrize(
    "form, key, says",
    [
        ("number", "2,5", "decimal with a point"),
        ("number", "abc", "number key"),
        ("number", "3/0", "denominator is zero"),
        ("number", "1 12/7", "proper fraction"),
        ("number", "", "empty"),
        ("fraction", "0.5", "fraction a/b"),
        ("fraction", "10/14", "lowest terms"),
        ("expression", "x=1", "not an expression"),
        ("expression", "x^99", "too complex"),
        ("expression", "1/0", "divides by zero"),
        ("choice", "a,b", "one right choice"),
        ("multi", "a,,c", "separated by commas"),
        ("multi", "a,a", "repeated"),
        ("text", "ru:равносторонний||en:equilateral", "empty"),
        ("text", "ru:", "empty"),
        ("shape", "1", "unknown answer form"),
    ],
)
def test_malformed_keys_raise_a_clear_value_error(form, key, says):
    with pytest.raises(ValueError, match=says):
        key_validate(form, key)


def test_check_raises_for_a_bad_form_but_never_for_what_a_student_types():
    with pytest.raises(ValueError):
        check(form="shape", key="1", raw="1")
    hostile = [
        "",
        " ",
        "\x00",
        "🙂",
        "1" * 10_000,
        "((((",
        "1e999",
        "nan",
        "inf",
        "-",
        "/",
        "^",
        "√",
        "x" * 199,
        "1/0",
        "0^0",
        "0^-1",
        "(",
        ")",
        "½½",
        "1 1 1/2",
        "--",
        "::",
        "%",
        "°",
        None,
    ]
    for form, key in [
        ("number", "5"),
        ("fraction", "1/2"),
        ("expression", "x"),
        ("choice", "a"),
        ("multi", "a,b"),
        ("text", "word"),
    ]:
        for raw in hostile:
            verdict = check(form=form, key=key, raw=raw, choices=["a", "b"] if form in ("choice", "multi") else ())
            assert verdict.status in ("right", "wrong", "invalid")
            if verdict.status == "invalid":
                assert verdict.message


def test_the_forms_are_the_six_declared_ones():
    assert FORMS == ("number", "fraction", "expression", "choice", "multi", "text")
