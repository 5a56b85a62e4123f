"""Grade 6: ratios and proportions, scale, percent problems, positive and negative numbers, letter
expressions and linear equations, the coordinate plane, circles, statistics and probability.

Keys are exact (``fractions.Fraction``); every verifier recomputes the key by another route.
"""

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
