"""Grade 6 generators and their verifiers for the topics: ratios, expressions, equations.

Split from ``grade06`` by chapter (the data files in content/data/grade-06); the helpers they
share stay there."""

from decimal import Decimal
from fractions import Fraction
from math import gcd

from qalan.trainer.content.generators._util import fraction_key, number_key
from qalan.trainer.content.generators.grade06 import _linear_tex, _nonzero, _shown, _signed, _term
from qalan.trainer.content.registry import generator, verifier

# --- Ratios and proportions ----------------------------------------------------------------------


@generator("g06_ratio_simplify")
def g06_ratio_simplify(rng, options):
    """a : b = p : q as a fraction p/q in lowest terms (a = p·g, b = q·g, p != q)."""
    while True:
        p, q = rng.randint(1, 9), rng.randint(1, 9)
        g = rng.randint(2, options.get("max_factor", 12))
        if p != q and gcd(p, q) == 1:
            return {
                "values": {"a": p * g, "b": q * g, "g": g, "p": p, "q": q, "result": f"{p}/{q}"},
                "key": fraction_key(Fraction(p, q)),
            }


@verifier("g06_ratio_simplify")
def g06_ratio_simplify_verify(values, key):
    num, _, den = key.partition("/")
    den = den or "1"
    return int(num) * values["b"] == int(den) * values["a"] and gcd(int(num), int(den)) == 1


@generator("g06_ratio_split")
def g06_ratio_split(rng, options):
    """N students, boys : girls = p : q; how many girls."""
    while True:
        p, q = rng.randint(1, 7), rng.randint(1, 7)
        if p != q and gcd(p, q) == 1:
            break
    one = rng.randint(2, options.get("max_part", 8))
    n = (p + q) * one
    return {
        "values": {"p": p, "q": q, "n": n, "parts": p + q, "one": one, "result": q * one, "boys": p * one},
        "key": str(q * one),
    }


@verifier("g06_ratio_split")
def g06_ratio_split_verify(values, key):
    girls = int(key)
    boys = values["n"] - girls
    return girls > 0 and boys > 0 and boys * values["q"] == girls * values["p"]


@generator("g06_proportion")
def g06_proportion(rng, options):
    """p1 : p2 = p3 : p4 with one term unknown; built as k·m : k·n = l·m : l·n."""
    while True:
        m, n = rng.randint(1, 9), rng.randint(1, 9)
        k, l = rng.randint(1, 8), rng.randint(1, 8)
        if m != n and k != l:
            break
    terms = [k * m, k * n, l * m, l * n]
    hide = rng.randrange(4)
    x = terms[hide]
    shown = [str(t) if i != hide else "x" for i, t in enumerate(terms)]
    eq = f"{shown[0]} : {shown[1]} = {shown[2]} : {shown[3]}"
    outer, inner = (shown[0], shown[3]), (shown[1], shown[2])
    cross = f"{outer[0]} \\cdot {outer[1]} = {inner[0]} \\cdot {inner[1]}"
    known_pair, x_pair = (inner, outer) if hide in (0, 3) else (outer, inner)
    other = int(x_pair[1] if x_pair[0] == "x" else x_pair[0])
    product = int(known_pair[0]) * int(known_pair[1])
    values = {"eq": eq, "cross": cross, "product": product, "other": other, "result": x}
    return {"values": values, "key": str(x)}


@verifier("g06_proportion")
def g06_proportion_verify(values, key):
    # Substitute and compare the two ratios.
    left, right = values["eq"].replace("x", key).split("=")
    a, b = (Fraction(t) for t in left.split(":"))
    c, d = (Fraction(t) for t in right.split(":"))
    return a / b == c / d and Fraction(values["product"], values["other"]) == Fraction(key)


@generator("g06_direct")
def g06_direct(rng, options):
    """k kg of apples cost P tenge; m kg cost? (the price of 1 kg is whole)."""
    k = rng.randint(2, 6)
    while True:
        m = rng.randint(2, 12)
        if m != k:
            break
    price = rng.randrange(300, options.get("max_price", 1200) + 1, 50)
    return {"values": {"k": k, "m": m, "cost": k * price, "one": price, "result": m * price}, "key": str(m * price)}


@verifier("g06_direct")
def g06_direct_verify(values, key):
    # Direct proportion: cost / mass is the same.
    return Fraction(int(key), values["m"]) == Fraction(values["cost"], values["k"])


@generator("g06_inverse")
def g06_inverse(rng, options):
    """n workers need d days; m workers need n·d/m days (whole)."""
    while True:
        n, d, m = rng.randint(2, 12), rng.randint(2, 20), rng.randint(2, 12)
        if n != m and n * d % m == 0 and n * d // m != d:
            return {"values": {"n": n, "d": d, "m": m, "work": n * d, "result": n * d // m}, "key": str(n * d // m)}


@verifier("g06_inverse")
def g06_inverse_verify(values, key):
    # Inverse proportion: workers · days is the same.
    return values["m"] * int(key) == values["n"] * values["d"]


_SCALES = [10000, 20000, 25000, 50000, 100000, 200000, 250000, 500000, 1000000]


@generator("g06_scale_real")
def g06_scale_real(rng, options):
    """On a map of scale 1 : S, d cm are how many km on the ground."""
    s = rng.choice(_SCALES)
    d = Fraction(rng.randint(2, 40), rng.choice([1, 1, 2]))
    cm = d * s
    km = cm / 100000
    return {
        "values": {"s": s, "d": number_key(d), "cm": number_key(cm), "result": number_key(km)},
        "key": number_key(km),
    }


@verifier("g06_scale_real")
def g06_scale_real_verify(values, key):
    metres = Decimal(values["d"]) * values["s"] / 100
    return metres / 1000 == Decimal(key)


@generator("g06_scale_map")
def g06_scale_map(rng, options):
    """A real distance of K km on a map of scale 1 : S is how many cm."""
    s = rng.choice(_SCALES)
    while True:
        d = Fraction(rng.randint(1, 30), rng.choice([1, 2]))
        km = d * s / 100000
        if km.denominator in (1, 2, 5, 10) and km > 0:
            break
    return {
        "values": {"s": s, "km": number_key(km), "cm": number_key(km * 100000), "result": number_key(d)},
        "key": number_key(d),
    }


@verifier("g06_scale_map")
def g06_scale_map_verify(values, key):
    return Decimal(key) * values["s"] == Decimal(values["km"]) * 1000 * 100


@generator("g06_like_terms")
def g06_like_terms(rng, options):
    """k1·v + k2·v − k3·v (+ c1 − c2): collect like terms; the key an expression."""
    var = rng.choice(["a", "b", "x", "y", "m"])
    while True:
        ks = [rng.randint(1, 12), _nonzero(rng, -9, 9), _nonzero(rng, -9, 9)]
        total = sum(ks)
        if total:
            break
    with_numbers = options.get("numbers", False)
    cs = [_nonzero(rng, -15, 15), _nonzero(rng, -15, 15)] if with_numbers else []
    c = sum(cs)
    terms = [(k, var) for k in ks] + [(x, "") for x in cs]
    if with_numbers:
        order = [terms[0], terms[3], terms[1], terms[4], terms[2]]
    else:
        order = terms
    tex = " ".join(_term(k, v, i == 0) for i, (k, v) in enumerate(order))
    coef = " ".join(_term(k, "", i == 0) for i, k in enumerate(ks))
    key = f"{total}*{var}" + (f"{c:+d}" if c else "")
    return {
        "values": {
            "expr": tex,
            "coef": coef,
            "var": var,
            "total": total,
            "numbers": " ".join(_term(x, "", i == 0) for i, x in enumerate(cs)) or "0",
            "result_tex": _linear_tex(total, var, c),
        },
        "key": key,
    }


@verifier("g06_like_terms")
def g06_like_terms_verify(values, key):
    # Evaluate both at two points: the expression as written and the key.
    def value(text, at):
        text = text.replace(" ", "").replace("−", "-")
        total, _number, _i = Fraction(0), "", 0
        import re

        for sign, digits, letter in re.findall(r"([+-]?)(\d*)([a-z]?)", text):
            if not (digits or letter):
                continue
            n = int(digits) if digits else 1
            n = -n if sign == "-" else n
            total += n * (at if letter else 1)
        return total

    key_text = key.replace("*", "")
    return all(value(values["expr"], at) == value(key_text, at) for at in (2, 7)) and values["total"] != 0


@generator("g06_expand")
def g06_expand(rng, options):
    """k(ax + b) ± m(cx + d): open the brackets and collect like terms."""
    while True:
        k, m = rng.randint(2, 6), rng.randint(2, 6)
        a, c = rng.randint(1, 6), rng.randint(1, 6)
        b, d = _nonzero(rng, -9, 9), _nonzero(rng, -9, 9)
        sign = rng.choice([1, -1])
        x_coef = k * a + sign * m * c
        const = k * b + sign * m * d
        if x_coef:
            break
    inner1 = _linear_tex(a, "x", b)
    inner2 = _linear_tex(c, "x", d)
    expr = f"{k}({inner1}) {'+' if sign > 0 else '-'} {m}({inner2})"
    opened_terms = [(k * a, "x"), (k * b, ""), (sign * m * c, "x"), (sign * m * d, "")]
    opened = " ".join(_term(t, v, i == 0) for i, (t, v) in enumerate(opened_terms))
    key = f"{x_coef}*x" + (f"{const:+d}" if const else "")
    return {
        "values": {
            "expr": expr,
            "opened": opened,
            "k": k,
            "m": m,
            "a": a,
            "b": b,
            "c": c,
            "d": d,
            "sign": sign,
            "result_tex": _linear_tex(x_coef, "x", const),
        },
        "key": key,
    }


@verifier("g06_expand")
def g06_expand_verify(values, key):
    k, m, a, b, c, d, s = (values[n] for n in ("k", "m", "a", "b", "c", "d", "sign"))
    for x in (Fraction(3), Fraction(-5)):
        direct = k * (a * x + b) + s * m * (c * x + d)
        # Bandit B307: checks our generator's own output, never user input; no builtins.
        keyed = eval(key.replace("x", f"({x})"), {"__builtins__": {}}, {})  # nosec B307
        if direct != keyed:
            return False
    return True


@generator("g06_linear_equation")
def g06_linear_equation(rng, options):
    """a·x + b = c; the root may be negative or a terminating decimal (x = (c − b) / a)."""
    while True:
        a = rng.randint(2, options.get("max_a", 9))
        b = _nonzero(rng, -20, 20)
        c = rng.randint(-30, 30)
        x = Fraction(c - b, a)
        if x != 0 and number_key(x).count("/") == 0 and (options.get("whole") is not True or x.denominator == 1):
            break
    left = f"{a}x {'+' if b > 0 else '-'} {abs(b)}"
    return {
        "values": {
            "eq": f"{left} = {c}",
            "a": a,
            "b": b,
            "mb": abs(b),
            "moved": c - b,
            "move_op": "-" if b > 0 else "+",
            "c": c,
            "result": number_key(x),
        },
        "key": number_key(x),
    }


@verifier("g06_linear_equation")
def g06_linear_equation_verify(values, key):
    x = Fraction(key)
    return values["a"] * x + values["b"] == values["c"]


@generator("g06_equation_root")
def g06_equation_root(rng, options):
    """Which of four numbers is the root of a·x − b = c (a whole root); the traps are near misses."""
    while True:
        a, x = rng.randint(2, 6), _nonzero(rng, -9, 12)
        b = rng.randint(1, 15)
        c = a * x - b
        traps = {c + b, c - b, -x, x + 1, x - 1, c}
        traps.discard(x)
        traps = sorted(traps)
        if len(traps) >= 3:
            break
    picks = rng.sample(traps, 3)
    choices = [{"text": str(x), "correct": True}] + [{"text": str(t), "correct": False} for t in picks]
    return {
        "values": {"eq": f"{a}x - {b} = {c}", "a": a, "b": b, "c": c, "x_tex": _signed(x), "answer": x},
        "key": "",
        "choices": choices,
    }


@verifier("g06_equation_root")
def g06_equation_root_verify(values, key, choices=None):
    def ok(t):
        return values["a"] * t - values["b"] == values["c"]

    if choices is None:
        return ok(values["answer"])
    return sum(c["correct"] for c in choices) == 1 and all(ok(_shown(c["text"])) == c["correct"] for c in choices)


@generator("g06_equation_both_sides")
def g06_equation_both_sides(rng, options):
    """a·x + b = c·x + d with a != c and a whole root."""
    while True:
        a, c = rng.randint(2, 12), rng.randint(1, 11)
        x = _nonzero(rng, -10, 12)
        b = _nonzero(rng, -20, 20)
        d = (a - c) * x + b
        if a != c and d != 0 and abs(d) <= 60:
            break
    return {
        "values": {
            "eq": f"{_linear_tex(a, 'x', b)} = {_linear_tex(c, 'x', d)}",
            "a": a,
            "b": b,
            "c": c,
            "d": d,
            "ac": a - c,
            "ac_tex": _signed(a - c),
            "db": d - b,
            "collected": f"{a}x - {c}x = {d} - {_signed(b)}",
            "result": x,
        },
        "key": str(x),
    }


@verifier("g06_equation_both_sides")
def g06_equation_both_sides_verify(values, key):
    x = int(key)
    return values["a"] * x + values["b"] == values["c"] * x + values["d"] and values["a"] != values["c"]


_PICKERS = [
    # (first, its Russian past verb, second, its verb): girls and boys in both roles.
    (
        {"kk": "Арман", "ru": "Арман", "en": "Arman", "uz": "Arman"},
        "собрал",
        {"kk": "Әсел", "ru": "Асель", "en": "Assel", "uz": "Asel"},
        "собрала",
    ),
    (
        {"kk": "Зарина", "ru": "Зарина", "en": "Zarina", "uz": "Zarina"},
        "собрала",
        {"kk": "Руслан", "ru": "Руслан", "en": "Ruslan", "uz": "Ruslan"},
        "собрал",
    ),
    (
        {"kk": "Дильназ", "ru": "Дильназ", "en": "Dilnaz", "uz": "Dilnoz"},
        "собрала",
        {"kk": "Ілияс", "ru": "Ильяс", "en": "Ilyas", "uz": "Ilyos"},
        "собрал",
    ),
    (
        {"kk": "Камила", "ru": "Камила", "en": "Kamila", "uz": "Komila"},
        "собрала",
        {"kk": "Бекзат", "ru": "Бекзат", "en": "Bekzat", "uz": "Bekzod"},
        "собрал",
    ),
    (
        {"kk": "Олжас", "ru": "Олжас", "en": "Olzhas", "uz": "Oljas"},
        "собрал",
        {"kk": "Виктория", "ru": "Виктория", "en": "Victoria", "uz": "Viktoriya"},
        "собрала",
    ),
    (
        {"kk": "Гүлназ", "ru": "Гульназ", "en": "Gulnaz", "uz": "Gulnoz"},
        "собрала",
        {"kk": "Мәди", "ru": "Мади", "en": "Madi", "uz": "Madi"},
        "собрал",
    ),
]


@generator("g06_equation_word")
def g06_equation_word(rng, options):
    """Two children picked N apples together, the second k times as many as the first: x + kx = N."""
    first, verb1, second, verb2 = rng.choice(_PICKERS)
    k = rng.randint(2, 5)
    x = rng.randint(3, 25)
    return {
        "values": {
            "first": first,
            "second": second,
            "verb1": verb1,
            "verb2": verb2,
            "k": k,
            "k1": k + 1,
            "n": (k + 1) * x,
            "kx": k * x,
            "result": x,
        },
        "key": str(x),
    }


@verifier("g06_equation_word")
def g06_equation_word_verify(values, key):
    x = int(key)
    return x + values["k"] * x == values["n"] and x > 0
