"""Grade 8 generators: keys of known draws checked by hand, and answers typed as a child would."""

import random

import pytest

from qalan.trainer.answers import check
from qalan.trainer.content.registry import generator_get, verifier_get


def draw(name, seed, **options):
    return generator_get(name)(random.Random(seed), options)


@pytest.mark.parametrize(
    "name,values,key",
    [
        ("g08_qe_discriminant", {"a": 2, "b": -5, "c": 3}, "1"),
        ("g08_qe_solve", {"a": 2, "b": -5, "c": 2, "x1": "1/2", "x2": "2", "ask": "larger"}, "2"),
        ("g08_vieta", {"p": -7, "q": 12, "known": 3}, "4"),
        ("g08_polygon_angles", {"kind": "regular", "n": 6}, "120"),
        ("g08_area", {"shape": "trapezoid", "a": 9, "b": 5, "h": 3}, "21"),
        ("g08_tangent", {"r": 5, "d": 13}, "12"),
        ("g08_trig_ratio", {"fn": "tan", "bc": 3, "ac": 4, "ab": 5}, "3/4"),
        ("g08_trig_solve", {"angle": 60, "c": 10}, "5*sqrt(3)"),
        ("g08_linear_ineq", {"a": 3, "b": -2, "c": 1, "d": 5, "sign": "<", "ask": "greatest"}, "3"),  # x < 3.5
        (
            "g08_ineq_system",
            {"p": -2, "q": 3, "ls": True, "rs": False, "k1": 2, "k2": 3, "m1": 1, "m2": -1},
            "5",
        ),  # -1..3
    ],
)
def test_keys_checked_by_hand(name, values, key):
    assert verifier_get(name)(values, key)


@pytest.mark.parametrize(
    "name,values,wrong",
    [
        ("g08_qe_solve", {"a": 2, "b": -5, "c": 2, "x1": "1/2", "x2": "2", "ask": "larger"}, "1/2"),
        ("g08_linear_ineq", {"a": 3, "b": -2, "c": 1, "d": 5, "sign": "<", "ask": "greatest"}, "4"),
        ("g08_trig_solve", {"angle": 60, "c": 10}, "5"),  # used sin 30°
        ("g08_tangent", {"r": 5, "d": 13}, "8"),  # subtracted the lengths, not the squares
    ],
)
def test_verifiers_reject_wrong_keys(name, values, wrong):
    assert not verifier_get(name)(values, wrong)


def test_a_surd_typed_as_a_child_would():
    for typed in ("5sqrt(3)", "5√3", "sqrt(75)", "5*sqrt(3)"):
        assert check(form="expression", key="5*sqrt(3)", raw=typed, language="kk").status == "right", typed
    assert check(form="expression", key="5*sqrt(3)", raw="5sqrt(2)", language="kk").status == "wrong"


def test_exact_trigonometric_values():
    drawn = draw("g08_trig_values", 4)
    assert verifier_get("g08_trig_values")(drawn["values"], drawn["key"])
    assert check(form="expression", key="sqrt(3)/2 + 1/2", raw="(1+√3)/2", language="ru").status == "right"


def test_an_algebraic_fraction_sum():
    assert check(form="expression", key="19/(12*x)", raw="19/(12x)", language="en").status == "right"
    assert check(form="expression", key="19/(12*x)", raw="19/12x", language="en").status == "right"  # a/2b = a/(2b)
    assert check(form="expression", key="19/(12*x)", raw="8/(7x)", language="en").status == "wrong"


def test_a_trig_ratio_must_be_in_lowest_terms():
    assert check(form="fraction", key="3/5", raw="6/10", language="kk").status == "invalid"
    assert check(form="fraction", key="3/5", raw="3/5", language="kk").status == "right"


def test_the_surd_hypotenuse_always_has_a_factor_outside():
    for seed in range(200):
        drawn = draw("g08_pythagoras_surd", seed)
        assert drawn["key"][0].isdigit() and "*sqrt(" in drawn["key"]


@pytest.mark.parametrize(
    "raw,language,status",
    [
        ("Тік төртбұрыш", "kk", "right"),
        ("прямоугольник", "ru", "right"),
        ("to'g'ri to'rtburchak", "uz", "right"),  # a plain apostrophe for ʻ
        ("rhombus", "en", "wrong"),
    ],
)
def test_naming_a_quadrilateral(raw, language, status):
    key = "kk:тіктөртбұрыш|kk:тік төртбұрыш|ru:прямоугольник|en:rectangle|uz:toʻgʻri toʻrtburchak"
    assert check(form="text", key=key, raw=raw, language=language).status == status
