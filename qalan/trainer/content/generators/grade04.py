"""Grade 4: numbers to 1 000 000, written multiplication and division by two- and three-digit numbers,
equations, units, a number from its part, volume, the circle, bar charts, motion and other word problems."""

import re
from fractions import Fraction

from qalan.trainer.content.generators._util import proper
from qalan.trainer.content.generators.grade03 import EQUATION_RULES, NAMES, RULES, check_equation, equation
from qalan.trainer.content.locale import LANGUAGES, number_tex
from qalan.trainer.content.registry import generator, verifier


def _int(text) -> int:
    """A number shown as a choice ("12{,}345", "12\\,345", "12345") back to an int."""
    return int(re.sub(r"\D", "", str(text)))


def localise(text: str) -> dict:
    """A TeX string made by a generator, with numbers of five digits and more grouped the way each
    language writes them (``64\\,897``, ``64{,}897``)."""
    return {lang: re.sub(r"\d{4,}", lambda m, lang=lang: number_tex(int(m.group()), lang), text) for lang in LANGUAGES}


def plain(value) -> str:
    """The generator's TeX string back without grouping (the verifiers read it)."""
    return value["kk"].replace("\\,", "") if isinstance(value, dict) else str(value)


def _safe_eval(text) -> Fraction:
    text = plain(text).replace("\\cdot", "*").replace(":", "/")
    if any(ch not in "0123456789+-*/() " for ch in text):
        raise ValueError(text)
    # Bandit B307: checks our generator's own output, never user input; no builtins.
    return Fraction(str(eval(text, {"__builtins__": {}})))  # nosec B307


# --- Numbers to 1 000 000 ---------------------------------------------------------------------


@generator("g04_compose_classes")
def g04_compose_classes(rng, options):
    """th thousand u: 305 thousand 47 = 305 047 (the units class may need zeros)."""
    th = rng.randint(1, 999)
    u = rng.choice([rng.randint(1, 9), rng.randint(10, 99), rng.randint(100, 999)])
    return {"values": {"th": th, "u": u, "result": th * 1000 + u}, "key": str(th * 1000 + u)}


@verifier("g04_compose_classes")
def g04_compose_classes_verify(values, key):
    return key == f"{values['th']}{values['u']:03d}" and 0 < values["u"] < 1000


@generator("g04_thousands_total")
def g04_thousands_total(rng, options):
    n = rng.randint(10_000, 999_999)
    return {"values": {"n": n, "rest": n % 1000, "result": n // 1000}, "key": str(n // 1000)}


@verifier("g04_thousands_total")
def g04_thousands_total_verify(values, key):
    return int(key) * 1000 + values["rest"] == values["n"] and 0 <= values["rest"] < 1000


@generator("g04_largest_number")
def g04_largest_number(rng, options):
    """Four six-digit numbers sharing the first digits, so the comparison is made further right."""
    while True:
        base = rng.randint(100, 999) * 1000
        picks = {base + rng.randint(0, 999) for _ in range(2)} | {
            base + rng.randint(0, 99) * 10 + rng.randint(0, 9) for _ in range(2)
        }
        picks |= {base // 1000 * 1000 + rng.randint(1, 9) * 100 + rng.randint(0, 99)}
        picks = sorted(picks)
        if len(picks) >= 4:
            picks = rng.sample(picks, 4)
            break
    smallest = options.get("smallest", False)
    best = min(picks) if smallest else max(picks)
    return {"values": {"answer": best}, "key": "", "choices": [{"text": str(p), "correct": p == best} for p in picks]}


@verifier("g04_largest_number")
def g04_largest_number_verify(values, key, choices=None):
    if choices is None:
        return True
    numbers = [_int(c["text"]) for c in choices]
    right = [_int(c["text"]) for c in choices if c["correct"]]
    return (
        len(right) == 1
        and right[0] == values["answer"]
        and right[0] in (min(numbers), max(numbers))
        and len(set(numbers)) == 4
    )


@generator("g04_round")
def g04_round(rng, options):
    """Round to the nearest ``to`` (100, 1000 or 10 000); the digit to the right decides (5 and up: up)."""
    to = options.get("to", 1000)
    while True:
        n = rng.randint(10 * to, 999_000)
        if n % to:
            break
    down = n - n % to
    result = down + to if n % to * 2 >= to else down
    return {
        "values": {"n": n, "to": to, "down": down, "up": down + to, "digit": n % to * 10 // to, "result": result},
        "key": str(result),
    }


@verifier("g04_round")
def g04_round_verify(values, key):
    r, n, to = int(key), values["n"], values["to"]
    return r % to == 0 and abs(r - n) * 2 <= to and (abs(r - n) * 2 < to or r > n)


@generator("g04_column_add_sub")
def g04_column_add_sub(rng, options):
    """Multi-digit a + b (sum at most 1 000 000) or a - b (positive)."""
    if rng.random() < 0.5:
        a = rng.randint(10_000, 900_000)
        b = rng.randint(1_000, 1_000_000 - a)
        op, result = "+", a + b
    else:
        a = rng.randint(20_000, 999_999)
        b = rng.randint(1_000, a - 1_000)
        op, result = "-", a - b
    check = f"{result} - {b} = {a}" if op == "+" else f"{result} + {b} = {a}"
    return {"values": {"a": a, "b": b, "op": op, "check": localise(check), "result": result}, "key": str(result)}


@verifier("g04_column_add_sub")
def g04_column_add_sub_verify(values, key):
    r = int(key)
    return 0 < r <= 1_000_000 and (
        r - values["b"] == values["a"] if values["op"] == "+" else r + values["b"] == values["a"]
    )


# --- Multiplication and division ------------------------------------------------------------------


@generator("g04_mul_round")
def g04_mul_round(rng, options):
    """Round numbers: 350 · 20, 48 · 100, 600 · 700; zeros counted at the end."""
    while True:
        a_digits, a_zeros = rng.randint(2, 99), rng.randint(0, 2)
        b_digits, b_zeros = rng.randint(2, 9), rng.randint(1, 3)
        if rng.random() < 0.3:
            b_digits = 1
        a, b = a_digits * 10**a_zeros, b_digits * 10**b_zeros
        if a_digits % 10 and a * b <= 1_000_000 and a > 9:
            break
    zeros = a_zeros + b_zeros
    return {
        "values": {
            "a": a,
            "b": b,
            "ad": a_digits,
            "bd": b_digits,
            "core": a_digits * b_digits,
            "zeros": zeros,
            "result": a * b,
        },
        "key": str(a * b),
    }


@verifier("g04_mul_round")
def g04_mul_round_verify(values, key):
    return (
        int(key) == values["core"] * 10 ** values["zeros"]
        and int(key) % values["b"] == 0
        and int(key) // values["b"] == values["a"]
    )


@generator("g04_mul_multi")
def g04_mul_multi(rng, options):
    """a times a two-digit (``digits: 2``) or three-digit (``digits: 3``) number; partial products."""
    d = options.get("digits", 2)
    while True:
        b = rng.randint(12, 99) if d == 2 else rng.randint(102, 999)
        a = rng.randint(12, 999)
        if b % 10 and a % 10 and a * b <= 1_000_000:
            break
    parts = [int(c) * 10**i for i, c in enumerate(reversed(str(b))) if c != "0"][::-1]
    products = [a * p for p in parts]
    split = " + ".join(f"{a} \\cdot {p}" for p in parts)
    sums = " + ".join(str(p) for p in products)
    return {
        "values": {"a": a, "b": b, "split": localise(split), "sums": localise(sums), "result": a * b},
        "key": str(a * b),
    }


@verifier("g04_mul_multi")
def g04_mul_multi_verify(values, key):
    return (
        _safe_eval(values["sums"]) == int(key) == _safe_eval(values["split"])
        and int(key) % values["b"] == 0
        and int(key) // values["b"] == values["a"]
    )


@generator("g04_div_multi")
def g04_div_multi(rng, options):
    """An exact division by a two- or three-digit number; the quotient has two or three digits."""
    d = options.get("digits", 2)
    while True:
        b = rng.randint(12, 99) if d == 2 else rng.randint(101, 999)
        q = rng.randint(12, 999) if d == 2 else rng.randint(12, 400)
        if b % 10 and b * q <= 999_999:
            break
    first = int(str(q)[0])
    return {"values": {"a": b * q, "b": b, "first": first, "digits": len(str(q)), "result": q}, "key": str(q)}


@verifier("g04_div_multi")
def g04_div_multi_verify(values, key):
    q = int(key)
    return q > 10 and q * values["b"] == values["a"] and len(str(q)) == values["digits"]


@generator("g04_order_of_operations")
def g04_order_of_operations(rng, options):
    """Three operations with bigger numbers: a + b · c - d, (a - b) : c + d, a · b - c : d."""
    while True:
        pattern = rng.randrange(3)
        if pattern == 0:
            a, b, c = rng.randint(100, 9000), rng.randint(12, 99), rng.randint(2, 9)
            d = rng.randint(10, a)
            expr = f"{a} + {b} \\cdot {c} - {d}"
            steps = [
                f"{b} \\cdot {c} = {b * c}",
                f"{a} + {b * c} = {a + b * c}",
                f"{a + b * c} - {d} = {a + b * c - d}",
            ]
            result = a + b * c - d
        elif pattern == 1:
            c, q = rng.randint(2, 9), rng.randint(12, 999)
            b = rng.randint(10, 5000)
            a, d = q * c + b, rng.randint(10, 999)
            expr = f"({a} - {b}) : {c} + {d}"
            steps = [f"{a} - {b} = {a - b}", f"{a - b} : {c} = {q}", f"{q} + {d} = {q + d}"]
            result = q + d
        else:
            a, b = rng.randint(12, 999), rng.randint(2, 9)
            d, q = rng.randint(2, 9), rng.randint(10, 99)
            c = d * q
            if a * b < q:
                continue
            expr = f"{a} \\cdot {b} - {c} : {d}"
            steps = [f"{a} \\cdot {b} = {a * b}", f"{c} : {d} = {q}", f"{a * b} - {q} = {a * b - q}"]
            result = a * b - q
        if 0 <= result <= 1_000_000:
            values = {
                "expr": localise(expr),
                "s1": localise(steps[0]),
                "s2": localise(steps[1]),
                "s3": localise(steps[2]),
            }
            return {"values": {**values, "result": result}, "key": str(result)}


@verifier("g04_order_of_operations")
def g04_order_of_operations_verify(values, key):
    return _safe_eval(values["expr"]) == int(key) >= 0 and plain(values["s3"]).endswith(f"= {key}")


# --- Equations ------------------------------------------------------------------------------------


@generator("g04_equation")
def g04_equation(rng, options):
    """The six simple equations with multi-digit numbers."""
    kind = rng.choice(list(EQUATION_RULES))
    if kind in ("x+a", "a+x"):
        x, a = rng.randint(100, 90_000), rng.randint(100, 90_000)
    elif kind == "x-a":
        a = rng.randint(100, 50_000)
        x = a + rng.randint(100, 50_000)
    elif kind == "a-x":
        x = rng.randint(100, 50_000)
        a = x + rng.randint(100, 50_000)
    elif kind in ("x*a", "a*x"):
        x, a = rng.randint(12, 999), rng.randint(2, 99)
    elif kind == "x:a":
        a = rng.randint(2, 99)
        x = a * rng.randint(12, 999)
    else:
        x = rng.randint(2, 99)
        a = x * rng.randint(12, 999)
    text, step, _b = equation(kind, x, a)
    return {
        "values": {
            "equation": localise(text),
            "step": localise(step),
            "rule": RULES[EQUATION_RULES[kind]],
            "result": x,
        },
        "key": str(x),
    }


@generator("g04_equation_composite")
def g04_equation_composite(rng, options):
    """x · a + b = c, (x + a) · b = c, x : a - b = c: first the part with x, then x."""
    pattern = rng.randrange(3)
    x = rng.randint(3, 99)
    if pattern == 0:
        a, b = rng.randint(2, 12), rng.randint(5, 500)
        c = x * a + b
        text = f"x \\cdot {a} + {b} = {c}"
        steps = [f"x \\cdot {a} = {c} - {b} = {c - b}", f"x = {c - b} : {a} = {x}"]
    elif pattern == 1:
        a, b = rng.randint(2, 60), rng.randint(2, 9)
        c = (x + a) * b
        text = f"(x + {a}) \\cdot {b} = {c}"
        steps = [f"x + {a} = {c} : {b} = {c // b}", f"x = {c // b} - {a} = {x}"]
    else:
        a = rng.randint(2, 9)
        x = a * rng.randint(5, 99)
        b = rng.randint(1, x // a - 1)
        c = x // a - b
        text = f"x : {a} - {b} = {c}"
        steps = [f"x : {a} = {c} + {b} = {c + b}", f"x = {c + b} \\cdot {a} = {x}"]
    return {
        "values": {"equation": localise(text), "step1": localise(steps[0]), "step2": localise(steps[1]), "result": x},
        "key": str(x),
    }


def _equation_verify(values, key):
    x = int(key)
    last = plain(values.get("step2", values.get("step", "")))
    return x > 0 and check_equation(plain(values["equation"]), x) and last.endswith(f"= {x}")


verifier("g04_equation")(_equation_verify)
verifier("g04_equation_composite")(_equation_verify)


# --- Units ------------------------------------------------------------------------------------------

UNIT_PAIRS = {
    # name: (big unit text, small unit text, factor)
    "km_m": ({"kk": "км", "ru": "км", "en": "km", "uz": "km"}, {"kk": "м", "ru": "м", "en": "m", "uz": "m"}, 1000),
    "m_cm": ({"kk": "м", "ru": "м", "en": "m", "uz": "m"}, {"kk": "см", "ru": "см", "en": "cm", "uz": "sm"}, 100),
    "t_kg": ({"kk": "т", "ru": "т", "en": "t", "uz": "t"}, {"kk": "кг", "ru": "кг", "en": "kg", "uz": "kg"}, 1000),
    "c_kg": (
        {"kk": "ц", "ru": "ц", "en": "quintals (100 kg)", "uz": "sentner"},
        {"kk": "кг", "ru": "кг", "en": "kg", "uz": "kg"},
        100,
    ),
    "min_s": (
        {"kk": "мин", "ru": "мин", "en": "min", "uz": "daqiqa"},
        {"kk": "с", "ru": "с", "en": "s", "uz": "soniya"},
        60,
    ),
    "day_h": (
        {"kk": "тәул.", "ru": "сут.", "en": "days", "uz": "sutka"},
        {"kk": "сағ", "ru": "ч", "en": "h", "uz": "soat"},
        24,
    ),
    "m2_dm2": (
        {"kk": "м²", "ru": "м²", "en": "m²", "uz": "m²"},
        {"kk": "дм²", "ru": "дм²", "en": "dm²", "uz": "dm²"},
        100,
    ),
    "dm2_cm2": (
        {"kk": "дм²", "ru": "дм²", "en": "dm²", "uz": "dm²"},
        {"kk": "см²", "ru": "см²", "en": "cm²", "uz": "sm²"},
        100,
    ),
    "ha_m2": (
        {"kk": "га", "ru": "га", "en": "ha", "uz": "ga"},
        {"kk": "м²", "ru": "м²", "en": "m²", "uz": "m²"},
        10_000,
    ),
}


@generator("g04_units")
def g04_units(rng, options):
    """x big y small in the small unit; ``pairs`` lists the UNIT_PAIRS that share the template's unit."""
    pair = rng.choice(options.get("pairs", ["km_m"]))
    big, small, factor = UNIT_PAIRS[pair]
    x = rng.randint(1, options.get("max", 60 if factor <= 100 else 9))
    y = rng.randint(1, factor - 1)
    if options.get("whole"):
        y = 0
    return {
        "values": {
            "x": x,
            "y": y,
            "big": big,
            "small": small,
            "factor": factor,
            "xf": x * factor,
            "result": x * factor + y,
        },
        "key": str(x * factor + y),
    }


@verifier("g04_units")
def g04_units_verify(values, key):
    return 0 <= values["y"] < values["factor"] and divmod(int(key), values["factor"]) == (values["x"], values["y"])


# --- Fractions: the number from its part ------------------------------------------------------------


@generator("g04_whole_from_part")
def g04_whole_from_part(rng, options):
    """a/b of a number is m: the number is m : a · b."""
    a, b = proper(rng, options.get("max_denominator", 10))
    if rng.random() < 0.3:
        a = 1
    one = rng.randint(2, options.get("max_part", 30))
    m = one * a
    return {"values": {"a": a, "b": b, "m": m, "one": one, "result": one * b}, "key": str(one * b)}


@verifier("g04_whole_from_part")
def g04_whole_from_part_verify(values, key):
    return Fraction(int(key)) * Fraction(values["a"], values["b"]) == values["m"] and values["a"] < values["b"]


# --- Volume, circle ---------------------------------------------------------------------------------


@generator("g04_cuboid_volume")
def g04_cuboid_volume(rng, options):
    cube = options.get("cube", False)
    a = rng.randint(2, 12)
    b, c = (a, a) if cube else (rng.randint(2, 12), rng.randint(2, 10))
    return {"values": {"a": a, "b": b, "c": c, "ab": a * b, "result": a * b * c}, "key": str(a * b * c)}


@verifier("g04_cuboid_volume")
def g04_cuboid_volume_verify(values, key):
    return int(key) == values["c"] * values["b"] * values["a"] and int(key) // values["c"] == values["ab"]


@generator("g04_radius_diameter")
def g04_radius_diameter(rng, options):
    """``find: diameter`` from the radius, or ``find: radius`` from an even diameter."""
    r = rng.randint(2, 60)
    if options.get("find", "diameter") == "diameter":
        return {"values": {"r": r, "result": 2 * r}, "key": str(2 * r)}
    return {"values": {"d": 2 * r, "result": r}, "key": str(r)}


@verifier("g04_radius_diameter")
def g04_radius_diameter_verify(values, key):
    if "r" in values:
        return int(key) == values["r"] + values["r"]
    return int(key) * 2 == values["d"]


# --- Data: bar charts ---------------------------------------------------------------------------------

DAYS = [
    {"kk": "Дс", "ru": "Пн", "en": "Mon", "uz": "Du"},
    {"kk": "Сс", "ru": "Вт", "en": "Tue", "uz": "Se"},
    {"kk": "Ср", "ru": "Ср", "en": "Wed", "uz": "Chor"},
    {"kk": "Бс", "ru": "Чт", "en": "Thu", "uz": "Pay"},
    {"kk": "Жм", "ru": "Пт", "en": "Fri", "uz": "Ju"},
]
DAY_NAMES = [
    {"kk": "дүйсенбі", "ru": "в понедельник", "en": "Monday", "uz": "dushanba"},
    {"kk": "сейсенбі", "ru": "во вторник", "en": "Tuesday", "uz": "seshanba"},
    {"kk": "сәрсенбі", "ru": "в среду", "en": "Wednesday", "uz": "chorshanba"},
    {"kk": "бейсенбі", "ru": "в четверг", "en": "Thursday", "uz": "payshanba"},
    {"kk": "жұма", "ru": "в пятницу", "en": "Friday", "uz": "juma"},
]


@generator("g04_bar_chart")
def g04_bar_chart(rng, options):
    """Loaves sold in a bakery on five days (multiples of 10); ``ask``: more (difference), total or max."""
    values = [rng.randint(2, 20) * 10 for _ in range(5)]
    ask = options.get("ask", "more")
    i, j = rng.sample(range(5), 2)
    if values[i] < values[j]:
        i, j = j, i
    if values[i] == values[j]:
        values[i] += 10
    labels = [DAYS[k] for k in range(5)]
    data = {"bars": values, "labels": labels, "d1": DAY_NAMES[i], "d2": DAY_NAMES[j], "v1": values[i], "v2": values[j]}
    if ask == "more":
        result = values[i] - values[j]
    else:
        result = sum(values)
        data["sum"] = " + ".join(str(v) for v in values)
        data["bars_first"] = values[0]
    data["result"] = result
    return {"values": data, "key": str(result)}


@verifier("g04_bar_chart")
def g04_bar_chart_verify(values, key):
    bars = values["bars"]
    if "sum" in values:
        return int(key) == sum(bars) == _safe_eval(values["sum"])
    return int(key) == values["v1"] - values["v2"] > 0 and values["v1"] in bars and values["v2"] in bars


# --- Word problems ----------------------------------------------------------------------------------


@generator("g04_motion")
def g04_motion(rng, options):
    """s = v · t; ``find``: distance, speed or time (whole numbers)."""
    v, t = rng.randint(options.get("min_speed", 10), options.get("max_speed", 90)), rng.randint(2, 9)
    find = options.get("find", "distance")
    result = {"distance": v * t, "speed": v, "time": t}[find]
    return {"values": {"v": v, "t": t, "s": v * t, "name": rng.choice(NAMES), "result": result}, "key": str(result)}


@verifier("g04_motion")
def g04_motion_verify(values, key):
    return values["v"] * values["t"] == values["s"] and int(key) in (values["v"], values["t"], values["s"])


@generator("g04_towards")
def g04_towards(rng, options):
    """Two leave towns at the same time towards each other: the closing speed v1 + v2; ``find``: distance or time."""
    v1, v2, t = rng.randint(40, 90), rng.randint(40, 90), rng.randint(2, 6)
    s = (v1 + v2) * t
    result = s if options.get("find", "distance") == "distance" else t
    return {"values": {"v1": v1, "v2": v2, "v": v1 + v2, "t": t, "s": s, "result": result}, "key": str(result)}


@verifier("g04_towards")
def g04_towards_verify(values, key):
    s = values["v1"] * values["t"] + values["v2"] * values["t"]
    return s == values["s"] and int(key) in (s, values["t"])


@generator("g04_wp_money")
def g04_wp_money(rng, options):
    """a notebooks at p1 and b pens at p2: a·p1 + b·p2 tenge."""
    p1, p2 = rng.randint(8, 40) * 10, rng.randint(5, 30) * 10
    a, b = rng.randint(2, 9), rng.randint(2, 9)
    return {
        "values": {
            "p1": p1,
            "p2": p2,
            "a": a,
            "b": b,
            "c1": a * p1,
            "c2": b * p2,
            "name": rng.choice(NAMES),
            "result": a * p1 + b * p2,
        },
        "key": str(a * p1 + b * p2),
    }


@verifier("g04_wp_money")
def g04_wp_money_verify(values, key):
    return (
        int(key) == values["c1"] + values["c2"] == sum([values["p1"]] * values["a"]) + sum([values["p2"]] * values["b"])
    )


@generator("g04_wp_share")
def g04_wp_share(rng, options):
    """n apples in 3 baskets: the first k times the second, the third as the second; parts k + 1 + 1."""
    k = rng.randint(2, 5)
    one = rng.randint(6, 60)
    parts = k + 2
    return {"values": {"n": one * parts, "k": k, "parts": parts, "one": one, "result": one * k}, "key": str(one * k)}


@verifier("g04_wp_share")
def g04_wp_share_verify(values, key):
    first = int(key)
    second = first // values["k"]
    return first % values["k"] == 0 and first + 2 * second == values["n"]


@generator("g04_wp_books")
def g04_wp_books(rng, options):
    """A shelf of n books: b taken, c put back."""
    n = rng.randint(40, 999)
    b = rng.randint(10, n - 5)
    c = rng.randint(5, 200)
    return {
        "values": {"n": n, "b": b, "c": c, "nb": n - b, "name": rng.choice(NAMES), "result": n - b + c},
        "key": str(n - b + c),
    }


@verifier("g04_wp_books")
def g04_wp_books_verify(values, key):
    return values["n"] > values["b"] and int(key) + values["b"] - values["c"] == values["n"]


@generator("g04_wp_rows")
def g04_wp_rows(rng, options):
    """Rows of seats: r rows of s seats, in k buses (or halls)."""
    r, s, k = rng.randint(6, 15), rng.randint(3, 5), rng.randint(2, 9)
    return {"values": {"r": r, "s": s, "k": k, "rs": r * s, "result": r * s * k}, "key": str(r * s * k)}


@verifier("g04_wp_rows")
def g04_wp_rows_verify(values, key):
    return int(key) == values["k"] * values["s"] * values["r"]
