"""Grade 6 generators: the legacy tasks' numbers checked by hand, answers typed as a child would."""

import random
from fractions import Fraction

from qalan.trainer.answers import check
from qalan.trainer.content.registry import generator_get, verifier_get


def draw(name, seed=1, **options):
    return generator_get(name)(random.Random(seed), options)


def test_legacy_tasks_by_hand():
    linear = verifier_get("g06_linear_equation")
    assert linear({"a": 3, "b": 5, "c": 20}, "5")  # g6-eq-1
    assert linear({"a": 4, "b": -7, "c": 13}, "5")  # g6-eq-2
    assert linear({"a": 5, "b": 12, "c": 2}, "-2")  # g6-eq-3
    assert linear({"a": 2, "b": 9, "c": 4}, "-2.5")  # g6-eq-4
    assert not linear({"a": 2, "b": 9, "c": 4}, "2.5")
    assert verifier_get("g06_proportion")({"eq": "x : 6 = 10 : 15", "product": 60, "other": 15}, "4")  # g6-prop-solve
    assert verifier_get("g06_direct")({"k": 3, "m": 5, "cost": 1200}, "2000")  # g6-prop-apples-1
    assert verifier_get("g06_direct")({"k": 4, "m": 6, "cost": 1800}, "2700")  # g6-prop-apples-2
    assert verifier_get("g06_ratio_split")({"p": 2, "q": 3, "n": 30}, "18")  # g6-prop-ratio
    assert verifier_get("g06_scale_real")({"s": 100000, "d": "7"}, "7")  # g6-prop-map
    assert verifier_get("g06_equation_root")({"a": 2, "b": 3, "c": 7, "answer": 5}, "")  # g6-eq-root


def test_circle_keys_with_pi_314():
    assert verifier_get("g06_circumference")({"r": 8, "d": 16}, "50.24")
    assert verifier_get("g06_circle_area")({"r": 4}, "50.24")
    for seed in range(200):
        item = draw("g06_circle_area", seed)
        assert Fraction(item["key"]) == Fraction("3.14") * item["values"]["r"] ** 2


def test_expression_keys_are_equivalent_to_what_was_asked():
    for seed in range(300):
        item = draw("g06_expand", seed)
        assert verifier_get("g06_expand")(item["values"], item["key"])
        item = draw("g06_like_terms", seed, numbers=True)
        assert verifier_get("g06_like_terms")(item["values"], item["key"])
    v = draw("g06_like_terms", 3)["values"]
    assert not verifier_get("g06_like_terms")(v, f"{v['total'] + 1}*{v['var']}")


def test_signs_and_quadrants():
    for seed in range(300):
        item = draw("g06_quadrant", seed)
        v = item["values"]
        right = [c["text"] for c in item["choices"] if c["correct"]]
        assert right == [v["answer"]] and verifier_get("g06_quadrant")(v, "", item["choices"])
        wrong = [{**c, "correct": not c["correct"]} for c in item["choices"]]
        assert not verifier_get("g06_quadrant")(v, "", wrong)
        item = draw("g06_integer_sub", seed)
        assert int(item["key"]) == item["values"]["a"] - item["values"]["b"]


def test_answers_typed_as_a_child_would():
    assert check(form="number", key="-2", raw="−2", language="ru").status == "right"
    assert check(form="number", key="-2.5", raw="-2,5", language="kk").status == "right"
    assert check(form="expression", key="27*x+33", raw="33+27x").status == "right"
    assert check(form="expression", key="6*a", raw="6a").status == "right"
    assert check(form="expression", key="6*a", raw="6a+1").status == "wrong"
    assert check(form="number", key="50.24", raw="50,24 см", language="kk", unit="cm").status == "right"
    assert check(form="number", key="7", raw="7 км", language="ru", unit="km").status == "right"
    assert check(form="fraction", key="1/2", raw="3/6").status == "invalid"
    assert check(form="number", key="-17/12", raw="-1 5/12").status == "right"
