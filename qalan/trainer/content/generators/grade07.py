"""Grade 7 (algebra and geometry) generators; the helpers at the top are shared with grade 8."""

from fractions import Fraction

from qalan.trainer.answers.expressions import expression_read


def mono_tex(coef, powers: dict, first: bool = True) -> str:
    """One term as TeX with its sign: ``3x^{2}y``, `` - x``, `` + 5``."""
    coef = Fraction(coef)
    letters = "".join(v if e == 1 else f"{v}^{{{e}}}" for v, e in powers.items() if e)
    size = abs(coef)
    if letters and size == 1:
        body = letters
    elif size.denominator == 1:
        body = f"{size.numerator}{letters}"
    else:
        body = f"\\frac{{{size.numerator}}}{{{size.denominator}}}{letters}"
    if first:
        return f"-{body}" if coef < 0 else body
    return f" - {body}" if coef < 0 else f" + {body}"


def mono_key(coef, powers: dict) -> str:
    coef = Fraction(coef)
    letters = "*".join(v if e == 1 else f"{v}^{e}" for v, e in powers.items() if e)
    number = str(coef.numerator) if coef.denominator == 1 else f"({coef.numerator}/{coef.denominator})"
    if not letters:
        return number
    if coef == 1:
        return letters
    if coef == -1:
        return f"-{letters}"
    return f"{number}*{letters}"


def poly_tex(terms) -> str:
    """``[(3, {"x": 2}), (-5, {"x": 1}), (2, {})]`` -> ``3x^{2} - 5x + 2`` (zero terms left out)."""
    out = ""
    for coef, powers in terms:
        if coef:
            out += mono_tex(coef, powers, first=not out)
    return out or "0"


def poly_key(terms) -> str:
    parts = [mono_key(c, p) for c, p in terms if c]
    if not parts:
        return "0"
    text = parts[0]
    for part in parts[1:]:
        text += f" - {part[1:]}" if part.startswith("-") else f" + {part}"
    return text


def lin_tex(k, b, var: str = "x") -> str:
    """``kx + b`` as TeX."""
    return poly_tex([(k, {var: 1}), (b, {})])


def signed(n) -> str:
    """A number in brackets when negative, for substitutions: ``(-3)``."""
    n = Fraction(n)
    text = str(n.numerator) if n.denominator == 1 else f"\\frac{{{n.numerator}}}{{{n.denominator}}}"
    return f"({text})" if n < 0 else text


def key_at(key: str, point: dict):
    """The key's value at ``point`` ({"x": 2}), read by the answer checker's own parser."""
    _tree, expr = expression_read(key)
    subs = {s: point[s.name] for s in expr.free_symbols}
    return expr.subs(subs)


def same_function(key: str, function, names, points=((2, 3), (-1, 5), (3, -2), (7, 1), (-4, -3))) -> bool:
    """Whether the key equals ``function`` at a few points (exact, via Fractions)."""
    import sympy

    for values in points:
        point = {n: sympy.Rational(v) for n, v in zip(names, values, strict=False)}
        expected = function(*[Fraction(v) for v in values[: len(names)]])
        got = key_at(key, point)
        if sympy.nsimplify(got - sympy.Rational(expected.numerator, expected.denominator)) != 0:
            return False
    return True


# ---------------------------------------------------------------------------------------------
# Grade 7 algebra
# ---------------------------------------------------------------------------------------------
from math import gcd  # noqa: E402

from qalan.trainer.content.generators._util import number_key  # noqa: E402
from qalan.trainer.content.registry import generator, verifier  # noqa: E402


def _nz(rng, low, high):
    """A whole number in [low, high] other than 0."""
    while True:
        n = rng.randint(low, high)
        if n:
            return n


@generator("g07_expr_value")
def g07_expr_value(rng, options):
    """The value of 3a - 2b, a^2 - kb or k(a - b) at given a, b (b may be negative)."""
    kind = rng.choice(["linear", "square", "bracket"])
    a, b = _nz(rng, -6, 9), _nz(rng, -6, 6)
    while a == b:
        b = _nz(rng, -6, 6)
    p, q = rng.randint(2, 7), _nz(rng, -5, 5)
    if kind == "linear":
        expr, steps, result = (
            f"{p}a{mono_tex(q, {'b': 1}, first=False)}",
            f"{p} \\cdot {signed(a)}{' + ' if q > 0 else ' - '}{abs(q)} \\cdot {signed(b)}",
            p * a + q * b,
        )
    elif kind == "square":
        expr, steps, result = (
            f"a^{{2}}{mono_tex(q, {'b': 1}, first=False)}",
            f"{signed(a)}^{{2}}{' + ' if q > 0 else ' - '}{abs(q)} \\cdot {signed(b)}",
            a * a + q * b,
        )
    else:
        expr, steps, result = f"{p}(a - b)", f"{p} \\cdot ({a} - {signed(b)})", p * (a - b)
    return {
        "values": {"kind": kind, "expr": expr, "a": a, "b": b, "p": p, "q": q, "steps": steps, "result": result},
        "key": str(result),
    }


@verifier("g07_expr_value")
def g07_expr_value_verify(values, key):
    a, b, p, q = values["a"], values["b"], values["p"], values["q"]
    expected = {"linear": p * a + q * b, "square": a**2 + q * b, "bracket": p * a - p * b}[values["kind"]]
    return a != 0 and b != 0 and int(key) == expected


@generator("g07_like_terms")
def g07_like_terms(rng, options):
    """5x + 3 - 2x + 7 or 4a - 3b + 2a + 5b: collect the like terms."""
    if rng.random() < 0.5:
        c = [_nz(rng, -9, 9) for _ in range(4)]
        while c[0] + c[2] == 0:
            c[2] = _nz(rng, -9, 9)
        terms = [(c[0], {"x": 1}), (c[1], {}), (c[2], {"x": 1}), (c[3], {})]
        result = [(c[0] + c[2], {"x": 1}), (c[1] + c[3], {})]
        names = ["x"]
    else:
        c = [_nz(rng, -9, 9) for _ in range(4)]
        while c[0] + c[2] == 0 or c[1] + c[3] == 0:
            c = [_nz(rng, -9, 9) for _ in range(4)]
        terms = [(c[0], {"a": 1}), (c[1], {"b": 1}), (c[2], {"a": 1}), (c[3], {"b": 1})]
        result = [(c[0] + c[2], {"a": 1}), (c[1] + c[3], {"b": 1})]
        names = ["a", "b"]
    grouped = f"({c[0]}{' + ' if c[2] > 0 else ' - '}{abs(c[2])}){names[0]}"
    return {
        "values": {"c": c, "names": names, "expr": poly_tex(terms), "grouped": grouped, "result": poly_tex(result)},
        "key": poly_key(result),
    }


@verifier("g07_like_terms")
def g07_like_terms_verify(values, key):
    c, names = values["c"], values["names"]
    if names == ["x"]:
        return same_function(key, lambda x: c[0] * x + c[1] + c[2] * x + c[3], ["x"])
    return same_function(key, lambda a, b: c[0] * a + c[1] * b + c[2] * a + c[3] * b, ["a", "b"])


@generator("g07_power_value")
def g07_power_value(rng, options):
    """a^n for a whole or negative base, or a simple fraction, with a result a child can compute."""
    while True:
        kind = rng.choice(["whole", "whole", "negative", "fraction"])
        if kind == "fraction":
            num, den, n = rng.randint(1, 3), rng.randint(2, 5), rng.randint(2, 3)
            if gcd(num, den) != 1:
                continue
            base = Fraction(num, den) * rng.choice([1, -1])
        else:
            base = Fraction(rng.randint(2, 10) * (-1 if kind == "negative" else 1))
            n = rng.randint(2, 6)
        value = base**n
        if abs(value.numerator) <= 1000 and value.denominator <= 250 and not (abs(base) == 10 and n > 4):
            break
    base_tex = (
        signed(base)
        if base.denominator == 1
        else f"\\left({'-' if base < 0 else ''}\\frac{{{abs(base.numerator)}}}{{{base.denominator}}}\\right)"
    )
    product = " \\cdot ".join([base_tex] * n)
    return {
        "values": {
            "base": str(base),
            "n": n,
            "power": f"{base_tex}^{{{n}}}",
            "product": product,
            "result": number_key(value) if value.denominator == 1 else f"{value.numerator}/{value.denominator}",
        },
        "key": f"{value.numerator}" if value.denominator == 1 else f"{value.numerator}/{value.denominator}",
    }


@verifier("g07_power_value")
def g07_power_value_verify(values, key):
    base, result = Fraction(values["base"]), Fraction(1)
    for _ in range(values["n"]):
        result *= base
    return Fraction(key) == result and abs(base) > 1 / 10


@generator("g07_power_rules")
def g07_power_rules(rng, options):
    """a^m · a^n, a^m : a^n or a^m · a^n : a^k, computed by adding and subtracting the exponents."""
    base = rng.choice([2, 2, 3, 3, 4, 5, 10])
    top = {2: 10, 3: 6, 4: 5, 5: 4, 10: 6}[base]
    final = rng.randint(1, top)
    kind = rng.choice(["product", "quotient", "mixed"])
    if kind == "product":
        final = max(final, 4)
        m = rng.randint(2, final - 2)
        n = final - m
        expr, exps = f"{base}^{{{m}}} \\cdot {base}^{{{n}}}", f"{m} + {n}"
    elif kind == "quotient":
        n = rng.randint(3, 9)
        m = final + n
        expr, exps = f"{base}^{{{m}}} : {base}^{{{n}}}", f"{m} - {n}"
    else:
        k = rng.randint(2, 6)
        m = rng.randint(2, max(2, final + k - 2))
        n = final + k - m
        expr, exps = f"{base}^{{{m}}} \\cdot {base}^{{{n}}} : {base}^{{{k}}}", f"{m} + {n} - {k}"
    return {
        "values": {"kind": kind, "base": base, "expr": expr, "exps": exps, "final": final, "result": base**final},
        "key": str(base**final),
    }


@verifier("g07_power_rules")
def g07_power_rules_verify(values, key):
    import re

    numbers = [int(e) for e in re.findall(r"\^\{(\d+)\}", values["expr"])]
    base = Fraction(values["base"])
    value = base ** numbers[0]
    ops = re.findall(r"\\cdot|:", values["expr"])
    for op, e in zip(ops, numbers[1:], strict=True):
        value = value * base**e if op == "\\cdot" else value / base**e
    return Fraction(key) == value and value.denominator == 1 and value > 1


@generator("g07_monomial")
def g07_monomial(rng, options):
    """A product of two monomials, or a power of a monomial, in standard form."""
    if rng.random() < 0.6:
        c1, c2 = _nz(rng, -7, 7), _nz(rng, -6, 6)
        while abs(c1) == 1 and abs(c2) == 1:
            c2 = _nz(rng, -6, 6)
        p1, q1, p2, q2 = rng.randint(1, 4), rng.randint(0, 3), rng.randint(1, 3), rng.randint(1, 3)
        left = mono_tex(c1, {"a": p1, "b": q1})
        right = mono_tex(c2, {"a": p2, "b": q2})
        expr = f"{left} \\cdot {'(' + right + ')' if c2 < 0 else right}"
        coef, pa, pb = c1 * c2, p1 + p2, q1 + q2
        rule = f"{signed(c1)} \\cdot {signed(c2)} = {coef}"
        params = {"kind": "product", "c1": c1, "c2": c2, "p1": p1, "q1": q1, "p2": p2, "q2": q2}
    else:
        c, p, q, n = rng.choice([-3, -2, 2, 3, -1]), rng.randint(1, 3), rng.randint(1, 3), rng.randint(2, 3)
        if abs(c) == 3 and n == 3:
            n = 2
        expr = f"\\left({mono_tex(c, {'a': p, 'b': q})}\\right)^{{{n}}}"
        coef, pa, pb = c**n, p * n, q * n
        rule = f"{signed(c)}^{{{n}}} = {coef}"
        params = {"kind": "power", "c": c, "p": p, "q": q, "n": n}
    result = {"a": pa, "b": pb}
    return {
        "values": {**params, "expr": expr, "rule": rule, "result": mono_tex(coef, result)},
        "key": mono_key(coef, result),
    }


@verifier("g07_monomial")
def g07_monomial_verify(values, key):
    v = values
    if v["kind"] == "product":
        f = lambda a, b: v["c1"] * a ** v["p1"] * b ** v["q1"] * v["c2"] * a ** v["p2"] * b ** v["q2"]  # noqa: E731
    else:
        f = lambda a, b: (v["c"] * a ** v["p"] * b ** v["q"]) ** v["n"]  # noqa: E731
    return same_function(key, f, ["a", "b"])


def _quadratic(rng):
    return [_nz(rng, -9, 9), _nz(rng, -9, 9), _nz(rng, -9, 9)]


@generator("g07_poly_add")
def g07_poly_add(rng, options):
    """(ax^2 + bx + c) ± (dx^2 + ex + f)."""
    sign = rng.choice([1, -1])
    while True:
        p, q = _quadratic(rng), _quadratic(rng)
        r = [p[i] + sign * q[i] for i in range(3)]
        if r[0] and (r[1] or r[2]):
            break
    terms = lambda c: [(c[0], {"x": 2}), (c[1], {"x": 1}), (c[2], {})]  # noqa: E731
    result = terms(r)
    opened = poly_tex(terms(p)) + "".join(mono_tex(sign * c, pw, first=False) for c, pw in terms(q))
    return {
        "values": {
            "p": p,
            "q": q,
            "sign": sign,
            "expr": f"({poly_tex(terms(p))}) {'+' if sign > 0 else '-'} ({poly_tex(terms(q))})",
            "opened": opened,
            "result": poly_tex(result),
        },
        "key": poly_key(result),
    }


@verifier("g07_poly_add")
def g07_poly_add_verify(values, key):
    p, q, s = values["p"], values["q"], values["sign"]
    return same_function(key, lambda x: p[0] * x * x + p[1] * x + p[2] + s * (q[0] * x * x + q[1] * x + q[2]), ["x"])


@generator("g07_poly_mul")
def g07_poly_mul(rng, options):
    """A monomial times a binomial, or a binomial times a binomial."""
    if rng.random() < 0.4:
        k, e = _nz(rng, -6, 6), rng.randint(1, 2)
        b, c = rng.randint(1, 6), _nz(rng, -9, 9)
        while gcd(b, abs(c)) != 1:
            c = _nz(rng, -9, 9)
        expr = f"{mono_tex(k, {'x': e})}({lin_tex(b, c)})"
        result = [(k * b, {"x": e + 1}), (k * c, {"x": e})]
        step = f"{mono_tex(k, {'x': e})} \\cdot {mono_tex(b, {'x': 1})}{' + ' if k * c > 0 else ' - '}{mono_tex(abs(k), {'x': e})} \\cdot {abs(c)}"
        params = {"kind": "mono", "k": k, "e": e, "b": b, "c": c}
    else:
        a, b, c, d = rng.randint(1, 4), _nz(rng, -7, 7), rng.randint(1, 3), _nz(rng, -7, 7)
        expr = f"({lin_tex(a, b)})({lin_tex(c, d)})"
        result = [(a * c, {"x": 2}), (a * d + b * c, {"x": 1}), (b * d, {})]
        step = poly_tex([(a * c, {"x": 2}), (a * d, {"x": 1}), (b * c, {"x": 1}), (b * d, {})])
        params = {"kind": "bin", "a": a, "b": b, "c": c, "d": d}
    return {"values": {**params, "expr": expr, "step": step, "result": poly_tex(result)}, "key": poly_key(result)}


@verifier("g07_poly_mul")
def g07_poly_mul_verify(values, key):
    v = values
    if v["kind"] == "mono":
        return same_function(key, lambda x: v["k"] * x ** v["e"] * (v["b"] * x + v["c"]), ["x"])
    return same_function(key, lambda x: (v["a"] * x + v["b"]) * (v["c"] * x + v["d"]), ["x"])


@generator("g07_short_mult")
def g07_short_mult(rng, options):
    """(ma ± nb)^2 or (ma - nb)(ma + nb), expanded by the formulas."""
    kind = rng.choice(["plus", "minus", "diff"])
    var = rng.choice(["x", "m"])
    other = rng.choice(["", {"x": "y", "m": "n"}[var]])
    m, n = rng.randint(1 if other else 2, 5), rng.randint(1, 6)
    while gcd(m, n) != 1:
        n = rng.randint(1, 6)
    second = {other: 1} if other else {}
    first = mono_tex(m, {var: 1})
    sec = mono_tex(n, second)
    s = -1 if kind == "minus" else 1
    if kind == "diff":
        expr = f"({first} - {sec})({first} + {sec})"
        result = [(m * m, {var: 2}), (-n * n, {other: 2} if other else {})]
        formula = "(a - b)(a + b) = a^{2} - b^{2}"
    else:
        expr = f"({first} {'+' if s > 0 else '-'} {sec})^{{2}}"
        result = [(m * m, {var: 2}), (2 * s * m * n, {var: 1, **second}), (n * n, {other: 2} if other else {})]
        formula = "(a + b)^{2} = a^{2} + 2ab + b^{2}" if s > 0 else "(a - b)^{2} = a^{2} - 2ab + b^{2}"
    return {
        "values": {
            "kind": kind,
            "m": m,
            "n": n,
            "var": var,
            "other": other,
            "expr": expr,
            "formula": formula,
            "result": poly_tex(result),
        },
        "key": poly_key(result),
    }


@verifier("g07_short_mult")
def g07_short_mult_verify(values, key):
    v = values
    names = [v["var"]] + ([v["other"]] if v["other"] else [])

    def f(x, y=Fraction(1)):
        y = y if v["other"] else Fraction(1)
        if v["kind"] == "diff":
            return (v["m"] * x - v["n"] * y) * (v["m"] * x + v["n"] * y)
        s = 1 if v["kind"] == "plus" else -1
        return (v["m"] * x + s * v["n"] * y) ** 2

    return same_function(key, f, names)


@generator("g07_factor_common")
def g07_factor_common(rng, options):
    """g·x^e·(p x + q): shown expanded, the key factored."""
    g = rng.randint(2, 7)
    e = rng.randint(1, 2)
    while True:
        p, q = rng.randint(1, 7), _nz(rng, -9, 9)
        if gcd(p, abs(q)) == 1:
            break
    var = rng.choice(["x", "a", "y"])
    shown = poly_tex([(g * p, {var: e + 1}), (g * q, {var: e})])
    outside = mono_tex(g, {var: e})
    inner = lin_tex(p, q, var)
    key = f"{mono_key(g, {var: e})}*({poly_key([(p, {var: 1}), (q, {})])})"
    return {
        "values": {
            "g": g,
            "e": e,
            "p": p,
            "q": q,
            "var": var,
            "expr": shown,
            "outside": outside,
            "inner": inner,
            "result": f"{outside}({inner})",
        },
        "key": key,
    }


@verifier("g07_factor_common")
def g07_factor_common_verify(values, key):
    v = values
    return (
        "(" in key
        and gcd(v["p"], abs(v["q"])) == 1
        and same_function(
            key, lambda x: v["g"] * v["p"] * x ** (v["e"] + 1) + v["g"] * v["q"] * x ** v["e"], [v["var"]]
        )
    )


@generator("g07_factor_formula")
def g07_factor_formula(rng, options):
    """m^2x^2 - n^2 = (mx - n)(mx + n), or x^2 ± 2nx + n^2 = (x ± n)^2."""
    var = rng.choice(["x", "y", "m", "c"])
    if rng.random() < 0.5:
        m, n = rng.randint(1, 6), rng.randint(1, 9)
        while gcd(m, n) != 1:
            n = rng.randint(1, 9)
        shown = poly_tex([(m * m, {var: 2}), (-n * n, {})])
        key = f"({mono_key(m, {var: 1})} - {n})*({mono_key(m, {var: 1})} + {n})"
        result = f"({lin_tex(m, -n, var)})({lin_tex(m, n, var)})"
        formula = "a^{2} - b^{2} = (a - b)(a + b)"
        params = {"kind": "diff", "m": m, "n": n, "s": 0}
    else:
        n, s = rng.randint(1, 9), rng.choice([1, -1])
        shown = poly_tex([(1, {var: 2}), (2 * s * n, {var: 1}), (n * n, {})])
        key = f"({var} {'+' if s > 0 else '-'} {n})^2"
        result = f"({lin_tex(1, s * n, var)})^{{2}}"
        formula = "a^{2} + 2ab + b^{2} = (a + b)^{2}" if s > 0 else "a^{2} - 2ab + b^{2} = (a - b)^{2}"
        params = {"kind": "square", "m": 1, "n": n, "s": s}
    return {"values": {**params, "var": var, "expr": shown, "formula": formula, "result": result}, "key": key}


@verifier("g07_factor_formula")
def g07_factor_formula_verify(values, key):
    v = values
    if v["kind"] == "diff":
        f = lambda x: v["m"] ** 2 * x * x - v["n"] ** 2  # noqa: E731
    else:
        f = lambda x: x * x + 2 * v["s"] * v["n"] * x + v["n"] ** 2  # noqa: E731
    return "(" in key and same_function(key, f, [v["var"]])


# ---------------------------------------------------------------------------------------------
# Grade 7 geometry
# ---------------------------------------------------------------------------------------------


def _first(rng, options, name, p):
    """Whether to draw the ``name`` kind: as ``options["kind"]`` says, else at random with probability p."""
    kind = options.get("kind")
    return kind == name if kind else rng.random() < p
