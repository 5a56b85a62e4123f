"""Grade 7 generators and their verifiers for the topics: linear equations, linear function, systems, statistics.

Split from ``grade07`` by chapter (the data files in content/data/grade-07); the helpers they
share stay there."""

from fractions import Fraction

from qalan.trainer.content.generators._util import number_key
from qalan.trainer.content.generators.grade07 import _nz, lin_tex, mono_tex, poly_tex, signed
from qalan.trainer.content.registry import generator, verifier


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
