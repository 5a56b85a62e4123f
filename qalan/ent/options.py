"""The options of an ENT question, made from a trainer item with an exact numeric key.

A single-choice question shows the item's answer among distractors drawn from the mistakes
students make (off by one, doubled, halved, the sign, a power of ten, the reciprocal). A
multiple-choice question asks for every option *equal* to the answer: one to three of the six
are the answer written another way (``3/4``, ``0,75``, ``6/8``), the rest are distractors written
in the same ways, so the way a number is written tells nothing. The same seed gives the same
options; everything is exact (``fractions.Fraction``).
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass
from fractions import Fraction

from qalan.trainer.answers.numbers import number_key
from qalan.trainer.content.locale import LANGUAGES, number_tex, unit_text

NUMERIC_FORMS = ("number", "fraction")


@dataclass
class Options:
    options: list[dict]  # [{"id": "a", "text": {lang: ...}}]
    key: str  # "b" or "a,d"


def key_value(key: str) -> Fraction:
    """The exact value of a trainer key (``12``, ``-2.5``, ``5/7``, ``1 7/12``, ``22 cm``)."""
    try:
        return number_key(key).value
    except ValueError:
        head = str(key).strip().split(" ")[0]
        return number_key(head).value


def _terminates(value: Fraction) -> bool:
    d = value.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1


def _decimal(value: Fraction) -> str:
    sign = "-" if value < 0 else ""
    value = abs(value)
    whole, rest = divmod(value.numerator, value.denominator)
    digits = ""
    while rest and len(digits) < 12:
        rest *= 10
        digit, rest = divmod(rest, value.denominator)
        digits += str(digit)
    return f"{sign}{whole}.{digits}" if digits else f"{sign}{whole}"


def canonical(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    return f"{value.numerator}/{value.denominator}"


def _plain(value: Fraction, decimal_key: bool) -> str:
    """How the item itself would write the value."""
    if value.denominator != 1 and decimal_key and _terminates(value):
        return _decimal(value)
    return canonical(value)


def distractors(value: Fraction, rng: random.Random, count: int) -> list[Fraction]:
    """``count`` distinct wrong values near the mistakes students make, never the value itself."""
    p, q = value.numerator, value.denominator
    near = [value + 1, value - 1, 2 * value, value / 2, -value, value + 2, value - 2, 10 * value, value / 10]
    near += [
        value * 3 / 2,
        value + Fraction(1, q) if q > 1 else value + 3,
        value * value if abs(value) < 30 else value + 5,
    ]
    if q > 1:
        near += [Fraction(q, p) if p else value + 1, Fraction(p + 1, q), Fraction(p, q + 1), 1 - value]
    if abs(value) >= 20:
        near += [value + 10, value - 10, value * Fraction(11, 10), value * Fraction(9, 10)]
    if value >= 0:
        # A negative option beside a positive answer is an easy give-away; keep them rare.
        near = [v for v in near if v >= 0] + [v for v in near if v < 0]
    seen, wrong = {value}, []
    head, tail = near[: len(near) - 2], near[len(near) - 2 :]
    rng.shuffle(head)
    for candidate in head + tail:
        if candidate not in seen:
            seen.add(candidate)
            wrong.append(candidate)
    step = 3
    while len(wrong) < count:  # a tiny or odd value: go further out
        candidate = value + step
        if candidate not in seen:
            seen.add(candidate)
            wrong.append(candidate)
        step += 1
    return wrong[:count]


def _equal_forms(value: Fraction, decimal_key: bool) -> list[str]:
    """The same value written other ways: canonical, decimal, unreduced fractions."""
    forms = [canonical(value)]
    if value.denominator != 1 and _terminates(value):
        forms.append(_decimal(value))
    p, q = value.numerator, value.denominator
    forms += [f"{p * m}/{q * m}" for m in (2, 3, 4, 5)]
    if decimal_key and value.denominator != 1 and _terminates(value):
        forms.insert(0, forms.pop(1))
    unique = []
    for form in forms:
        if form not in unique:
            unique.append(form)
    return unique


def _text(written: str, unit: str) -> dict:
    texts = {}
    for lang in LANGUAGES:
        tex = number_tex(written, lang)
        texts[lang] = f"${tex}$" + (f" {unit_text(unit, lang)}" if unit else "")
    return texts


def _lettered(written: list[str], unit: str, right: set[int]) -> Options:
    options, key = [], []
    for i, (letter, text) in enumerate(zip(string.ascii_lowercase, written, strict=False)):
        options.append({"id": letter, "text": _text(text, unit)})
        if i in right:
            key.append(letter)
    return Options(options=options, key=",".join(key))


def options_single(*, key: str, unit: str, seed: int, count: int) -> Options:
    # Bandit B311: seeded so an item's options can be rebuilt; nothing secret is drawn.
    rng = random.Random(seed)  # nosec B311
    value = key_value(key)
    decimal_key = "." in str(key)
    values = [value, *distractors(value, rng, count - 1)]
    rng.shuffle(values)
    written = [_plain(v, decimal_key) for v in values]
    return _lettered(written, unit, {values.index(value)})


def options_multi(*, key: str, unit: str, seed: int, count: int) -> Options:
    # Bandit B311: seeded so an item's options can be rebuilt; nothing secret is drawn.
    rng = random.Random(seed)  # nosec B311
    value = key_value(key)
    decimal_key = "." in str(key)
    forms = _equal_forms(value, decimal_key)
    right_count = rng.randint(1, min(3, len(forms)))
    right = [forms[0], *rng.sample(forms[1:], right_count - 1)]
    wrong = []
    for other in distractors(value, rng, count - right_count):
        other_forms = _equal_forms(other, decimal_key)
        wrong.append(rng.choice(other_forms[:3]))
    written = right + wrong
    order = list(range(len(written)))
    rng.shuffle(order)
    shown = [written[i] for i in order]
    return _lettered(shown, unit, {pos for pos, i in enumerate(order) if i < right_count})


def options_for(*, form: str, key: str, unit: str, seed: int, count: int, multi: bool) -> Options:
    if form not in NUMERIC_FORMS:
        raise ValueError(f"an ENT question needs an item with a numeric key, not {form!r}")
    maker = options_multi if multi else options_single
    return maker(key=key, unit=unit, seed=seed, count=count)
