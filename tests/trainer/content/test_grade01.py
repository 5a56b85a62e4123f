"""Grade 1 generators: keys checked by hand, edge cases, answers typed as a first-grader would."""

import random

import pytest

from qalan.trainer.answers import check
from qalan.trainer.content.build import build
from qalan.trainer.content.generators import grade01
from qalan.trainer.content.loader import _Row, load_all
from qalan.trainer.content.registry import generator_get, verifier_get

TEMPLATES = {
    t["key"]: t
    for f in load_all().good()
    if f.data["chapter"]["grade"] == 1
    for s in f.data["skills"]
    for t in s["templates"]
}


def _built(key, seed):
    return build(_Row(TEMPLATES[key]), seed)


def test_grade_one_has_enough_skills_and_no_negative_or_big_keys():
    skills = {s["code"] for f in load_all().good() if f.data["chapter"]["grade"] == 1 for s in f.data["skills"]}
    assert len(skills) >= 25
    for key, template in TEMPLATES.items():
        if template.get("generator") and template["answer_form"] == "number":
            for seed in range(200):
                assert 0 <= int(_built(key, seed).key) <= 100, key


def test_adding_through_ten_always_crosses_ten_and_splits_the_second_number():
    for seed in range(300):
        p = _built("g1-add-through-ten", seed).params
        assert p["a"] < 10 and p["b"] < 10 and p["a"] + p["b"] > 10
        assert p["to_ten"] + p["rest"] == p["b"] and p["a"] + p["to_ten"] == 10


def test_subtracting_through_ten_borrows():
    for seed in range(300):
        p = _built("g1-sub-through-ten", seed).params
        assert p["a"] > 10 and p["a"] % 10 < p["b"]
        assert p["a"] - p["first"] == 10 and 10 - p["second"] == p["result"]


def test_a_known_seed_by_hand():
    built = _built("g1-add-10", 11)
    assert (built.params["a"], built.params["b"], built.key) == (3, 3, "6")


def test_the_ordinal_row_and_its_kazakh_suffixes():
    assert (
        grade01.ordinal(6)["kk"] == "6-шы"
        and grade01.ordinal(3)["kk"] == "3-ші"
        and grade01.ordinal(10)["kk"] == "10-шы"
    )
    assert grade01.ordinal(2)["en"] == "2nd" and grade01.ordinal(11)["en"] == "11th"
    values = {"n": 7, "k": 2}
    assert verifier_get("g01_ordinal")(values, "6") and not verifier_get("g01_ordinal")(values, "5")


def test_the_missing_number_verifier_can_fail():
    verify = verifier_get("g01_unknown")
    assert verify({"equation": "\\square + 3 = 7"}, "4")
    assert not verify({"equation": "\\square + 3 = 7"}, "10")
    assert verify({"equation": "9 - \\square = 2"}, "7")
    assert not verify({"equation": "\\square - 2 = 5"}, "3")


def test_compare_offers_the_three_signs_once_and_marks_the_right_one():
    for seed in range(200):
        drawn = generator_get("g01_compare")(random.Random(seed), {"min": 10, "max": 99, "swap": True})
        assert sorted(c["text"] for c in drawn["choices"]) == ["<", "=", ">"]
        assert verifier_get("g01_compare")(drawn["values"], "", drawn["choices"])
    wrong = [{"text": "<", "correct": True}, {"text": ">", "correct": False}, {"text": "=", "correct": False}]
    assert not verifier_get("g01_compare")({"a": 47, "b": 74 - 30}, "", wrong)


def test_coins_are_real_tenge_coins_and_add_up():
    for seed in range(300):
        p = _built("g1-coins-100", seed).params
        assert set(p["coins"]) <= {1, 2, 5, 10, 20, 50} and sum(p["coins"]) == p["result"] <= 100


def test_the_clock_goes_round_after_twelve():
    assert verifier_get("g01_clock")({"hour": 11, "later": 3}, "2")
    assert not verifier_get("g01_clock")({"hour": 11, "later": 3}, "14")


def test_russian_agrees_with_the_child_and_kazakh_takes_the_genitive():
    seen = set()
    for seed in range(200):
        built = _built("g1-coins-20", seed)
        ru, kk = built.rendered["prompt"]["ru"], built.rendered["prompt"]["kk"]
        name = built.params["name"]["ru"]
        if name == "Арман":
            assert "У Армана" in ru and "Арманның" in kk
            seen.add(name)
        if name == "Айгерим":
            assert "У Айгерим" in ru and "Айгерімнің" in kk
            seen.add(name)
    assert seen == {"Арман", "Айгерим"}


@pytest.mark.parametrize(
    "raw,language,status",
    [
        ("12", "kk", "right"),
        ("12 теңге", "kk", "right"),
        ("12 тенге", "ru", "right"),
        ("12 tenge", "en", "right"),
        ("13", "ru", "wrong"),
    ],
)
def test_answers_typed_as_a_child_would(raw, language, status):
    assert check(form="number", key="12", raw=raw, language=language, unit="tenge").status == status


def test_a_length_answer_with_its_unit():
    assert check(form="number", key="9", raw="9 см", language="kk", unit="cm").status == "right"
    assert check(form="number", key="9", raw="9 santimetr", language="uz", unit="cm").status == "right"
    # Not asserted: "9 sm", the Uzbek abbreviation the item itself shows (locale.UNITS), is not in
    # answers/units.py's spellings yet, so it reads as invalid (shared code, reported).
