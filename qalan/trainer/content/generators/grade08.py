"""Grade 8 (algebra and geometry) generators: algebraic fractions, square roots, quadratic equations
and functions, inequalities; quadrilaterals and areas, Pythagoras, similarity, trigonometry, the circle."""

from fractions import Fraction
from math import gcd, isqrt

import sympy

from qalan.trainer.content.generators._util import fraction_key, number_key
from qalan.trainer.content.generators.grade07 import (
    _nz,
    key_at,
    lin_tex,
    mono_key,
    mono_tex,
    poly_key,
    poly_tex,
    signed,
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


GEQ, LEQ = "\\geq", "\\leq"


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
# Grade 8 geometry
# --------------------------------------------------------------------------------------------


@generator("g08_polygon_angles")
def g08_polygon_angles(rng, options):
    """The angle sum of a convex n-gon, or one angle of a regular n-gon."""
    if _first(rng, options, "sum"):
        n = rng.randint(4, 20)
        values = {"kind": "sum", "n": n, "n2": n - 2, "result": 180 * (n - 2)}
    else:
        n = rng.choice([d for d in range(3, 37) if (360 % d == 0 and d != 4) or d == 4])
        values = {"kind": "regular", "n": n, "n2": n - 2, "total": 180 * (n - 2), "result": 180 * (n - 2) // n}
    return {"values": values, "key": str(values["result"])}


@verifier("g08_polygon_angles")
def g08_polygon_angles_verify(values, key):
    v, x = values, int(key)
    if v["kind"] == "sum":
        return x == sum(180 for _ in range(v["n"] - 2))
    return x * v["n"] + 360 == 180 * v["n"] and x > 0  # the exterior angles add up to 360°


@generator("g08_parallelogram")
def g08_parallelogram(rng, options):
    """A parallelogram: one angle is d° more than another; or the sum of two of its angles is s."""
    if _first(rng, options, "diff"):
        small = rng.randint(20, 85)
        d = 180 - 2 * small
        values = {"kind": "diff", "d": d, "twice": 180 - d, "small": small, "result": small + d}
    else:
        small = rng.randint(20, 85)
        values = {"kind": "sum", "s": 2 * small, "small": small, "result": 180 - small}
    return {"values": values, "key": str(values["result"])}


@verifier("g08_parallelogram")
def g08_parallelogram_verify(values, key):
    v, big = values, int(key)
    small = 180 - big
    return big > 90 and (big - small == v["d"] if v["kind"] == "diff" else 2 * small == v["s"])


@generator("g08_rhombus")
def g08_rhombus(rng, options):
    """A rhombus: a diagonal makes α with a side; the obtuse angle of the rhombus is 180° - 2α (α > 45°) ... the angle at the vertex."""
    alpha = rng.choice([a for a in range(20, 71) if a != 45])
    return {
        "values": {"alpha": alpha, "twice": 2 * alpha, "other": 180 - 2 * alpha, "result": 2 * alpha},
        "key": str(2 * alpha),
    }


@verifier("g08_rhombus")
def g08_rhombus_verify(values, key):
    # The diagonal bisects the angle of the rhombus at that vertex.
    return int(key) / 2 == values["alpha"] and 0 < int(key) < 180


@generator("g08_trapezoid")
def g08_trapezoid(rng, options):
    """A trapezoid: its midline from the bases, or an angle of an isosceles trapezoid."""
    if _first(rng, options, "midline"):
        a, b = rng.randint(2, 30), rng.randint(2, 30)
        while a == b:
            b = rng.randint(2, 30)
        m = Fraction(a + b, 2)
        values = {"kind": "midline", "a": max(a, b), "b": min(a, b), "sum": a + b, "result": number_key(m)}
    else:
        angle = rng.choice(list(range(25, 90)))
        values = {"kind": "angle", "angle": angle, "result": 180 - angle}
    return {"values": values, "key": str(values["result"])}


@verifier("g08_trapezoid")
def g08_trapezoid_verify(values, key):
    v = values
    if v["kind"] == "midline":
        return 2 * Fraction(key) == v["a"] + v["b"]
    return int(key) + v["angle"] == 180


@generator("g08_area")
def g08_area(rng, options):
    """Areas: a parallelogram (a·h), a trapezoid ((a + b)/2 · h) or a rhombus (d₁d₂/2)."""
    shape = options.get("shape", "parallelogram")
    if shape == "parallelogram":
        a, h = rng.randint(3, 25), rng.randint(2, 20)
        values = {"shape": shape, "a": a, "h": h, "result": a * h}
    elif shape == "trapezoid":
        a, b, h = rng.randint(4, 30), rng.randint(2, 20), rng.randint(2, 16)
        while a <= b:
            a, b = rng.randint(4, 30), rng.randint(2, 20)
        values = {
            "shape": shape,
            "a": a,
            "b": b,
            "h": h,
            "sum": a + b,
            "half": number_key(Fraction(a + b, 2)),
            "result": number_key(Fraction((a + b) * h, 2)),
        }
    else:
        d1, d2 = rng.randint(3, 30), rng.randint(2, 24)
        values = {"shape": shape, "d1": d1, "d2": d2, "product": d1 * d2, "result": number_key(Fraction(d1 * d2, 2))}
    return {"values": values, "key": str(values["result"])}


@verifier("g08_area")
def g08_area_verify(values, key):
    v, s = values, Fraction(key)
    if v["shape"] == "parallelogram":
        return s == v["a"] * v["h"]
    if v["shape"] == "trapezoid":
        # Two triangles cut by a diagonal: a·h/2 + b·h/2.
        return s == Fraction(v["a"] * v["h"], 2) + Fraction(v["b"] * v["h"], 2) and v["a"] > v["b"]
    return 4 * s == 2 * v["d1"] * v["d2"]


TRIPLES = [(3, 4, 5), (5, 12, 13), (8, 15, 17), (7, 24, 25), (20, 21, 29), (9, 40, 41)]


def _triple(rng, limit=60):
    while True:
        a, b, c = rng.choice(TRIPLES)
        k = rng.randint(1, 6)
        if c * k <= limit:
            if rng.random() < 0.5:
                a, b = b, a
            return a * k, b * k, c * k


@generator("g08_pythagoras")
def g08_pythagoras(rng, options):
    """A right triangle: the hypotenuse from the legs, or a leg from the hypotenuse and the other leg."""
    a, b, c = _triple(rng)
    ask = options.get("ask", "hyp")
    if ask == "hyp":
        values = {"ask": ask, "a": a, "b": b, "a2": a * a, "b2": b * b, "sum": a * a + b * b, "result": c}
    else:
        values = {"ask": ask, "a": a, "c": c, "a2": a * a, "c2": c * c, "diff": c * c - a * a, "result": b}
    return {"values": values, "key": str(values["result"])}


@verifier("g08_pythagoras")
def g08_pythagoras_verify(values, key):
    v, x = values, int(key)
    if v["ask"] == "hyp":
        return x * x == v["a"] ** 2 + v["b"] ** 2
    return x * x + v["a"] ** 2 == v["c"] ** 2 and x > 0


@generator("g08_pythagoras_surd")
def g08_pythagoras_surd(rng, options):
    """Legs a, b whose hypotenuse is not whole: c = √(a² + b²) = k√m."""
    while True:
        a, b = rng.randint(1, 12), rng.randint(1, 12)
        n = a * a + b * b
        k, m = 1, n
        for f in range(isqrt(n), 1, -1):
            if n % (f * f) == 0:
                k, m = f, n // (f * f)
                break
        if m > 1 and k > 1:  # not a whole number, and a factor to take out of the root
            break
    result = f"\\sqrt{{{m}}}" if k == 1 else f"{k}\\sqrt{{{m}}}"
    key = f"sqrt({m})" if k == 1 else f"{k}*sqrt({m})"
    return {"values": {"a": a, "b": b, "a2": a * a, "b2": b * b, "n": n, "result": result}, "key": key}


@verifier("g08_pythagoras_surd")
def g08_pythagoras_surd_verify(values, key):
    from qalan.trainer.answers.expressions import expression_read

    _tree, expr = expression_read(key)
    return sympy.simplify(expr**2 - (values["a"] ** 2 + values["b"] ** 2)) == 0 and expr.is_positive


@generator("g08_wp_pythagoras")
def g08_wp_pythagoras(rng, options):
    """A ladder against a wall: its length and the distance of its foot from the wall; how high it reaches."""
    a, b, c = _triple(rng, limit=30)
    return {
        "values": {"foot": a, "ladder": c, "c2": c * c, "a2": a * a, "diff": c * c - a * a, "result": b},
        "key": str(b),
    }


@verifier("g08_wp_pythagoras")
def g08_wp_pythagoras_verify(values, key):
    return int(key) ** 2 + values["foot"] ** 2 == values["ladder"] ** 2


@generator("g08_similar")
def g08_similar(rng, options):
    """△ABC ~ △A₁B₁C₁: two matching sides give the ratio; a third side gives its match."""
    while True:
        ab, bc, ca = rng.randint(3, 15), rng.randint(3, 15), rng.randint(3, 15)
        if ab + bc > ca and ab + ca > bc and bc + ca > ab and len({ab, bc, ca}) == 3:
            break
    k = Fraction(rng.choice([2, 3, 4, 5, 3, 5]), rng.choice([1, 1, 2]))
    if k == 1:
        k = Fraction(3)
    a1b1 = ab * k
    if a1b1.denominator != 1 or (bc * k).denominator not in (1, 2):
        k = Fraction(k.numerator)
        a1b1 = ab * k
    return {
        "values": {"ab": ab, "bc": bc, "a1b1": int(a1b1), "k": number_key(k), "result": number_key(bc * k)},
        "key": number_key(bc * k),
    }


@verifier("g08_similar")
def g08_similar_verify(values, key):
    # Sides of similar triangles are proportional: A1B1 : AB = B1C1 : BC.
    return Fraction(key) * values["ab"] == values["a1b1"] * values["bc"]


@generator("g08_midline")
def g08_midline(rng, options):
    """The midline of a triangle: half the third side; or the side from the midline."""
    if _first(rng, options, "half"):
        side = rng.randint(3, 40)
        values = {"kind": "half", "side": side, "result": number_key(Fraction(side, 2))}
    else:
        mid = rng.randint(2, 25)
        values = {"kind": "side", "mid": mid, "result": 2 * mid}
    return {"values": values, "key": str(values["result"])}


@verifier("g08_midline")
def g08_midline_verify(values, key):
    v = values
    return 2 * Fraction(key) == v["side"] if v["kind"] == "half" else Fraction(key) == 2 * v["mid"]


TRIG = {
    "sin": {"kk": "синусын", "ru": "синус", "en": "sine", "uz": "sinusini"},
    "cos": {"kk": "косинусын", "ru": "косинус", "en": "cosine", "uz": "kosinusini"},
    "tan": {"kk": "тангенсін", "ru": "тангенс", "en": "tangent", "uz": "tangensini"},
}


@generator("g08_trig_ratio")
def g08_trig_ratio(rng, options):
    """A right triangle ABC (C = 90°) with sides from a triple: sin A, cos A or tan A as a fraction."""
    a, b, c = _triple(rng, limit=45)  # a = BC (opposite A), b = AC (adjacent), c = AB
    fn = rng.choice(list(TRIG))
    num, den = {"sin": (a, c), "cos": (b, c), "tan": (a, b)}[fn]
    value = Fraction(num, den)
    rule = {
        "sin": "\\sin A = \\frac{BC}{AB}",
        "cos": "\\cos A = \\frac{AC}{AB}",
        "tan": "\\operatorname{tg} A = \\frac{BC}{AC}",
    }[fn]
    rule_en = {"sin": "\\sin A = \\frac{BC}{AB}", "cos": "\\cos A = \\frac{AC}{AB}", "tan": "\\tan A = \\frac{BC}{AC}"}[
        fn
    ]
    return {
        "values": {
            "fn": fn,
            "name": TRIG[fn],
            "bc": a,
            "ac": b,
            "ab": c,
            "num": num,
            "den": den,
            "rule": {"kk": rule, "ru": rule, "en": rule_en, "uz": rule},
            "result": fraction_key(value),
        },
        "key": fraction_key(value),
    }


@verifier("g08_trig_ratio")
def g08_trig_ratio_verify(values, key):
    v = values
    if v["bc"] ** 2 + v["ac"] ** 2 != v["ab"] ** 2:
        return False
    angle = sympy.atan2(v["bc"], v["ac"])
    exact = {"sin": sympy.sin(angle), "cos": sympy.cos(angle), "tan": sympy.tan(angle)}[v["fn"]]
    return sympy.nsimplify(exact - sympy.Rational(*map(int, (key.split("/") + ["1"])[:2]))) == 0


SIN = {30: sympy.Rational(1, 2), 45: sympy.sqrt(2) / 2, 60: sympy.sqrt(3) / 2}
TEX = {
    ("sin", 30): "\\frac{1}{2}",
    ("sin", 45): "\\frac{\\sqrt{2}}{2}",
    ("sin", 60): "\\frac{\\sqrt{3}}{2}",
    ("cos", 30): "\\frac{\\sqrt{3}}{2}",
    ("cos", 45): "\\frac{\\sqrt{2}}{2}",
    ("cos", 60): "\\frac{1}{2}",
    ("tan", 30): "\\frac{\\sqrt{3}}{3}",
    ("tan", 45): "1",
    ("tan", 60): "\\sqrt{3}",
}


def _trig_exact(fn, angle):
    return {"sin": SIN[angle], "cos": SIN[90 - angle], "tan": SIN[angle] / SIN[90 - angle]}[fn]


def _fn_tex(fn, angle, lang):
    name = "\\operatorname{tg}" if fn == "tan" and lang != "en" else f"\\{fn}"
    return f"{name} {angle}°"


@generator("g08_trig_values")
def g08_trig_values(rng, options):
    """An expression in exact values: k·f(α) · g(β) or f(α) + g(β), for 30°, 45°, 60°."""
    while True:
        f1, f2 = rng.choice(list(TRIG)), rng.choice(list(TRIG))
        a1, a2 = rng.choice([30, 45, 60]), rng.choice([30, 45, 60])
        k = rng.randint(2, 6)
        op = rng.choice(["mul", "add"])
        value = (
            k * _trig_exact(f1, a1) * _trig_exact(f2, a2)
            if op == "mul"
            else k * _trig_exact(f1, a1) + _trig_exact(f2, a2)
        )
        value = sympy.nsimplify(sympy.radsimp(value))
        if (f1, a1) != (f2, a2) and sympy.count_ops(value) <= 6:
            break
    key = sympy.sstr(value).replace("**", "^")
    exprs = {
        lang: (
            f"{k} {_fn_tex(f1, a1, lang)} \\cdot {_fn_tex(f2, a2, lang)}"
            if op == "mul"
            else f"{k} {_fn_tex(f1, a1, lang)} + {_fn_tex(f2, a2, lang)}"
        )
        for lang in ("kk", "ru", "en", "uz")
    }
    steps = (
        f"{k} \\cdot {TEX[(f1, a1)]} \\cdot {TEX[(f2, a2)]}"
        if op == "mul"
        else f"{k} \\cdot {TEX[(f1, a1)]} + {TEX[(f2, a2)]}"
    )
    return {
        "values": {
            "f1": f1,
            "a1": a1,
            "f2": f2,
            "a2": a2,
            "k": k,
            "op": op,
            "expr": exprs,
            "steps": steps,
            "v1": {lang: f"{_fn_tex(f1, a1, lang)} = {TEX[(f1, a1)]}" for lang in ("kk", "ru", "en", "uz")},
            "v2": {lang: f"{_fn_tex(f2, a2, lang)} = {TEX[(f2, a2)]}" for lang in ("kk", "ru", "en", "uz")},
            "result": sympy.latex(value),
        },
        "key": key,
    }


@verifier("g08_trig_values")
def g08_trig_values_verify(values, key):
    from qalan.trainer.answers.expressions import expression_read

    v = values
    rad = {30: sympy.pi / 6, 45: sympy.pi / 4, 60: sympy.pi / 3}
    fns = {"sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan}
    x, y = fns[v["f1"]](rad[v["a1"]]), fns[v["f2"]](rad[v["a2"]])
    exact = v["k"] * x * y if v["op"] == "mul" else v["k"] * x + y
    _tree, expr = expression_read(key)
    return sympy.simplify(expr - exact) == 0


@generator("g08_trig_solve")
def g08_trig_solve(rng, options):
    """Right triangle ABC, C = 90°, hypotenuse AB = c and ∠A = 30°, 45° or 60°: the leg BC = c·sin A."""
    angle = rng.choice([30, 45, 60])
    c = rng.randrange(2, 31, 2)
    value = sympy.nsimplify(c * SIN[angle])
    key = sympy.sstr(value).replace("**", "^")
    return {"values": {"angle": angle, "c": c, "sin": TEX[("sin", angle)], "result": sympy.latex(value)}, "key": key}


@verifier("g08_trig_solve")
def g08_trig_solve_verify(values, key):
    from qalan.trainer.answers.expressions import expression_read

    _tree, expr = expression_read(key)
    return sympy.simplify(expr - values["c"] * sympy.sin(sympy.pi * values["angle"] / 180)) == 0


@generator("g08_tangent")
def g08_tangent(rng, options):
    """A tangent from point A to a circle with centre O and radius r: OA = d; the tangent length."""
    a, b, c = _triple(rng, limit=50)
    return {"values": {"r": a, "d": c, "d2": c * c, "r2": a * a, "diff": c * c - a * a, "result": b}, "key": str(b)}


@verifier("g08_tangent")
def g08_tangent_verify(values, key):
    # The radius to the point of tangency is perpendicular to the tangent.
    return int(key) ** 2 + values["r"] ** 2 == values["d"] ** 2


@generator("g08_inscribed")
def g08_inscribed(rng, options):
    """The inscribed angle is half the central angle on the same arc (or the other way round)."""
    if _first(rng, options, "inscribed"):
        central = rng.randrange(20, 179, 2)
        values = {"kind": "inscribed", "central": central, "result": central // 2}
    else:
        inscribed = rng.randint(10, 85)
        values = {"kind": "central", "inscribed": inscribed, "result": 2 * inscribed}
    return {"values": values, "key": str(values["result"])}


@verifier("g08_inscribed")
def g08_inscribed_verify(values, key):
    v = values
    return 2 * int(key) == v["central"] if v["kind"] == "inscribed" else int(key) == 2 * v["inscribed"]


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
