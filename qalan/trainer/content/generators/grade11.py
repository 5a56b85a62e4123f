"""Grade 11: antiderivatives and integrals, roots and powers, exponents and logarithms, the derivative
on an interval, statistics and probability; solids of revolution, volumes, coordinates in space.

Every generator returns exact keys; every verifier recomputes the key by another route (Simpson's
rule for integrals, a grid search for extrema, enumeration for probabilities, sympy for
antiderivatives) and checks the constraints, so it can fail.
"""

import itertools
import re
from fractions import Fraction
from math import comb, factorial, gcd, isqrt

from qalan.trainer.content.generators._util import fraction_key, number_key
from qalan.trainer.content.locale import number_tex
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


def poly_key(coefs: dict) -> str:
    """{3: 2, 1: -1, 0: 5} -> ``2*x^3-x+5`` (the expression key)."""
    out = ""
    for power in sorted(coefs, reverse=True):
        c = Fraction(coefs[power])
        if not c:
            continue
        sign = "-" if c < 0 else ("+" if out else "")
        a = abs(c)
        num = str(a.numerator) if a.denominator == 1 else f"{a.numerator}/{a.denominator}"
        if power == 0:
            term = num
        else:
            var = "x" if power == 1 else f"x^{power}"
            term = var if a == 1 else f"{num}*{var}"
        out += sign + term
    return out or "0"


def poly_at(coefs: dict, x) -> Fraction:
    return sum((Fraction(c) * Fraction(x) ** int(p) for p, c in coefs.items()), Fraction(0))


def _ints(d: dict) -> dict:
    return {int(k): Fraction(v) for k, v in d.items()}


def _json(d: dict) -> dict:
    return {str(k): fraction_key(v) for k, v in d.items()}


def _simpson(coefs: dict, a, b) -> Fraction:
    """Simpson's rule: exact for polynomials of degree at most 3."""
    a, b = Fraction(a), Fraction(b)
    return (b - a) / 6 * (poly_at(coefs, a) + 4 * poly_at(coefs, (a + b) / 2) + poly_at(coefs, b))


_TERM = re.compile(r"([+-]?)(\d+(?:/\d+)?)?(\*?x(?:\^(\d+))?)?")


def _parse_poly(key: str) -> dict:
    """``2*x^3-x+5`` -> {3: 2, 1: -1, 0: 5}, read term by term (not by the code that wrote it)."""
    coefs: dict = {}
    pos, text = 0, key.replace(" ", "")
    while pos < len(text):
        m = _TERM.match(text, pos)
        if not m or m.end() == pos or not (m.group(2) or m.group(3)):
            raise ValueError(f"not a polynomial: {key!r}")
        c = Fraction(m.group(2) or 1) * (-1 if m.group(1) == "-" else 1)
        power = (int(m.group(4)) if m.group(4) else 1) if m.group(3) else 0
        coefs[power] = coefs.get(power, Fraction(0)) + c
        pos = m.end()
    return {p: c for p, c in coefs.items() if c}


def _paren(tex: str) -> str:
    return f"\\left({tex}\\right)" if tex.startswith("-") or "frac" in tex else tex


def _nonzero(rng, low, high):
    return rng.choice([v for v in range(low, high + 1) if v])


# ---------------------------------------------------------------- antiderivatives and integrals


@generator("g11_antiderivative")
def g11_antiderivative(rng, options):
    """f(x) with two or three terms of degree <= 3 (whole coefficients of F); F with F(0) = 0."""
    powers = sorted(rng.sample([0, 1, 2, 3], rng.choice([2, 3])), reverse=True)
    big = {p: _nonzero(rng, -4, 5) for p in powers}  # F's coefficients, by the power of f's term
    f = {p: big[p] * (p + 1) for p in powers}
    F = {p + 1: big[p] for p in powers}
    steps = ", ".join(f"\\int {_paren(poly_tex({p: f[p]}))}\\,dx = {poly_tex({p + 1: F[p + 1]})}" for p in powers)
    return {"values": {"f": poly_tex(f), "F": poly_tex(F), "steps": steps, "fc": _json(f)}, "key": poly_key(F)}


@verifier("g11_antiderivative")
def g11_antiderivative_verify(values, key):
    F = _parse_poly(key)
    derivative = {p - 1: c * p for p, c in F.items() if p}
    f = _ints(values["fc"])
    return (
        0 not in F and {p: c for p, c in derivative.items() if c} == {p: c for p, c in f.items() if c} and len(f) >= 2
    )


@generator("g11_antiderivative_point")
def g11_antiderivative_point(rng, options):
    """f(x) = a x^2 + b x + c (some zero), F through M(x0; y0): F = ... + C."""
    while True:
        big = {3: _nonzero(rng, -2, 3), 2: rng.randint(-3, 3), 1: _nonzero(rng, -6, 6)}
        big = {p: c for p, c in big.items() if c}
        x0 = _nonzero(rng, -2, 2)
        C = _nonzero(rng, -9, 9)
        y0 = poly_at(big, x0) + C
        if abs(y0) <= 40:
            break
    f = {p - 1: c * p for p, c in big.items()}
    F = dict(big)
    F[0] = C
    return {
        "values": {
            "f": poly_tex(f),
            "Fx": poly_tex(big),
            "x0": x0,
            "y0": int(y0),
            "Fx0": int(poly_at(big, x0)),
            "C": C,
            "F": poly_tex(F),
            "fc": _json(f),
        },
        "key": poly_key(F),
    }


@verifier("g11_antiderivative_point")
def g11_antiderivative_point_verify(values, key):
    F = _parse_poly(key)
    derivative = {p - 1: c * p for p, c in F.items() if p}
    f = {p: c for p, c in _ints(values["fc"]).items() if c}
    return derivative == f and poly_at(F, values["x0"]) == values["y0"]


@generator("g11_definite_integral")
def g11_definite_integral(rng, options):
    """The integral of a polynomial of degree <= 2 between whole limits (a whole result)."""
    while True:
        F = {3: rng.randint(-2, 2), 2: rng.randint(-3, 3), 1: rng.randint(-5, 5)}
        F = {p: c for p, c in F.items() if c}
        if len(F) < 2:
            continue
        a = rng.randint(-2, 2)
        b = rng.randint(a + 1, 3)
        value = poly_at(F, b) - poly_at(F, a)
        if value != 0 and abs(value) <= 80:
            break
    f = {p - 1: c * p for p, c in F.items()}
    return {
        "values": {
            "f": poly_tex(f),
            "F": poly_tex(F),
            "a": a,
            "b": b,
            "Fb": int(poly_at(F, b)),
            "Fa": _paren(str(int(poly_at(F, a)))),
            "result": int(value),
            "fc": _json(f),
        },
        "key": str(int(value)),
    }


@verifier("g11_definite_integral")
def g11_definite_integral_verify(values, key):
    f = _ints(values["fc"])
    return values["a"] < values["b"] and _simpson(f, values["a"], values["b"]) == Fraction(key) != 0


@generator("g11_area")
def g11_area(rng, options):
    """``strip``: y = x^2 + c over [m; n], m >= 0; ``cap``: y = s x - x^2 and the x-axis."""
    if options.get("kind", "strip") == "cap":
        s = rng.randint(2, 9)
        f = {1: s, 2: -1}
        F = {2: Fraction(s, 2), 3: Fraction(-1, 3)}
        a, b = 0, s
    else:
        c = rng.randint(0, 5)
        a = rng.randint(0, 3)
        b = rng.randint(a + 1, a + 3)
        f = {2: 1, 0: c} if c else {2: 1}
        F = {3: Fraction(1, 3), 1: c} if c else {3: Fraction(1, 3)}
    area = poly_at(F, b) - poly_at(F, a)
    return {
        "values": {
            "f": poly_tex(f),
            "F": poly_tex(F),
            "a": a,
            "b": b,
            "Fb": number_key(poly_at(F, b)),
            "Fa": number_key(poly_at(F, a)),
            "result": number_key(area),
            "fc": _json(f),
        },
        "key": number_key(area),
    }


@verifier("g11_area")
def g11_area_verify(values, key):
    f = _ints(values["fc"])
    a, b = values["a"], values["b"]
    # The function is not negative on [a; b]: checked on a grid (a parabola, so enough).
    grid = [Fraction(a) + Fraction(b - a) * i / 20 for i in range(21)]
    return a < b and all(poly_at(f, x) >= 0 for x in grid) and _simpson(f, a, b) == Fraction(key) > 0


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


@generator("g11_exp_equation")
def g11_exp_equation(rng, options):
    """a^(m x + n) = a^k, the right side written as a number (maybe 1/a^j)."""
    while True:
        a = rng.choice([2, 3, 5, 7])
        k = rng.randint(-3, 5)
        if abs(a ** abs(k)) > 700:
            continue
        m = rng.choice([1, 2, 3, -1, 2])
        n = rng.randint(-4, 4)
        x = Fraction(k - n, m)
        if x != 0 and x.denominator in (1, 2):
            break
    rhs = Fraction(a) ** k
    exponent = poly_tex({1: m, 0: n})
    return {
        "values": {
            "a": a,
            "rhs": fraction_key(rhs),
            "exp": exponent,
            "k": k,
            "m": m,
            "n": n,
            "lin": f"{exponent} = {k}",
            "result": number_key(x),
        },
        "key": number_key(x),
    }


@verifier("g11_exp_equation")
def g11_exp_equation_verify(values, key):
    x = Fraction(key)
    e = values["m"] * x + values["n"]
    return e.denominator == 1 and Fraction(values["a"]) ** int(e) == Fraction(values["rhs"]) and x != 0


@generator("g11_exp_factor")
def g11_exp_factor(rng, options):
    """a^(x+p) + c a^x = d: take a^x out of the brackets."""
    while True:
        a = rng.choice([2, 3, 5])
        p = rng.randint(1, 3 if a == 2 else 2)
        c = rng.choice([-1, 1, 2, 3])
        factor = a**p + c
        x = rng.randint(1, 5)
        if factor <= 0 or a**x * factor > 2000:
            continue
        break
    d = a**x * factor
    c_tex = {1: "+", -1: "-"}.get(c, f"+ {c}")
    term = f"{c_tex} {a}^{{x}}" if abs(c) == 1 else f"{c_tex} \\cdot {a}^{{x}}"
    return {
        "values": {"a": a, "p": p, "c": c, "term": term, "d": d, "ap": a**p, "factor": factor, "ax": a**x, "result": x},
        "key": str(x),
    }


@verifier("g11_exp_factor")
def g11_exp_factor_verify(values, key):
    a, x = values["a"], int(key)
    return a ** (x + values["p"]) + values["c"] * a**x == values["d"] and x > 0


@generator("g11_log_equation")
def g11_log_equation(rng, options):
    """log_a (m x + n) = k."""
    while True:
        a = rng.choice([2, 3, 4, 5, 10])
        k = rng.randint(0, 3 if a < 5 else 2)
        m = rng.choice([1, 1, 2, 3, 5])
        n = rng.randint(-9, 9)
        t = a**k
        x = Fraction(t - n, m)
        if x != 0 and x.denominator in (1, 2) and t <= 200:
            break
    return {
        "values": {"a": a, "k": k, "inside": poly_tex({1: m, 0: n}), "t": t, "m": m, "n": n, "result": number_key(x)},
        "key": number_key(x),
    }


@verifier("g11_log_equation")
def g11_log_equation_verify(values, key):
    x = Fraction(key)
    inside = values["m"] * x + values["n"]
    return inside > 0 and inside == Fraction(values["a"]) ** values["k"]


def _interval(lo, hi, lo_closed=False, hi_closed=False) -> str:
    left = "[" if lo_closed else "("
    right = "]" if hi_closed else ")"
    lo_t = "-\\infty" if lo is None else fraction_tex(lo)
    hi_t = "+\\infty" if hi is None else fraction_tex(hi)
    return f"{left}{lo_t}; {hi_t}{right}"


@generator("g11_exp_log_inequality")
def g11_exp_log_inequality(rng, options):
    """a^x > a^k (or with base 1/a), log_a x < k (or base 1/a): the solution set among four."""
    kind = rng.choice(["exp", "exp", "log", "log"])
    a = rng.choice([2, 3, 5])
    flip = rng.random() < 0.45
    sign = rng.choice([">", "<"])
    base = Fraction(1, a) if flip else Fraction(a)
    grows = not flip
    if kind == "exp":
        k = rng.randint(-2, 3)
        rhs = base**k
        # base^x sign base^k
        bigger = (sign == ">") == grows  # x > k
        right = _interval(k, None) if bigger else _interval(None, k)
        traps = [
            _interval(None, k) if bigger else _interval(k, None),
            _interval(rhs, None) if bigger else _interval(None, rhs),
            _interval(-k, None) if bigger else _interval(None, -k),
            _interval(k + 1, None),
            _interval(None, k - 1),
        ]
        lhs = f"\\left({fraction_tex(base)}\\right)^{{x}}" if flip else f"{a}^{{x}}"
        statement = f"{lhs} {sign} {fraction_tex(rhs)}"
        step = f"x {'>' if bigger else '<'} {k}"
        rewrite = f"{lhs} {sign} {_paren(fraction_tex(base)) if flip else a}^{{{k}}}"
    else:
        k = rng.randint(1, 3)
        t = base**k
        bigger = (sign == ">") == grows  # x > t
        right = _interval(t, None) if bigger else _interval(0, t)
        traps = [
            _interval(0, t) if bigger else _interval(t, None),
            _interval(None, t) if not bigger else _interval(k, None),
            _interval(k, None) if not bigger else _interval(0, k),
            _interval(0, k),
            _interval(None, t),
        ]
        statement = f"\\log_{{{fraction_tex(base)}}} x {sign} {k}"
        step = f"x > {fraction_tex(t)}" if bigger else f"0 < x < {fraction_tex(t)}"
        rewrite = f"\\log_{{{fraction_tex(base)}}} x {sign} \\log_{{{fraction_tex(base)}}} {fraction_tex(t)}"
    seen, choices = {right}, [{"text": _by_language(right), "correct": True}]
    for trap in traps:
        if trap not in seen and len(choices) < 4:
            seen.add(trap)
            choices.append({"text": _by_language(trap), "correct": False})
    return {
        "values": {
            "statement": statement,
            "step": step,
            "rewrite": rewrite,
            "answer": {lang: text.strip("$") for lang, text in _by_language(right).items()},
            "kind": kind,
            "a": a,
            "flip": int(flip),
            "sign": sign,
            "k": k,
            "base": fraction_key(base),
        },
        "key": "",
        "choices": choices,
    }


@verifier("g11_exp_log_inequality")
def g11_exp_log_inequality_verify(values, key, choices=None):
    """The right choice is tested point by point: every sample of it solves the inequality, and
    every other choice has a sample that does not (or is not in the domain)."""
    if choices is None:
        return True
    base, k, sign, kind = Fraction(values["base"]), values["k"], values["sign"], values["kind"]

    def holds(x: Fraction) -> bool:
        if kind == "exp":
            # compare base^x with base^k through the exponent and the monotonicity
            left, right = x, Fraction(k)
            if base < 1:
                left, right = -left, -right
        else:
            if x <= 0:
                return False
            t = base**k
            left, right = x, t
            if base < 1:
                left, right = -left, -right
        return left > right if sign == ">" else left < right

    def samples(text: str):
        body = text.strip("$")
        lo_t, hi_t = re.split(r"[;,] ", body[1:-1])
        lo = None if "infty" in lo_t else _tex_number(lo_t)
        hi = None if "infty" in hi_t else _tex_number(hi_t)
        lo_s = lo if lo is not None else (hi - 50)
        hi_s = hi if hi is not None else (lo + 50)
        return [lo_s + (hi_s - lo_s) * i / 40 for i in range(1, 40)]

    def bounds(text: str):
        lo_t, hi_t = re.split(r"[;,] ", text.strip("$")[1:-1])
        return (None if "infty" in lo_t else _tex_number(lo_t)), (None if "infty" in hi_t else _tex_number(hi_t))

    right = [c for c in choices if c["correct"]]
    if len(right) != 1 or not all(holds(x) for x in samples(right[0]["text"])):
        return False
    # The right interval is the whole solution set: just outside (and at) each finite end it fails.
    lo, hi = bounds(right[0]["text"])
    eps = Fraction(1, 1000)
    outside = [x for end, step in ((lo, -eps), (hi, eps)) if end is not None for x in (end, end + step)]
    wrong = {bounds(c["text"]) for c in choices if not c["correct"]}
    return not any(holds(x) for x in outside) and (lo, hi) not in wrong and len(wrong) == len(choices) - 1


def _by_language(interval: str) -> dict:
    """An interval as each language writes it: ``(2; +\\infty)``, in English ``(2, +\\infty)``."""
    return {
        lang: f"${interval.replace('; ', ', ') if lang == 'en' else interval}$" for lang in ("kk", "ru", "en", "uz")
    }


def _tex_number(text: str) -> Fraction:
    m = re.fullmatch(r"(-?)\\frac\{(\d+)\}\{(\d+)\}", text)
    if m:
        return Fraction(int(m.group(2)), int(m.group(3))) * (-1 if m.group(1) else 1)
    return Fraction(text)


# ---------------------------------------------------------------- the derivative on an interval


def _cubic(rng):
    """f = 2x^3 - 3(r1 + r2)x^2 + 6 r1 r2 x + d, f' = 6(x - r1)(x - r2), r1 < r2."""
    r1 = rng.randint(-3, 2)
    r2 = rng.randint(r1 + 1, 3)
    d = rng.randint(-5, 8)
    return r1, r2, {3: 2, 2: -3 * (r1 + r2), 1: 6 * r1 * r2, 0: d}


def _factor_tex(r: int) -> str:
    return "x" if r == 0 else (f"(x - {r})" if r > 0 else f"(x + {-r})")


@generator("g11_greatest_least")
def g11_greatest_least(rng, options):
    """The greatest or least value of a cubic on [m; n] (whole critical points)."""
    while True:
        r1, r2, f = _cubic(rng)
        m = rng.randint(-4, r2)
        n = rng.randint(max(m + 1, r1), 4)
        crit = [r for r in (r1, r2) if m < r < n]
        if not crit:
            continue
        want = rng.choice(["max", "min"])
        points = sorted({m, n, *crit})
        vals = {x: int(poly_at(f, x)) for x in points}
        best = max(vals.values()) if want == "max" else min(vals.values())
        if abs(best) <= 120 and len(set(vals.values())) == len(vals):
            break
    table = "; \\; ".join(f"f({x}) = {vals[x]}" for x in points)
    crit_tex = "; ".join(f"x = {r}" for r in crit)
    fp = poly_tex({2: 6, 1: -6 * (r1 + r2), 0: 6 * r1 * r2})
    what = {
        "max": {"kk": "ең үлкен", "ru": "наибольшее", "en": "greatest", "uz": "eng katta"},
        "min": {"kk": "ең кіші", "ru": "наименьшее", "en": "least", "uz": "eng kichik"},
    }[want]
    return {
        "values": {
            "f": poly_tex(f),
            "fp": fp,
            "factored": f"6{_factor_tex(r1)}{_factor_tex(r2)}",
            "m": m,
            "n": n,
            "crit": crit_tex,
            "table": table,
            "what": what,
            "want": want,
            "fc": _json(f),
            "result": best,
        },
        "key": str(best),
    }


@verifier("g11_greatest_least")
def g11_greatest_least_verify(values, key):
    f = _ints(values["fc"])
    m, n = values["m"], values["n"]
    grid = [Fraction(m) + Fraction(i, 12) for i in range(12 * (n - m) + 1)]  # includes every whole point
    vals = [poly_at(f, x) for x in grid]
    best = max(vals) if values["want"] == "max" else min(vals)
    return best == Fraction(key)


@generator("g11_extremum_point")
def g11_extremum_point(rng, options):
    """The point of maximum or of minimum of a cubic."""
    r1, r2, f = _cubic(rng)
    want = rng.choice(["max", "min"])
    what = {
        "max": {"kk": "максимум", "ru": "максимума", "en": "maximum", "uz": "maksimum"},
        "min": {"kk": "минимум", "ru": "минимума", "en": "minimum", "uz": "minimum"},
    }[want]
    x = r1 if want == "max" else r2
    return {
        "values": {
            "f": poly_tex(f),
            "fp": poly_tex({2: 6, 1: -6 * (r1 + r2), 0: 6 * r1 * r2}),
            "factored": f"6{_factor_tex(r1)}{_factor_tex(r2)}",
            "r1": r1,
            "r2": r2,
            "what": what,
            "want": want,
            "fc": _json(f),
            "result": x,
        },
        "key": str(x),
    }


@verifier("g11_extremum_point")
def g11_extremum_point_verify(values, key):
    f = _ints(values["fc"])
    x, h = Fraction(key), Fraction(1, 1000)
    here, left, right = poly_at(f, x), poly_at(f, x - h), poly_at(f, x + h)
    return (left < here > right) if values["want"] == "max" else (left > here < right)


@generator("g11_optimisation")
def g11_optimisation(rng, options):
    """``river``: L m of fence on three sides of a plot by a river, the largest area (L^2/8);
    ``product``: the sum of two positive numbers is S, the largest product (S^2/4)."""
    if options.get("kind", "river") == "river":
        L = rng.randrange(40, 401, 4)
        x = L // 4
        name = rng.choice(NAMES)
        return {
            "values": {"L": L, "x": x, "y": L - 2 * x, "name": name, "result": x * (L - 2 * x)},
            "key": str(x * (L - 2 * x)),
        }
    S = rng.randrange(10, 81, 2)
    return {"values": {"S": S, "x": S // 2, "result": S * S // 4}, "key": str(S * S // 4)}


@verifier("g11_optimisation")
def g11_optimisation_verify(values, key):
    if "L" in values:
        L = values["L"]
        # In quarter metres: the area x (L - 2x) at every x = i/4, times 16 to stay whole.
        best = max(i * (4 * L - 2 * i) for i in range(1, 2 * L))
    else:
        S = values["S"]
        best = max(i * (4 * S - i) for i in range(1, 4 * S))
    return Fraction(best, 16) == Fraction(key)


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

# ---------------------------------------------------------------- statistics and probability


def _data(rng, n, lo, hi):
    return [rng.randint(lo, hi) for _ in range(n)]


def _join(xs) -> str:
    return "; ".join(str(x) for x in xs)


@generator("g11_statistic")
def g11_statistic(rng, options):
    """``mean`` (whole or terminating), ``median``, ``mode`` (one mode) or ``range`` of a data set."""
    stat = options.get("stat", "mean")
    while True:
        n = rng.randint(5, 9)
        xs = _data(rng, n, options.get("low", 2), options.get("high", 30))
        ys = sorted(xs)
        if stat == "mean":
            value = Fraction(sum(xs), n)
            if value.denominator not in (1, 2, 4, 5):
                continue
        elif stat == "median":
            value = Fraction(ys[n // 2]) if n % 2 else Fraction(ys[n // 2 - 1] + ys[n // 2], 2)
        elif stat == "mode":
            counts = {x: xs.count(x) for x in xs}
            top = max(counts.values())
            modes = [x for x, c in counts.items() if c == top]
            if top < 2 or len(modes) != 1:
                continue
            value = Fraction(modes[0])
        else:
            value = Fraction(ys[-1] - ys[0])
        break
    # The middle of the ordered row: one number, or the mean of two (its value filled per language).
    middle = {
        lang: str(ys[n // 2])
        if n % 2
        else f"\\frac{{{ys[n // 2 - 1]} + {ys[n // 2]}}}{{2}} = {number_tex(number_key(value), lang)}"
        for lang in ("kk", "ru", "en", "uz")
    }
    return {
        "values": {
            "data": _join(xs),
            "sorted": _join(ys),
            "n": n,
            "sum": sum(xs),
            "result": number_key(value),
            "middle": middle,
            "xs": xs,
            "stat": stat,
        },
        "key": number_key(value),
    }


@verifier("g11_statistic")
def g11_statistic_verify(values, key):
    import statistics

    xs = [Fraction(x) for x in values["xs"]]
    stat = values["stat"]
    if _join(values["xs"]) != values["data"]:
        return False
    if stat == "mean":
        got = statistics.mean(xs)
    elif stat == "median":
        got = statistics.median(xs)
    elif stat == "mode":
        modes = statistics.multimode(xs)
        if len(modes) != 1:
            return False
        got = modes[0]
    else:
        got = max(xs) - min(xs)
    return Fraction(got) == Fraction(key)


@generator("g11_variance")
def g11_variance(rng, options):
    """The variance (the mean of the squared deviations) of 4-6 numbers with a whole mean."""
    while True:
        n = rng.randint(4, 6)
        xs = _data(rng, n, 1, 15)
        if sum(xs) % n or len(set(xs)) < 2:
            continue
        mean = sum(xs) // n
        dev = [x - mean for x in xs]
        var = Fraction(sum(d * d for d in dev), n)
        if var.denominator in (1, 2, 4, 5):
            break
    devs = "; ".join(str(d) for d in dev)
    squares = " + ".join(str(d * d) for d in dev)
    return {
        "values": {
            "data": _join(xs),
            "n": n,
            "mean": mean,
            "sum": sum(xs),
            "devs": devs,
            "squares": squares,
            "ss": sum(d * d for d in dev),
            "xs": xs,
            "result": number_key(var),
        },
        "key": number_key(var),
    }


@verifier("g11_variance")
def g11_variance_verify(values, key):
    xs = [Fraction(x) for x in values["xs"]]
    n = len(xs)
    # Another route: the mean of the squares minus the square of the mean.
    return sum(x * x for x in xs) / n - (sum(xs) / n) ** 2 == Fraction(key) > 0


@generator("g11_arrangements")
def g11_arrangements(rng, options):
    """``perm``: n! orders; ``arrange``: A(n, k) ordered choices."""
    if options.get("kind", "perm") == "perm":
        n = rng.randint(3, 7)
        return {
            "values": {
                "n": n,
                "who": rng.choice(NAMES),
                "product": " \\cdot ".join(str(i) for i in range(n, 0, -1)),
                "result": factorial(n),
            },
            "key": str(factorial(n)),
        }
    n = rng.randint(5, 12)
    k = rng.randint(2, 3)
    value = 1
    for i in range(k):
        value *= n - i
    return {
        "values": {"n": n, "k": k, "product": " \\cdot ".join(str(n - i) for i in range(k)), "result": value},
        "key": str(value),
    }


@verifier("g11_arrangements")
def g11_arrangements_verify(values, key):
    n, k = values["n"], values.get("k", values["n"])
    return (
        sum(1 for _ in itertools.permutations(range(n), k)) == int(key)
        if n <= 7
        else factorial(n) // factorial(n - k) == int(key)
    )


@generator("g11_combinations")
def g11_combinations(rng, options):
    """C(n, k): choosing k of n without order."""
    n = rng.randint(5, 12)
    k = rng.randint(2, min(4, n - 2))
    num = " \\cdot ".join(str(n - i) for i in range(k))
    den = " \\cdot ".join(str(i) for i in range(k, 0, -1))
    return {"values": {"n": n, "k": k, "num": num, "den": den, "result": comb(n, k)}, "key": str(comb(n, k))}


@verifier("g11_combinations")
def g11_combinations_verify(values, key):
    n, k = values["n"], values["k"]
    row = [1]
    for _ in range(n):  # Pascal's triangle
        row = [1] + [row[i] + row[i + 1] for i in range(len(row) - 1)] + [1]
    return row[k] == int(key) and 2 <= k <= n - 2


@generator("g11_probability_pair")
def g11_probability_pair(rng, options):
    """r red and b blue balls (or g girls and b boys); two at random: both of the first kind."""
    r = rng.randint(2, 8)
    b = rng.randint(2, 8)
    n = r + b
    value = Fraction(comb(r, 2), comb(n, 2))
    return {
        "values": {"r": r, "b": b, "n": n, "cr": comb(r, 2), "cn": comb(n, 2), "result": fraction_key(value)},
        "key": fraction_key(value),
    }


@verifier("g11_probability_pair")
def g11_probability_pair_verify(values, key):
    balls = ["r"] * values["r"] + ["b"] * values["b"]
    pairs = list(itertools.combinations(range(len(balls)), 2))
    good = sum(1 for i, j in pairs if balls[i] == balls[j] == "r")
    return Fraction(good, len(pairs)) == Fraction(key) and values["n"] == len(balls)


@generator("g11_binomial")
def g11_binomial(rng, options):
    """Exactly k successes in n independent trials with probability p (Bernoulli's formula)."""
    p = rng.choice(
        [Fraction(1, 2), Fraction(1, 3), Fraction(2, 3), Fraction(1, 4), Fraction(3, 4), Fraction(1, 5), Fraction(4, 5)]
    )
    n = rng.randint(3, 5)
    k = rng.randint(1, n - 1)
    q = 1 - p
    value = comb(n, k) * p**k * q ** (n - k)
    return {
        "values": {
            "p": fraction_key(p),
            "q": fraction_key(q),
            "n": n,
            "k": k,
            "nk": n - k,
            "c": comb(n, k),
            "result": fraction_key(value),
        },
        "key": fraction_key(value),
    }


@verifier("g11_binomial")
def g11_binomial_verify(values, key):
    p, n, k = Fraction(values["p"]), values["n"], values["k"]
    total = Fraction(0)
    for outcome in itertools.product([True, False], repeat=n):
        if sum(outcome) == k:
            prob = Fraction(1)
            for hit in outcome:
                prob *= p if hit else 1 - p
            total += prob
    return total == Fraction(key)


# ---------------------------------------------------------------- solids of revolution


def pi_key(c: Fraction) -> str:
    c = Fraction(c)
    if c == 1:
        return "pi"
    return f"{c.numerator}*pi" if c.denominator == 1 else f"{c.numerator}/{c.denominator}*pi"


def pi_tex(c: Fraction) -> str:
    c = Fraction(c)
    return "\\pi" if c == 1 else f"{fraction_tex(c)}\\pi"


def _pi_value(key: str) -> Fraction:
    """``45*pi`` -> 45, ``32/3*pi`` -> 32/3, ``pi`` -> 1."""
    m = re.fullmatch(r"(?:(\d+)(?:/(\d+))?\*)?pi", key.strip())
    if not m:
        raise ValueError(f"not a multiple of pi: {key!r}")
    return Fraction(int(m.group(1) or 1), int(m.group(2) or 1))


@generator("g11_cylinder")
def g11_cylinder(rng, options):
    """``volume`` pi r^2 h, ``lateral`` 2 pi r h, ``total`` 2 pi r (r + h); r, h whole."""
    kind = options.get("kind", "volume")
    r = rng.randint(1, 9)
    h = rng.randint(2, 12)
    value = {"volume": r * r * h, "lateral": 2 * r * h, "total": 2 * r * (r + h)}[kind]
    if options.get("diameter"):
        return {"values": {"d": 2 * r, "r": r, "h": h, "result": pi_tex(value), "kind": kind}, "key": pi_key(value)}
    return {
        "values": {"r": r, "h": h, "result": pi_tex(value), "kind": kind, "rr": r * r, "rh": r + h},
        "key": pi_key(value),
    }


@verifier("g11_cylinder")
def g11_cylinder_verify(values, key):
    r, h = Fraction(values["r"]), Fraction(values["h"])
    if "d" in values and values["d"] != 2 * r:
        return False
    # Another route: the base area times the height, the unrolled rectangle, two discs added.
    base, side = r * r, 2 * r * h
    want = {"volume": base * h, "lateral": side, "total": side + 2 * base}[values["kind"]]
    return _pi_value(key) == want


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


@generator("g11_cone")
def g11_cone(rng, options):
    """``volume`` pi r^2 h / 3; ``lateral`` pi r l, ``total`` pi r (r + l), l from a Pythagorean triple."""
    kind = options.get("kind", "volume")
    r, h, l = rng.choice(TRIPLES)
    if kind == "volume":
        if options.get("given_slant"):
            value = Fraction(r * r * h, 3)
            return {
                "values": {"r": r, "h": h, "l": l, "rr": r * r, "ll": l * l, "kind": kind, "result": pi_tex(value)},
                "key": pi_key(value),
            }
        while True:
            r = rng.randint(1, 9)
            h = rng.randint(2, 15)
            if r * r * h % 3 == 0:
                break
        value = Fraction(r * r * h, 3)
        return {"values": {"r": r, "h": h, "rr": r * r, "kind": kind, "result": pi_tex(value)}, "key": pi_key(value)}
    value = r * l if kind == "lateral" else r * (r + l)
    return {
        "values": {
            "r": r,
            "h": h,
            "l": l,
            "rr": r * r,
            "hh": h * h,
            "ll": l * l,
            "rl": r + l,
            "kind": kind,
            "result": pi_tex(value),
        },
        "key": pi_key(value),
    }


@verifier("g11_cone")
def g11_cone_verify(values, key):
    r, h = values["r"], values["h"]
    l2 = r * r + h * h
    l = isqrt(l2)
    if "l" in values and (l * l != l2 or l != values["l"]):
        return False
    kind = values["kind"]
    # Another route: a third of the cylinder; the unrolled sector (arc 2 pi r of radius l) has area l * arc / 2.
    want = {
        "volume": Fraction(r * r * h) / 3,
        "lateral": Fraction(l * 2 * r, 2),
        "total": Fraction(l * 2 * r, 2) + r * r,
    }[kind]
    return _pi_value(key) == want


@generator("g11_sphere")
def g11_sphere(rng, options):
    """``volume`` 4 pi R^3 / 3 or ``surface`` 4 pi R^2; the diameter may be given."""
    kind = options.get("kind", "volume")
    R = rng.randint(1, 10) if kind == "surface" else rng.choice([1, 2, 3, 3, 4, 5, 6, 6, 9])
    value = Fraction(4 * R**3, 3) if kind == "volume" else Fraction(4 * R * R)
    given = "d" if rng.random() < 0.3 else "R"
    return {
        "values": {
            "R": R,
            "d": 2 * R,
            "given": given,
            "RR": R * R,
            "RRR": R**3,
            "kind": kind,
            "result": pi_tex(value),
            "gv": 2 * R if given == "d" else R,
            "gname": {"kk": "диаметрі", "ru": "Диаметр", "en": "diameter", "uz": "diametri"}
            if given == "d"
            else {"kk": "радиусы", "ru": "Радиус", "en": "radius", "uz": "radiusi"},
        },
        "key": pi_key(value),
    }


@verifier("g11_sphere")
def g11_sphere_verify(values, key):
    R = Fraction(values["gv"]) / (2 if values["given"] == "d" else 1)
    # Another route: the volume is the surface times R / 3.
    surface = 4 * R * R
    want = surface if values["kind"] == "surface" else surface * R / 3
    return values["R"] == R and _pi_value(key) == want


# ---------------------------------------------------------------- prisms and pyramids


@generator("g11_prism_volume")
def g11_prism_volume(rng, options):
    """A right prism: the base a right triangle (legs a, b) or a rectangle; V = S h."""
    base = options.get("base", "triangle")
    a, b, h = rng.randint(2, 12), rng.randint(2, 12), rng.randint(2, 15)
    if base == "triangle":
        while a * b % 2:
            b = rng.randint(2, 12)
        s = a * b // 2
    else:
        s = a * b
    return {"values": {"a": a, "b": b, "h": h, "s": s, "base": base, "result": s * h}, "key": str(s * h)}


@verifier("g11_prism_volume")
def g11_prism_volume_verify(values, key):
    a, b, h = values["a"], values["b"], values["h"]
    cuboid = a * b * h
    return Fraction(key) == (Fraction(cuboid, 2) if values["base"] == "triangle" else cuboid)


@generator("g11_pyramid_volume")
def g11_pyramid_volume(rng, options):
    """A regular quadrilateral pyramid: side a and height h, or side a and the apothem m (h by Pythagoras)."""
    if options.get("given") == "apothem":
        half, h, m = rng.choice(TRIPLES)
        a = 2 * half
        value = Fraction(a * a * h, 3)
        return {
            "values": {
                "a": a,
                "half": half,
                "h": h,
                "m": m,
                "mm": m * m,
                "hh2": half * half,
                "s": a * a,
                "result": number_key(value),
            },
            "key": number_key(value),
        }
    while True:
        a, h = rng.randint(2, 12), rng.randint(2, 15)
        if a * a * h % 3 == 0:
            break
    return {"values": {"a": a, "h": h, "s": a * a, "result": a * a * h // 3}, "key": str(a * a * h // 3)}


@verifier("g11_pyramid_volume")
def g11_pyramid_volume_verify(values, key):
    a, h = values["a"], values["h"]
    if "m" in values and (a // 2) ** 2 + h * h != values["m"] ** 2:
        return False
    # Another route: three such pyramids make the prism with the same base and height.
    prism = Fraction(a * a * h)
    return Fraction(key) * 3 == prism


# ---------------------------------------------------------------- coordinates and vectors in space

QUADRUPLES = [
    (1, 2, 2, 3),
    (2, 3, 6, 7),
    (1, 4, 8, 9),
    (4, 4, 7, 9),
    (2, 6, 9, 11),
    (6, 6, 7, 11),
    (3, 4, 12, 13),
    (2, 10, 11, 15),
    (2, 5, 14, 15),
    (0, 3, 4, 5),
    (0, 6, 8, 10),
    (0, 5, 12, 13),
]


def _point_text(p) -> dict:
    inner = "; ".join(fraction_tex(c) for c in p)
    return {
        "kk": f"$({inner})$",
        "ru": f"$({inner})$",
        "en": f"$({', '.join(fraction_tex(c) for c in p)})$",
        "uz": f"$({inner})$",
    }


@generator("g11_space_distance")
def g11_space_distance(rng, options):
    """|AB| for A, B with whole coordinates and a whole distance."""
    *d, dist = rng.choice(QUADRUPLES)
    rng.shuffle(d)
    d = [x * rng.choice([1, -1]) for x in d]
    A = [rng.randint(-5, 5) for _ in range(3)]
    B = [a + x for a, x in zip(A, d, strict=True)]
    names = ["x", "y", "z"]
    squares = " + ".join(f"{x}^{{2}}" if x >= 0 else f"({x})^{{2}}" for x in d)
    values = {"dist": dist, "squares": squares, "sum": dist * dist, "A": A, "B": B}
    for n, a, b in zip(names, A, B, strict=True):
        values[f"a{n}"], values[f"b{n}"] = a, b
    values["result"] = dist
    return {"values": values, "key": str(dist)}


@verifier("g11_space_distance")
def g11_space_distance_verify(values, key):
    A, B = values["A"], values["B"]
    return sum((a - b) ** 2 for a, b in zip(A, B, strict=True)) == int(key) ** 2 and int(key) > 0


@generator("g11_space_midpoint")
def g11_space_midpoint(rng, options):
    """The midpoint of AB among four points (traps: half the difference, the sum, a sign lost)."""
    while True:
        A = [rng.randint(-8, 8) for _ in range(3)]
        B = [a + 2 * rng.randint(-5, 5) for a in A]
        if A != B and all(a != b for a, b in zip(A, B, strict=True)):
            break
    M = [(a + b) // 2 for a, b in zip(A, B, strict=True)]
    traps = [
        [(b - a) // 2 for a, b in zip(A, B, strict=True)],
        [a + b for a, b in zip(A, B, strict=True)],
        [M[0], M[1], -M[2]] if M[2] else [M[0], -M[1], M[2] + 1],
        [-M[0], M[1], M[2]] if M[0] else [M[0] + 1, M[1], M[2]],
        [M[0] + 1, M[1], M[2] - 1],
    ]
    seen, choices = {tuple(M)}, [{"text": _point_text(M), "correct": True}]
    for t in traps:
        if tuple(t) not in seen and len(choices) < 4:
            seen.add(tuple(t))
            choices.append({"text": _point_text(t), "correct": False})
    values = {"A": A, "B": B, "M": M}
    for n, a, b, m in zip("xyz", A, B, M, strict=True):
        values[f"a{n}"], values[f"b{n}"], values[f"m{n}"] = a, b, m
        values[f"s{n}"] = f"{a} {'+' if b >= 0 else '-'} {abs(b)}"
    return {"values": values, "key": "", "choices": choices}


@verifier("g11_space_midpoint")
def g11_space_midpoint_verify(values, key, choices=None):
    if choices is None:
        return True
    A, B = values["A"], values["B"]
    right = [c for c in choices if c["correct"]]
    if len(right) != 1:
        return False
    point = [Fraction(x) for x in right[0]["text"].strip("$").strip("()").split(", ")]
    # Another route: A + (B - A) / 2.
    return point == [a + Fraction(b - a, 2) for a, b in zip(A, B, strict=True)]


@generator("g11_dot_product")
def g11_dot_product(rng, options):
    """a . b = x1 x2 + y1 y2 + z1 z2."""
    while True:
        a = [rng.randint(-5, 6) for _ in range(3)]
        b = [rng.randint(-5, 6) for _ in range(3)]
        if a.count(0) <= 1 and b.count(0) <= 1:
            break
    terms = " + ".join(f"{_paren(str(x))} \\cdot {_paren(str(y))}" for x, y in zip(a, b, strict=True))
    value = sum(x * y for x, y in zip(a, b, strict=True))
    values = {"terms": terms, "result": value, "a": a, "b": b}
    for i, n in enumerate("xyz"):
        values[f"a{n}"], values[f"b{n}"] = a[i], b[i]
    return {"values": values, "key": str(value)}


@verifier("g11_dot_product")
def g11_dot_product_verify(values, key):
    a, b = values["a"], values["b"]
    # Another route: the polarisation identity 4 a.b = |a + b|^2 - |a - b|^2.
    plus = sum((x + y) ** 2 for x, y in zip(a, b, strict=True))
    minus = sum((x - y) ** 2 for x, y in zip(a, b, strict=True))
    return plus - minus == 4 * int(key)


@generator("g11_perpendicular")
def g11_perpendicular(rng, options):
    """a(m; p; q) and b(u; v; w) perpendicular: u m + p v + q w = 0."""
    while True:
        u = _nonzero(rng, -4, 5)
        p, q, v, w = (_nonzero(rng, -5, 5) for _ in range(4))
        rest = p * v + q * w
        m = Fraction(-rest, u)
        if m.denominator == 1 and m != 0 and rest != 0 and abs(m) <= 12:
            break
    return {
        "values": {
            "u": u,
            "p": p,
            "q": q,
            "v": v,
            "w": w,
            "rest": rest,
            "result": int(m),
            "um": poly_tex({1: u}).replace("x", "m"),
            "eq": f"{poly_tex({1: u}).replace('x', 'm')} {'+' if rest > 0 else '-'} {abs(rest)} = 0",
        },
        "key": str(int(m)),
    }


@verifier("g11_perpendicular")
def g11_perpendicular_verify(values, key):
    m = int(key)
    a = [m, values["p"], values["q"]]
    b = [values["u"], values["v"], values["w"]]
    return sum(x * y for x, y in zip(a, b, strict=True)) == 0 and m != 0
