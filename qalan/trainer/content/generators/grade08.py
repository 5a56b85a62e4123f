"""Grade 8 (algebra and geometry) generators: algebraic fractions, square roots, quadratic equations
and functions, inequalities; quadrilaterals and areas, Pythagoras, similarity, trigonometry, the circle."""

from fractions import Fraction
from math import gcd, isqrt

import sympy

from qalan.trainer.content.generators._util import number_key
from qalan.trainer.content.generators.grade07 import (
    _nz,
    key_at,
    lin_tex,
    mono_key,
    mono_tex,
    poly_key,
    poly_tex,
)
from qalan.trainer.content.registry import generator, verifier


def _first(rng, options, name, p=0.5):
    kind = options.get("kind")
    return kind == name if kind else rng.random() < p


def _key_value(key, point):
    return sympy.nsimplify(key_at(key, {k: sympy.Rational(v) for k, v in point.items()}))


def _frac_tex(num: str, den: str) -> str:
    return f"\\frac{{{num}}}{{{den}}}"


# --------------------------------------------------------------------------------------------
# Algebraic fractions
# --------------------------------------------------------------------------------------------


@generator("g08_frac_domain")
def g08_frac_domain(rng, options):
    """The value of x at which (x + a)/(kx - m) has no meaning."""
    k = rng.randint(1, 6)
    m = _nz(rng, -20, 20)
    a = _nz(rng, -9, 9)
    root = Fraction(m, k)
    while root == -a or root.denominator not in (1, 2, 4, 5):
        m = _nz(rng, -20, 20)
        root = Fraction(m, k)
    return {
        "values": {
            "k": k,
            "m": m,
            "a": a,
            "fraction": _frac_tex(lin_tex(1, a), lin_tex(k, -m)),
            "den": lin_tex(k, -m),
            "result": number_key(root),
        },
        "key": number_key(root),
    }


@verifier("g08_frac_domain")
def g08_frac_domain_verify(values, key):
    x = Fraction(key)
    return values["k"] * x - values["m"] == 0 and x + values["a"] != 0


@generator("g08_frac_reduce")
def g08_frac_reduce(rng, options):
    """(x^2 - n^2)/(x ± n), or a monomial fraction 12a^3b / 18ab^2, reduced."""
    if _first(rng, options, "squares"):
        n, s = rng.randint(1, 9), rng.choice([1, -1])
        num = poly_tex([(1, {"x": 2}), (-n * n, {})])
        den = lin_tex(1, s * n)
        other = lin_tex(1, -s * n)
        values = {
            "kind": "squares",
            "n": n,
            "s": s,
            "fraction": _frac_tex(num, den),
            "factored": _frac_tex(f"({lin_tex(1, -n)})({lin_tex(1, n)})", den),
            "result": other,
        }
        key = poly_key([(1, {"x": 1}), (-s * n, {})])
    else:
        while True:
            c1, c2 = rng.randint(2, 30), rng.randint(2, 30)
            g = gcd(c1, c2)
            if g > 1 and c1 != c2 and c2 // g > 1:
                break
        p1, q1, p2, q2 = rng.randint(1, 5), rng.randint(0, 3), rng.randint(1, 3), rng.randint(1, 4)
        ca, cb = c1 // g, c2 // g
        pa, pb = p1 - p2, q1 - q2
        num_pow = {"a": max(pa, 0), "b": max(pb, 0)}
        den_pow = {"a": max(-pa, 0), "b": max(-pb, 0)}
        num_t, den_t = mono_tex(ca, num_pow), mono_tex(cb, den_pow)
        values = {
            "kind": "mono",
            "c1": c1,
            "c2": c2,
            "p1": p1,
            "q1": q1,
            "p2": p2,
            "q2": q2,
            "g": g,
            "fraction": _frac_tex(mono_tex(c1, {"a": p1, "b": q1}), mono_tex(c2, {"a": p2, "b": q2})),
            "factored": mono_tex(g, {"a": min(p1, p2), "b": min(q1, q2)}),
            "result": _frac_tex(num_t, den_t),
        }
        key = f"({mono_key(ca, num_pow)})/({mono_key(cb, den_pow)})"
    return {"values": values, "key": key}


@verifier("g08_frac_reduce")
def g08_frac_reduce_verify(values, key):
    v = values
    if v["kind"] == "squares":
        x = Fraction(7, 3)
        return _key_value(key, {"x": x}) == sympy.Rational(
            *(lambda f: (f.numerator, f.denominator))((x * x - v["n"] ** 2) / (x + v["s"] * v["n"]))
        )
    a, b = Fraction(5, 2), Fraction(3, 7)
    f = Fraction(v["c1"]) * a ** v["p1"] * b ** v["q1"] / (v["c2"] * a ** v["p2"] * b ** v["q2"])
    return _key_value(key, {"a": a, "b": b}) == sympy.Rational(f.numerator, f.denominator)


@generator("g08_frac_add")
def g08_frac_add(rng, options):
    """p/(mx) ± q/(nx) over the least common denominator."""
    while True:
        m, n = rng.randint(2, 9), rng.randint(2, 9)
        p, q = rng.randint(1, 9), rng.randint(1, 9)
        s = rng.choice([1, -1])
        if m == n or gcd(p, m) != 1 or gcd(q, n) != 1:
            continue
        lcm = m * n // gcd(m, n)
        top = p * (lcm // m) + s * q * (lcm // n)
        g = gcd(abs(top), lcm)
        if top != 0 and g == 1:
            break
    values = {
        "m": m,
        "n": n,
        "p": p,
        "q": q,
        "s": s,
        "lcm": lcm,
        "fm": lcm // m,
        "fn": lcm // n,
        "top": top,
        "sum": f"{_frac_tex(p, f'{m}x')} {'+' if s > 0 else '-'} {_frac_tex(q, f'{n}x')}",
        "steps": _frac_tex(f"{p} \\cdot {lcm // m} {'+' if s > 0 else '-'} {q} \\cdot {lcm // n}", f"{lcm}x"),
        "result": _frac_tex(top, f"{lcm}x") if top > 0 else "-" + _frac_tex(-top, f"{lcm}x"),
    }
    return {"values": values, "key": f"{top}/({lcm}*x)"}


@verifier("g08_frac_add")
def g08_frac_add_verify(values, key):
    v, x = values, Fraction(11, 3)
    f = Fraction(v["p"]) / (v["m"] * x) + v["s"] * Fraction(v["q"]) / (v["n"] * x)
    return _key_value(key, {"x": x}) == sympy.Rational(f.numerator, f.denominator)


@generator("g08_frac_mul")
def g08_frac_mul(rng, options):
    """(c1 x^2 / y) · (y^2 / (c2 x)) or the quotient of two such fractions, simplified."""
    c1, c2, c3, c4 = rng.randint(2, 9), rng.randint(2, 9), rng.randint(2, 9), rng.randint(2, 9)
    while gcd(c1, c2) > 1 or gcd(c3, c4) > 1:
        c1, c2, c3, c4 = rng.randint(2, 9), rng.randint(2, 9), rng.randint(2, 9), rng.randint(2, 9)
    op = rng.choice(["mul", "div"])
    left = _frac_tex(mono_tex(c1, {"x": 2}), mono_tex(c2, {"y": 1}))
    right = _frac_tex(mono_tex(c3, {"y": 2}), mono_tex(c4, {"x": 1}))
    if op == "mul":
        coef = Fraction(c1 * c3, c2 * c4)
        px, py = 1, 1
        shown = f"{left} \\cdot {right}"
        step = _frac_tex(f"{c1}x^{{2}} \\cdot {c3}y^{{2}}", f"{c2}y \\cdot {c4}x")
    else:
        coef = Fraction(c1 * c4, c2 * c3)
        px, py = 3, -3
        shown = f"{left} : {right}"
        step = _frac_tex(f"{c1}x^{{2}} \\cdot {c4}x", f"{c2}y \\cdot {c3}y^{{2}}")
    num = {"x": px, "y": max(py, 0)}
    den = {"y": max(-py, 0)}
    num_tex = mono_tex(coef.numerator, num)
    den_tex = mono_tex(coef.denominator, den) if (coef.denominator != 1 or den["y"]) else ""
    result = _frac_tex(num_tex, den_tex) if den_tex else num_tex
    key = f"({mono_key(coef.numerator, num)})/({mono_key(coef.denominator, den)})"
    return {
        "values": {"c1": c1, "c2": c2, "c3": c3, "c4": c4, "op": op, "expr": shown, "step": step, "result": result},
        "key": key,
    }


@verifier("g08_frac_mul")
def g08_frac_mul_verify(values, key):
    v = values
    x, y = Fraction(5, 2), Fraction(3, 4)
    left, right = v["c1"] * x * x / (v["c2"] * y), v["c3"] * y * y / (v["c4"] * x)
    f = left * right if v["op"] == "mul" else left / right
    return _key_value(key, {"x": x, "y": y}) == sympy.Rational(f.numerator, f.denominator)


# --------------------------------------------------------------------------------------------
# Square roots
# --------------------------------------------------------------------------------------------


@generator("g08_sqrt")
def g08_sqrt(rng, options):
    """√n for a perfect square: a whole number, a decimal (√0,49) or a fraction (√(9/16))."""
    kind = rng.choice(["whole", "decimal", "fraction"])
    if kind == "whole":
        r = Fraction(rng.randint(11, 30))
    elif kind == "decimal":
        r = Fraction(rng.randint(1, 19), 10)
        while r.denominator == 1:
            r = Fraction(rng.randint(1, 19), 10)
    else:
        while True:
            a, b = rng.randint(1, 12), rng.randint(2, 15)
            if gcd(a, b) == 1:
                break
        r = Fraction(a, b)
    square = r * r
    shown = number_key(square) if kind != "fraction" else f"{square.numerator}/{square.denominator}"
    result = number_key(r) if kind != "fraction" else f"{r.numerator}/{r.denominator}"
    return {"values": {"kind": kind, "n": shown, "result": result}, "key": result}


@verifier("g08_sqrt")
def g08_sqrt_verify(values, key):
    r = Fraction(key)
    return r > 0 and r * r == Fraction(values["n"])


@generator("g08_sqrt_rules")
def g08_sqrt_rules(rng, options):
    """√a · √b or √a : √b with a whole result, or (k√a)^2."""
    kind = rng.choice(["product", "quotient", "square"])
    if kind == "product":
        while True:
            m, r = rng.choice([2, 3, 5, 6, 7, 10]), rng.randint(1, 6)
            a = m * rng.randint(1, 5) ** 2 if rng.random() < 0.5 else m
            b = m * r * r
            if a * b == isqrt(a * b) ** 2 and a != b:
                break
        result = isqrt(a * b)
        values = {
            "kind": kind,
            "a": a,
            "b": b,
            "expr": f"\\sqrt{{{a}}} \\cdot \\sqrt{{{b}}}",
            "inside": f"\\sqrt{{{a} \\cdot {b}}} = \\sqrt{{{a * b}}}",
            "result": result,
        }
    elif kind == "quotient":
        m, r = rng.choice([2, 3, 5, 6, 7]), rng.randint(2, 9)
        a, b = m * r * r, m
        values = {
            "kind": kind,
            "a": a,
            "b": b,
            "expr": f"\\frac{{\\sqrt{{{a}}}}}{{\\sqrt{{{b}}}}}",
            "inside": f"\\sqrt{{{a} : {b}}} = \\sqrt{{{r * r}}}",
            "result": r,
        }
    else:
        k, a = rng.randint(2, 6), rng.choice([2, 3, 5, 6, 7, 10, 11])
        values = {
            "kind": kind,
            "k": k,
            "a": a,
            "expr": f"({k}\\sqrt{{{a}}})^{{2}}",
            "inside": f"{k}^{{2}} \\cdot (\\sqrt{{{a}}})^{{2}} = {k * k} \\cdot {a}",
            "result": k * k * a,
        }
    return {"values": values, "key": str(values["result"])}


@verifier("g08_sqrt_rules")
def g08_sqrt_rules_verify(values, key):
    v, x = values, sympy.Integer(int(key))
    if v["kind"] == "product":
        return sympy.sqrt(v["a"]) * sympy.sqrt(v["b"]) == x
    if v["kind"] == "quotient":
        return sympy.sqrt(v["a"]) / sympy.sqrt(v["b"]) == x
    return (v["k"] * sympy.sqrt(v["a"])) ** 2 == x


SQUARE_FREE = [2, 3, 5, 6, 7, 10, 11]


@generator("g08_sqrt_simplify")
def g08_sqrt_simplify(rng, options):
    """√(k²m) = k√m: take the factor out from under the root."""
    k, m = rng.randint(2, 9), rng.choice(SQUARE_FREE)
    while k * k * m > 500:
        k = rng.randint(2, 6)
    n = k * k * m
    return {"values": {"k": k, "m": m, "n": n, "k2": k * k, "result": f"{k}\\sqrt{{{m}}}"}, "key": f"{k}*sqrt({m})"}


@verifier("g08_sqrt_simplify")
def g08_sqrt_simplify_verify(values, key):
    _tree, expr = __import__("qalan.trainer.answers.expressions", fromlist=["expression_read"]).expression_read(key)
    return sympy.simplify(expr - sympy.sqrt(values["n"])) == 0 and values["m"] in SQUARE_FREE


@generator("g08_sqrt_like")
def g08_sqrt_like(rng, options):
    """√(a²m) ± √(b²m) = (a ± b)√m."""
    m = rng.choice([2, 3, 5, 6, 7])
    a, b = rng.randint(2, 7), rng.randint(1, 6)
    s = rng.choice([1, -1])
    while a == b or (a + s * b) in (0, 1):
        b = rng.randint(1, 6)
    total = a + s * b
    first, second = a * a * m, b * b * m
    b_tex = f"\\sqrt{{{m}}}" if b == 1 else f"{b}\\sqrt{{{m}}}"
    return {
        "values": {
            "m": m,
            "a": a,
            "b": b,
            "s": s,
            "expr": f"\\sqrt{{{first}}} {'+' if s > 0 else '-'} \\sqrt{{{second}}}",
            "split": f"{a}\\sqrt{{{m}}} {'+' if s > 0 else '-'} {b_tex}",
            "total": total,
            "result": f"{'-' if total < 0 else ''}{abs(total) if abs(total) != 1 else ''}\\sqrt{{{m}}}",
        },
        "key": f"{total}*sqrt({m})",
    }


@verifier("g08_sqrt_like")
def g08_sqrt_like_verify(values, key):
    from qalan.trainer.answers.expressions import expression_read

    v = values
    _tree, expr = expression_read(key)
    return sympy.simplify(expr - (sympy.sqrt(v["a"] ** 2 * v["m"]) + v["s"] * sympy.sqrt(v["b"] ** 2 * v["m"]))) == 0


@generator("g08_sqrt_estimate")
def g08_sqrt_estimate(rng, options):
    """Between which two consecutive whole numbers does √n lie? The smaller one."""
    k = rng.randint(2, 15)
    n = rng.randint(k * k + 1, (k + 1) ** 2 - 1)
    return {"values": {"n": n, "k": k, "k1": k + 1, "low": k * k, "high": (k + 1) ** 2, "result": k}, "key": str(k)}


@verifier("g08_sqrt_estimate")
def g08_sqrt_estimate_verify(values, key):
    k = int(key)
    return k * k < values["n"] < (k + 1) ** 2


GEQ, LEQ = "\\geq", "\\leq"


TRIPLES = [(3, 4, 5), (5, 12, 13), (8, 15, 17), (7, 24, 25), (20, 21, 29), (9, 40, 41)]


def _triple(rng, limit=60):
    while True:
        a, b, c = rng.choice(TRIPLES)
        k = rng.randint(1, 6)
        if c * k <= limit:
            if rng.random() < 0.5:
                a, b = b, a
            return a * k, b * k, c * k
