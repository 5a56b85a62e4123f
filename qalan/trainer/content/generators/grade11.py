"""Grade 11: antiderivatives and integrals, roots and powers, exponents and logarithms, the derivative
on an interval, statistics and probability; solids of revolution, volumes, coordinates in space.

Every generator returns exact keys; every verifier recomputes the key by another route (Simpson's
rule for integrals, a grid search for extrema, enumeration for probabilities, sympy for
antiderivatives) and checks the constraints, so it can fail.
"""

import re
from fractions import Fraction
from math import gcd

from qalan.trainer.content.generators._util import fraction_key
from qalan.trainer.content.registry import generator, verifier

# ---------------------------------------------------------------- polynomials as TeX and as keys


def _coef_tex(c: Fraction, power: int, first: bool) -> str:
    c = Fraction(c)
    sign = "-" if c < 0 else ("" if first else "+")
    a = abs(c)
    if power == 0:
        body = fraction_tex(a)
    else:
        var = "x" if power == 1 else f"x^{{{power}}}"
        body = var if a == 1 else f"{fraction_tex(a)}{var}"
    return f"{sign} {body}".strip() if not first else f"{sign}{body}"


def fraction_tex(a: Fraction) -> str:
    a = Fraction(a)
    if a.denominator == 1:
        return str(a.numerator)
    sign = "-" if a < 0 else ""
    return f"{sign}\\frac{{{abs(a.numerator)}}}{{{a.denominator}}}"


def poly_tex(coefs: dict) -> str:
    """{3: 2, 1: -1, 0: 5} -> ``2x^{3} - x + 5``."""
    parts = []
    for power in sorted(coefs, reverse=True):
        c = Fraction(coefs[power])
        if c:
            parts.append(_coef_tex(c, power, not parts))
    return " ".join(parts) if parts else "0"


def poly_at(coefs: dict, x) -> Fraction:
    return sum((Fraction(c) * Fraction(x) ** int(p) for p, c in coefs.items()), Fraction(0))


def _ints(d: dict) -> dict:
    return {int(k): Fraction(v) for k, v in d.items()}


def _json(d: dict) -> dict:
    return {str(k): fraction_key(v) for k, v in d.items()}


def _paren(tex: str) -> str:
    return f"\\left({tex}\\right)" if tex.startswith("-") or "frac" in tex else tex


def _nonzero(rng, low, high):
    return rng.choice([v for v in range(low, high + 1) if v])


# ---------------------------------------------------------------- roots and powers


@generator("g11_nth_root")
def g11_nth_root(rng, options):
    """``plain``: the n-th root of b^n (odd n may be negative); ``product``: root(p) * root(q) = whole."""
    if options.get("kind", "plain") == "product":
        while True:
            n = rng.choice([2, 3, 3, 4])
            r = rng.randint(2, {2: 12, 3: 5, 4: 3}[n])
            splits = [
                d
                for d in range(2, r**n)
                if r**n % d == 0 and not _is_nth(d, n) and not _is_nth(r**n // d, n) and d < r**n // d
            ]
            if splits:
                break
        p = rng.choice(splits)
        q = r**n // p
        if rng.random() < 0.5:
            p, q = q, p
        lhs = f"{_root_tex(n, p)} \\cdot {_root_tex(n, q)}"
        return {
            "values": {
                "n": n,
                "p": p,
                "q": q,
                "pq": p * q,
                "lhs": lhs,
                "joined": _root_tex(n, f"{p} \\cdot {q}"),
                "whole": _root_tex(n, p * q),
                "result": r,
            },
            "key": str(r),
        }
    n = rng.choice([3, 3, 4, 5])
    top = {3: 6, 4: 4, 5: 3}[n]
    b = rng.randint(2, top)
    if n % 2 and rng.random() < 0.4:
        b = -b
    return {"values": {"n": n, "a": b**n, "root": _root_tex(n, b**n), "rp": _paren(str(b)), "result": b}, "key": str(b)}


def _root_tex(n: int, inside) -> str:
    return f"\\sqrt{{{inside}}}" if n == 2 else f"\\sqrt[{n}]{{{inside}}}"


def _is_nth(v: int, n: int) -> bool:
    return round(v ** (1 / n)) ** n == v


@verifier("g11_nth_root")
def g11_nth_root_verify(values, key):
    r, n = int(key), values["n"]
    if "pq" in values:
        return values["p"] * values["q"] == r**n and r > 1 and values["p"] != values["q"]
    return r**n == values["a"] and (n % 2 == 1 or r > 0) and abs(r) > 1


@generator("g11_rational_power")
def g11_rational_power(rng, options):
    """a^(p/q) with a = b^q; p may be negative (a fraction key)."""
    while True:
        q = rng.choice([2, 3, 3, 4, 5])
        b = rng.randint(2, {2: 9, 3: 5, 4: 3, 5: 2}[q])
        p = rng.choice([x for x in range(-3, 5) if x and gcd(abs(x), q) == 1])
        if abs(b ** abs(p)) <= 1000:
            break
    value = Fraction(b) ** p
    exp = f"{'-' if p < 0 else ''}\\frac{{{abs(p)}}}{{{q}}}"
    return {
        "values": {
            "a": b**q,
            "p": p,
            "q": q,
            "b": b,
            "exp": exp,
            "root": _root_tex(q, b**q),
            "power": b ** abs(p),
            "result": fraction_key(value),
        },
        "key": fraction_key(value),
    }


@verifier("g11_rational_power")
def g11_rational_power_verify(values, key):
    v = Fraction(key)
    # v^q = a^p, checked with whole numbers
    return (
        v > 0 and v ** values["q"] == Fraction(values["a"]) ** values["p"] and values["a"] == values["b"] ** values["q"]
    )


@generator("g11_power_simplify")
def g11_power_simplify(rng, options):
    """x^(a/b) * x^(c/d) or x^(a/b) : x^(c/d), a fractional exponent as the answer."""
    while True:
        e1 = Fraction(rng.randint(1, 5), rng.choice([2, 3, 4, 5, 6]))
        e2 = Fraction(rng.randint(1, 5), rng.choice([2, 3, 4, 6]))
        op = rng.choice(["*", ":"])
        e = e1 + e2 if op == "*" else e1 - e2
        if e1.denominator > 1 and e2.denominator > 1 and e > 0 and e.denominator > 1 and e.numerator <= 12 and e1 != e2:
            break
    sign = "\\cdot" if op == "*" else ":"
    rule = "+" if op == "*" else "-"
    return {
        "values": {"e1": fraction_key(e1), "e2": fraction_key(e2), "op": sign, "rule": rule, "e": fraction_key(e)},
        "key": f"x^({e.numerator}/{e.denominator})",
    }


@verifier("g11_power_simplify")
def g11_power_simplify_verify(values, key):
    m = re.fullmatch(r"x\^\((\d+)/(\d+)\)", key)
    if not m:
        return False
    e1, e2 = Fraction(values["e1"]), Fraction(values["e2"])
    got = Fraction(int(m.group(1)), int(m.group(2)))
    want = e1 + e2 if values["rule"] == "+" else e1 - e2
    return got == want and got.denominator > 1 and gcd(int(m.group(1)), int(m.group(2))) == 1


# ---------------------------------------------------------------- logarithms and exponential equations


@generator("g11_log_value")
def g11_log_value(rng, options):
    """log_a b where b = a^k; the base may be 1/a."""
    while True:
        a = rng.choice([2, 2, 3, 3, 4, 5, 6, 7, 10])
        k = rng.randint(-3, 5)
        if k == 0 or abs(a ** abs(k)) > 1000:
            continue
        flip = rng.random() < 0.25
        break
    base = Fraction(1, a) if flip else Fraction(a)
    arg = Fraction(a) ** k
    key = -k if flip else k
    bp = f"\\left({fraction_tex(base)}\\right)" if flip else str(a)
    return {"values": {"base": fraction_key(base), "bp": bp, "arg": fraction_key(arg), "k": key}, "key": str(key)}


@verifier("g11_log_value")
def g11_log_value_verify(values, key):
    base, arg, k = Fraction(values["base"]), Fraction(values["arg"]), int(key)
    return base > 0 and base != 1 and arg > 0 and base**k == arg


@generator("g11_log_props")
def g11_log_props(rng, options):
    """``sum``: log_a x + log_a y = log_a (xy); ``diff``: log_a x - log_a y = log_a (x/y); ``power``:
    k log_a x + log_a y."""
    kind = rng.choice(["sum", "diff", "power"])
    while True:
        a = rng.choice([2, 3, 5, 6, 10, 12, 15, 20])
        k = rng.randint(1, 3)
        t = a**k
        if t > 1000:
            continue
        if kind == "sum":
            divisors = [d for d in range(2, t) if t % d == 0 and d != a ** (k / 2)]
            # neither x nor y a power of a
            divisors = [d for d in divisors if not _is_power(d, a) and not _is_power(t // d, a)]
            if not divisors:
                continue
            x = rng.choice(divisors)
            y = t // x
            m = 1
        elif kind == "diff":
            y = rng.randint(2, 9)
            x = t * y
            if _is_power(y, a) or x > 2000:
                continue
            m = 1
        else:
            # 2 log_a x + log_a y = log_a (x^2 y)
            x = rng.randint(2, 6)
            if t % (x * x) or _is_power(x, a):
                continue
            y = t // (x * x)
            if y < 2 or _is_power(y, a):
                continue
            m = 2
        break
    la = f"\\log_{{{a}}}"
    expr = {"sum": f"{la} {x} + {la} {y}", "diff": f"{la} {x} - {la} {y}", "power": f"2{la} {x} + {la} {y}"}[kind]
    combined = {
        "sum": f"{la} ({x} \\cdot {y})",
        "diff": f"{la} \\frac{{{x}}}{{{y}}}",
        "power": f"{la} ({x}^{{2}} \\cdot {y})",
    }[kind]
    return {
        "values": {
            "kind": kind,
            "a": a,
            "x": x,
            "y": y,
            "m": m,
            "t": t,
            "k": k,
            "expr": expr,
            "combined": combined,
            "product": x * y if kind == "sum" else (x // y if kind == "diff" else x * x * y),
        },
        "key": str(k),
    }


def _is_power(n: int, a: int) -> bool:
    while n % a == 0 and n > 1:
        n //= a
    return n == 1


@verifier("g11_log_props")
def g11_log_props_verify(values, key):
    a, x, y, kind, k = values["a"], values["x"], values["y"], values["kind"], int(key)
    inside = {"sum": Fraction(x * y), "diff": Fraction(x, y), "power": Fraction(x**2 * y)}[kind]
    return inside == Fraction(a) ** k and not _is_power(y, a) and not _is_power(x, a)


NAMES = [
    {"kk": "Айгүл", "ru": "Айгуль", "en": "Aigul", "uz": "Aygul"},
    {"kk": "Ерлан", "ru": "Ерлан", "en": "Yerlan", "uz": "Yerlan"},
    {"kk": "Гүлнара", "ru": "Гульнара", "en": "Gulnara", "uz": "Gulnora"},
    {"kk": "Тимур", "ru": "Тимур", "en": "Timur", "uz": "Temur"},
    {"kk": "Дильноза", "ru": "Дильноза", "en": "Dilnoza", "uz": "Dilnoza"},
    {"kk": "Виктор", "ru": "Виктор", "en": "Viktor", "uz": "Viktor"},
    {"kk": "Мадина", "ru": "Мадина", "en": "Madina", "uz": "Madina"},
    {"kk": "Арман", "ru": "Арман", "en": "Arman", "uz": "Arman"},
]


TRIPLES = [
    (3, 4, 5),
    (6, 8, 10),
    (5, 12, 13),
    (8, 6, 10),
    (4, 3, 5),
    (9, 12, 15),
    (12, 5, 13),
    (8, 15, 17),
    (12, 9, 15),
    (15, 8, 17),
    (7, 24, 25),
    (20, 15, 25),
]
