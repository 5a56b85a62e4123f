"""Grade 5 generators: keys checked by hand, answers typed as a child would, verifiers that can fail."""

import random
from fractions import Fraction
from math import gcd

from qalan.trainer.answers import check
from qalan.trainer.content.registry import generator_get, verifier_get


def draw(name, seed=1, **options):
    return generator_get(name)(random.Random(seed), options)


def test_gcd_and_lcm_keys_by_hand():
    for seed in range(200):
        item = draw("g05_gcd", seed)
        v = item["values"]
        assert int(item["key"]) == gcd(v["a"], v["b"]) > 1
        item = draw("g05_lcm", seed)
        v = item["values"]
        assert int(item["key"]) == v["a"] * v["b"] // gcd(v["a"], v["b"])
        # The product of the two numbers is never the answer: they share a factor.
        assert not verifier_get("g05_lcm")(v, str(v["a"] * v["b"]))


def test_known_values():
    assert verifier_get("g05_gcd")({"a": 48, "b": 36}, "12")
    assert not verifier_get("g05_gcd")({"a": 48, "b": 36}, "6")
    assert verifier_get("g05_improper_to_mixed")({"n": 11, "b": 4}, "2 3/4")
    assert verifier_get("g05_decimal_round")({"x": "47.386", "digits": 1}, "47.4")
    assert not verifier_get("g05_decimal_round")({"x": "47.386", "digits": 1}, "47.3")
    # The legacy tasks: 2,5 + 1,75; 7,2 − 3,45; 1,2 · 0,5; 3,4 · 2,5; 0,25 = 1/4.
    assert verifier_get("g05_decimal_add")({"x": "2.5", "y": "1.75"}, "4.25")
    assert verifier_get("g05_decimal_sub")({"x": "7.2", "y": "3.45"}, "3.75")
    assert verifier_get("g05_decimal_multiply")({"x": "1.2", "y": "0.5"}, "0.6")
    assert verifier_get("g05_decimal_multiply")({"x": "3.4", "y": "2.5"}, "8.5")
    assert verifier_get("g05_decimal_to_fraction")({"x": "0.25"}, "1/4")


def test_divisibility_rule_agrees_with_remainders():
    for seed in range(300):
        for divisors in ([2, 5, 10], [3, 9]):
            item = draw("g05_divisible_choice", seed, divisors=divisors)
            d = item["values"]["d"]
            assert [int(c["text"]) % d == 0 for c in item["choices"]] == [c["correct"] for c in item["choices"]]


def test_no_negative_keys_in_grade_5():
    names = [
        "g05_decimal_sub",
        "g05_mixed_sub",
        "g05_simple_equation",
        "g05_order_of_operations",
        "g05_expression_value",
        "g05_bar_chart",
    ]
    for name in names:
        for seed in range(500):
            key = draw(name, seed)["key"]
            parts = key.split(" ")
            value = int(parts[0]) + Fraction(parts[1]) if len(parts) == 2 else Fraction(key)
            assert value > 0, (name, key)


def test_answers_typed_as_a_child_would():
    assert check(form="number", key="2 3/4", raw="2 3/4").status == "right"
    assert check(form="number", key="2 3/4", raw="11/4").status == "right"
    assert check(form="number", key="77.87", raw="77,87", language="kk").status == "right"
    assert check(form="number", key="858", raw="858 см³", language="ru", unit="cm3").status == "right"
    assert check(form="fraction", key="19/20", raw="19/20").status == "right"
    assert check(form="fraction", key="19/20", raw="95/100").status == "invalid"  # not simplified: no life lost
    assert check(form="fraction", key="19/20", raw="0,95", language="kk").status == "invalid"
    assert check(form="number", key="4.25", raw="4,52", language="ru").status == "wrong"


def test_simple_equation_roots_substitute_back():
    for seed in range(300):
        item = draw("g05_simple_equation", seed)
        assert verifier_get("g05_simple_equation")(item["values"], item["key"])
        assert not verifier_get("g05_simple_equation")(item["values"], str(int(item["key"]) + 1))
