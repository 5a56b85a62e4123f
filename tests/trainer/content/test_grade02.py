"""Grade 2 generators: keys checked by hand, edge cases, answers typed as a second-grader would."""

import random

from qalan.trainer.answers import check
from qalan.trainer.content.build import build
from qalan.trainer.content.loader import _Row, load_all
from qalan.trainer.content.registry import generator_get, verifier_get

TEMPLATES = {
    t["key"]: t
    for f in load_all().good()
    if f.data["chapter"]["grade"] == 2
    for s in f.data["skills"]
    for t in s["templates"]
}


def _built(key, seed):
    return build(_Row(TEMPLATES[key]), seed)


def test_grade_two_has_enough_skills_and_keys_within_100():
    skills = {s["code"] for f in load_all().good() if f.data["chapter"]["grade"] == 2 for s in f.data["skills"]}
    assert len(skills) >= 25
    for key, template in TEMPLATES.items():
        if template.get("generator") and template["answer_form"] == "number":
            for seed in range(200):
                assert 0 <= int(_built(key, seed).key) <= 100, key


def test_column_addition_always_carries_and_subtraction_always_borrows():
    for seed in range(300):
        p = _built("g2-column-add", seed).params
        assert p["ao"] + p["bo"] >= 10 and p["a"] + p["b"] == p["result"] <= 100
        assert p["tens_sum"] * 10 + p["ones_digit"] == p["result"]
        q = _built("g2-column-sub", seed).params
        assert q["ao"] < q["bo"] and q["a"] - q["b"] == q["result"] >= 0
        assert q["tens_digit"] * 10 + q["ones_digit"] == q["result"]


def test_the_column_verifier_can_fail():
    verify = verifier_get("g02_column")
    assert verify({"a": 37, "b": 45, "op": "+"}, "82")
    assert not verify({"a": 37, "b": 45, "op": "+"}, "72")  # the forgotten carry
    assert verify({"a": 62, "b": 27, "op": "-"}, "35")
    assert not verify({"a": 62, "b": 27, "op": "-"}, "45")  # 7 - 2 instead of borrowing


def test_brackets_are_worked_out_first():
    verify = verifier_get("g02_brackets")
    assert verify({"expr": "50 - (20 + 7)"}, "23")
    assert not verify({"expr": "50 - (20 + 7)"}, "37")  # left to right, ignoring the brackets
    assert verify({"expr": "50 - 20 + 7"}, "37")
    for seed in range(300):
        built = _built("g2-brackets", seed)
        assert verify(built.params, built.key)


def test_the_perimeter_polygon_exists():
    for seed in range(300):
        sides = _built("g2-polygon-perimeter", seed).params["sides"]
        assert all(2 * s < sum(sides) for s in sides) and sum(sides) <= 100


def test_length_units_by_hand():
    verify = verifier_get("g02_length_units")
    task = {"en": "4 dm 5 cm = □ cm"}
    assert verify({"task": task}, "45") and not verify({"task": task}, "9")
    assert verify({"task": {"en": "1 m = □ cm"}}, "100")


def test_time_units_and_durations_by_hand():
    assert verifier_get("g02_time_units")({"task": {"en": "1 h 25 min = □ min"}}, "85")
    assert not verifier_get("g02_time_units")({"task": {"en": "1 h 25 min = □ min"}}, "125")
    assert verifier_get("g02_duration")({"start": "9:40", "end": "10:15"}, "35")
    assert not verifier_get("g02_duration")({"start": "9:40", "end": "10:15"}, "75")


def test_even_and_odd_choices():
    for seed in range(200):
        drawn = generator_get("g02_even_odd")(random.Random(seed), {"ask": "odd"})
        right = [c["text"] for c in drawn["choices"] if c["correct"]]
        assert len(right) == 1 and right[0] % 2 == 1
        assert sum(c["text"] % 2 == 0 for c in drawn["choices"]) == 3


def test_the_table_question_names_two_rows_of_the_table():
    for seed in range(100):
        built = _built("g2-table-how-many-more", seed)
        labels = [row[0]["en"] for row in built.params["rows"]]
        assert built.params["x"]["en"] in labels and built.params["y"]["en"] in labels
        assert int(built.key) == built.params["xn"] - built.params["yn"] > 0
        assert "[[" not in built.rendered["figure"]["kk"]


def test_a_known_seed_by_hand():
    built = _built("g2-column-add", 11)
    assert (built.params["a"], built.params["b"], built.key) == (36, 35, "71")


def test_answers_typed_as_a_child_would():
    assert check(form="number", key="45", raw="45 мин", language="kk", unit="min").status == "right"
    assert check(form="number", key="45", raw="45 daqiqa", language="uz", unit="min").status == "right"
    assert check(form="number", key="69", raw="69 см", language="ru", unit="cm").status == "right"
    assert check(form="number", key="30", raw="30 тг", language="kk", unit="tenge").status in ("right", "invalid")
    assert check(form="number", key="30", raw="35", language="en", unit="tenge").status == "wrong"
