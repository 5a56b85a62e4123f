"""Fraction answers must have the key's value and be written as a fraction in lowest terms."""

import pytest

from qalan.trainer.answers import check

CHILDREN_TYPE = [
    ("1/3", "1/3", "right", "ok"),
    ("1/3", "3/9", "invalid", "not_reduced"),
    ("1/3", "2/6", "invalid", "not_reduced"),
    ("1/3", "0.333", "wrong", "wrong"),
    ("1/3", "1/4", "wrong", "wrong"),
    ("1/2", "0.5", "invalid", "not_a_fraction"),
    ("1/2", "0,5", "invalid", "not_a_fraction"),
    ("1/2", "½", "right", "ok"),
    ("1/2", "2.5/5", "invalid", "not_a_fraction"),
    ("3/2", "3/2", "right", "ok"),  # improper
    ("3/2", "1 1/2", "right", "ok"),  # mixed
    ("3/2", "1 2/4", "invalid", "not_reduced"),
    ("3/2", "6/4", "invalid", "not_reduced"),
    ("-5/7", "−5/7", "right", "ok"),
    ("1 7/12", "19/12", "right", "ok"),
    ("2", "2", "right", "ok"),
    ("2", "4/2", "invalid", "not_reduced"),
    ("2", "3", "wrong", "wrong"),
    ("1/2", "abc", "invalid", "not_a_fraction"),
    ("1/2", "1/0", "invalid", "division_by_zero"),
]


@pytest.mark.parametrize("key, raw, status, code", CHILDREN_TYPE)
def test_what_children_type_gets_the_teachers_verdict(key, raw, status, code):
    verdict = check(form="fraction", key=key, raw=raw)
    assert (verdict.status, verdict.code) == (status, code)


def test_an_unreduced_right_value_asks_to_reduce_in_every_language():
    assert "reduce" in check(form="fraction", key="1/3", raw="3/9").message
    assert "қысқартыңыз" in check(form="fraction", key="1/3", raw="3/9", language="kk").message
    assert "сократите" in check(form="fraction", key="1/3", raw="3/9", language="ru").message
    assert "qisqartiring" in check(form="fraction", key="1/3", raw="3/9", language="uz").message


def test_a_decimal_of_the_right_value_asks_for_a_fraction():
    verdict = check(form="fraction", key="1/2", raw="0.5")
    assert verdict.message == "Write the answer as a fraction in lowest terms, for example 3/4."
