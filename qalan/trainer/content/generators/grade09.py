"""Grade 9: quadratic inequalities, nonlinear systems, progressions, functions, combinatorics and
probability, powers with rational exponents (algebra); vectors, the coordinate method, solving
triangles, regular polygons, arcs and sectors (geometry).

Formulas shown in the texts are built here as TeX strings (``x^2-5x+6``) so that signs read as a
teacher writes them (never ``+ -3``); keys are exact.
"""

from fractions import Fraction
from math import gcd, isqrt

from qalan.trainer.content.generators._util import fraction_key, number_key
from qalan.trainer.content.registry import generator, verifier

# ---------------------------------------------------------------- TeX helpers (used by grade 10 too)


def coef_tex(c, power: str, first: bool) -> str:
    """One term ``c·power`` of a sum in TeX: ``-3x``, ``+ x^2``, ``+ 5``; empty when c == 0."""
    c = Fraction(c)
    if c == 0:
        return ""
    sign = "-" if c < 0 else ("" if first else "+")
    a = abs(c)
    if a.denominator != 1:
        body = f"\\frac{{{a.numerator}}}{{{a.denominator}}}"
    else:
        body = "" if (a == 1 and power) else str(a.numerator)
    return f"{sign}{body}{power}"


def poly_tex(coeffs: list, var: str = "x") -> str:
    """``[1, -5, 6]`` -> ``x^2-5x+6`` (highest power first)."""
    n = len(coeffs) - 1
    out = []
    for i, c in enumerate(coeffs):
        p = n - i
        power = f"{var}^{{{p}}}" if p > 1 else (var if p == 1 else "")
        term = coef_tex(c, power, not out)
        if term:
            out.append(term)
    return "".join(out) or "0"


def poly_key(coeffs: list, var: str = "x") -> str:
    """``[3, -4, 0]`` -> ``3*x^2-4*x``: an expression key."""
    n = len(coeffs) - 1
    out = []
    for i, c in enumerate(coeffs):
        c = Fraction(c)
        p = n - i
        if c == 0:
            continue
        sign = "-" if c < 0 else ("+" if out else "")
        a = abs(c)
        num = fraction_key(a)
        if p == 0:
            out.append(f"{sign}{num}")
        else:
            power = f"{var}^{p}" if p > 1 else var
            out.append(f"{sign}{power}" if a == 1 else f"{sign}{num}*{power}")
    return "".join(out) or "0"


def shift_tex(var: str, a) -> str:
    """``x - a`` written with the right sign: ``x-3``, ``x+2``."""
    a = Fraction(a)
    if a == 0:
        return var
    return f"{var}-{number_key(a)}" if a > 0 else f"{var}+{number_key(-a)}"


def num_tex(value) -> str:
    value = Fraction(value)
    if value.denominator == 1:
        return str(value.numerator)
    sign = "-" if value < 0 else ""
    return f"{sign}\\frac{{{abs(value.numerator)}}}{{{value.denominator}}}"


def point_text(x, y) -> dict:
    """Coordinates as each language writes them: ``(3; −2)`` (kk, ru, uz), ``(3, −2)`` (en)."""
    return {
        "kk": f"$({num_tex(x)};\\ {num_tex(y)})$",
        "ru": f"$({num_tex(x)};\\ {num_tex(y)})$",
        "uz": f"$({num_tex(x)};\\ {num_tex(y)})$",
        "en": f"$({num_tex(x)},\\ {num_tex(y)})$",
    }


def interval_text(parts: list) -> dict:
    """``[("(", a, b, ")"), ...]`` (None is infinity) as a union of intervals per language."""

    def one(sep, part):
        lb, a, b, rb = part
        left = "-\\infty" if a is None else num_tex(a)
        right = "+\\infty" if b is None else num_tex(b)
        return f"{lb}{left}{sep}\\ {right}{rb}"

    texts = {}
    for lang in ("kk", "ru", "en", "uz"):
        sep = "," if lang == "en" else ";"
        texts[lang] = "$" + " \\cup ".join(one(sep, p) for p in parts) + "$"
    return texts


def plain(text: str) -> str:
    return str(text).strip("$")


def _choices(rng, right, wrong: list, n: int = 4) -> list:
    """The right choice and distinct wrong ones (compared by their English text)."""
    seen, out = {right["en"]}, [{"text": right, "correct": True}]
    rng.shuffle(wrong)
    for w in wrong:
        if w["en"] not in seen and len(out) < n:
            seen.add(w["en"])
            out.append({"text": w, "correct": False})
    return out


def _one_right(choices, right_en: str) -> bool:
    if choices is None:
        return True
    texts = [c["text"] for c in choices]
    rights = [c["text"] for c in choices if c["correct"]]
    return len(texts) == len(set(texts)) >= 3 and rights == [plain(right_en)]


def _distinct_roots(rng, low=-9, high=9):
    while True:
        p, q = sorted(rng.sample(range(low, high + 1), 2))
        if (p, q) != (0, 0) and p * q != 0:
            return p, q


# ---------------------------------------------------------------- systems of equations


@generator("g09_system_sum_product")
def g09_system_sum_product(rng, options):
    """x + y = s, xy = p with whole solutions (a; b), (b; a), a > b: the largest x."""
    while True:
        b, a = sorted(rng.sample(range(-6, 10), 2))
        if a * b != 0 and a > 0:
            break
    s, p = a + b, a * b
    return {
        "values": {"s": s, "p": p, "a": a, "b": b, "quad": poly_tex([1, -s, p], "t")},
        "key": str(a),
    }


@verifier("g09_system_sum_product")
def g09_system_sum_product_verify(values, key):
    # x is a root of t^2 - s·t + p (Vieta); the other root s - x is smaller.
    x, s, p = int(key), values["s"], values["p"]
    return x * x - s * x + p == 0 and s - x < x and p != 0


@generator("g09_rectangle_system")
def g09_rectangle_system(rng, options):
    """A rectangular plot with perimeter P and area S: its length (the longer side)."""
    b = rng.randint(3, 30)
    a = rng.randint(b + 1, 45)
    return {
        "values": {
            "perimeter": 2 * (a + b),
            "area": a * b,
            "half": a + b,
            "a": a,
            "b": b,
            "quad": poly_tex([1, -(a + b), a * b]),
        },
        "key": str(a),
    }


@verifier("g09_rectangle_system")
def g09_rectangle_system_verify(values, key):
    a = int(key)
    half = values["perimeter"] // 2
    b = half - a
    return values["perimeter"] % 2 == 0 and a > b > 0 and a * b == values["area"]


# ---------------------------------------------------------------- functions


@generator("g09_domain_sqrt")
def g09_domain_sqrt(rng, options):
    """The domain of √(x−a), √(a−x) or 1/√(x−a)."""
    a = rng.choice([x for x in range(-9, 10) if x != 0])
    kind = rng.choice(["up", "down", "strict"])
    if kind == "up":
        formula, right = f"\\sqrt{{{shift_tex('x', a)}}}", [("[", a, None, ")")]
        cond = f"{shift_tex('x', a)} \\ge 0"
    elif kind == "down":
        formula, right = f"\\sqrt{{{poly_tex([-1, a])}}}", [("(", None, a, "]")]
        cond = f"{poly_tex([-1, a])} \\ge 0"
    else:
        formula, right = f"\\frac{{1}}{{\\sqrt{{{shift_tex('x', a)}}}}}", [("(", a, None, ")")]
        cond = f"{shift_tex('x', a)} > 0"
    all_sets = [
        [("[", a, None, ")")],
        [("(", a, None, ")")],
        [("(", None, a, "]")],
        [("(", None, a, ")")],
        [("[", -a, None, ")")],
        [("(", None, -a, "]")],
    ]
    right_text = interval_text(right)
    wrong = [interval_text(s) for s in all_sets if s != right]
    values = {"formula": formula, "cond": cond, "a": a, "kind": kind, "answer": right_text}
    return {"values": values, "key": "", "choices": _choices(rng, right_text, wrong)}


@verifier("g09_domain_sqrt")
def g09_domain_sqrt_verify(values, key, choices=None):
    a, kind = values["a"], values["kind"]
    # Test points around a decide which side and whether a itself belongs.
    ok = {x: (x - a >= 0 if kind == "up" else a - x >= 0 if kind == "down" else x - a > 0) for x in (a - 1, a, a + 1)}
    lb = "[" if ok[a] else "("
    if ok[a + 1]:
        expect = interval_text([(lb, a, None, ")")])
    else:
        expect = interval_text([("(", None, a, "]" if ok[a] else ")")])
    return expect == values["answer"] and _one_right(choices, expect["en"])


@generator("g09_quadratic_zeros")
def g09_quadratic_zeros(rng, options):
    """y = a(x-p)(x-q) expanded; the larger zero."""
    p, q = _distinct_roots(rng)
    a = rng.choice([1, 1, 2, -1, 3])
    coeffs = [a, -a * (p + q), a * p * q]
    return {
        "values": {
            "poly": poly_tex(coeffs),
            "a": a,
            "p": p,
            "q": q,
            "b": coeffs[1],
            "c": coeffs[2],
            "d": coeffs[1] ** 2 - 4 * a * coeffs[2],
        },
        "key": str(q),
    }


@verifier("g09_quadratic_zeros")
def g09_quadratic_zeros_verify(values, key):
    a, b, c = values["a"], values["b"], values["c"]
    d = b * b - 4 * a * c
    r = isqrt(d)
    if d <= 0 or r * r != d:
        return False
    return Fraction(key) == max(Fraction(-b - r, 2 * a), Fraction(-b + r, 2 * a))


@generator("g09_parabola_monotonic")
def g09_parabola_monotonic(rng, options):
    """y = ±x^2 + bx + c: on which interval it increases (or decreases)."""
    a = rng.choice([1, -1])
    m = rng.choice([x for x in range(-6, 7) if x != 0])
    c = rng.randint(-9, 9)
    coeffs = [a, -2 * a * m, c]
    asks_up = rng.random() < 0.5
    up, down = [("[", m, None, ")")], [("(", None, m, "]")]
    right = (up if a > 0 else down) if asks_up else (down if a > 0 else up)
    right_text = interval_text(right)
    wrong = [interval_text(s) for s in (up, down, [("[", -m, None, ")")], [("(", None, -m, "]")]) if s != right]
    values = {
        "poly": poly_tex(coeffs),
        "a": a,
        "b": coeffs[1],
        "m": m,
        "branches": {"kk": "жоғары", "ru": "вверх", "en": "upwards", "uz": "yuqoriga"}
        if a > 0
        else {"kk": "төмен", "ru": "вниз", "en": "downwards", "uz": "pastga"},
        "verb": {"kk": "өседі", "ru": "возрастает", "en": "increasing", "uz": "oʻsadi"}
        if asks_up
        else {"kk": "кемиді", "ru": "убывает", "en": "decreasing", "uz": "kamayadi"},
        "up": 1 if asks_up else 0,
        "answer": right_text,
    }
    return {"values": values, "key": "", "choices": _choices(rng, right_text, wrong)}


@verifier("g09_parabola_monotonic")
def g09_parabola_monotonic_verify(values, key, choices=None):
    a, b, m = values["a"], values["b"], values["m"]
    if Fraction(-b, 2 * a) != m:
        return False

    def f(x):
        return a * x * x + b * x

    rising_right = f(m + 2) > f(m + 1)
    wants_right = rising_right == bool(values["up"])
    expect = interval_text([("[", m, None, ")")] if wants_right else [("(", None, m, "]")])
    return expect == values["answer"] and _one_right(choices, expect["en"])


# ---------------------------------------------------------------- powers with rational exponents


@generator("g09_rational_power")
def g09_rational_power(rng, options):
    """(b^n)^(m/n) = b^m with small b, n = 2..4, m = ±1..3."""
    while True:
        b, n = rng.randint(2, 5), rng.randint(2, 4)
        m = rng.choice([1, 2, 3, -1, -2])
        if gcd(abs(m), n) == 1 and b**n <= 625 and b ** abs(m) <= 125:
            break
    base = b**n
    value = Fraction(b) ** m
    return {
        "values": {
            "base": base,
            "m": m,
            "n": n,
            "exp": f"\\frac{{{m}}}{{{n}}}" if m > 0 else f"-\\frac{{{-m}}}{{{n}}}",
            "root": b,
            "result": number_key(value),
        },
        "key": number_key(value),
    }


@verifier("g09_rational_power")
def g09_rational_power_verify(values, key):
    v = Fraction(key)
    # v^n = base^m, v > 0.
    return v > 0 and v ** values["n"] == Fraction(values["base"]) ** values["m"]


@generator("g09_power_exponent")
def g09_power_exponent(rng, options):
    """a^(p/q) · a^(r/s) : a^(t/u) = a^k: the exponent k."""
    while True:
        e = [Fraction(rng.choice([1, 2, 3, 5]), rng.choice([2, 3, 4, 6])) for _ in range(3)]
        signs = rng.choice([(1, 1, -1), (1, -1, 1), (1, 1, 1)])
        k = sum(s * x for s, x in zip(signs, e, strict=True))
        if k != 0 and len(set(e)) == 3 and all(x.denominator != 1 for x in e):
            break
    ops = {1: "\\cdot", -1: ":"}
    tex = f"a^{{{num_tex(e[0])}}} {ops[signs[1]]} a^{{{num_tex(e[1])}}} {ops[signs[2]]} a^{{{num_tex(e[2])}}}"
    sum_tex = num_tex(e[0]) + "".join(
        ("+" if s > 0 else "-") + num_tex(x) for s, x in zip(signs[1:], e[1:], strict=True)
    )
    return {
        "values": {
            "expr": tex,
            "sum": sum_tex,
            "e1": fraction_key(e[0]),
            "e2": fraction_key(e[1]),
            "e3": fraction_key(e[2]),
            "s2": signs[1],
            "s3": signs[2],
            "result": fraction_key(k),
        },
        "key": fraction_key(k),
    }


@verifier("g09_power_exponent")
def g09_power_exponent_verify(values, key):
    # a = 2^(12·...) would be huge; check with exact exponents read back from the values.
    e1, e2, e3 = (Fraction(values[n]) for n in ("e1", "e2", "e3"))
    k = e1 + values["s2"] * e2 + values["s3"] * e3
    return k != 0 and Fraction(key) == k


# ---------------------------------------------------------------- vectors

TRIPLES = [(3, 4, 5), (6, 8, 10), (5, 12, 13), (8, 15, 17), (9, 12, 15), (7, 24, 25), (12, 16, 20), (20, 21, 29)]


def _triple_leg(rng, small=False):
    pool = TRIPLES[:5] if small else TRIPLES
    a, b, c = rng.choice(pool)
    if rng.random() < 0.5:
        a, b = b, a
    return a * rng.choice([1, -1]), b * rng.choice([1, -1]), c


def pi_key(coefficient: Fraction) -> str:
    """``3*pi``, ``5*pi/3``, ``pi/2``: an expression key."""
    c = Fraction(coefficient)
    top = "pi" if c.numerator == 1 else f"{c.numerator}*pi"
    return top if c.denominator == 1 else f"{top}/{c.denominator}"


def pi_tex(coefficient: Fraction) -> str:
    c = Fraction(coefficient)
    top = "\\pi" if c.numerator == 1 else f"{c.numerator}\\pi"
    return top if c.denominator == 1 else f"\\frac{{{top}}}{{{c.denominator}}}"


# ---------------------------------------------------------------- reading keys back (fast, no sympy), for the verifiers

import re as _re  # noqa: E402

_TERM = _re.compile(r"([+-]?)(\d+(?:/\d+)?)?(\*?)([a-z])?(?:\^(\d+))?")


def parse_poly(key: str, var: str = "x") -> dict:
    """``3*x^2-4*x+7`` -> {2: 3, 1: -4, 0: 7}; raises ValueError on anything else."""
    text = key.replace(" ", "")
    out, pos = {}, 0
    while pos < len(text):
        m = _TERM.match(text, pos)
        if not m or m.end() == pos:
            raise ValueError(key)
        sign, num, star, letter, power = m.groups()
        if (letter and letter != var) or (star and not letter) or (not num and not letter):
            raise ValueError(key)
        c = Fraction(num) if num else Fraction(1)
        c = -c if sign == "-" else c
        p = (int(power) if power else 1) if letter else 0
        out[p] = out.get(p, 0) + c
        pos = m.end()
    return out


def poly_at(terms: dict, t) -> Fraction:
    return sum(Fraction(c) * Fraction(t) ** p for p, c in terms.items())


def parse_pi(key: str) -> Fraction:
    """``5*pi/3`` -> 5/3, ``pi`` -> 1, ``pi/2`` -> 1/2."""
    m = _re.fullmatch(r"(\d+)?\*?pi(?:/(\d+))?", key.replace(" ", ""))
    if not m:
        raise ValueError(key)
    return Fraction(int(m.group(1) or 1), int(m.group(2) or 1))
