"""Grade 9 generators: keys checked by hand for known values, verifiers that can fail, answers typed
as a pupil types them."""

import random
from fractions import Fraction

import pytest

from qalan.trainer.answers import check
from qalan.trainer.content.generators import grade09 as g9
from qalan.trainer.content.registry import generator_get, verifier_get


def draw(name, seed=1):
    return generator_get(name)(random.Random(seed), {})


def test_tex_helpers_write_signs_as_a_teacher_does():
    assert g9.poly_tex([1, -5, 6]) == "x^{2}-5x+6"
    assert g9.poly_tex([-1, 0, 4]) == "-x^{2}+4"
    assert g9.poly_key([3, -4, 0]) == "3*x^2-4*x"
    assert g9.shift_tex("x", -3) == "x+3"
    assert g9.pi_key(Fraction(5, 3)) == "5*pi/3" and g9.pi_key(Fraction(1, 2)) == "pi/2"
    assert g9.interval_text([("[", -2, 8, "]")])["ru"] == "$[-2;\\ 8]$"
    assert g9.interval_text([("(", None, 1, ")")])["en"] == "$(-\\infty,\\ 1)$"


def test_quadratic_inequality_choice_is_the_interval_between_the_roots():
    for seed in range(200):
        drawn = draw("g09_quad_inequality", seed)
        right = [c["text"]["en"] for c in drawn["choices"] if c["correct"]]
        p, q = drawn["values"]["p"], drawn["values"]["q"]
        if drawn["values"]["sign"] == "\\le":
            assert right == [f"$[{p},\\ {q}]$"]
            return
    pytest.fail("no ≤ item in 200 seeds")


def test_integer_solutions_counted_by_hand():
    assert verifier_get("g09_quad_inequality_integers")({"p": -2, "q": 3, "sign": "<"}, "4")
    assert verifier_get("g09_quad_inequality_integers")({"p": -2, "q": 3, "sign": "\\le"}, "6")
    assert not verifier_get("g09_quad_inequality_integers")({"p": -2, "q": 3, "sign": "<"}, "6")


def test_system_and_progression_verifiers_reject_a_wrong_key():
    assert verifier_get("g09_system_sum_product")({"s": 8, "p": 15, "a": 5, "b": 3}, "5")
    assert not verifier_get("g09_system_sum_product")({"s": 8, "p": 15, "a": 5, "b": 3}, "3")
    assert verifier_get("g09_ap_nth")({"a1": 3, "d": 3, "n": 18, "a2": 6}, "54")
    assert not verifier_get("g09_ap_nth")({"a1": 3, "d": 3, "n": 18, "a2": 6}, "57")
    # b_1 = 1, q = -2: 1, -2, 4, -8 sum to -5.
    assert verifier_get("g09_gp_sum")({"b1": 1, "q": -2, "n": 4}, "-5")


def test_geometry_keys_by_hand():
    # 120°, b = 3, c = 5: a^2 = 9 + 25 + 15 = 49.
    assert verifier_get("g09_law_of_cosines")({"b": 3, "c": 5, "angle": 120}, "7")
    assert not verifier_get("g09_law_of_cosines")({"b": 3, "c": 5, "angle": 60}, "7")
    assert verifier_get("g09_polygon_angle")({"n": 12}, "150")
    assert verifier_get("g09_arc_length")({"angle": 120, "r": 16}, "32*pi/3")
    assert not verifier_get("g09_sector_area")({"angle": 90, "r": 4}, "2*pi")


@pytest.mark.parametrize(
    "form, key, typed, lang",
    [
        ("expression", "32*pi/3", "32π/3", "kk"),
        ("expression", "60*pi", "60π", "ru"),
        ("expression", "4*x+6", "y = 4x + 6", "uz"),
        ("number", "0.2", "1/5", "kk"),
        ("number", "14.5", "14,5 см", "ru"),
        ("fraction", "9/25", "9/25", "en"),
    ],
)
def test_answers_typed_as_a_pupil_types_them(form, key, typed, lang):
    unit = "cm" if "см" in typed else ""
    assert check(form=form, key=key, raw=typed, language=lang, unit=unit).status == "right"


def test_a_rounded_pi_answer_is_not_accepted():
    assert check(form="expression", key="32*pi/3", raw="33.5", language="en").status != "right"
