"""Expressions are parsed by a bounded grammar (never eval) and compared by algebraic equivalence."""

import pytest

from qalan.trainer.answers import check

CHILDREN_TYPE = [
    ("6*a", "6a", "right"),
    ("6*a", "a*6", "right"),
    ("6*a", "6·a", "right"),
    ("6*a", "6×a", "right"),
    ("6*a", "6а", "right"),  # Cyrillic а
    ("6*a", "6 a", "right"),
    ("6*a", "3a+3a", "right"),
    ("6*a", "6A", "right"),  # a phone's capital; the key has none
    ("6*a", "6b", "wrong"),
    ("6*a", "6", "wrong"),
    ("6*a", "a+6", "wrong"),
    ("x^2-1", "(x-1)(x+1)", "right"),
    ("x^2-1", "(х-1)(х+1)", "right"),  # Cyrillic х
    ("x^2-1", "x²−1", "right"),
    ("x^2-1", "x**2 - 1", "right"),
    ("x^2-1", "y = x^2 - 1", "right"),
    ("x^2-1", "x^2+1", "wrong"),
    ("(a+b)^2", "a^2+2ab+b^2", "right"),
    ("(a+b)^2", "a²+b²+2ba", "right"),
    ("(a+b)^2", "a^2+b^2", "wrong"),
    ("2*(x+1)", "2x+2", "right"),
    ("2*(x+1)", "2(x+1)", "right"),
    ("(a+b)*(a-b)", "a^2-b^2", "right"),
    ("3*x*y", "3xy", "right"),
    ("3*x*y", "3yx", "right"),
    ("-x", "-1x", "right"),
    ("-x", "0-x", "right"),
    ("x/2", "0.5x", "right"),
    ("x/2", "0,5x", "right"),
    ("x/2", "½x", "right"),
    ("x+1", "(x^2-1)/(x-1)", "right"),  # a teacher accepts the equal rational expression
    ("2*sqrt(2)", "√8", "right"),
    ("2*sqrt(2)", "sqrt(8)", "right"),
    ("x^-1", "1/x", "right"),
    ("p*i", "pi", "wrong"),  # pi is π
    ("2*pi*r", "2πr", "right"),
    ("x", "x+y-y", "right"),
    ("x", "z", "wrong"),  # a variable the key does not have
]


@pytest.mark.parametrize("key, raw, status", CHILDREN_TYPE)
def test_what_children_type_gets_the_teachers_verdict(key, raw, status):
    assert check(form="expression", key=key, raw=raw).status == status


@pytest.mark.parametrize(
    "raw, code",
    [
        ("", "empty"),
        ("x = 2x", "equation"),
        ("x < 3", "equation"),
        ("2x ≥ 1", "equation"),
        ("6б", "latin_letters"),
        ("6в", "latin_letters"),  # в is not folded to b: it is read as v
        ("(x+1", "not_an_expression"),
        ("x+1)", "not_an_expression"),
        ("2 3", "not_an_expression"),  # juxtaposed numbers are not a product
        ("x^y", "not_an_expression"),  # exponents are literals
        ("x $ 2", "not_an_expression"),
        ("1/0", "division_by_zero"),
        ("x/(x-x)", "division_by_zero"),
    ],
)
def test_what_is_not_an_expression_is_invalid_with_its_reason(raw, code):
    verdict = check(form="expression", key="x", raw=raw)
    assert (verdict.status, verdict.code) == ("invalid", code)
    assert verdict.message


@pytest.mark.parametrize(
    "raw, code",
    [
        ("9^9^9^9^9", "too_complex"),
        ("2^2^2", "too_complex"),
        ("x^13", "too_complex"),
        ("((9^12)^12)^12", "too_complex"),
        ("(a+b+c+d)^12", "too_complex"),
        ("(x+1)^12*(x+1)^12*(x+1)^12", "too_complex"),
        ("1234567890123x", "too_complex"),
        ("(" * 21 + "x" + ")" * 21, "too_complex"),
        ("+".join("x" * 40), "too_complex"),
        ("x" * 10_000, "too_long"),
        ("(" * 10_000, "too_long"),
        ("9" * 201, "too_long"),
    ],
)
def test_pathological_input_is_rejected_before_any_algebra(raw, code):
    verdict = check(form="expression", key="x", raw=raw)
    assert (verdict.status, verdict.code) == ("invalid", code)
    assert "3a + 2" in verdict.message


def test_bounded_but_large_expressions_are_still_checked():
    assert check(form="expression", key="(a+b)^12", raw="(b+a)^12").status == "right"
    assert check(form="expression", key="(x+1)^6", raw="x^6+6x^5+15x^4+20x^3+15x^2+6x+1").status == "right"
    assert check(form="expression", key="(x+1)^6", raw="x^6+6x^5+15x^4+20x^3+15x^2+6x+2").status == "wrong"


def test_the_reading_is_the_canonical_expression():
    assert check(form="expression", key="6*a", raw="6а").normalised == "6*a"
    assert check(form="expression", key="x^2-1", raw="x²−1").normalised == "x^2 - 1"
    assert check(form="expression", key="x", raw="x=").normalised == ""


def test_capitals_count_when_the_key_has_them():
    assert check(form="expression", key="2*A", raw="2A").status == "right"
    assert check(form="expression", key="2*A", raw="2a").status == "wrong"


def test_the_invalid_message_is_translated():
    assert check(form="expression", key="x", raw="(", language="ru").message == "Введите выражение, например 3a + 2."
    assert check(form="expression", key="x", raw="(", language="kk").message == "Өрнек енгізіңіз, мысалы, 3a + 2."


@pytest.mark.parametrize(
    "key,typed,status",
    [
        ("factor:3*(x+2)", "3(x+2)", "right"),
        ("factor:3*(x+2)", "(x + 2)·3", "right"),
        ("factor:3*(x+2)", "3x+6", "invalid"),  # the right value, not a product: costs nothing
        ("factor:3*(x+2)", "3(x+3)", "wrong"),
        ("factor:(x-2)*(x+3)", "(x+3)(x-2)", "right"),
        ("factor:(x-2)*(x+3)", "x^2+x-6", "invalid"),
        ("expand:x^2+x-6", "x^2+x-6", "right"),
        ("expand:x^2+x-6", "-6+x+x²", "right"),
        ("expand:x^2+x-6", "(x+3)(x-2)", "invalid"),
        ("expand:x^2+x-6", "x^2+3x-2x-6", "invalid"),  # like terms not collected
        ("expand:x^2+x-6", "x^2-x-6", "wrong"),
    ],
)
def test_a_task_may_ask_for_the_factored_or_the_expanded_form(key, typed, status):
    from qalan.trainer.answers import check

    verdict = check(form="expression", key=key, raw=typed, language="ru")
    assert verdict.status == status, verdict
    if status == "invalid":
        assert verdict.code in ("not_factored", "not_expanded") and "верное" in verdict.message


def test_a_form_key_must_itself_have_that_form():
    from qalan.trainer.answers import key_validate

    with pytest.raises(ValueError, match="product"):
        key_validate("expression", "factor:3*x+6")
    with pytest.raises(ValueError, match="expanded"):
        key_validate("expression", "expand:3*(x+2)")
