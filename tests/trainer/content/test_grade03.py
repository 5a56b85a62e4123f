"""Grade 3 generators: keys checked by hand, verifiers that fail on a wrong key, answers typed as a child would."""

import random

import pytest

from qalan.trainer.answers import check
from qalan.trainer.content.build import build
from qalan.trainer.content.generators import grade03 as g
from qalan.trainer.content.loader import _Row, load_all
from qalan.trainer.content.registry import generator_get, verifier_get

TEMPLATES = {
    t["key"]: t
    for f in load_all().good()
    for s in f.data["skills"]
    for t in s["templates"]
    if f.data["chapter"]["grade"] == 3
}


def test_equations_by_hand():
    assert g.equation("a-x", 35, 478) == ("478 - x = 443", "x = 478 - 443 = 35", 443)
    assert g.equation("x:a", 56, 7) == ("x : 7 = 8", "x = 8 \\cdot 7 = 56", 8)
    assert g.check_equation("478 - x = 443", 35)
    assert not g.check_equation("478 - x = 443", 36)


def test_remainder_key_and_a_wrong_key():
    values = {"a": 89, "b": 9, "q": 9, "r": 8, "bq": 81}
    verify = verifier_get("g03_remainder")
    assert verify(values, "8") and verify(values, "9")
    assert not verify(values, "7")
    # A remainder as big as the divisor is never drawn.
    for seed in range(300):
        drawn = generator_get("g03_remainder")(random.Random(seed), {"ask": "remainder"})
        assert 0 < drawn["values"]["r"] < drawn["values"]["b"]


def test_boats_round_up():
    values = {"n": 58, "k": 6, "q": 9, "r": 4, "result": 10}
    assert verifier_get("g03_groups_round_up")(values, "10")
    assert not verifier_get("g03_groups_round_up")(values, "9")


def test_order_of_operations_verifier_recomputes():
    verify = verifier_get("g03_order_of_operations")
    assert verify({"expr": "73 + 81 : 9", "step1": "", "step2": ""}, "82")
    assert not verify({"expr": "73 + 81 : 9", "step1": "", "step2": ""}, "17")  # left to right, the classic slip


def test_column_add_always_carries():
    for seed in range(300):
        v = generator_get("g03_column_add")(random.Random(seed), {})["values"]
        assert v["c1"] or v["c2"]
        assert v["a"] + v["b"] <= 999


@pytest.mark.parametrize(
    "key,typed,language",
    [
        ("g3-ge-square-perimeter", "{result} см", "kk"),
        ("g3-ge-area-count", "{result} см²", "ru"),
        ("g3-me-mass-g", "{result} g", "uz"),
        ("g3-wp-price-cost", "{result}", "en"),
    ],
)
def test_typed_answers_with_units(key, typed, language):
    template = TEMPLATES[key]
    built = build(_Row(template), 5)
    verdict = check(
        form=template["answer_form"],
        key=built.key,
        raw=typed.format(result=built.key),
        language=language,
        unit=built.unit,
    )
    assert verdict.status == "right", verdict


def test_shaded_fraction_wants_lowest_terms():
    built = build(_Row(TEMPLATES["g3-fr-shaded"]), 3)
    a, b = built.params["a"], built.params["b"]
    assert check(form="fraction", key=built.key, raw=f"{a}/{b}", language="kk").status == "right"
    assert check(form="fraction", key=built.key, raw=f"{b}/{a}", language="kk").status != "right"


def test_kazakh_suffix_after_a_number_in_the_hint():
    built = build(_Row(TEMPLATES["g3-num-div-table"]), 1)
    b = built.params["b"]
    expected = {2: "2-ге", 3: "3-ке", 4: "4-ке", 5: "5-ке", 6: "6-ға", 7: "7-ге", 8: "8-ге", 9: "9-ға", 10: "10-ға"}[b]
    assert expected in built.rendered["hints"][1]["kk"]
