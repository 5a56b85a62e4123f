"""Grade 10 generators and their verifiers for the topics: trigonometric equations, probability.

Split from ``grade10`` by chapter (the data files in content/data/grade-10); the helpers they
share stay there."""

import math
from fractions import Fraction

from qalan.trainer.content.generators._util import fraction_key, number_key
from qalan.trainer.content.generators.grade09 import (
    pi_tex,
)
from qalan.trainer.content.generators.grade10 import LANGS, _choice_list, _fn_name, _right_is, _same
from qalan.trainer.content.registry import generator, verifier

# ---------------------------------------------------------------- trigonometric equations

# value shown, its TeX, the principal angle (a fraction of π) for sin, cos and tg.
SIN_VALUES = [
    ("1/2", "\\frac{1}{2}", Fraction(1, 6)),
    ("s2", "\\frac{\\sqrt{2}}{2}", Fraction(1, 4)),
    ("s3", "\\frac{\\sqrt{3}}{2}", Fraction(1, 3)),
    ("-1/2", "-\\frac{1}{2}", Fraction(-1, 6)),
    ("-s2", "-\\frac{\\sqrt{2}}{2}", Fraction(-1, 4)),
    ("-s3", "-\\frac{\\sqrt{3}}{2}", Fraction(-1, 3)),
]
COS_VALUES = [
    ("1/2", "\\frac{1}{2}", Fraction(1, 3)),
    ("s2", "\\frac{\\sqrt{2}}{2}", Fraction(1, 4)),
    ("s3", "\\frac{\\sqrt{3}}{2}", Fraction(1, 6)),
    ("-1/2", "-\\frac{1}{2}", Fraction(2, 3)),
    ("-s2", "-\\frac{\\sqrt{2}}{2}", Fraction(3, 4)),
    ("-s3", "-\\frac{\\sqrt{3}}{2}", Fraction(5, 6)),
]
TAN_VALUES = [
    ("1", "1", Fraction(1, 4)),
    ("s3", "\\sqrt{3}", Fraction(1, 3)),
    ("s3/3", "\\frac{\\sqrt{3}}{3}", Fraction(1, 6)),
    ("-1", "-1", Fraction(-1, 4)),
    ("-s3", "-\\sqrt{3}", Fraction(-1, 3)),
    ("-s3/3", "-\\frac{\\sqrt{3}}{3}", Fraction(-1, 6)),
]
NUMERIC = {"1/2": 0.5, "s2": math.sqrt(2) / 2, "s3": math.sqrt(3) / 2, "1": 1.0, "s3/3": math.sqrt(3) / 3}


def _target(fn: str, code: str) -> float:
    """The right-hand side a of f(x) = a read from its code, independently of the principal angle."""
    if code.startswith("-"):
        return -_target(fn, code[1:])
    if fn == "tan":
        return {"1": 1.0, "s3": math.sqrt(3), "s3/3": math.sqrt(3) / 3}[code]
    return NUMERIC[code]


def _signed_pi(c: Fraction) -> str:
    return ("-" if c < 0 else "") + pi_tex(abs(c))


def _family(fn: str, c: Fraction) -> str:
    """The general solution of f(x) = a whose principal angle is cπ, in TeX."""
    if fn == "sin":
        power = "k" if c > 0 else "k+1"
        return f"x = (-1)^{{{power}}} {pi_tex(abs(c))} + \\pi k"
    if fn == "cos":
        return f"x = \\pm {pi_tex(c)} + 2\\pi k"
    return f"x = {_signed_pi(c)} + \\pi k"


def _family_text(tex: str) -> dict:
    return dict.fromkeys(LANGS, f"${tex},\\ k \\in \\mathbb{{Z}}$")


@generator("g10_trig_equation_general")
def g10_trig_equation_general(rng, options):
    fn = rng.choice(["sin", "cos", "tan"])
    table = {"sin": SIN_VALUES, "cos": COS_VALUES, "tan": TAN_VALUES}[fn]
    code, tex, c = rng.choice(table)
    right = _family_text(_family(fn, c))
    wrong = []
    for other_fn in ("sin", "cos", "tan"):
        for _code, _tex, other_c in {"sin": SIN_VALUES, "cos": COS_VALUES, "tan": TAN_VALUES}[other_fn]:
            if other_fn == fn and other_c == c:
                continue
            wrong.append(_family_text(_family(other_fn, other_c)))
    # The most instructive traps first: the same angle in another family, the opposite value.
    traps = [_family_text(_family(f, c if f != "cos" else abs(c))) for f in ("sin", "cos", "tan") if f != fn]
    rng.shuffle(wrong)
    choices = _choice_list(rng, right, traps[:2] + wrong[:6])
    arc = {
        "sin": "\\arcsin",
        "cos": "\\arccos",
        "tan": {
            "kk": "\\operatorname{arctg}",
            "ru": "\\operatorname{arctg}",
            "en": "\\arctan",
            "uz": "\\operatorname{arctg}",
        },
    }[fn]
    values = {
        "fn": _fn_name(fn),
        "fn_code": fn,
        "code": code,
        "a": tex,
        "c": fraction_key(c),
        "arc": arc if isinstance(arc, dict) else _same(arc),
        "angle": _signed_pi(c),
        "formula": {
            "sin": _same("x = (-1)^k \\arcsin a + \\pi k"),
            "cos": _same("x = \\pm \\arccos a + 2\\pi k"),
            "tan": {
                "kk": "x = \\operatorname{arctg} a + \\pi k",
                "ru": "x = \\operatorname{arctg} a + \\pi k",
                "en": "x = \\arctan a + \\pi k",
                "uz": "x = \\operatorname{arctg} a + \\pi k",
            },
        }[fn],
        "answer": right,
    }
    return {"values": values, "key": "", "choices": choices}


@verifier("g10_trig_equation_general")
def g10_trig_equation_general_verify(values, key, choices=None):
    fn, c = values["fn_code"], Fraction(values["c"])
    f = {"sin": math.sin, "cos": math.cos, "tan": math.tan}[fn]
    target = _target(fn, values["code"])
    # Every member of the family solves the equation, for k from -3 to 3.
    for k in range(-3, 4):
        if fn == "sin":
            xs = [(-1) ** k * float(c) * math.pi + math.pi * k]
        elif fn == "cos":
            xs = [float(c) * math.pi + 2 * math.pi * k, -float(c) * math.pi + 2 * math.pi * k]
        else:
            xs = [float(c) * math.pi + math.pi * k]
        if any(abs(f(x) - target) > 1e-9 for x in xs):
            return False
    return _family_text(_family(fn, c)) == values["answer"] and _right_is(choices, values["answer"]["en"])


@generator("g10_trig_equation_root")
def g10_trig_equation_root(rng, options):
    """The smallest positive root, in degrees, of sin x = a, cos x = a or tg x = a."""
    fn = rng.choice(["sin", "cos", "tan"])
    table = {"sin": SIN_VALUES, "cos": COS_VALUES, "tan": TAN_VALUES}[fn]
    code, tex, c = rng.choice(table)
    principal = int(c * 180)
    if fn == "sin":
        roots = sorted(r % 360 for r in (principal, 180 - principal))
    elif fn == "cos":
        roots = sorted(r % 360 for r in (principal, -principal))
    else:
        roots = sorted(r % 360 for r in (principal, principal + 180))
    smallest = min(r for r in roots if r > 0)
    return {
        "values": {
            "fn": _fn_name(fn),
            "fn_code": fn,
            "code": code,
            "a": tex,
            "principal": principal,
            "roots": f"{roots[0]}^\\circ,\\ {roots[1]}^\\circ",
            "result": smallest,
        },
        "key": str(smallest),
    }


@verifier("g10_trig_equation_root")
def g10_trig_equation_root_verify(values, key):
    fn = values["fn_code"]
    f = {"sin": math.sin, "cos": math.cos, "tan": math.tan}[fn]
    target = _target(fn, values["code"])
    for deg in range(1, 361):
        if deg % 180 == 90 and fn == "tan":
            continue
        if abs(f(math.radians(deg)) - target) < 1e-9:
            return int(key) == deg
    return False


# ---------------------------------------------------------------- probability

NAMES = [
    (
        {"kk": "Аружан", "ru": "Аружан", "en": "Aruzhan", "uz": "Aruzhan"},
        {"kk": "Данияр", "ru": "Данияр", "en": "Daniyar", "uz": "Daniyar"},
    ),
    (
        {"kk": "Ерасыл", "ru": "Ерасыл", "en": "Yerassyl", "uz": "Yerasil"},
        {"kk": "Әсел", "ru": "Асель", "en": "Assel", "uz": "Asel"},
    ),
    (
        {"kk": "Камила", "ru": "Камила", "en": "Kamila", "uz": "Kamila"},
        {"kk": "Бауыржан", "ru": "Бауыржан", "en": "Baurzhan", "uz": "Bauyrjan"},
    ),
    (
        {"kk": "Олжас", "ru": "Олжас", "en": "Olzhas", "uz": "Oljas"},
        {"kk": "Лейла", "ru": "Лейла", "en": "Leyla", "uz": "Leyla"},
    ),
    (
        {"kk": "Наргиза", "ru": "Наргиза", "en": "Nargiza", "uz": "Nargiza"},
        {"kk": "Артём", "ru": "Артём", "en": "Artyom", "uz": "Artyom"},
    ),
]


def _p(rng, low=1, high=9):
    return Fraction(rng.randint(low, high), 10)


@generator("g10_prob_addition")
def g10_prob_addition(rng, options):
    """Incompatible events: a shot hits the 10 zone or the 9 zone."""
    while True:
        p1, p2 = Fraction(rng.randint(5, 50), 100), Fraction(rng.randint(5, 50), 100)
        if p1 + p2 < 1 and p1 != p2:
            break
    s = p1 + p2
    return {"values": {"p1": number_key(p1), "p2": number_key(p2), "result": number_key(s)}, "key": number_key(s)}


@verifier("g10_prob_addition")
def g10_prob_addition_verify(values, key):
    miss = 1 - Fraction(values["p1"]) - Fraction(values["p2"])
    return 0 < miss < 1 and Fraction(key) == 1 - miss


@generator("g10_prob_both")
def g10_prob_both(rng, options):
    """Independent events: two archers both hit."""
    p1, p2 = _p(rng, 3, 9), _p(rng, 3, 9)
    first, second = rng.choice(NAMES)
    return {
        "values": {
            "first": first,
            "second": second,
            "p1": number_key(p1),
            "p2": number_key(p2),
            "result": number_key(p1 * p2),
        },
        "key": number_key(p1 * p2),
    }


@verifier("g10_prob_both")
def g10_prob_both_verify(values, key):
    # Count outcomes of 10 x 10 equally likely pairs.
    a, b = int(Fraction(values["p1"]) * 10), int(Fraction(values["p2"]) * 10)
    hits = sum(1 for i in range(10) for j in range(10) if i < a and j < b)
    return Fraction(key) == Fraction(hits, 100)


@generator("g10_prob_at_least_one")
def g10_prob_at_least_one(rng, options):
    p1, p2 = _p(rng, 2, 9), _p(rng, 2, 9)
    q1, q2 = 1 - p1, 1 - p2
    result = 1 - q1 * q2
    first, second = rng.choice(NAMES)
    return {
        "values": {
            "first": first,
            "second": second,
            "p1": number_key(p1),
            "p2": number_key(p2),
            "q1": number_key(q1),
            "q2": number_key(q2),
            "qq": number_key(q1 * q2),
            "result": number_key(result),
        },
        "key": number_key(result),
    }


@verifier("g10_prob_at_least_one")
def g10_prob_at_least_one_verify(values, key):
    p1, p2 = Fraction(values["p1"]), Fraction(values["p2"])
    # Addition rule for compatible events: P(A) + P(B) - P(AB).
    return Fraction(key) == p1 + p2 - p1 * p2


@generator("g10_two_dice")
def g10_two_dice(rng, options):
    s = rng.randint(2, 12)
    m = 6 - abs(s - 7)
    pairs = ", ".join(f"({i};\\,{s - i})" for i in range(1, 7) if 1 <= s - i <= 6)
    p = Fraction(m, 36)
    return {"values": {"s": s, "m": m, "pairs": pairs, "result": fraction_key(p)}, "key": fraction_key(p)}


@verifier("g10_two_dice")
def g10_two_dice_verify(values, key):
    m = sum(1 for i in range(1, 7) for j in range(1, 7) if i + j == values["s"])
    return Fraction(key) == Fraction(m, 36) and m == values["m"]
