"""Grade 8 generators and their verifiers for the topics: quadratic equations, quadratic function, inequalities, statistics.

Split from ``grade08`` by chapter (the data files in content/data/grade-08); the helpers they
share stay there."""

from fractions import Fraction
from math import isqrt

import sympy

from qalan.trainer.content.generators._util import number_key
from qalan.trainer.content.generators.grade07 import (
    _nz,
    lin_tex,
    mono_tex,
    poly_key,
    poly_tex,
    signed,
)
from qalan.trainer.content.generators.grade08 import GEQ, LEQ, _first, _key_value
from qalan.trainer.content.registry import generator, verifier

# --------------------------------------------------------------------------------------------
# Quadratic equations
# --------------------------------------------------------------------------------------------


@generator("g08_qe_incomplete")
def g08_qe_incomplete(rng, options):
    """ax² - c = 0 (the positive root) or ax² + bx = 0 (the root other than 0)."""
    if _first(rng, options, "pure"):
        a, r = rng.randint(1, 6), rng.randint(1, 12)
        c = a * r * r
        values = {
            "kind": "pure",
            "a": a,
            "c": c,
            "equation": f"{mono_tex(a, {'x': 2})} - {c} = 0",
            "x2": r * r,
            "result": r,
        }
    else:
        a = rng.randint(1, 6)
        while True:
            r = Fraction(_nz(rng, -12, 12) * rng.choice([1, 1, 1, 2]), rng.choice([1, 1, 2]))
            b = -a * r
            if b.denominator == 1 and b != 0:
                break
        b = int(b)
        values = {
            "kind": "mixed",
            "a": a,
            "b": b,
            "equation": f"{poly_tex([(a, {'x': 2}), (b, {'x': 1})])} = 0",
            "factored": f"x({lin_tex(a, b)}) = 0",
            "inner": f"{lin_tex(a, b)} = 0",
            "result": number_key(r),
        }
    return {"values": values, "key": str(values["result"])}


@verifier("g08_qe_incomplete")
def g08_qe_incomplete_verify(values, key):
    x, v = Fraction(key), values
    if v["kind"] == "pure":
        return x > 0 and v["a"] * x * x == v["c"]
    return x != 0 and v["a"] * x * x + v["b"] * x == 0


def _roots_quadratic(rng, monic=False):
    """(a, b, c, x1, x2) with rational roots: a(x - x1)(x - x2), x1 < x2."""
    while True:
        if monic:
            a = 1
            x1, x2 = _nz(rng, -9, 9), _nz(rng, -9, 9)
        else:
            a = rng.choice([1, 1, 2, 3])
            x1, x2 = Fraction(_nz(rng, -9, 9)), Fraction(_nz(rng, -9, 9), rng.choice([1, 1, a]))
        if x1 != x2:
            b, c = -a * (x1 + x2), a * x1 * x2
            b_whole = b.denominator == 1 if isinstance(b, Fraction) else True
            c_whole = c.denominator == 1 if isinstance(c, Fraction) else True
            if b_whole and c_whole and b != 0 and c != 0:
                x1, x2 = sorted((Fraction(x1), Fraction(x2)))
                return a, int(b), int(c), x1, x2


@generator("g08_qe_discriminant")
def g08_qe_discriminant(rng, options):
    """The discriminant D = b² - 4ac (any sign)."""
    a, b, c = _nz(rng, -5, 6), _nz(rng, -12, 12), _nz(rng, -15, 15)
    d = b * b - 4 * a * c
    return {
        "values": {
            "a": a,
            "b": b,
            "c": c,
            "equation": f"{poly_tex([(a, {'x': 2}), (b, {'x': 1}), (c, {})])} = 0",
            "b2": b * b,
            "ac4": 4 * a * c,
            "ac4s": signed(4 * a * c),
            "steps": f"{signed(b)}^{{2}} - 4 \\cdot {signed(a)} \\cdot {signed(c)}",
            "result": d,
        },
        "key": str(d),
    }


@verifier("g08_qe_discriminant")
def g08_qe_discriminant_verify(values, key):
    a, b, c = values["a"], values["b"], values["c"]
    return int(key) == b * b - 4 * a * c


@generator("g08_qe_solve")
def g08_qe_solve(rng, options):
    """ax² + bx + c = 0 with two rational roots; the larger (or smaller) one."""
    a, b, c, x1, x2 = _roots_quadratic(rng)
    ask = options.get("ask", "larger")
    d = b * b - 4 * a * c
    result = x2 if ask == "larger" else x1
    return {
        "values": {
            "a": a,
            "b": b,
            "c": c,
            "equation": f"{poly_tex([(a, {'x': 2}), (b, {'x': 1}), (c, {})])} = 0",
            "d": d,
            "sd": isqrt(d),
            "mb": -b,
            "a2": 2 * a,
            "x1": number_key(x1),
            "x2": number_key(x2),
            "ask": ask,
            "result": number_key(result),
        },
        "key": number_key(result),
    }


@verifier("g08_qe_solve")
def g08_qe_solve_verify(values, key):
    x, v = Fraction(key), values
    roots = [r for r in (Fraction(values["x1"]), Fraction(values["x2"])) if v["a"] * r * r + v["b"] * r + v["c"] == 0]
    return (
        len(roots) == 2
        and v["a"] * x * x + v["b"] * x + v["c"] == 0
        and x == (max(roots) if v["ask"] == "larger" else min(roots))
    )


@generator("g08_vieta")
def g08_vieta(rng, options):
    """x² + px + q = 0 with one root known: the other root by Vieta's theorem."""
    _a, b, c, x1, x2 = _roots_quadratic(rng, monic=True)
    known, other = (x1, x2) if rng.random() < 0.5 else (x2, x1)
    return {
        "values": {
            "p": b,
            "q": c,
            "equation": f"{poly_tex([(1, {'x': 2}), (b, {'x': 1}), (c, {})])} = 0",
            "known": int(known),
            "knowns": signed(int(known)),
            "others": signed(int(other)),
            "sum": -b,
            "result": int(other),
        },
        "key": str(int(other)),
    }


@verifier("g08_vieta")
def g08_vieta_verify(values, key):
    x, k = int(key), values["known"]
    return x * x + values["p"] * x + values["q"] == 0 and x * k == values["q"] and (x != k)


@generator("g08_quad_factor")
def g08_quad_factor(rng, options):
    """x² + bx + c = (x - x1)(x - x2)."""
    _a, b, c, x1, x2 = _roots_quadratic(rng, monic=True)
    x1, x2 = int(x1), int(x2)
    return {
        "values": {
            "b": b,
            "c": c,
            "mb": -b,
            "x1": x1,
            "x2": x2,
            "trinomial": poly_tex([(1, {"x": 2}), (b, {"x": 1}), (c, {})]),
            "result": f"({lin_tex(1, -x1)})({lin_tex(1, -x2)})",
        },
        "key": f"({poly_key([(1, {'x': 1}), (-x1, {})])})*({poly_key([(1, {'x': 1}), (-x2, {})])})",
    }


@verifier("g08_quad_factor")
def g08_quad_factor_verify(values, key):
    x = Fraction(7, 3)
    f = x * x + values["b"] * x + values["c"]
    return "(" in key and _key_value(key, {"x": x}) == sympy.Rational(f.numerator, f.denominator)


@generator("g08_wp_quadratic")
def g08_wp_quadratic(rng, options):
    """A rectangular plot: one side d m longer than the other, area S m²; the shorter side."""
    x, d = rng.randint(3, 30), rng.randint(1, 15)
    s = x * (x + d)
    disc = d * d + 4 * s
    return {"values": {"d": d, "s": s, "disc": disc, "sd": isqrt(disc), "result": x}, "key": str(x)}


@verifier("g08_wp_quadratic")
def g08_wp_quadratic_verify(values, key):
    x = int(key)
    return x > 0 and x * (x + values["d"]) == values["s"]


# --------------------------------------------------------------------------------------------
# The quadratic function
# --------------------------------------------------------------------------------------------


def _quad_steps(a, b, c, x) -> str:
    """ax² + bx + c with x put in, as a child writes it: ``2 \\cdot (-3)^{2} - 4 \\cdot (-3) + 1``."""
    sx = signed(x)
    first = f"{sx}^{{2}}" if a == 1 else f"-{sx}^{{2}}" if a == -1 else f"{a} \\cdot {sx}^{{2}}"
    second = "" if b == 0 else f" {'+' if b > 0 else '-'} " + (sx if abs(b) == 1 else f"{abs(b)} \\cdot {sx}")
    third = "" if c == 0 else f" {'+' if c > 0 else '-'} {abs(c)}"
    return first + second + third


@generator("g08_quad_value")
def g08_quad_value(rng, options):
    """y = ax² + bx + c at a given x."""
    a, b, c, x = _nz(rng, -3, 4), _nz(rng, -8, 8), rng.randint(-9, 9), _nz(rng, -5, 5)
    y = a * x * x + b * x + c
    return {
        "values": {
            "a": a,
            "b": b,
            "c": c,
            "x": x,
            "function": f"y = {poly_tex([(a, {'x': 2}), (b, {'x': 1}), (c, {})])}",
            "steps": _quad_steps(a, b, c, x),
            "result": y,
        },
        "key": str(y),
    }


@verifier("g08_quad_value")
def g08_quad_value_verify(values, key):
    v = values
    return int(key) == v["a"] * v["x"] ** 2 + v["b"] * v["x"] + v["c"]


@generator("g08_vertex")
def g08_vertex(rng, options):
    """The vertex of y = ax² + bx + c: x₀ = -b/(2a) (whole), y₀ = y(x₀)."""
    a, x0 = _nz(rng, -3, 3), _nz(rng, -6, 6)
    b = -2 * a * x0
    c = rng.randint(-12, 12)
    y0 = a * x0 * x0 + b * x0 + c
    ask = options.get("ask", "x")
    return {
        "values": {
            "a": a,
            "b": b,
            "c": c,
            "x0": x0,
            "y0": y0,
            "a2": 2 * a,
            "mb": -b,
            "ask": ask,
            "function": f"y = {poly_tex([(a, {'x': 2}), (b, {'x': 1}), (c, {})])}",
            "steps": _quad_steps(a, b, c, x0),
            "result": x0 if ask == "x" else y0,
        },
        "key": str(x0 if ask == "x" else y0),
    }


@verifier("g08_vertex")
def g08_vertex_verify(values, key):
    v = values
    # The vertex is where y(x0 + t) = y(x0 - t): the axis of symmetry.
    x0 = Fraction(v["x0"])
    f = lambda x: v["a"] * x * x + v["b"] * x + v["c"]  # noqa: E731
    ok = f(x0 + 3) == f(x0 - 3) and f(x0 + 1) == f(x0 - 1)
    return ok and Fraction(key) == (x0 if v["ask"] == "x" else f(x0))


# --------------------------------------------------------------------------------------------
# Inequalities
# --------------------------------------------------------------------------------------------


@generator("g08_linear_ineq")
def g08_linear_ineq(rng, options):
    """ax + b < cx + d (or >): the greatest (or least) whole solution."""
    while True:
        a, c = rng.randint(-6, 9), rng.randint(-6, 9)
        if a == c:
            continue
        b, d = _nz(rng, -20, 20), _nz(rng, -20, 20)
        sign = rng.choice(["<", ">"])
        bound = Fraction(d - b, a - c)
        # (a - c) x  sign  d - b; dividing by a negative number flips the sign.
        flips = a - c < 0
        final = {"<": ">", ">": "<"}[sign] if flips else sign
        if final == "<":
            result, ask = (
                (bound - 1 if bound.denominator == 1 else Fraction(bound.numerator // bound.denominator)),
                "greatest",
            )
        else:
            result, ask = (
                (bound + 1 if bound.denominator == 1 else Fraction(bound.numerator // bound.denominator + 1)),
                "least",
            )
        if abs(result) <= 30:
            break
    tex_sign = {"<": "<", ">": ">"}
    return {
        "values": {
            "a": a,
            "b": b,
            "c": c,
            "d": d,
            "sign": sign,
            "ask": ask,
            "ask_text": {
                "greatest": {"kk": "ең үлкен", "ru": "наибольшее", "en": "greatest", "uz": "eng katta"},
                "least": {"kk": "ең кіші", "ru": "наименьшее", "en": "least", "uz": "eng kichik"},
            }[ask],
            "inequality": f"{lin_tex(a, b) if a else b} {tex_sign[sign]} {lin_tex(c, d) if c else d}",
            "collected": f"{mono_tex(a - c, {'x': 1})} {sign} {d - b}",
            "solved": f"x {final} {number_key(bound)}",
            "final": final,
            "bound": number_key(bound),
            "flip": {
                "kk": "теңсіздік таңбасы қарама-қарсыға өзгереді",
                "ru": "знак неравенства меняется на противоположный",
                "en": "the inequality sign is reversed",
                "uz": "tengsizlik belgisi qarama-qarshisiga oʻzgaradi",
            }
            if flips
            else {
                "kk": "теңсіздік таңбасы өзгермейді",
                "ru": "знак неравенства сохраняется",
                "en": "the inequality sign stays the same",
                "uz": "tengsizlik belgisi oʻzgarmaydi",
            },
            "result": int(result),
        },
        "key": str(int(result)),
    }


@verifier("g08_linear_ineq")
def g08_linear_ineq_verify(values, key):
    v, x = values, int(key)

    def holds(t):
        left, right = v["a"] * t + v["b"], v["c"] * t + v["d"]
        return left < right if v["sign"] == "<" else left > right

    if not holds(x):
        return False
    return not holds(x + 1) if v["ask"] == "greatest" else not holds(x - 1)


@generator("g08_ineq_system")
def g08_ineq_system(rng, options):
    """{ x > p (or ≥), x < q (or ≤) } written as ax + b ... : how many whole solutions."""
    while True:
        p, q = rng.randint(-10, 8), rng.randint(-8, 12)
        if q - p >= 2:
            break
    left_strict, right_strict = rng.choice([True, False]), rng.choice([True, False])
    k1, k2 = rng.randint(2, 5), rng.randint(2, 5)
    m1, m2 = _nz(rng, -9, 9), _nz(rng, -9, 9)
    # k1 x + m1 > k1 p + m1  <=>  x > p;   k2 x + m2 < k2 q + m2  <=>  x < q.
    gt, lt = (">" if left_strict else GEQ), ("<" if right_strict else LEQ)
    first = f"{lin_tex(k1, m1)} {gt} {k1 * p + m1}"
    second = f"{lin_tex(k2, m2)} {lt} {k2 * q + m2}"
    low = p + 1 if left_strict else p
    high = q - 1 if right_strict else q
    count = high - low + 1
    return {
        "values": {
            "p": p,
            "q": q,
            "ls": left_strict,
            "rs": right_strict,
            "k1": k1,
            "k2": k2,
            "m1": m1,
            "m2": m2,
            "system": f"\\begin{{cases}} {first} \\\\ {second} \\end{{cases}}",
            "x1": f"x {gt} {p}",
            "x2": f"x {lt} {q}",
            "low": low,
            "lows": signed(low),
            "high": high,
            "result": count,
        },
        "key": str(count),
    }


@verifier("g08_ineq_system")
def g08_ineq_system_verify(values, key):
    v = values

    def ok(x):
        a = v["k1"] * x + v["m1"]
        b = v["k2"] * x + v["m2"]
        ra, rb = v["k1"] * v["p"] + v["m1"], v["k2"] * v["q"] + v["m2"]
        return (a > ra if v["ls"] else a >= ra) and (b < rb if v["rs"] else b <= rb)

    return int(key) == sum(1 for x in range(-50, 51) if ok(x)) > 0


# --------------------------------------------------------------------------------------------
# Statistics
# --------------------------------------------------------------------------------------------

HOBBIES = [
    {"kk": "домбыра тартуды", "ru": "игру на домбре", "en": "playing the dombra", "uz": "doʻmbira chalishni"},
    {"kk": "шахмат ойнауды", "ru": "шахматы", "en": "chess", "uz": "shaxmat oʻynashni"},
    {"kk": "футболды", "ru": "футбол", "en": "football", "uz": "futbolni"},
    {"kk": "кітап оқуды", "ru": "чтение книг", "en": "reading books", "uz": "kitob oʻqishni"},
    {"kk": "бейнелеу өнерін", "ru": "рисование", "en": "drawing", "uz": "rasm chizishni"},
]


@generator("g08_rel_frequency")
def g08_rel_frequency(rng, options):
    """k of n pupils chose a hobby: the relative frequency in percent (a whole or a terminating decimal)."""
    n = rng.choice([20, 25, 40, 50, 80, 100, 125, 200, 250])
    k = rng.randint(1, n - 1)
    pct = Fraction(100 * k, n)
    return {
        "values": {
            "n": n,
            "k": k,
            "hobby": rng.choice(HOBBIES),
            "share": number_key(Fraction(k, n)),
            "result": number_key(pct),
        },
        "key": number_key(pct),
    }


@verifier("g08_rel_frequency")
def g08_rel_frequency_verify(values, key):
    # percent = k : n · 100; checked as k · 100 = percent · n.
    return Fraction(key) * values["n"] == 100 * values["k"] and 0 < Fraction(key) < 100
