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


@generator("g07_eq_brackets")
def g07_eq_brackets(rng, options):
    """a(x ± b) = c with a whole or a terminating decimal root."""
    while True:
        a = rng.randint(2, 9)
        b = _nz(rng, -9, 9)
        c = _nz(rng, -60, 90)
        inner = Fraction(c, a)
        x = inner - b
        if x == 0 or inner == 0:
            continue
        if inner.denominator in (1, 2, 4, 5) and (inner.denominator == 1 or rng.random() < 0.3):
            break
    equation = f"{a}({lin_tex(1, b)}) = {c}"
    return {
        "values": {
            "a": a,
            "b": b,
            "c": c,
            "equation": equation,
            "inner": number_key(inner),
            "lhs": lin_tex(1, b),
            "minus_b": signed(-b),
            "result": number_key(x),
        },
        "key": number_key(x),
    }


@verifier("g07_eq_brackets")
def g07_eq_brackets_verify(values, key):
    x = Fraction(key)
    return x != 0 and values["a"] * (x + values["b"]) == values["c"]


@generator("g07_eq_both_sides")
def g07_eq_both_sides(rng, options):
    """ax + b = cx + d or a(x + b) = cx + d with a whole root other than 0."""
    while True:
        x = _nz(rng, -9, 12)
        a, c = rng.randint(2, 9), rng.randint(1, 8)
        if a == c:
            continue
        if rng.random() < 0.5:
            b = _nz(rng, -15, 15)
            d = a * x + b - c * x
            left = lin_tex(a, b)
            kind, m = "plain", 1
        else:
            m = rng.randint(2, 5)
            b = _nz(rng, -6, 6)
            a_total = m
            if a_total == c:
                continue
            d = m * (x + b) - c * x
            left = f"{m}({lin_tex(1, b)})"
            a, kind = m, "bracket"
        if d == 0:
            continue
        break
    right = lin_tex(c, d)
    opened = lin_tex(a, b if kind == "plain" else m * b)
    const = b if kind == "plain" else m * b
    return {
        "values": {
            "kind": kind,
            "a": a,
            "b": b,
            "c": c,
            "d": d,
            "m": m,
            "equation": f"{left} = {right}",
            "opened": f"{opened} = {right}",
            "collected": f"{a}x{mono_tex(-c, {'x': 1}, first=False)} = {d}{' - ' if const > 0 else ' + '}{abs(const)}",
            "coef": a - c,
            "coef_x": mono_tex(a - c, {"x": 1}),
            "rhs": d - const,
            "result": x,
        },
        "key": str(x),
    }


@verifier("g07_eq_both_sides")
def g07_eq_both_sides_verify(values, key):
    x, v = Fraction(key), values
    left = v["a"] * x + v["b"] if v["kind"] == "plain" else v["m"] * (x + v["b"])
    return x != 0 and left == v["c"] * x + v["d"]


@generator("g07_consecutive")
def g07_consecutive(rng, options):
    """The sum of k consecutive (or consecutive even) whole numbers; find the smallest."""
    count = rng.randint(3, 5)
    step = rng.choice([1, 1, 2])
    n = rng.randint(5, 90)
    if step == 2 and n % 2:
        n += 1
    total = sum(n + step * i for i in range(count))
    shift = step * count * (count - 1) // 2
    kind = {
        1: {
            "kk": "қатарлас натурал",
            "ru": "последовательных натуральных",
            "en": "consecutive whole",
            "uz": "ketma-ket natural",
        },
        2: {"kk": "қатарлас жұп", "ru": "последовательных чётных", "en": "consecutive even", "uz": "ketma-ket juft"},
    }[step]
    terms = " + ".join(["n"] + [f"(n + {step * i})" for i in range(1, count)])
    return {
        "values": {
            "count": count,
            "step": step,
            "kind": kind,
            "total": total,
            "terms": terms,
            "shift": shift,
            "rhs": total - shift,
            "result": n,
        },
        "key": str(n),
    }


@verifier("g07_consecutive")
def g07_consecutive_verify(values, key):
    n, v = int(key), values
    return (
        n > 0 and (v["step"] == 1 or n % 2 == 0) and sum(range(n, n + v["step"] * v["count"], v["step"])) == v["total"]
    )


PARENTS = [
    (
        {"kk": "Әке", "ru": "Отец", "en": "A father", "uz": "Ota"},
        {"kk": "ұлынан", "ru": "сына", "en": "his son", "uz": "oʻgʻlidan"},
        {"kk": "Ұлы", "ru": "сыну", "en": "the son", "uz": "Oʻgʻli"},
    ),
    (
        {"kk": "Ана", "ru": "Мать", "en": "A mother", "uz": "Ona"},
        {"kk": "қызынан", "ru": "дочери", "en": "her daughter", "uz": "qizidan"},
        {"kk": "Қызы", "ru": "дочери", "en": "the daughter", "uz": "Qizi"},
    ),
    (
        {"kk": "Әже", "ru": "Бабушка", "en": "A grandmother", "uz": "Buvi"},
        {"kk": "немересінен", "ru": "внука", "en": "her grandson", "uz": "nevarasidan"},
        {"kk": "Немересі", "ru": "внуку", "en": "the grandson", "uz": "Nevarasi"},
    ),
    (
        {"kk": "Ата", "ru": "Дедушка", "en": "A grandfather", "uz": "Bobo"},
        {"kk": "немересінен", "ru": "внучки", "en": "his granddaughter", "uz": "nevarasidan"},
        {"kk": "Немересі", "ru": "внучке", "en": "the granddaughter", "uz": "Nevarasi"},
    ),
]


@generator("g07_age")
def g07_age(rng, options):
    """An elder is k times as old as a child; in t years m times as old. The child's age now."""
    while True:
        who = rng.randrange(2)
        k = rng.randint(3, 6)
        m = rng.randint(2, k - 1)
        x = rng.randint(4, 16)
        if (x * (k - m)) % (m - 1):
            continue
        t = x * (k - m) // (m - 1)
        if 1 <= t <= 30 and 18 <= k * x <= 60:
            break
    elder, of_child, child = PARENTS[who]
    pronoun = {"kk": "ол", "ru": "он", "en": "he" if who in (0, 3) else "she", "uz": "u"}
    return {
        "values": {
            "who": who,
            "pronoun": pronoun,
            "elder": elder,
            "of_child": of_child,
            "child": child,
            "k": k,
            "m": m,
            "t": t,
            "kt": mono_tex(k - m, {"x": 1}),
            "mt": m * t - t,
            "result": x,
        },
        "key": str(x),
    }


@verifier("g07_age")
def g07_age_verify(values, key):
    x, v = int(key), values
    return x > 0 and v["k"] * x + v["t"] == v["m"] * (x + v["t"]) and v["t"] > 0


@generator("g07_linear_value")
def g07_linear_value(rng, options):
    """y = kx + b: y at a given x, or x for a given y."""
    k, b, x = _nz(rng, -6, 6), _nz(rng, -10, 10), _nz(rng, -8, 8)
    y = k * x + b
    ask = options.get("ask", "y")
    return {
        "values": {
            "k": k,
            "b": b,
            "x": x,
            "y": y,
            "function": f"y = {lin_tex(k, b)}",
            "kx": f"{k} \\cdot {signed(x)}" if abs(k) != 1 else f"{'-' if k < 0 else ''}{signed(x)}",
            "yb": y - b,
            "ask": ask,
            "function_rhs": lin_tex(k, b),
            "bs": signed(b),
            "kx_var": mono_tex(k, {"x": 1}),
            "result": y if ask == "y" else x,
        },
        "key": str(y if ask == "y" else x),
    }


@verifier("g07_linear_value")
def g07_linear_value_verify(values, key):
    v = values
    if v["ask"] == "y":
        return int(key) == v["k"] * v["x"] + v["b"]
    return Fraction(v["y"] - v["b"], v["k"]) == int(key)


@generator("g07_slope")
def g07_slope(rng, options):
    """The graph of y = kx + b passes through two points: find k; or through one point with a given k: find b."""
    k, b = _nz(rng, -5, 5), rng.randint(-9, 9)
    x1 = rng.randint(-5, 4)
    x2 = x1 + rng.randint(1, 5)
    y1, y2 = k * x1 + b, k * x2 + b
    return {
        "values": {
            "k": k,
            "b": b,
            "x1": x1,
            "y1": y1,
            "x2": x2,
            "y2": y2,
            "dy": y2 - y1,
            "dx": x2 - x1,
            "p1": f"({x1}; {y1})",
            "p2": f"({x2}; {y2})",
            "p1en": f"({x1}, {y1})",
            "p2en": f"({x2}, {y2})",
            "kx1": k * x1,
            "kx1s": signed(k * x1),
            "x1s": signed(x1),
            "y1s": signed(y1),
            "kx_b": mono_tex(k, {"x": 1}) + " + b",
            "function": f"y = {lin_tex(k, b) if b else mono_tex(k, {'x': 1})}",
            "result": k if options.get("ask", "k") == "k" else b,
        },
        "key": str(k if options.get("ask", "k") == "k" else b),
    }


@verifier("g07_slope")
def g07_slope_verify(values, key):
    v = values
    k = Fraction(v["y2"] - v["y1"], v["x2"] - v["x1"])
    b = v["y1"] - k * v["x1"]
    return Fraction(key) in (k, b) and v["x1"] != v["x2"] and v["y2"] == k * v["x2"] + b


def _times(k, x):
    """k · x as written in a substitution: ``3 \\cdot (-2)``, ``-(-2)`` for k = -1, ``5`` for k = 1."""
    if k == 1:
        return signed(x)
    if k == -1:
        return f"-{signed(x)}"
    return f"{k} \\cdot {signed(x)}"


def _point(x, y):
    return {"kk": f"$({x}; {y})$", "ru": f"$({x}; {y})$", "en": f"$({x}, {y})$", "uz": f"$({x}; {y})$"}


@generator("g07_point_on_graph")
def g07_point_on_graph(rng, options):
    """Which of four points lies on the graph of y = kx + b? One does."""
    k, b = _nz(rng, -4, 4), rng.randint(-6, 6)
    x = _nz(rng, -5, 5)
    right = (x, k * x + b)
    wrong = set()
    while len(wrong) < 3:
        wx = rng.randint(-5, 5)
        wy = k * wx + b + _nz(rng, -3, 3)
        if rng.random() < 0.3:  # the swapped coordinates: a frequent slip
            wx, wy = right[1], right[0]
        if (wx, wy) != right and wy != k * wx + b:
            wrong.add((wx, wy))
    choices = [{"text": _point(*right), "correct": True}] + [{"text": _point(*p)} for p in sorted(wrong)]
    return {
        "values": {
            "k": k,
            "b": b,
            "x": right[0],
            "y": right[1],
            "function": f"y = {lin_tex(k, b) if b else mono_tex(k, {'x': 1})}",
            "check": f"{_times(k, right[0])}{' + ' if b >= 0 else ' - '}{abs(b)} = {right[1]}",
        },
        "key": "",
        "choices": choices,
    }


@verifier("g07_point_on_graph")
def g07_point_on_graph_verify(values, key, drawn=None):
    if not drawn:
        return False
    on = []
    for choice in drawn:
        x, y = (int(t) for t in choice["text"].strip("()").split(","))
        on.append((y == values["k"] * x + values["b"]) == choice["correct"])
    return all(on) and sum(c["correct"] for c in drawn) == 1


@generator("g07_system")
def g07_system(rng, options):
    """A system with a whole solution, for substitution (y = kx + m) or addition (opposite y-coefficients)."""
    x, y = _nz(rng, -6, 8), _nz(rng, -6, 8)
    ask = rng.choice(["x", "y"])
    if options.get("method", "sub") == "sub":
        k, m = _nz(rng, -4, 4), None
        m = y - k * x
        a, b = rng.randint(1, 5), _nz(rng, -5, 5)
        while a + b * k == 0:
            b = _nz(rng, -5, 5)
        c = a * x + b * y
        first = f"y = {lin_tex(k, m) if m else mono_tex(k, {'x': 1})}"
        second = f"{poly_tex([(a, {'x': 1}), (b, {'y': 1})])} = {c}"
        coef, rhs = a + b * k, c - b * m
        values = {
            "method": "sub",
            "k": k,
            "m": m,
            "a": a,
            "b": b,
            "c": c,
            "coef": coef,
            "rhs": rhs,
            "substituted": f"{poly_tex([(a, {'x': 1})])}{' + ' if b > 0 else ' - '}{abs(b)}({lin_tex(k, m) if m else mono_tex(k, {'x': 1})}) = {c}",
        }
    else:
        a1, a2, b = rng.randint(1, 6), rng.randint(1, 6), rng.randint(1, 6)
        c1, c2 = a1 * x + b * y, a2 * x - b * y
        first = f"{poly_tex([(a1, {'x': 1}), (b, {'y': 1})])} = {c1}"
        second = f"{poly_tex([(a2, {'x': 1}), (-b, {'y': 1})])} = {c2}"
        values = {
            "method": "add",
            "a1": a1,
            "a2": a2,
            "b": b,
            "c1": c1,
            "c2": c2,
            "coef": a1 + a2,
            "rhs": c1 + c2,
            "substituted": f"{a1} \\cdot {signed(x)} + {mono_tex(b, {'y': 1})} = {c1}",
        }
    values["coef_x"] = mono_tex(values["coef"], {"x": 1})
    values.update(
        {
            "system": f"\\begin{{cases}} {first} \\\\ {second} \\end{{cases}}",
            "x": x,
            "y": y,
            "ask": ask,
            "result": x if ask == "x" else y,
        }
    )
    return {"values": values, "key": str(x if ask == "x" else y)}


@verifier("g07_system")
def g07_system_verify(values, key):
    v = values
    if v["method"] == "sub":
        det = v["a"] + v["b"] * v["k"]
        x = Fraction(v["c"] - v["b"] * v["m"], det)
        y = v["k"] * x + v["m"]
    else:
        # Cramer's rule for a1 x + b y = c1, a2 x - b y = c2.
        det = -v["a1"] * v["b"] - v["a2"] * v["b"]
        x = Fraction(-v["c1"] * v["b"] - v["c2"] * v["b"], det)
        y = Fraction(v["a1"] * v["c2"] - v["a2"] * v["c1"], det)
    return det != 0 and Fraction(key) == (x if v["ask"] == "x" else y)


@generator("g07_wp_system")
def g07_wp_system(rng, options):
    """Notebooks and pens bought in two shops: a system; the price of one notebook."""
    while True:
        n, p = rng.randrange(150, 600, 10), rng.randrange(50, 300, 10)
        a1, b1, a2, b2 = rng.randint(2, 5), rng.randint(2, 4), rng.randint(2, 4), rng.randint(2, 6)
        if a1 * b2 != a2 * b1 and n != p:
            break
    return {
        "values": {
            "a1": a1,
            "b1": b1,
            "a2": a2,
            "b2": b2,
            "s1": a1 * n + b1 * p,
            "s2": a2 * n + b2 * p,
            "pen": p,
            "result": n,
        },
        "key": str(n),
    }


@verifier("g07_wp_system")
def g07_wp_system_verify(values, key):
    v = values
    det = v["a1"] * v["b2"] - v["a2"] * v["b1"]
    return det != 0 and Fraction(key) == Fraction(v["s1"] * v["b2"] - v["s2"] * v["b1"], det) and int(key) > 0


@generator("g07_stats")
def g07_stats(rng, options):
    """A small data set (marks, temperatures): its mean, median, mode or range."""
    ask = options.get("ask", "mean")
    while True:
        size = rng.choice([5, 6, 7]) if ask != "median" else rng.choice([5, 7, 6])
        data = [rng.randint(2, 30) for _ in range(size)]
        if ask == "mode":
            data[rng.randrange(size)] = data[0]
            counts = sorted(((data.count(d), d) for d in set(data)), reverse=True)
            if len(counts) > 1 and counts[0][0] == counts[1][0]:
                continue
            result = Fraction(counts[0][1])
        elif ask == "mean":
            result = Fraction(sum(data), size)
            if result.denominator not in (1, 2, 5):
                continue
        elif ask == "median":
            s = sorted(data)
            result = Fraction(s[size // 2]) if size % 2 else Fraction(s[size // 2 - 1] + s[size // 2], 2)
        else:
            result = Fraction(max(data) - min(data))
        if len(set(data)) >= 3:
            break
    return {
        "values": {
            "data": ", ".join(map(str, data)),
            "sorted": ", ".join(map(str, sorted(data))),
            "sum": sum(data),
            "size": size,
            "max": max(data),
            "min": min(data),
            "ask": ask,
            "result": number_key(result),
        },
        "key": number_key(result),
    }


@verifier("g07_stats")
def g07_stats_verify(values, key):
    from statistics import median, mode

    data = [int(t) for t in values["data"].split(", ")]
    value = Fraction(key)
    expected = {
        "mean": Fraction(sum(data), len(data)),
        "median": Fraction(median(data)).limit_denominator(2),
        "range": Fraction(max(data) - min(data)),
        "mode": Fraction(mode(data)),
    }[values["ask"]]
    return value == expected and len(data) == values["size"]


# ---------------------------------------------------------------------------------------------
# Grade 7 geometry
# ---------------------------------------------------------------------------------------------


def _first(rng, options, name, p):
    """Whether to draw the ``name`` kind: as ``options["kind"]`` says, else at random with probability p."""
    kind = options.get("kind")
    return kind == name if kind else rng.random() < p


@generator("g07_segment")
def g07_segment(rng, options):
    """Point C on segment AB: AB and how AC and CB compare (d longer, or in a ratio p:q); find CB."""
    if _first(rng, options, "diff", 0.5):
        cb = rng.randint(2, 30)
        d = rng.randint(1, 20)
        ab = 2 * cb + d
        values = {"kind": "diff", "ab": ab, "d": d, "twice": ab - d, "result": cb}
    else:
        p, q = rng.randint(1, 5), rng.randint(1, 5)
        while gcd(p, q) != 1 or p == q:
            p, q = rng.randint(1, 5), rng.randint(1, 5)
        part = rng.randint(2, 9)
        ab = (p + q) * part
        values = {"kind": "ratio", "ab": ab, "p": p, "q": q, "parts": p + q, "part": part, "result": q * part}
    return {"values": values, "key": str(values["result"])}


@verifier("g07_segment")
def g07_segment_verify(values, key):
    cb, v = int(key), values
    ac = v["ab"] - cb
    return cb > 0 and ac > 0 and (ac - cb == v["d"] if v["kind"] == "diff" else ac * v["q"] == cb * v["p"])


@generator("g07_vertical")
def g07_vertical(rng, options):
    """Two lines cross: the sum of two of the angles (vertical ones), or one angle d° more than its neighbour."""
    if _first(rng, options, "sum", 0.5):
        half = rng.randint(15, 80)
        while half == 45 or half == 90:
            half = rng.randint(15, 80)
        values = {"kind": "sum", "s": 2 * half, "small": half, "result": 180 - half}
    else:
        small = rng.randint(20, 85)
        d = 180 - 2 * small
        values = {"kind": "diff", "d": d, "small": small, "twice": 180 - d, "result": 180 - small}
    return {"values": values, "key": str(values["result"])}


@verifier("g07_vertical")
def g07_vertical_verify(values, key):
    big = int(key)
    small = 180 - big
    ok = values["s"] == 2 * small if values["kind"] == "sum" else big - small == values["d"]
    return ok and big > 90 > small > 0


@generator("g07_triangle_angles")
def g07_triangle_angles(rng, options):
    """The angles of a triangle: two known; or in a ratio p:q:r (find the largest)."""
    if _first(rng, options, "two", 0.45):
        a, b = rng.randint(20, 110), rng.randint(20, 110)
        while 180 - a - b < 10:
            a, b = rng.randint(20, 110), rng.randint(20, 100)
        values = {"kind": "two", "a": a, "b": b, "result": 180 - a - b}
    else:
        while True:
            p, q, r = sorted(rng.sample(range(1, 10), 3))
            if 180 % (p + q + r) == 0 and gcd(gcd(p, q), r) == 1:
                break
        part = 180 // (p + q + r)
        values = {"kind": "ratio", "p": p, "q": q, "r": r, "parts": p + q + r, "part": part, "result": r * part}
    return {"values": values, "key": str(values["result"])}


@verifier("g07_triangle_angles")
def g07_triangle_angles_verify(values, key):
    v, x = values, int(key)
    if v["kind"] == "two":
        return x >= 10 and v["a"] + v["b"] + x == 180
    return x * (v["p"] + v["q"] + v["r"]) == 180 * v["r"] and x < 180


@generator("g07_exterior")
def g07_exterior(rng, options):
    """An exterior angle and one remote interior angle: the other; or the two remote angles: the exterior one."""
    if _first(rng, options, "remote", 0.5):
        ext = rng.randint(60, 170)
        known = rng.randint(10, ext - 10)
        values = {"kind": "remote", "ext": ext, "known": known, "result": ext - known}
    else:
        a, b = rng.randint(15, 90), rng.randint(15, 80)
        while a + b >= 170:
            b = rng.randint(15, 60)
        values = {"kind": "exterior", "a": a, "b": b, "result": a + b}
    return {"values": values, "key": str(values["result"])}


@verifier("g07_exterior")
def g07_exterior_verify(values, key):
    v, x = values, int(key)
    if v["kind"] == "remote":
        return x > 0 and (180 - v["ext"]) + v["known"] + x == 180
    return x < 180 and 180 - x + v["a"] + v["b"] == 180


@generator("g07_isosceles")
def g07_isosceles(rng, options):
    """Isosceles triangle: the base angle gives the apex angle, or the apex angle gives a base angle."""
    if _first(rng, options, "apex", 0.5):
        base = rng.randint(20, 85)
        values = {"kind": "apex", "base": base, "twice": 2 * base, "result": 180 - 2 * base}
    else:
        apex = rng.randrange(20, 161, 2)
        values = {"kind": "base", "apex": apex, "rest": 180 - apex, "result": (180 - apex) // 2}
    return {"values": values, "key": str(values["result"])}


@verifier("g07_isosceles")
def g07_isosceles_verify(values, key):
    v, x = values, int(key)
    return x > 0 and (2 * v["base"] + x == 180 if v["kind"] == "apex" else 2 * x + v["apex"] == 180)


def _forms_triangle(a, b, c):
    s = sorted((a, b, c))
    return s[0] + s[1] > s[2]


@generator("g07_triangle_exists")
def g07_triangle_exists(rng, options):
    """Four triples of lengths; choose the ones that form a triangle (at least one does, at least one does not)."""
    while True:
        triples = set()
        while len(triples) < 4:
            a, b = rng.randint(1, 12), rng.randint(1, 12)
            c = rng.choice(
                [
                    a + b,
                    a + b + rng.randint(1, 4),
                    abs(a - b) + rng.randint(1, max(1, 2 * min(a, b) - 1)),
                    max(1, abs(a - b)),
                ]
            )
            triples.add(tuple(sorted((a, b, c))))
        good = [t for t in triples if _forms_triangle(*t)]
        if 1 <= len(good) <= 3:
            break
    choices = [{"text": ", ".join(map(str, t)), "correct": _forms_triangle(*t)} for t in sorted(triples)]
    return {"values": {"count": len(good)}, "key": "", "choices": choices}


@verifier("g07_triangle_exists")
def g07_triangle_exists_verify(values, key, drawn=None):
    if not drawn:
        return False
    for choice in drawn:
        a, b, c = (int(t) for t in choice["text"].split(", "))
        ok = a + b > c and a + c > b and b + c > a
        if ok != choice["correct"]:
            return False
    return sum(c["correct"] for c in drawn) == values["count"] >= 1


@generator("g07_third_side")
def g07_third_side(rng, options):
    """Two sides a, b: how many whole lengths can the third side have?"""
    a, b = rng.randint(2, 15), rng.randint(2, 15)
    while a == b:
        b = rng.randint(2, 15)
    low, high = abs(a - b), a + b
    return {
        "values": {
            "a": a,
            "b": b,
            "low": low,
            "high": high,
            "first": low + 1,
            "last": high - 1,
            "result": high - low - 1,
        },
        "key": str(high - low - 1),
    }


@verifier("g07_third_side")
def g07_third_side_verify(values, key):
    a, b = values["a"], values["b"]
    return int(key) == sum(1 for c in range(1, a + b + 1) if _forms_triangle(a, b, c)) > 0


@generator("g07_congruent")
def g07_congruent(rng, options):
    """△ABC = △MNK (the order of the letters matches the vertices): a side of MNK from ABC."""
    while True:
        ab, bc, ca = rng.randint(3, 15), rng.randint(3, 15), rng.randint(3, 15)
        if _forms_triangle(ab, bc, ca) and len({ab, bc, ca}) == 3:
            break
    letters = rng.choice(["MNK", "DEF", "PQR", "KLM"])
    ask = rng.randrange(3)
    pairs = [("AB", ab), ("BC", bc), ("CA", ca)]
    target = [letters[0] + letters[1], letters[1] + letters[2], letters[2] + letters[0]][ask]
    return {
        "values": {
            "second": letters,
            "ab": ab,
            "bc": bc,
            "ca": ca,
            "ask": ask,
            "target": target,
            "source": pairs[ask][0],
            "result": pairs[ask][1],
        },
        "key": str(pairs[ask][1]),
    }


@verifier("g07_congruent")
def g07_congruent_verify(values, key):
    v = values
    side = {"AB": v["ab"], "BC": v["bc"], "CA": v["ca"]}["ABC"[v["ask"]] + "ABC"[(v["ask"] + 1) % 3]]
    return int(key) == side and v["target"] == v["second"][v["ask"]] + v["second"][(v["ask"] + 1) % 3]


@generator("g07_triangle_area")
def g07_triangle_area(rng, options):
    """A triangle's base and height (or a right triangle's legs): the area, possibly a half."""
    base, height = rng.randint(3, 24), rng.randint(2, 20)
    kind = options.get("kind") or rng.choice(["height", "legs"])
    area = Fraction(base * height, 2)
    return {
        "values": {"kind": kind, "base": base, "height": height, "product": base * height, "result": number_key(area)},
        "key": number_key(area),
    }


@verifier("g07_triangle_area")
def g07_triangle_area_verify(values, key):
    return Fraction(key) * 2 == values["base"] * values["height"] and Fraction(key) > 0


PAIRS = {
    "alternate": {
        "kk": "айқыш бұрыштар",
        "ru": "накрест лежащие углы",
        "en": "alternate angles",
        "uz": "ichki almashinuvchi burchaklar",
    },
    "corresponding": {
        "kk": "сәйкес бұрыштар",
        "ru": "соответственные углы",
        "en": "corresponding angles",
        "uz": "mos burchaklar",
    },
    "interior": {
        "kk": "тұстас бұрыштар",
        "ru": "односторонние углы",
        "en": "co-interior angles",
        "uz": "ichki bir tomonli burchaklar",
    },
}


@generator("g07_parallel")
def g07_parallel(rng, options):
    """Parallel lines a and b cut by a transversal: angle 1 given, angle 2 is alternate, corresponding or co-interior to it."""
    kind = rng.choice(list(PAIRS))
    angle = rng.randint(25, 155)
    while angle == 90:
        angle = rng.randint(25, 155)
    result = 180 - angle if kind == "interior" else angle
    return {"values": {"kind": kind, "pair": PAIRS[kind], "angle": angle, "result": result}, "key": str(result)}


@verifier("g07_parallel")
def g07_parallel_verify(values, key):
    x = int(key)
    return (x + values["angle"] == 180) if values["kind"] == "interior" else x == values["angle"]


@generator("g07_right_triangle")
def g07_right_triangle(rng, options):
    """A right triangle: the other acute angle; or the leg opposite 30° is half the hypotenuse."""
    if options.get("kind", "angle") == "angle":
        a = rng.randint(10, 80)
        while a == 45:
            a = rng.randint(10, 80)
        values = {"kind": "angle", "a": a, "result": 90 - a}
    else:
        if _first(rng, options, "leg", 0.5):
            c = rng.randrange(4, 41, 2) if rng.random() < 0.7 else rng.randrange(5, 40, 2)
            values = {"kind": "leg", "c": c, "result": number_key(Fraction(c, 2))}
        else:
            leg = rng.randint(2, 25)
            values = {"kind": "hyp", "leg": leg, "result": 2 * leg}
    return {"values": values, "key": str(values["result"])}


@verifier("g07_right_triangle")
def g07_right_triangle_verify(values, key):
    v, x = values, Fraction(key)
    if v["kind"] == "angle":
        return x + v["a"] + 90 == 180
    if v["kind"] == "leg":
        return 2 * x == v["c"]
    return x == 2 * v["leg"]


@generator("g07_circle")
def g07_circle(rng, options):
    """Chord AB of a circle with centre O: ∠OAB gives the central angle AOB (triangle AOB is isosceles)."""
    if _first(rng, options, "central", 0.6):
        a = rng.randint(15, 85)
        values = {"kind": "central", "a": a, "twice": 2 * a, "result": 180 - 2 * a}
    else:
        c = rng.randrange(20, 161, 2)
        values = {"kind": "base", "c": c, "rest": 180 - c, "result": (180 - c) // 2}
    return {"values": values, "key": str(values["result"])}


@verifier("g07_circle")
def g07_circle_verify(values, key):
    v, x = values, int(key)
    return x > 0 and (x + 2 * v["a"] == 180 if v["kind"] == "central" else 2 * x + v["c"] == 180)


@generator("g07_parallel_test")
def g07_parallel_test(rng, options):
    """Co-interior angles: what angle 2 must be for the lines to be parallel."""
    angle = rng.choice([a for a in range(20, 161) if a != 90])
    return {"values": {"angle": angle, "result": 180 - angle}, "key": str(180 - angle)}


@verifier("g07_parallel_test")
def g07_parallel_test_verify(values, key):
    return 0 < int(key) < 180 and int(key) + values["angle"] == 180
