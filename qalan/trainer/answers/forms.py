"""Checking one typed answer against its key, form by form, as a maths teacher would."""

import logging
from collections.abc import Sequence
from functools import lru_cache

from django.utils import translation

from qalan.trainer.answers import expressions, messages
from qalan.trainer.answers.display import _language, expression_format, fraction_format, number_format
from qalan.trainer.answers.normalise import MAX_LENGTH, clean, strip_letter_prefix, text_normalise
from qalan.trainer.answers.numbers import DivisionByZero, NotANumber, Reading, number_key, number_read
from qalan.trainer.answers.units import unit_canonical, unit_of_item, unit_split
from qalan.trainer.answers.verdict import FORMS, INVALID, RIGHT, WRONG, Verdict
from qalan.trainer.answers.words import choice_key, choice_read, text_for_reader, text_key

logger = logging.getLogger(__name__)


def _form(form: str) -> str:
    if form not in FORMS:
        raise ValueError(f"unknown answer form {form!r}: expected one of {', '.join(FORMS)}")
    return form


@lru_cache(maxsize=2048)
def _parsed_key(form: str, key: str):
    """The key read once per (form, key): content keys repeat across thousands of attempts."""
    _form(form)
    if form in ("number", "fraction"):
        reading = number_key(key)
        if form == "fraction":
            if reading.kind == "decimal":
                raise ValueError(f"fraction key {key!r}: write a fraction a/b, a mixed number or an integer")
            if not reading.reduced:
                raise ValueError(f"fraction key {key!r}: the fraction is not in lowest terms")
        return reading
    if form == "expression":
        shape, key = expressions.shape_split(str(key))
        if expressions.EQUATION.search(str(key)):
            raise ValueError(f"expression key {key!r}: not an expression but an equation or inequality")
        try:
            tree, expr = expressions.expression_read(str(key))
        except expressions.TooComplex as error:
            raise ValueError(f"expression key {key!r}: too long or too complex ({error})") from None
        except expressions.DivisionByZero:
            raise ValueError(f"expression key {key!r}: divides by zero") from None
        except expressions.NotAnExpression:
            raise ValueError(
                f"expression key {key!r}: not an expression (numbers, one-letter Latin variables, "
                "+ - * / ^ with integer exponents, parentheses, sqrt; no '=')"
            ) from None
        if shape == "factor" and not expressions.is_product(tree):
            raise ValueError(f"expression key {key!r}: a 'factor:' key must itself be a product")
        if shape == "expand" and not expressions.is_expanded(tree, expr):
            raise ValueError(f"expression key {key!r}: an 'expand:' key must itself be expanded")
        return tree, expr, shape
    if form in ("choice", "multi"):
        return choice_key(key, many=form == "multi")
    return text_key(key)


def key_validate(form: str, key: str) -> None:
    """Raises ValueError with a clear English message when a content file's key is malformed."""
    if not isinstance(key, str) or not key.strip():
        raise ValueError(f"{form} key {key!r}: the key is empty")
    _parsed_key(_form(form), key)


def _invalid(form: str, code: str, language: str, normalised: str = "", **values) -> Verdict:
    return Verdict(INVALID, messages.invalid_message(form, code, language, **values), normalised, code)


def _judged(right: bool, normalised: str) -> Verdict:
    if right:
        return Verdict(RIGHT, messages.right_message(), normalised, "ok")
    return Verdict(WRONG, messages.wrong_message(), normalised, "wrong")


def _read_number(form: str, raw: str, language: str, unit: str) -> Reading | Verdict:
    """The number typed, with its unit checked; a Verdict when that already decides."""
    text = strip_letter_prefix(clean(raw))
    if not text:
        return _invalid(form, "empty", language)
    number_text, unit_text = unit_split(text)
    unreadable = "not_a_number" if form == "number" else "not_a_fraction"
    if not number_text:
        return _invalid(form, unreadable, language)
    try:
        reading = number_read(number_text, language)
    except DivisionByZero:
        return _invalid(form, "division_by_zero", language)
    except NotANumber:
        return _invalid(form, unreadable, language)
    if unit_text:
        known = unit_canonical(unit_text)
        declared = unit_of_item(unit) if unit else None
        if declared is not None and declared == (known or unit_of_item(unit_text)):
            return reading
        if known is None:
            return _invalid(form, "unknown_unit", language, reading.text, word=unit_text)
        if declared is None:
            return _invalid(form, "unit_not_expected", language, reading.text)
        # A known unit that is not the item's: a real mistake (22 m for 22 cm), so it costs a life.
        return Verdict(WRONG, messages.wrong_unit_message(unit), reading.text, "wrong_unit")
    return reading


def _check_number(key: Reading, raw, language, unit, choices) -> Verdict:
    reading = _read_number("number", raw, language, unit)
    if isinstance(reading, Verdict):
        return reading
    return _judged(reading.value == key.value, reading.text)  # exact: 0.7143 is not 5/7


def _check_fraction(key: Reading, raw, language, unit, choices) -> Verdict:
    reading = _read_number("fraction", raw, language, unit)
    if isinstance(reading, Verdict):
        return reading
    if reading.value != key.value:
        return _judged(False, reading.text)
    # The value is right; its writing is not yet what was asked, which costs no life.
    if reading.kind == "decimal" or not reading.integer_terms:
        return _invalid("fraction", "not_a_fraction", language, reading.text)
    if not reading.reduced:
        return _invalid("fraction", "not_reduced", language, reading.text)
    return _judged(True, reading.text)


_EXPRESSION_ERRORS = (
    (expressions.Equation, "equation"),
    (expressions.NonLatinLetters, "latin_letters"),
    (expressions.NotAnExpression, "not_an_expression"),
    (expressions.DivisionByZero, "division_by_zero"),
)


def _check_expression(key, raw, language, unit, choices) -> Verdict:
    _key_tree, key_expr, shape = key
    # Phones capitalise the first letter: when the key has no capitals, case does not matter.
    fold_case = not any(s.name.isupper() for s in key_expr.free_symbols)
    if not raw.strip():
        return _invalid("expression", "empty", language)
    try:
        _tree, expr = expressions.expression_read(raw, fold_case=fold_case)
    except expressions.TooComplex as error:
        return _invalid("expression", str(error), language)
    except ValueError as error:
        code = next(code for kind, code in _EXPRESSION_ERRORS if isinstance(error, kind))
        return _invalid("expression", code, language)
    right = expressions.equivalent(expr, key_expr)
    # The value is right but not in the form the task asks for: a teacher says so, and it costs
    # no life (as a fraction not yet reduced).
    if right and shape == "factor" and not expressions.is_product(_tree):
        return _invalid("expression", "not_factored", language, expressions.canonical(expr))
    if right and shape == "expand" and not expressions.is_expanded(_tree, expr):
        return _invalid("expression", "not_expanded", language, expressions.canonical(expr))
    return _judged(right, expressions.canonical(expr))


def _check_choice(key, raw, language, unit, choices, *, many=False) -> Verdict:
    form = "multi" if many else "choice"
    wanted = {k.casefold() for k in key}
    ids = choice_read(raw, choices)
    if not ids or (not many and len(ids) != 1):
        return _invalid(form, "choose_one" if not many else "choose_options", language)
    return _judged({i.casefold() for i in ids} == wanted, ",".join(ids))


def _check_multi(key, raw, language, unit, choices) -> Verdict:
    return _check_choice(key, raw, language, unit, choices, many=True)


def _check_text(key, raw, language, unit, choices) -> Verdict:
    answer = text_normalise(raw)
    if not answer:
        return _invalid("text", "empty", language)
    return _judged(answer in {text_normalise(a) for _, a in key}, answer)


_UNREADABLE = {
    "number": "not_a_number",
    "fraction": "not_a_fraction",
    "expression": "too_complex",
    "choice": "choose_one",
    "multi": "choose_options",
    "text": "empty",
}

_CHECKERS = {
    "number": _check_number,
    "fraction": _check_fraction,
    "expression": _check_expression,
    "choice": _check_choice,
    "multi": _check_multi,
    "text": _check_text,
}


def check(
    *, form: str, key: str, raw: str, language: str = "en", unit: str = "", choices: Sequence[str] = ()
) -> Verdict:
    """The verdict on ``raw`` typed for an item whose answer is ``key`` of ``form``.

    Raises ValueError only for a bad form or key (content errors); never for what a student types.
    """
    parsed = _parsed_key(_form(form), key)
    choices = tuple(choices or ())
    if (
        form in ("choice", "multi")
        and choices
        and not {k.casefold() for k in parsed} <= {c.casefold() for c in choices}
    ):
        raise ValueError(f"{form} key {key!r} names an id that is not among the choices {list(choices)}")
    language = _language(language)
    raw = "" if raw is None else str(raw)
    with translation.override(language):
        if len(raw) > MAX_LENGTH:  # before any work: a pasted essay costs nothing
            return _invalid(form, "too_long", language)
        try:
            return _CHECKERS[form](parsed, raw, language, unit or "", choices)
        except Exception:  # a student's input must never break the page; sympy is large
            logger.exception("answer check failed: form=%s key=%r raw=%r", form, key, raw)
            return _invalid(form, _UNREADABLE[form], language)


def choice_mistakes(*, key: str, raw: str, choices: Sequence[str]) -> int | None:
    """For a multiple-choice item: wrong options chosen plus right options missed (0 = all
    right), or None when ``raw`` names no option of ``choices``. Partial credit is scored from it
    (the ENT: 2 points for 0 mistakes, 1 for one)."""
    wanted = {k.casefold() for k in _parsed_key("multi", key)}
    ids = choice_read("" if raw is None else str(raw), tuple(choices or ()))
    if not ids:
        return None
    chosen = {i.casefold() for i in ids}
    return len(chosen ^ wanted)


def key_display(form: str, key: str, language: str) -> str:
    """The key as a reader of ``language`` sees it: ``31,5`` / ``31.5``, ``5/7``, ``1 7/12``, ``6a``."""
    parsed = _parsed_key(_form(form), key)
    language = _language(language)
    if form in ("number", "fraction"):
        if parsed.kind in ("integer", "decimal"):
            return number_format(parsed.value, language)
        sign = -1 if parsed.text.startswith("-") else 1
        parts = parsed.text.lstrip("-").replace("/", " ").split()
        if parsed.kind == "mixed":
            whole, num, den = (int(p) for p in parts)
            return fraction_format(num, den, language, whole=sign * whole)
        if "." in parsed.text:
            return number_format(parsed.value, language)
        return fraction_format(sign * int(parts[0]), int(parts[1]), language)
    if form == "expression":
        return expression_format(parsed[0], language)
    if form in ("choice", "multi"):
        return ", ".join(parsed)
    return text_for_reader(key, language)
