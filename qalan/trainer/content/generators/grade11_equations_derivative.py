"""Grade 11 generators and their verifiers for the topics: exp log equations, derivative applications.

Split from ``grade11`` by chapter (the data files in content/data/grade-11); the helpers they
share stay there."""

import re
from fractions import Fraction

from qalan.trainer.content.generators._util import fraction_key, number_key

# ---------------------------------------------------------------- polynomials as TeX and as keys
from qalan.trainer.content.generators.grade11 import NAMES, _ints, _json, _paren, fraction_tex, poly_at, poly_tex
from qalan.trainer.content.registry import generator, verifier


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
