"""Grade 10 generators: keys checked by hand, verifiers that can fail, answers typed as a pupil types them."""

import random

import pytest

from qalan.trainer.answers import check
from qalan.trainer.content.generators import grade10 as g10
from qalan.trainer.content.generators import grade10_equations_probability as g10_equations
from qalan.trainer.content.generators import grade10_stereometry as g10_stereometry
from qalan.trainer.content.registry import generator_get, verifier_get


def draw(name, seed=1):
    return generator_get(name)(random.Random(seed), {})


def test_exact_values_at_standard_angles():
    assert g10._value("sin", 240) == ("-\\frac{\\sqrt{3}}{2}", "-sqrt(3)/2")
    assert g10._value("cos", 135)[1] == "-sqrt(2)/2"
    assert g10._value("tan", 150)[1] == "-sqrt(3)/3"
    assert g10._value("tan", 90) is None and g10._value("sin", 180)[1] == "0"


def test_trig_value_verifier_fails_on_a_wrong_sign():
    values = {"fn_code": "cos", "deg": 135}
    assert verifier_get("g10_trig_value")(values, "-sqrt(2)/2")
    assert not verifier_get("g10_trig_value")(values, "sqrt(2)/2")


def test_general_solutions_of_the_basic_equations():
    assert g10_equations._family("sin", g10.Fraction(-1, 6)) == "x = (-1)^{k+1} \\frac{\\pi}{6} + \\pi k"
    assert g10_equations._family("cos", g10.Fraction(2, 3)) == "x = \\pm \\frac{2\\pi}{3} + 2\\pi k"
    assert g10_equations._family("tan", g10.Fraction(-1, 3)) == "x = -\\frac{\\pi}{3} + \\pi k"


def test_general_solution_verifier_reads_the_right_choice():
    drawn = draw("g10_trig_equation_general", 5)
    plain = [{"text": c["text"]["en"].strip("$"), "correct": c["correct"]} for c in drawn["choices"]]
    assert verifier_get("g10_trig_equation_general")(drawn["values"], "", plain)
    swapped = [{"text": c["text"], "correct": not c["correct"]} for c in plain]
    assert not verifier_get("g10_trig_equation_general")(drawn["values"], "", swapped)


def test_smallest_positive_roots_by_hand():
    verify = verifier_get("g10_trig_equation_root")
    assert verify({"fn_code": "sin", "code": "-1/2"}, "210")
    assert verify({"fn_code": "tan", "code": "-s3"}, "120")
    assert not verify({"fn_code": "cos", "code": "-1/2"}, "240")


def test_reduction_formulas_against_sympy():
    verify = verifier_get("g10_reduction")
    for seed in range(40):
        drawn = draw("g10_reduction", seed)
        plain = [{"text": c["text"]["en"].strip("$"), "correct": c["correct"]} for c in drawn["choices"]]
        assert verify(drawn["values"], "", plain)


def test_derivative_keys_by_hand():
    # (3x + 3)(-x^2 - 3) = -3x^3 - 3x^2 - 9x - 9, derivative -9x^2 - 6x - 9.
    assert verifier_get("g10_derivative_product")({"abcd": [3, 3, -1, -3]}, "-9*x^2-6*x-9")
    assert not verifier_get("g10_derivative_product")({"abcd": [3, 3, -1, -3]}, "-9*x^2-6*x")
    # f = -x^2 + 2x + 6 at 1: tangent y = 7.
    assert verifier_get("g10_tangent_line")({"c": [-1, 2, 6], "x0": 1}, "7")
    assert not verifier_get("g10_tangent_line")({"c": [-1, 2, 6], "x0": 1}, "2*x+5")


def test_cube_relations():
    assert g10_stereometry.relation(("A", "B"), ("C_1", "D_1")) == "parallel"
    assert g10_stereometry.relation(("A", "B"), ("B", "C_1")) == "intersecting"
    assert g10_stereometry.relation(("A", "B"), ("C", "C_1")) == "skew"
    assert verifier_get("g10_cube_angle")({"ends": [["A", "C"], ["B_1", "C"]]}, "60")


@pytest.mark.parametrize(
    "form, key, typed, lang",
    [
        ("expression", "3*x^2-14*x-6", "3x^2 - 14x - 6", "kk"),
        ("expression", "-sqrt(2)/2", "-√2/2", "ru"),
        ("expression", "7*pi/6", "7π/6", "uz"),
        ("number", "-7/24", "-7/24", "en"),
        ("number", "0.73", "0,73", "kk"),
        ("number", "73", "73 м/с", "ru"),
    ],
)
def test_answers_typed_as_a_pupil_types_them(form, key, typed, lang):
    unit = "m/s" if "м/с" in typed else ""
    assert check(form=form, key=key, raw=typed, language=lang, unit=unit).status == "right"
