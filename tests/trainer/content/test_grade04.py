"""Grade 4 generators: keys checked by hand, numbers grouped per language, answers typed as a child would."""

import random

import pytest

from qalan.trainer.answers import check
from qalan.trainer.content.build import build
from qalan.trainer.content.generators import grade04 as g
from qalan.trainer.content.loader import _Row, load_all
from qalan.trainer.content.registry import generator_get, verifier_get

TEMPLATES = {
    t["key"]: t
    for f in load_all().good()
    for s in f.data["skills"]
    for t in s["templates"]
    if f.data["chapter"]["grade"] == 4
}


def test_big_numbers_grouped_in_each_language():
    text = g.localise("64897 : x = 889")
    assert text["kk"] == "64\\,897 : x = 889"
    assert text["en"] == "64{,}897 : x = 889"
    assert g.plain(text) == "64897 : x = 889"


def test_share_by_hand():
    # 72 apples, the first basket twice the second, the third as the second: 18 + 18 + 36.
    values = {"n": 72, "k": 2, "parts": 4, "one": 18, "result": 36}
    assert verifier_get("g04_wp_share")(values, "36")
    assert not verifier_get("g04_wp_share")(values, "18")


def test_rounding_half_goes_up():
    verify = verifier_get("g04_round")
    assert verify({"n": 484500, "to": 1000}, "485000")
    assert not verify({"n": 484500, "to": 1000}, "484000")
    assert verify({"n": 484354, "to": 1000}, "484000")


def test_mul_multi_partial_products():
    for seed in range(200):
        drawn = generator_get("g04_mul_multi")(random.Random(seed), {"digits": 3})
        assert 100 < drawn["values"]["b"] < 1000
        assert g._safe_eval(drawn["values"]["sums"]) == int(drawn["key"]) <= 1_000_000


def test_composite_equation_checks_the_root():
    values = {"equation": g.localise("(x + 56) \\cdot 9 = 1170"), "step1": "", "step2": g.localise("x = 130 - 56 = 74")}
    assert verifier_get("g04_equation_composite")(values, "74")
    assert not verifier_get("g04_equation_composite")(values, "75")


@pytest.mark.parametrize(
    "key,typed,language",
    [
        ("g4-me-km-m", "{result} м", "kk"),
        ("g4-wp-motion-speed", "{result} км/ч", "ru"),
        ("g4-ge-cuboid-volume", "{result} cm³", "en"),
        ("g4-num-add-sub", "{spaced}", "ru"),
        ("g4-wp-money", "{result} tenge", "uz"),
    ],
)
def test_typed_answers(key, typed, language):
    template = TEMPLATES[key]
    built = build(_Row(template), 9)
    spaced = f"{int(built.key):,}".replace(",", " ")
    verdict = check(
        form=template["answer_form"],
        key=built.key,
        raw=typed.format(result=built.key, spaced=spaced),
        language=language,
        unit=built.unit,
    )
    assert verdict.status == "right", (built.key, verdict)


def test_legacy_word_problems_are_kept():
    legacy = {k for t in TEMPLATES.values() for k in t.get("legacy_tasks", [])}
    assert {"g4-wp-books", "g4-wp-bus", "g4-wp-speed", "g4-wp-money", "g4-wp-share"} <= legacy


def test_largest_number_choice_reads_grouped_text():
    drawn = generator_get("g04_largest_number")(random.Random(1), {})
    shown = [{"text": g.localise(c["text"])["en"], "correct": c["correct"]} for c in drawn["choices"]]
    assert verifier_get("g04_largest_number")(drawn["values"], "", shown)
