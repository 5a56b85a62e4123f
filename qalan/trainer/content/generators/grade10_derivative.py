"""Grade 10 generators and their verifiers for the topics: derivative.

Split from ``grade10`` by chapter (the data files in content/data/grade-10); the helpers they
share stay there."""

from fractions import Fraction

from qalan.trainer.content.generators.grade09 import (
    interval_text,
    parse_poly,
    poly_at,
    poly_key,
    poly_tex,
)
from qalan.trainer.content.generators.grade10 import _choice_list, _right_is
from qalan.trainer.content.registry import generator, verifier

# ---------------------------------------------------------------- the derivative


def deriv_at(coeffs, t) -> Fraction:
    """f'(t) by synthetic division (another route than the power rule): f(x) = (x - t)q(x) + f(t), f'(t) = q(t)."""
    t = Fraction(t)
    q, acc = [], Fraction(0)
    for c in coeffs[:-1]:
        acc = acc * t + Fraction(c)
        q.append(acc)
    value = Fraction(0)
    for c in q:
        value = value * t + c
    return value


def value_at(coeffs, t) -> Fraction:
    value = Fraction(0)
    for c in coeffs:
        value = value * Fraction(t) + Fraction(c)
    return value


def _deriv(coeffs):
    n = len(coeffs) - 1
    return [c * (n - i) for i, c in enumerate(coeffs[:-1])]


@generator("g10_derivative_poly")
def g10_derivative_poly(rng, options):
    while True:
        degree = rng.randint(2, 4)
        coeffs = [rng.choice([x for x in range(-6, 7) if x != 0])] + [rng.randint(-9, 9) for _ in range(degree)]
        if sum(1 for c in coeffs[:-1] if c) >= 2:
            break
    d = _deriv(coeffs)
    return {"values": {"f": poly_tex(coeffs), "c": coeffs, "result": poly_tex(d)}, "key": poly_key(d)}


@verifier("g10_derivative_poly")
def g10_derivative_poly_verify(values, key):
    typed = parse_poly(key)
    points = range(-3, 4)  # more points than the degree: the polynomials agree everywhere
    return poly_tex(values["c"]) == values["f"] and all(poly_at(typed, t) == deriv_at(values["c"], t) for t in points)


@generator("g10_derivative_product")
def g10_derivative_product(rng, options):
    """(ax + b)(cx^2 + d): the product rule; the key expanded (any equivalent form is accepted)."""
    a = rng.choice([1, 2, 3, -1, -2])
    b = rng.choice([x for x in range(-7, 8) if x != 0])
    c = rng.choice([1, 2, -1])
    d = rng.choice([x for x in range(-9, 10) if x != 0])
    u, v = [a, b], [c, 0, d]
    du, dv = [a], [2 * c, 0]
    product = [a * c, b * c, a * d, b * d]
    deriv = _deriv(product)
    return {
        "values": {
            "u": poly_tex(u),
            "v": poly_tex(v),
            "du": poly_tex(du),
            "dv": poly_tex(dv),
            "abcd": [a, b, c, d],
            "expanded": poly_tex(product),
            "result": poly_tex(deriv),
        },
        "key": poly_key(deriv),
    }


@verifier("g10_derivative_product")
def g10_derivative_product_verify(values, key):
    # Product rule u'v + uv' against the key, as polynomials.
    a, b, c, d = values["abcd"]
    typed = parse_poly(key)
    # u'v + uv' with u = ax + b, v = cx^2 + d, at more points than the degree.
    return all(poly_at(typed, t) == a * (c * t * t + d) + (a * t + b) * 2 * c * t for t in range(-3, 4))


@generator("g10_derivative_value")
def g10_derivative_value(rng, options):
    coeffs = [rng.choice([1, 2, -1, 3]), rng.randint(-6, 6), rng.randint(-9, 9), rng.randint(-9, 9)]
    x0 = rng.choice([x for x in range(-3, 4) if x != 0])
    d = _deriv(coeffs)
    value = sum(c * x0 ** (len(d) - 1 - i) for i, c in enumerate(d))
    return {
        "values": {"f": poly_tex(coeffs), "x0": x0, "df": poly_tex(d), "c": coeffs, "result": value},
        "key": str(value),
    }


@verifier("g10_derivative_value")
def g10_derivative_value_verify(values, key):
    return deriv_at(values["c"], values["x0"]) == int(key)


@generator("g10_tangent_line")
def g10_tangent_line(rng, options):
    a = rng.choice([1, -1, 2])
    b, c = rng.randint(-6, 6), rng.randint(-8, 8)
    x0 = rng.choice([x for x in range(-3, 4) if x != 0])
    f0 = a * x0 * x0 + b * x0 + c
    k = 2 * a * x0 + b
    m = f0 - k * x0
    return {
        "values": {
            "f": poly_tex([a, b, c]),
            "df": poly_tex([2 * a, b]),
            "x0": x0,
            "f0": f0,
            "k": k,
            "c": [a, b, c],
            "line": "y=" + poly_tex([k, m]),
        },
        "key": poly_key([k, m]),
    }


@verifier("g10_tangent_line")
def g10_tangent_line_verify(values, key):
    # The tangent meets the parabola in one double point x0: f(x) - line = a(x - x0)^2.
    a, x0 = values["c"][0], values["x0"]
    line = parse_poly(key)
    return max(line) <= 1 and all(
        value_at(values["c"], t) - poly_at(line, t) == a * (t - x0) ** 2 for t in range(-2, 3)
    )


def _cubic(rng):
    """f = x^3 + px^2 + qx + r with f' = 3(x - r1)(x - r2), r1 < r2 whole, r1 + r2 even."""
    while True:
        r1, r2 = sorted(rng.sample(range(-5, 6), 2))
        if (r1 + r2) % 2 == 0:
            break
    p = Fraction(-3 * (r1 + r2), 2)
    q = 3 * r1 * r2
    r = rng.randint(-9, 9)
    return r1, r2, [1, p, q, r]


@generator("g10_cubic_extremum")
def g10_cubic_extremum(rng, options):
    r1, r2, coeffs = _cubic(rng)
    asks_min = rng.random() < 0.5
    return {
        "values": {
            "f": poly_tex(coeffs),
            "df": poly_tex(_deriv(coeffs)),
            "r1": r1,
            "r2": r2,
            "c": [str(x) for x in coeffs],
            "what": {"kk": "минимум", "ru": "минимума", "en": "minimum", "uz": "minimum"}
            if asks_min
            else {"kk": "максимум", "ru": "максимума", "en": "maximum", "uz": "maksimum"},
            "min": 1 if asks_min else 0,
            "result": r2 if asks_min else r1,
        },
        "key": str(r2 if asks_min else r1),
    }


@verifier("g10_cubic_extremum")
def g10_cubic_extremum_verify(values, key):
    c = [Fraction(x) for x in values["c"]]
    x0 = int(key)
    left, right = deriv_at(c, x0 - Fraction(1, 2)), deriv_at(c, x0 + Fraction(1, 2))
    # f' = 0 at x0 and changes sign: - to + is a minimum, + to - a maximum.
    return deriv_at(c, x0) == 0 and left * right < 0 and (left < 0) == bool(values["min"])


@generator("g10_cubic_decrease")
def g10_cubic_decrease(rng, options):
    r1, r2, coeffs = _cubic(rng)
    right = interval_text([("[", r1, r2, "]")])
    wrong = [
        interval_text([("(", None, r1, "]"), ("[", r2, None, ")")]),
        interval_text([("[", -r2, -r1, "]")]),
        interval_text([("[", r1, None, ")")]),
        interval_text([("(", None, r2, "]")]),
    ]
    values = {
        "f": poly_tex(coeffs),
        "df": poly_tex(_deriv(coeffs)),
        "r1": r1,
        "r2": r2,
        "c": [str(x) for x in coeffs],
        "answer": right,
    }
    return {"values": values, "key": "", "choices": _choice_list(rng, right, wrong)}


@verifier("g10_cubic_decrease")
def g10_cubic_decrease_verify(values, key, choices=None):
    c = [Fraction(x) for x in values["c"]]
    r1, r2 = values["r1"], values["r2"]
    ok = (
        r1 < r2
        and deriv_at(c, r1) == 0 == deriv_at(c, r2)
        and deriv_at(c, Fraction(r1 + r2, 2)) < 0
        and deriv_at(c, r2 + 1) > 0
    )
    return (
        ok
        and interval_text([("[", values["r1"], values["r2"], "]")]) == values["answer"]
        and _right_is(choices, values["answer"]["en"])
    )


@generator("g10_velocity")
def g10_velocity(rng, options):
    a = rng.choice([1, 2, 3, 4, 5])
    b = rng.randint(1, 12)
    c = rng.randint(0, 20)
    t0 = rng.randint(1, 10)
    v = 2 * a * t0 + b
    return {
        "values": {
            "s": poly_tex([a, b, c], "t"),
            "ds": poly_tex([2 * a, b], "t"),
            "t0": t0,
            "c": [a, b, c],
            "result": v,
        },
        "key": str(v),
    }


@verifier("g10_velocity")
def g10_velocity_verify(values, key):
    a, b, c = values["c"]
    t = values["t0"]
    s = lambda x: a * x * x + b * x + c  # noqa: E731
    # The mean speed on [t - h, t + h] equals the instant speed for a quadratic law.
    return Fraction(s(t + 1) - s(t - 1), 2) == int(key)
