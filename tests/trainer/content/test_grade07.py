"""Grade 7 generators: keys of known draws checked by hand, and answers typed as a child would."""

import random

import pytest

from qalan.trainer.answers import check
from qalan.trainer.content.registry import generator_get, verifier_get


def draw(name, seed, **options):
    return generator_get(name)(random.Random(seed), options)


@pytest.mark.parametrize(
    "name,values,key",
    [
        ("g07_eq_brackets", {"a": 4, "b": -5, "c": 10}, "7.5"),  # 4(x - 5) = 10: the old task g7-br-2
        ("g07_eq_both_sides", {"kind": "plain", "a": 5, "b": -4, "c": 2, "d": 11, "m": 1}, "5"),  # 5x - 4 = 2x + 11
        ("g07_consecutive", {"count": 3, "step": 1, "total": 84}, "27"),  # the old task g7-eq-word
        ("g07_age", {"k": 4, "m": 2, "t": 20}, "10"),  # the old task g7-eq-age
        ("g07_power_rules", {"base": 5, "expr": "5^{7} : 5^{5}"}, "25"),  # the old task g7-pow-quotient
        ("g07_exterior", {"kind": "remote", "ext": 130, "known": 55}, "75"),  # the old task g7-exterior
        ("g07_isosceles", {"kind": "apex", "base": 40}, "100"),  # the old task g7-isosceles
        ("g07_triangle_area", {"base": 9, "height": 7}, "31.5"),  # the old task g7-area-2
        ("g07_third_side", {"a": 5, "b": 8}, "9"),  # 3 < c < 13: 4, 5, ..., 12
    ],
)
def test_keys_checked_by_hand(name, values, key):
    assert verifier_get(name)(values, key)


@pytest.mark.parametrize(
    "name,values,wrong",
    [
        ("g07_eq_brackets", {"a": 4, "b": -5, "c": 10}, "2.5"),  # forgot to add 5
        ("g07_age", {"k": 4, "m": 2, "t": 20}, "40"),  # the father's age
        ("g07_third_side", {"a": 5, "b": 8}, "11"),  # counted the ends 3 and 13
        ("g07_parallel", {"kind": "interior", "angle": 70}, "70"),  # co-interior angles are not equal
    ],
)
def test_verifiers_reject_wrong_keys(name, values, wrong):
    assert not verifier_get(name)(values, wrong)


def test_a_product_of_binomials_typed_as_a_child_would():
    drawn = draw("g07_poly_mul", 2)
    assert drawn["values"]["kind"] == "bin"
    v = drawn["values"]
    # (ax + b)(cx + d) expanded by hand and typed with implicit multiplication.
    typed = f"{v['a'] * v['c']}x^2 + {v['a'] * v['d'] + v['b'] * v['c']}x + {v['b'] * v['d']}".replace("+ -", "- ")
    assert check(form="expression", key=drawn["key"], raw=typed, language="kk").status == "right"
    assert check(form="expression", key=drawn["key"], raw=f"{v['a'] * v['c']}x^2", language="kk").status == "wrong"


def test_a_special_product_with_cyrillic_x():
    assert check(form="expression", key="4*x^2 - 12*x + 9", raw="(2х-3)^2", language="ru").status == "right"
    assert check(form="expression", key="4*x^2 - 12*x + 9", raw="4х²-9", language="ru").status == "wrong"


def test_a_decimal_root_typed_with_a_comma():
    assert check(form="number", key="7.5", raw="7,5", language="kk").status == "right"
    assert check(form="number", key="7.5", raw="15/2", language="ru").status == "right"


def test_angles_may_be_typed_with_the_degree_sign():
    assert check(form="number", key="75", raw="75°", language="kk", unit="deg").status == "right"


def test_the_point_on_the_graph_is_the_only_right_choice():
    drawn = draw("g07_point_on_graph", 11)
    right = [c for c in drawn["choices"] if c.get("correct")]
    assert len(right) == 1 and len(drawn["choices"]) == 4
    x, y = (int(t) for t in right[0]["text"]["en"].strip("$()").split(", "))
    assert y == drawn["values"]["k"] * x + drawn["values"]["b"]


def test_triangle_sets_always_mix_good_and_bad():
    for seed in range(200):
        drawn = draw("g07_triangle_exists", seed)
        flags = [c["correct"] for c in drawn["choices"]]
        assert any(flags) and not all(flags)
