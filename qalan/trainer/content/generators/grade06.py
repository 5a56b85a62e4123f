"""Grade 6: ratios and proportions, scale, percent problems, positive and negative numbers, letter
expressions and linear equations, the coordinate plane, circles, statistics and probability.

Keys are exact (``fractions.Fraction``); every verifier recomputes the key by another route.
"""

import math
from decimal import Decimal
from fractions import Fraction
from math import gcd

from qalan.trainer.content.generators._util import fraction_key, number_key, proper
from qalan.trainer.content.registry import generator, verifier

PI = Fraction("3.14")


def _shown(text) -> Fraction:
    """A number as the quality tests hand a choice back (English TeX): ``-7``, ``1{,}250``, ``-0.5``."""
    return Fraction(str(text).replace("{,}", "").replace("\\,", "").replace(" ", "").replace("\u2212", "-"))


def _signed(n) -> str:
    """A number in TeX in brackets when negative: ``(-3)``."""
    return f"({n})" if Fraction(n) < 0 else str(n)


def _nonzero(rng, low, high):
    while True:
        n = rng.randint(low, high)
        if n:
            return n


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


# --- Percents ------------------------------------------------------------------------------------


@generator("g06_percent_whole")
def g06_percent_whole(rng, options):
    """p % of a number is a; the number (whole)."""
    while True:
        p = rng.choice([5, 10, 15, 20, 25, 30, 40, 50, 60, 75, 80])
        n = rng.randrange(20, options.get("max", 600) + 1, 10)
        if p * n % 100 == 0:
            a = p * n // 100
            return {"values": {"p": p, "a": a, "one": number_key(Fraction(a, p)), "result": n}, "key": str(n)}


@verifier("g06_percent_whole")
def g06_percent_whole_verify(values, key):
    return Fraction(int(key) * values["p"], 100) == values["a"]


@generator("g06_percent_increase")
def g06_percent_increase(rng, options):
    """A price P goes up by p %: the new price."""
    while True:
        price = rng.randrange(500, options.get("max_price", 20000) + 1, 100)
        p = rng.choice([5, 10, 15, 20, 25, 30, 40, 50])
        if price * p % 100 == 0:
            rise = price * p // 100
            return {
                "values": {"price": price, "p": p, "rise": rise, "result": price + rise, "total_p": 100 + p},
                "key": str(price + rise),
            }


@verifier("g06_percent_increase")
def g06_percent_increase_verify(values, key):
    return Fraction(values["price"] * (100 + values["p"]), 100) == int(key)


# --- Positive and negative numbers -------------------------------------------------------------------


@generator("g06_modulus")
def g06_modulus(rng, options):
    """|a| + |b|, |a| − |b| or |a| · |b| with a negative number among them."""
    a, b = -rng.randint(1, 30), _nonzero(rng, -30, 30)
    if rng.random() < 0.5:
        a, b = b, a
    op = rng.choice(["+", "-", "*"])
    value = {"+": abs(a) + abs(b), "-": abs(a) - abs(b), "*": abs(a) * abs(b)}[op]
    shown = {"+": "+", "-": "-", "*": "\\cdot"}[op]
    values = {"a": a, "b": b, "ma": abs(a), "mb": abs(b), "op": shown, "result": value}
    return {"values": values, "key": str(value)}


@verifier("g06_modulus")
def g06_modulus_verify(values, key):
    ma = values["a"] if values["a"] >= 0 else -values["a"]
    mb = values["b"] if values["b"] >= 0 else -values["b"]
    op = values["op"]
    value = ma + mb if op == "+" else ma - mb if op == "-" else ma * mb
    return (values["a"] < 0 or values["b"] < 0) and value == int(key)


@generator("g06_integer_compare")
def g06_integer_compare(rng, options):
    """The smallest (or largest) of four numbers, two or more negative: −8 < −3."""
    which = options.get("which", "smallest")
    while True:
        picks = {-rng.randint(1, 20), -rng.randint(1, 20), rng.randint(-20, 20), Fraction(_nonzero(rng, -99, 99), 10)}
        if len(picks) == 4:
            break
    picks = sorted(picks)
    best = picks[0] if which == "smallest" else picks[-1]
    ordered = {f"o{i + 1}": number_key(p) for i, p in enumerate(picks)}
    choices = [{"text": number_key(p), "correct": p == best} for p in picks]
    rng.shuffle(choices)
    return {"values": {**ordered, "answer": number_key(best)}, "key": "", "choices": choices}


@verifier("g06_integer_compare")
def g06_integer_compare_verify(values, key, choices=None):
    if choices is None:
        return True
    numbers = [_shown(c["text"]) for c in choices]
    right = [_shown(c["text"]) for c in choices if c["correct"]]
    return len(right) == 1 and right[0] in (min(numbers), max(numbers)) and right[0] == Fraction(values["answer"])


@generator("g06_coordinate_line")
def g06_coordinate_line(rng, options):
    """A point on a coordinate line drawn from ``start`` to ``start + 10``; its coordinate."""
    start = rng.randint(-10, -2)
    while True:
        a = rng.randint(start, start + 10)
        if a:
            break
    return {
        "values": {
            "start": start,
            "end": start + 10,
            "a": a,
            "steps": abs(a),
            "side": "left" if a < 0 else "right",
            "result": a,
        },
        "key": str(a),
    }


@verifier("g06_coordinate_line")
def g06_coordinate_line_verify(values, key):
    return (
        values["start"] <= int(key) <= values["end"]
        and abs(int(key)) == values["steps"]
        and (int(key) < 0) == (values["side"] == "left")
    )


@generator("g06_distance_on_line")
def g06_distance_on_line(rng, options):
    """The distance between A(a) and B(b) on a coordinate line: |a − b|, one of them negative."""
    a, b = -rng.randint(1, 40), _nonzero(rng, -40, 40)
    if a == b:
        b = -b if b else 5
    if rng.random() < 0.5:
        a, b = b, a
    return {
        "values": {"a": a, "b": b, "diff": a - b, "b_tex": _signed(b), "result": abs(a - b)},
        "key": str(abs(a - b)),
    }


@verifier("g06_distance_on_line")
def g06_distance_on_line_verify(values, key):
    lo, hi = sorted([values["a"], values["b"]])
    return hi - lo == int(key) > 0


def _int_pair(rng, top):
    a, b = 0, 0
    while abs(a) < 2 or abs(b) < 2:
        a, b = _nonzero(rng, -top, top), _nonzero(rng, -top, top)
    if a > 0 and b > 0:
        a = -a
    return a, b


@generator("g06_integer_add")
def g06_integer_add(rng, options):
    a, b = _int_pair(rng, options.get("max", 50))
    same = (a < 0) == (b < 0)
    return {
        "values": {"a": a, "b_tex": _signed(b), "b": b, "ma": abs(a), "mb": abs(b), "same": same, "result": a + b},
        "key": str(a + b),
    }


@verifier("g06_integer_add")
def g06_integer_add_verify(values, key):
    a, b = values["a"], values["b"]
    # The school rule: same signs add the moduli, different signs subtract them.
    if (a < 0) == (b < 0):
        value = (abs(a) + abs(b)) * (1 if a > 0 else -1)
    else:
        bigger = a if abs(a) > abs(b) else b
        value = (max(abs(a), abs(b)) - min(abs(a), abs(b))) * (1 if bigger > 0 else -1)
    return value == int(key)


@generator("g06_integer_sub")
def g06_integer_sub(rng, options):
    a, b = _int_pair(rng, options.get("max", 50))
    if rng.random() < 0.5:
        a, b = b, a
    return {"values": {"a": a, "b": b, "b_tex": _signed(b), "neg_b": _signed(-b), "result": a - b}, "key": str(a - b)}


@verifier("g06_integer_sub")
def g06_integer_sub_verify(values, key):
    # Subtracting is adding the opposite: the sum with -b.
    return g06_integer_add_verify({"a": values["a"], "b": -values["b"]}, key)


@generator("g06_integer_mul_div")
def g06_integer_mul_div(rng, options):
    """a · b or a : b (exact) with signs; at least one negative."""
    a, b = _int_pair(rng, 12)
    if rng.random() < 0.5:
        return {
            "values": {
                "expr": f"{a} \\cdot {_signed(b)}",
                "ma": abs(a),
                "mb": abs(b),
                "op": "\\cdot",
                "negative": a * b < 0,
                "result": a * b,
            },
            "key": str(a * b),
        }
    product = a * b
    return {
        "values": {
            "expr": f"{product} : {_signed(b)}",
            "ma": abs(product),
            "mb": abs(b),
            "op": ":",
            "negative": a < 0,
            "result": a,
        },
        "key": str(a),
    }


@verifier("g06_integer_mul_div")
def g06_integer_mul_div_verify(values, key):
    left, _, right = values["expr"].partition("\\cdot" if values["op"] == "\\cdot" else ":")
    x, y = Fraction(left.strip()), Fraction(right.strip().strip("()"))
    value = x * y if values["op"] == "\\cdot" else x / y
    return value == Fraction(key) and (value < 0) == values["negative"]


@generator("g06_rational_decimal")
def g06_rational_decimal(rng, options):
    """x ± y or x · y with signed decimals (one decimal place)."""
    while True:
        x = Fraction(_nonzero(rng, -99, 99), 10)
        y = Fraction(_nonzero(rng, -99, 99), 10)
        if x.denominator == 1 or y.denominator == 1 or (x > 0 and y > 0):
            continue
        op = rng.choice(["+", "-", "*"])
        value = {"+": x + y, "-": x - y, "*": x * y}[op]
        if value != 0:
            break
    return {
        "values": {
            "x": number_key(x),
            "y": number_key(y),
            "lp": "(" if y < 0 else "",
            "rp": ")" if y < 0 else "",
            "op": {"+": "+", "-": "-", "*": "\\cdot"}[op],
            "result": number_key(value),
        },
        "key": number_key(value),
    }


@verifier("g06_rational_decimal")
def g06_rational_decimal_verify(values, key):
    x, y = Decimal(values["x"]), Decimal(values["y"])
    value = {"+": x + y, "-": x - y, "\\cdot": x * y}[values["op"]]
    return value == Decimal(key)


@generator("g06_rational_fraction")
def g06_rational_fraction(rng, options):
    """−a/b + c/d or a/b − c/d with a negative result possible; the key in lowest terms."""
    while True:
        a, b = proper(rng, 9)
        c, d = proper(rng, 9)
        if b == d:
            continue
        x = -Fraction(a, b) if rng.random() < 0.6 else Fraction(a, b)
        y = Fraction(c, d)
        op = rng.choice(["+", "-"])
        value = x + y if op == "+" else x - y
        if value != 0 and (x < 0 or value < 0):
            break
    x_tex = f"-\\frac{{{a}}}{{{b}}}" if x < 0 else f"\\frac{{{a}}}{{{b}}}"
    lcd = b * d // gcd(b, d)
    return {
        "values": {
            "expr": f"{x_tex} {op} \\frac{{{c}}}{{{d}}}",
            "lcd": lcd,
            "xn": x.numerator * lcd // x.denominator,
            "yn": c * lcd // d,
            "op": op,
            "result": fraction_key(value),
        },
        "key": fraction_key(value),
    }


@verifier("g06_rational_fraction")
def g06_rational_fraction_verify(values, key):
    sign = 1 if values["op"] == "+" else -1
    return Fraction(values["xn"] + sign * values["yn"], values["lcd"]) == Fraction(key)


# --- Letter expressions and equations ------------------------------------------------------------------


def _term(coef: int, var: str, first: bool) -> str:
    """``+ 3a``, ``- a``, ``5b`` in TeX."""
    sign = "-" if coef < 0 else ("" if first else "+")
    body = var if abs(coef) == 1 and var else f"{abs(coef)}{var}"
    return f"{sign} {body}".strip() if not first else f"{sign}{body}"


def _linear_tex(k: int, var: str, c: int) -> str:
    parts = []
    if k:
        parts.append(_term(k, var, True))
    if c:
        parts.append(_term(c, "", not parts))
    return " ".join(parts) if parts else "0"


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


# --- The coordinate plane --------------------------------------------------------------------------------

_QUARTERS = ["I", "II", "III", "IV"]


def _quarter(x, y) -> str:
    angle = math.degrees(math.atan2(y, x)) % 360
    return _QUARTERS[int(angle // 90)]


@generator("g06_quadrant")
def g06_quadrant(rng, options):
    x, y = _nonzero(rng, -12, 12), _nonzero(rng, -12, 12)
    right = "I" if x > 0 and y > 0 else "II" if x < 0 < y else "III" if x < 0 and y < 0 else "IV"
    choices = [{"text": q, "correct": q == right} for q in _QUARTERS]
    sx = {
        "kk": "оң" if x > 0 else "теріс",
        "ru": "положительна" if x > 0 else "отрицательна",
        "en": "positive" if x > 0 else "negative",
        "uz": "musbat" if x > 0 else "manfiy",
    }
    sy = {
        "kk": "оң" if y > 0 else "теріс",
        "ru": "положительна" if y > 0 else "отрицательна",
        "en": "positive" if y > 0 else "negative",
        "uz": "musbat" if y > 0 else "manfiy",
    }
    return {"values": {"x": x, "y": y, "sx": sx, "sy": sy, "answer": right}, "key": "", "choices": choices}


@verifier("g06_quadrant")
def g06_quadrant_verify(values, key, choices=None):
    right = _quarter(values["x"], values["y"])
    if choices is None:
        return right == values["answer"]
    return all((c["text"] == right) == c["correct"] for c in choices)


def _point_text(x, y) -> dict:
    """A point's coordinates as each language's textbook writes them: (2; −3), in English (2, −3)."""
    return {lang: f"$({x}{';' if lang != 'en' else ','}\\ {y})$" for lang in ("kk", "ru", "en", "uz")}


def _read_point(text) -> tuple[int, int]:
    if isinstance(text, dict):
        text = text["en"]
    inner = text.strip("$").strip("()").replace("\\ ", "").replace(";", ",")
    x, y = inner.split(",")
    return int(x), int(y)


@generator("g06_point_coordinates")
def g06_point_coordinates(rng, options):
    """Point A drawn on a grid; choose its coordinates (traps: swapped, sign changed)."""
    while True:
        x, y = _nonzero(rng, -5, 5), _nonzero(rng, -5, 5)
        if abs(x) != abs(y):
            break
    options_ = [(x, y), (y, x), (-x, y), (x, -y)]
    choices = [{"text": _point_text(*p), "correct": p == (x, y)} for p in options_]
    return {"values": {"x": x, "y": y, "point": _point_text(x, y)}, "key": "", "choices": choices}


@verifier("g06_point_coordinates")
def g06_point_coordinates_verify(values, key, choices=None):
    if choices is None:
        return True
    return all((_read_point(c["text"]) == (values["x"], values["y"])) == c["correct"] for c in choices)


_AXES = {
    "x": {"kk": "абсцисса осіне (Ox)", "ru": "оси абсцисс (Ox)", "en": "the x-axis", "uz": "abssissalar oʻqiga (Ox)"},
    "y": {"kk": "ордината осіне (Oy)", "ru": "оси ординат (Oy)", "en": "the y-axis", "uz": "ordinatalar oʻqiga (Oy)"},
    "o": {
        "kk": "координаталар басына (O нүктесіне)",
        "ru": "начала координат (точки O)",
        "en": "the origin O",
        "uz": "koordinatalar boshiga (O nuqtaga)",
    },
}
_AXIS_RULES = {
    "x": {
        "kk": "абсцисса сақталады, ордината таңбасын өзгертеді",
        "ru": "абсцисса сохраняется, ордината меняет знак",
        "en": "x stays the same and y changes sign",
        "uz": "abssissa saqlanadi, ordinata ishorasini oʻzgartiradi",
    },
    "y": {
        "kk": "ордината сақталады, абсцисса таңбасын өзгертеді",
        "ru": "ордината сохраняется, абсцисса меняет знак",
        "en": "y stays the same and x changes sign",
        "uz": "ordinata saqlanadi, abssissa ishorasini oʻzgartiradi",
    },
    "o": {
        "kk": "екі координата да таңбасын өзгертеді",
        "ru": "обе координаты меняют знак",
        "en": "both coordinates change sign",
        "uz": "ikkala koordinata ham ishorasini oʻzgartiradi",
    },
}


@generator("g06_symmetric_point")
def g06_symmetric_point(rng, options):
    while True:
        x, y = _nonzero(rng, -9, 9), _nonzero(rng, -9, 9)
        if abs(x) != abs(y):
            break
    axis = rng.choice(["x", "y", "o"])
    images = {"x": (x, -y), "y": (-x, y), "o": (-x, -y)}
    right = images[axis]
    candidates = [right] + [p for p in (images["x"], images["y"], images["o"], (y, x)) if p != right]
    choices = [{"text": _point_text(*p), "correct": p == right} for p in candidates[:4]]
    return {
        "values": {
            "x": x,
            "y": y,
            "point": _point_text(x, y),
            "axis": _AXES[axis],
            "rule": _AXIS_RULES[axis],
            "axis_code": axis,
            "answer": _point_text(*right),
        },
        "key": "",
        "choices": choices,
    }


@verifier("g06_symmetric_point")
def g06_symmetric_point_verify(values, key, choices=None):
    x, y = values["x"], values["y"]
    # Reflection as a matrix: diag(1, -1), diag(-1, 1), -I.
    sx, sy = {"x": (1, -1), "y": (-1, 1), "o": (-1, -1)}[values["axis_code"]]
    right = (sx * x, sy * y)
    if choices is None:
        return True
    return all((_read_point(c["text"]) == right) == c["correct"] for c in choices)


# --- Circles -----------------------------------------------------------------------------------------


@generator("g06_circumference")
def g06_circumference(rng, options):
    """C = 2·π·r with π ≈ 3,14; the radius or the diameter is given."""
    r = rng.randint(1, options.get("max_radius", 20))
    c = 2 * PI * r
    return {"values": {"r": r, "d": 2 * r, "result": number_key(c)}, "key": number_key(c)}


@verifier("g06_circumference")
def g06_circumference_verify(values, key):
    return Decimal("3.14") * values["d"] == Decimal(key)


@generator("g06_circle_area")
def g06_circle_area(rng, options):
    r = rng.randint(1, options.get("max_radius", 15))
    s = PI * r * r
    return {"values": {"r": r, "r2": r * r, "d": 2 * r, "result": number_key(s)}, "key": number_key(s)}


@verifier("g06_circle_area")
def g06_circle_area_verify(values, key):
    return Decimal(key) / Decimal("3.14") == values["r"] ** 2


# --- Data and probability ------------------------------------------------------------------------------

_COLOURS = [
    {"kk": "қызыл", "ru": "красный", "en": "red", "uz": "qizil"},
    {"kk": "көк", "ru": "синий", "en": "blue", "uz": "koʻk"},
    {"kk": "жасыл", "ru": "зелёный", "en": "green", "uz": "yashil"},
]


@generator("g06_probability_bag")
def g06_probability_bag(rng, options):
    counts = [rng.randint(1, 12) for _ in range(3)]
    i = rng.randrange(3)
    total = sum(counts)
    p = Fraction(counts[i], total)
    p_tex = f"\\frac{{{counts[i]}}}{{{total}}}" + (
        f" = \\frac{{{p.numerator}}}{{{p.denominator}}}" if p.denominator != total else ""
    )
    return {
        "values": {
            "p_tex": p_tex,
            "r": counts[0],
            "b": counts[1],
            "g": counts[2],
            "n": total,
            "colour": _COLOURS[i],
            "m": counts[i],
            "index": i,
            "result": fraction_key(Fraction(counts[i], total)),
        },
        "key": fraction_key(Fraction(counts[i], total)),
    }


@verifier("g06_probability_bag")
def g06_probability_bag_verify(values, key):
    counts = [values["r"], values["b"], values["g"]]
    # Count the favourable balls one by one.
    balls = [colour for colour, n in enumerate(counts) for _ in range(n)]
    return (
        Fraction(sum(1 for b in balls if b == values["index"]), len(balls)) == Fraction(key) and 0 < Fraction(key) < 1
    )


_DIE_EVENTS = [
    ("even", {"kk": "жұп сан", "ru": "чётное число", "en": "an even number", "uz": "juft son"}, lambda n: n % 2 == 0),
    ("odd", {"kk": "тақ сан", "ru": "нечётное число", "en": "an odd number", "uz": "toq son"}, lambda n: n % 2 == 1),
    (
        "mult3",
        {"kk": "3-ке еселі сан", "ru": "число, кратное 3", "en": "a multiple of 3", "uz": "3 ga karrali son"},
        lambda n: n % 3 == 0,
    ),
    (
        "prime",
        {"kk": "жай сан", "ru": "простое число", "en": "a prime number", "uz": "tub son"},
        lambda n: n in (2, 3, 5),
    ),
]


@generator("g06_probability_die")
def g06_probability_die(rng, options):
    """A fair die: the probability of an event (even, odd, a multiple of 3, a prime, more than k, less than k)."""
    kind = rng.randrange(len(_DIE_EVENTS) + 2)
    if kind < len(_DIE_EVENTS):
        code, event, test = _DIE_EVENTS[kind]
        k = 0
    else:
        k = rng.randint(1, 5) if kind == len(_DIE_EVENTS) else rng.randint(2, 6)
        if kind == len(_DIE_EVENTS):
            code, test = "more", (lambda n, k=k: n > k)
            event = {
                "kk": f"{k}-{_kk_abl(k)} үлкен сан",
                "ru": f"число больше {k}",
                "en": f"a number greater than {k}",
                "uz": f"{k} dan katta son",
            }
        else:
            code, test = "less", (lambda n, k=k: n < k)
            event = {
                "kk": f"{k}-{_kk_abl(k)} кіші сан",
                "ru": f"число меньше {k}",
                "en": f"a number less than {k}",
                "uz": f"{k} dan kichik son",
            }
    good = [n for n in range(1, 7) if test(n)]
    return {
        "values": {
            "event": event,
            "code": code,
            "k": k,
            "m": len(good),
            "good": ", ".join(map(str, good)),
            "result": fraction_key(Fraction(len(good), 6)),
        },
        "key": fraction_key(Fraction(len(good), 6)),
    }


def _kk_abl(k: int) -> str:
    from qalan.trainer.content.kazakh import number_suffix

    return number_suffix(k, "abl")


@verifier("g06_probability_die")
def g06_probability_die_verify(values, key):
    faces = [int(n) for n in values["good"].split(", ")]
    tests = {
        "even": lambda n: n % 2 == 0,
        "odd": lambda n: n % 2,
        "mult3": lambda n: n % 3 == 0,
        "prime": lambda n: n in (2, 3, 5),
        "more": lambda n: n > values["k"],
        "less": lambda n: n < values["k"],
    }
    return (
        faces == [n for n in range(1, 7) if tests[values["code"]](n)] and Fraction(len(faces), 6) == Fraction(key) > 0
    )


@generator("g06_statistics")
def g06_statistics(rng, options):
    """The median (odd count), the range or the mode of a small data set."""
    stat = options.get("stat", "median")
    count = rng.choice([5, 7]) if stat == "median" else rng.randint(5, 8)
    while True:
        data = [rng.randint(options.get("low", 1), options.get("high", 40)) for _ in range(count)]
        if stat == "mode":
            data[rng.randrange(count)] = data[0]
            data[rng.randrange(count)] = data[0]
            counts = {v: data.count(v) for v in data}
            top = max(counts.values())
            if top < 3 or list(counts.values()).count(top) != 1:
                continue
            value = next(v for v, n in counts.items() if n == top)
        elif stat == "range":
            value = max(data) - min(data)
        else:
            value = sorted(data)[count // 2]
        if len(set(data)) >= 3:
            break
    rng.shuffle(data)
    ordered = sorted(data)
    return {
        "values": {
            "list": "; ".join(map(str, data)),
            "sorted": "; ".join(map(str, ordered)),
            "count": count,
            "middle": count // 2 + 1,
            "max": ordered[-1],
            "min": ordered[0],
            "stat": stat,
            "result": value,
        },
        "key": str(value),
    }


@verifier("g06_statistics")
def g06_statistics_verify(values, key):
    import statistics

    data = [int(x) for x in values["list"].split("; ")]
    stat = values["stat"]
    if stat == "median":
        return statistics.median(data) == int(key)
    if stat == "range":
        return max(data) - min(data) == int(key)
    return statistics.multimode(data) == [int(key)]
