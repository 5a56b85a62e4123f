"""Grade 11 generators: keys checked by hand, verifiers that fail on wrong keys, answers typed as a child would."""

import random
from fractions import Fraction

import pytest

from qalan.trainer.answers import check
from qalan.trainer.content.build import build
from qalan.trainer.content.generators import grade11, grade11_integral_probability
from qalan.trainer.content.loader import _Row, load_all
from qalan.trainer.content.registry import generator_get, verifier_get

TEMPLATES = {
    t["key"]: t
    for f in load_all().good()
    if f.data["chapter"]["grade"] == 11
    for s in f.data["skills"]
    for t in s["templates"]
}


def _draw(name, seed=1, **options):
    return generator_get(name)(random.Random(seed), options)


def test_grade_11_has_enough_skills_and_templates():
    skills = {s["code"] for f in load_all().good() if f.data["chapter"]["grade"] == 11 for s in f.data["skills"]}
    assert len(skills) >= 25
    assert all(code.startswith("Q11.") for code in skills)
    assert len(TEMPLATES) >= 30


def test_polynomial_helpers():
    assert grade11.poly_tex({3: 2, 1: -1, 0: 5}) == "2x^{3} - x + 5"
    assert grade11_integral_probability.poly_key({3: 2, 1: -1, 0: 5}) == "2*x^3-x+5"
    assert grade11_integral_probability.poly_key({3: Fraction(-1, 3), 2: Fraction(5, 2)}) == "-1/3*x^3+5/2*x^2"
    assert grade11_integral_probability._parse_poly("2*x^3-x+5") == {3: 2, 1: -1, 0: 5}
    assert grade11_integral_probability._parse_poly("-x^2+3") == {2: -1, 0: 3}


def test_antiderivative_key_by_hand_and_a_wrong_key_fails():
    values = {"fc": {"3": "16", "1": "-6"}}
    verify = verifier_get("g11_antiderivative")
    assert verify(values, "4*x^4-3*x^2")
    assert not verify(values, "4*x^4-3*x^2+1")  # F(0) = 0 asked
    assert not verify(values, "16*x^4-6*x^2")


def test_definite_integral_by_hand():
    # ∫_0^2 (3x^2 + 2x) dx = [x^3 + x^2]_0^2 = 12
    verify = verifier_get("g11_definite_integral")
    values = {"fc": {"2": "3", "1": "2"}, "a": 0, "b": 2}
    assert verify(values, "12")
    assert not verify(values, "11")


def test_area_under_a_parabola_by_hand():
    # y = 5x - x^2 and the x-axis: 125/6
    drawn = _draw("g11_area", kind="cap")
    s = drawn["values"]["b"]
    assert Fraction(drawn["key"]) == Fraction(s**3, 6)
    assert check(form="number", key="125/6", raw="20 5/6", language="kk").status == "right"


def test_greatest_least_on_an_interval_by_hand():
    # f = 2x^3 - 6x^2 + 3 on [-3; 1]: f(-3) = -105, f(0) = 3, f(1) = -1
    values = {"fc": {"3": "2", "2": "-6", "1": "0", "0": "3"}, "m": -3, "n": 1, "want": "min"}
    verify = verifier_get("g11_greatest_least")
    assert verify(values, "-105")
    assert not verify(values, "-1")
    assert verify({**values, "want": "max"}, "3")


def test_logarithm_and_exponential_keys():
    assert verifier_get("g11_log_value")({"base": "1/3", "arg": "243"}, "-5")
    assert not verifier_get("g11_log_value")({"base": "1/3", "arg": "243"}, "5")
    assert verifier_get("g11_exp_equation")({"a": 3, "m": 2, "n": 1, "rhs": "243"}, "2")
    assert verifier_get("g11_log_equation")({"a": 2, "k": 3, "m": 2, "n": -2}, "5")
    assert not verifier_get("g11_log_equation")({"a": 2, "k": 3, "m": 2, "n": -2}, "3")


def test_inequality_choices_have_the_whole_solution_set():
    verify = verifier_get("g11_exp_log_inequality")
    values = {"base": "1/2", "k": 3, "sign": ">", "kind": "log"}  # log_{1/2} x > 3: 0 < x < 1/8
    right = {"text": "(0; \\frac{1}{8})", "correct": True}
    wrong = [
        {"text": t, "correct": False} for t in ("(\\frac{1}{8}; +\\infty)", "(-\\infty; \\frac{1}{8})", "(3; +\\infty)")
    ]
    assert verify(values, "", [right, *wrong])
    # The domain forgotten is not the answer.
    assert not verify(
        values,
        "",
        [{"text": "(-\\infty; \\frac{1}{8})", "correct": True}, {"text": "(0; \\frac{1}{8})", "correct": False}],
    )


def test_probability_keys_by_hand():
    # 3 red, 2 blue, two at random: C(3,2)/C(5,2) = 3/10
    assert verifier_get("g11_probability_pair")({"r": 3, "b": 2, "n": 5}, "3/10")
    # exactly 2 hits of 3 with p = 1/2: 3/8
    assert verifier_get("g11_binomial")({"p": "1/2", "n": 3, "k": 2}, "3/8")
    assert not verifier_get("g11_binomial")({"p": "1/2", "n": 3, "k": 2}, "1/4")


def test_pi_answers_as_a_child_types_them():
    key = "36*pi"
    for raw in ("36pi", "36π", "36*pi", "36 π"):
        assert check(form="expression", key=key, raw=raw, language="kk").status == "right", raw
    assert check(form="expression", key=key, raw="36", language="kk").status == "wrong"
    assert check(form="expression", key="32/3*pi", raw="32π/3", language="ru").status == "right"


def test_sphere_and_cone_keys_by_hand():
    assert verifier_get("g11_sphere")({"gv": 6, "given": "d", "R": 3, "kind": "volume"}, "36*pi")
    assert not verifier_get("g11_sphere")({"gv": 6, "given": "d", "R": 3, "kind": "volume"}, "288*pi")
    assert verifier_get("g11_cone")({"r": 3, "h": 4, "l": 5, "kind": "lateral"}, "15*pi")
    assert verifier_get("g11_cone")({"r": 3, "h": 4, "l": 5, "kind": "total"}, "24*pi")


def test_rational_exponent_answer_typed():
    assert check(form="expression", key="x^(5/6)", raw="x^(5/6)", language="en").status == "right"
    assert check(form="expression", key="x^(5/6)", raw="x^(10/12)", language="en").status == "right"
    assert check(form="expression", key="x^(5/6)", raw="x^(1/6)", language="en").status == "wrong"


def test_space_keys_by_hand():
    assert verifier_get("g11_space_distance")({"A": [1, 2, 3], "B": [3, 4, 4]}, "3")
    assert verifier_get("g11_dot_product")({"a": [1, -2, 3], "b": [4, 0, -1]}, "1")
    assert not verifier_get("g11_dot_product")({"a": [1, -2, 3], "b": [4, 0, -1]}, "7")
    assert verifier_get("g11_perpendicular")({"u": 2, "p": -1, "q": 2, "v": 4, "w": 1}, "1")  # 2 - 4 + 2 = 0
    assert verifier_get("g11_perpendicular")({"u": 3, "p": -1, "q": 2, "v": 4, "w": 1}, "2") is False  # 6 - 4 + 2 = 4
    assert (
        verifier_get("g11_perpendicular")({"u": 3, "p": -1, "q": 2, "v": 4, "w": 1}, "0") is False
    )  # m = 0 is degenerate


@pytest.mark.parametrize("key", sorted(k for k, t in TEMPLATES.items() if t["answer_form"] in ("number", "fraction")))
def test_the_key_typed_in_kazakh_is_right(key):
    template = TEMPLATES[key]
    for seed in range(5):
        built = build(_Row(template), seed)
        typed = built.key.replace(".", ",")  # a decimal comma, as in a Kazakh exercise book
        verdict = check(form=template["answer_form"], key=built.key, raw=typed, language="kk", unit=built.unit)
        assert verdict.status == "right", (key, built.key, verdict)


def test_figures_render_for_every_language():
    for key in (
        "g11-area-strip",
        "g11-cylinder-volume",
        "g11-cone-lateral",
        "g11-ball-volume",
        "g11-pyramid-apothem",
        "g11-prism-triangle",
    ):
        built = build(_Row(TEMPLATES[key]), 3)
        for lang in ("kk", "ru", "en", "uz"):
            svg = built.rendered["figure"][lang]
            assert svg.startswith("<svg") and "aria-label" in svg and "<script" not in svg, key
