"""Grade 11 generators and their verifiers for the topics: integral, probability statistics.

Split from ``grade11`` by chapter (the data files in content/data/grade-11); the helpers they
share stay there."""

import itertools
import re
from fractions import Fraction
from math import comb, factorial

from qalan.trainer.content.generators._util import fraction_key, number_key

# ---------------------------------------------------------------- polynomials as TeX and as keys
from qalan.trainer.content.generators.grade11 import NAMES, _ints, _json, _nonzero, _paren, poly_at, poly_tex
from qalan.trainer.content.locale import number_tex
from qalan.trainer.content.registry import generator, verifier


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
