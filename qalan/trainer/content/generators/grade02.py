"""Grade 2: numbers to 100 and place value, mental and column adding and subtracting, brackets,
multiplication and division (tables of 2–5), length units, perimeter, time, money, two-step
problems, data tables. Every key is a whole number from 0 to 100."""

from qalan.trainer.content.generators.grade01 import person, two_people
from qalan.trainer.content.kazakh import with_case
from qalan.trainer.content.registry import generator, verifier


def _whole(key, low=0, high=100) -> bool:
    return str(key).isdigit() and low <= int(key) <= high


# ---- numbers to 100 ---------------------------------------------------------------------------


@generator("g02_place")
def g02_place(rng, options):
    """A two-digit number: ``ask: tens`` the tens digit, ``ask: ones`` the ones digit."""
    n = rng.randint(11, 99)
    while n % 10 == n // 10 or n % 10 == 0:
        n = rng.randint(11, 99)
    tens, ones = n // 10, n % 10
    result = tens if options.get("ask", "tens") == "tens" else ones
    return {"values": {"n": n, "tens": tens, "ones": ones, "t10": tens * 10, "result": result}, "key": str(result)}


@verifier("g02_place")
def g02_place_verify(values, key):
    digits = str(values["n"])
    return len(digits) == 2 and key in (digits[0], digits[1])


@generator("g02_expanded")
def g02_expanded(rng, options):
    """n as a sum of tens and ones with one part missing: n = □ + u or n = t + □."""
    tens, ones = rng.randint(1, 9), rng.randint(1, 9)
    n = 10 * tens + ones
    missing_tens = rng.random() < 0.5
    equation = f"{n} = \\square + {ones}" if missing_tens else f"{n} = {tens * 10} + \\square"
    result = tens * 10 if missing_tens else ones
    return {
        "values": {"n": n, "t10": tens * 10, "ones": ones, "equation": equation, "result": result},
        "key": str(result),
    }


@verifier("g02_expanded")
def g02_expanded_verify(values, key):
    left, right = values["equation"].replace("\\square", key).split("=")
    x, y = right.split("+")
    return int(left) == int(x) + int(y) and (int(key) % 10 == 0 or int(key) < 10)


@generator("g02_compare_expr")
def g02_compare_expr(rng, options):
    """A sum or difference against a number: 34 + 5 □ 40; the number is often close."""
    while True:
        a, b = rng.randint(10, 80), rng.randint(2, 30)
        op = rng.choice("+-")
        value = a + b if op == "+" else a - b
        if 0 < value <= 100:
            break
    c = min(100, max(1, value + rng.choice([-3, -1, 0, 0, 1, 2, 10, -10])))
    sign = "<" if value < c else ">" if value > c else "="
    choices = [{"text": s, "correct": s == sign} for s in ("<", ">", "=")]
    return {"values": {"left": f"{a} {op} {b}", "value": value, "c": c, "sign": sign}, "key": "", "choices": choices}


@verifier("g02_compare_expr")
def g02_compare_expr_verify(values, key, choices=None):
    a, op, b = values["left"].split()
    value = int(a) + int(b) if op == "+" else int(a) - int(b)
    expected = "<" if value < values["c"] else ">" if value > values["c"] else "="
    right = [c["text"] for c in choices or [] if c["correct"]]
    return right == [expected] and value == values["value"]


@generator("g02_even_odd")
def g02_even_odd(rng, options):
    """One even number among three odd ones (``ask: even``), or the other way round."""
    want_even = options.get("ask", "even") == "even"
    pool_right = [n for n in range(2, 100) if (n % 2 == 0) == want_even]
    pool_wrong = [n for n in range(2, 100) if (n % 2 == 0) != want_even]
    right = rng.choice(pool_right)
    numbers = [right, *rng.sample(pool_wrong, 3)]
    rng.shuffle(numbers)
    return {
        "values": {"right": right, "last": right % 10},
        "key": "",
        "choices": [{"text": n, "correct": n == right} for n in numbers],
    }


@verifier("g02_even_odd")
def g02_even_odd_verify(values, key, choices=None):
    right = [int(c["text"]) for c in choices or [] if c["correct"]]
    others = [int(c["text"]) % 2 for c in choices or [] if not c["correct"]]
    return right == [values["right"]] and len(others) == 3 and all(o != right[0] % 2 for o in others)


# ---- adding and subtracting to 100 -------------------------------------------------------------


@generator("g02_mental")
def g02_mental(rng, options):
    """Without carrying: 34 + 5, 34 + 20, 47 − 3, 68 − 40."""
    while True:
        a = rng.randint(11, 89)
        b = rng.choice([rng.randint(1, 9), rng.randint(1, 8) * 10])
        op = rng.choice("+-")
        if op == "+":
            result = a + b
            ok = result < 100 and (b >= 10 or a % 10 + b < 10)
        else:
            result = a - b
            ok = result > 0 and (b >= 10 or a % 10 >= b) and b < a
        if ok and a % 10:
            break
    kind = "ones" if b < 10 else "tens"
    return {"values": {"a": a, "b": b, "op": op, "kind": kind, "result": result}, "key": str(result)}


@verifier("g02_mental")
def g02_mental_verify(values, key):
    a, b = values["a"], values["b"]
    tens, ones = a // 10, a % 10
    sign = 1 if values["op"] == "+" else -1
    if b < 10:
        ones += sign * b
    else:
        tens += sign * (b // 10)
    return 0 <= ones <= 9 and _whole(key, 1, 99) and tens * 10 + ones == int(key)


@generator("g02_column")
def g02_column(rng, options):
    """Column sums with carrying (``op: +``, 37 + 45) or differences with borrowing (``op: -``, 62 − 27)."""
    plus = options.get("op", "+") == "+"
    while True:
        a, b = rng.randint(12, 89), rng.randint(12, 89)
        if plus and a % 10 + b % 10 >= 10 and a + b <= 100 and a % 10 and b % 10:
            break
        if not plus and a > b and a % 10 < b % 10:
            break
    if plus:
        ones = a % 10 + b % 10
        values = {
            "a": a,
            "b": b,
            "ones_sum": ones,
            "ones_digit": ones % 10,
            "tens_sum": a // 10 + b // 10 + 1,
            "result": a + b,
        }
    else:
        values = {
            "a": a,
            "b": b,
            "ones_top": a % 10 + 10,
            "ones_digit": a % 10 + 10 - b % 10,
            "tens_left": a // 10 - 1,
            "tens_digit": a // 10 - 1 - b // 10,
            "result": a - b,
        }
    values["ao"], values["bo"], values["at"], values["bt"] = a % 10, b % 10, a // 10, b // 10
    values["op"] = "+" if plus else "-"
    return {"values": values, "key": str(values["result"])}


@verifier("g02_column")
def g02_column_verify(values, key):
    a, b = values["a"], values["b"]
    if values["op"] == "+":
        carry = (a % 10 + b % 10) // 10
        digits = (a // 10 + b // 10 + carry) * 10 + (a % 10 + b % 10) % 10
        return carry == 1 and digits == int(key) <= 100
    borrow = 1 if a % 10 < b % 10 else 0
    digits = (a // 10 - borrow - b // 10) * 10 + (a % 10 + 10 * borrow - b % 10)
    return borrow == 1 and digits == int(key) >= 0


@generator("g02_brackets")
def g02_brackets(rng, options):
    """Order of operations with brackets and without them, within 100, never negative on the way."""
    while True:
        a, b, c = rng.randint(20, 90), rng.randint(2, 40), rng.randint(2, 30)
        form = rng.choice(["a-(b+c)", "a-(b-c)", "(a-b)+c", "a-b+c", "a+(b-c)", "a-b-c"])
        if form == "a-(b+c)":
            inner, first, result = b + c, b + c, a - (b + c)
        elif form == "a-(b-c)":
            inner, first, result = b - c, b - c, a - (b - c)
        elif form == "a+(b-c)":
            inner, first, result = b - c, b - c, a + (b - c)
        elif form in ("(a-b)+c", "a-b+c"):
            inner, first, result = a - b, a - b, a - b + c
        else:
            inner, first, result = a - b, a - b, a - b - c
        if inner > 0 and 0 <= result <= 100 and first <= 100:
            break
    expr = form.replace("a", str(a)).replace("b", str(b)).replace("c", str(c))
    tex = expr.replace("-", " - ").replace("+", " + ")
    step1, step2 = {
        "a-(b+c)": (f"{b} + {c}", f"{a} - {first}"),
        "a-(b-c)": (f"{b} - {c}", f"{a} - {first}"),
        "a+(b-c)": (f"{b} - {c}", f"{a} + {first}"),
        "(a-b)+c": (f"{a} - {b}", f"{first} + {c}"),
        "a-b+c": (f"{a} - {b}", f"{first} + {c}"),
        "a-b-c": (f"{a} - {b}", f"{first} - {c}"),
    }[form]
    values = {"expr": tex, "first": first, "step1": step1, "step2": step2, "result": result, "brackets": "(" in form}
    return {"values": values, "key": str(result)}


@verifier("g02_brackets")
def g02_brackets_verify(values, key):
    # Evaluate by hand: brackets first, then left to right.
    text = values["expr"].replace(" ", "")

    def flat(s):
        _tokens, number, sign, total = [], "", 1, 0
        for ch in s + "+":
            if ch.isdigit():
                number += ch
            else:
                total += sign * int(number)
                number, sign = "", 1 if ch == "+" else -1
        return total

    if "(" in text:
        start, end = text.index("("), text.index(")")
        text = text[:start] + str(flat(text[start + 1 : end])) + text[end + 1 :]
    return _whole(key, 0, 100) and flat(text) == int(key)


@generator("g02_convenient")
def g02_convenient(rng, options):
    """a + b + c where a and c make whole tens: add them first."""
    while True:
        a = rng.randint(11, 59)
        c = rng.randint(1, 9) if a % 10 == 0 else 10 - a % 10
        b = rng.randint(5, 39)
        if a % 10 and b % 10 and a + b + c <= 100 and (b % 10 + a % 10) != 10:
            break
    return {"values": {"a": a, "b": b, "c": c, "round": a + c, "result": a + b + c}, "key": str(a + b + c)}


@verifier("g02_convenient")
def g02_convenient_verify(values, key):
    return (values["a"] + values["c"]) % 10 == 0 and int(key) == values["b"] + values["round"] <= 100


# ---- multiplication and division ----------------------------------------------------------------


@generator("g02_repeated_sum")
def g02_repeated_sum(rng, options):
    """k equal terms n + n + … + n written as n · □ (the number of terms)."""
    n, k = rng.randint(2, 9), rng.randint(2, 5)
    return {"values": {"n": n, "k": k, "sum": " + ".join([str(n)] * k), "product": n * k, "result": k}, "key": str(k)}


@verifier("g02_repeated_sum")
def g02_repeated_sum_verify(values, key):
    terms = values["sum"].split(" + ")
    return len(set(terms)) == 1 and len(terms) == int(key) and int(terms[0]) * int(key) == values["product"]


@generator("g02_mult")
def g02_mult(rng, options):
    """a · b with a from ``factors`` (the table being learnt), b from 1 to 10, in either order."""
    a = rng.choice(options.get("factors", [2, 3]))
    b = rng.randint(options.get("min", 2), 10)
    first, second = (a, b) if rng.random() < 0.5 else (b, a)
    return {
        "values": {"x": first, "y": second, "table": a, "other": b, "sum": " + ".join([str(a)] * b), "result": a * b},
        "key": str(a * b),
    }


@verifier("g02_mult")
def g02_mult_verify(values, key):
    total = 0
    for _ in range(values["y"]):
        total += values["x"]
    return values["table"] in (2, 3, 4, 5) and _whole(key, 2, 50) and total == int(key)


@generator("g02_div")
def g02_div(rng, options):
    """p : a (or p : b) where p = a · b in the tables of ``factors``."""
    a = rng.choice(options.get("factors", [2, 3, 4, 5]))
    b = rng.randint(2, 10)
    p = a * b
    divisor, result = (a, b) if rng.random() < 0.5 else (b, a)
    return {"values": {"p": p, "d": divisor, "result": result}, "key": str(result)}


@verifier("g02_div")
def g02_div_verify(values, key):
    return (
        values["d"] > 0
        and int(key) * values["d"] == values["p"]
        and (values["d"] in (2, 3, 4, 5) or int(key) in (2, 3, 4, 5))
    )


@generator("g02_share")
def g02_share(rng, options):
    """Division as sharing (``kind: share``: p among k, how many each) or grouping (``kind: group``:
    p in groups of k, how many groups)."""
    k = rng.randint(2, 5)
    each = rng.randint(2, 10)
    p = k * each
    return {"values": {"p": p, "k": k, "result": each, **person(rng)}, "key": str(each)}


@verifier("g02_share")
def g02_share_verify(values, key):
    left, handed = values["p"], 0
    while left >= values["k"]:
        left -= values["k"]
        handed += 1
    return left == 0 and handed == int(key)


@generator("g02_mult_unknown")
def g02_mult_unknown(rng, options):
    """□ · a = p, a · □ = p, p : □ = b, □ : a = b in the tables of 2–5."""
    a = rng.choice([2, 3, 4, 5])
    b = rng.randint(2, 10)
    p = a * b
    kind = rng.choice(["factor1", "factor2", "divisor", "dividend"])
    equation, result, method = {
        "factor1": (f"\\square \\cdot {a} = {p}", b, f"{p} : {a}"),
        "factor2": (f"{a} \\cdot \\square = {p}", b, f"{p} : {a}"),
        "divisor": (f"{p} : \\square = {b}", a, f"{p} : {b}"),
        "dividend": (f"\\square : {a} = {b}", p, f"{b} \\cdot {a}"),
    }[kind]
    return {
        "values": {"equation": equation, "method": method, "rule": MULT_RULES[kind], "result": result},
        "key": str(result),
    }


MULT_RULES = {
    "factor1": {
        "kk": "Белгісіз көбейткішті табу үшін көбейтіндіні белгілі көбейткішке бөл.",
        "ru": "Чтобы найти неизвестный множитель, произведение раздели на известный множитель.",
        "en": "To find a missing factor, divide the product by the known factor.",
        "uz": "Nomaʼlum koʻpaytuvchini topish uchun koʻpaytmani maʼlum koʻpaytuvchiga boʻl.",
    },
    "divisor": {
        "kk": "Белгісіз бөлгішті табу үшін бөлінгішті бөліндіге бөл.",
        "ru": "Чтобы найти неизвестный делитель, делимое раздели на частное.",
        "en": "To find a missing divisor, divide the first number by the answer.",
        "uz": "Nomaʼlum boʻluvchini topish uchun boʻlinuvchini boʻlinmaga boʻl.",
    },
    "dividend": {
        "kk": "Белгісіз бөлінгішті табу үшін бөліндіні бөлгішке көбейт.",
        "ru": "Чтобы найти неизвестное делимое, частное умножь на делитель.",
        "en": "To find the missing first number, multiply the answer by the divisor.",
        "uz": "Nomaʼlum boʻlinuvchini topish uchun boʻlinmani boʻluvchiga koʻpaytir.",
    },
}
MULT_RULES["factor2"] = MULT_RULES["factor1"]


@verifier("g02_mult_unknown")
def g02_mult_unknown_verify(values, key):
    left, right = values["equation"].replace("\\square", key).split("=")
    if "\\cdot" in left:
        x, y = left.split("\\cdot")
        ok = int(x) * int(y) == int(right)
    else:
        x, y = left.split(":")
        ok = int(y) > 0 and int(x) == int(y) * int(right)
    return ok and _whole(key, 1, 50)


# ---- measurement ----------------------------------------------------------------------------------

LENGTH_TASKS = ("dm_cm", "dmcm_cm", "m_dm", "cm_dm", "m_cm")


@generator("g02_length_units")
def g02_length_units(rng, options):
    """Length units: d dm = □ cm, d dm c cm = □ cm, m m = □ dm, k·10 cm = □ dm, 1 m = □ cm."""
    kind = rng.choice(options.get("kinds", list(LENGTH_TASKS)))
    d, c = rng.randint(1, 9), rng.randint(1, 9)
    if kind == "dm_cm":
        values, result = {"given": f"{d} дм", "d": d}, d * 10
    elif kind == "dmcm_cm":
        values, result = {"d": d, "c": c}, d * 10 + c
    elif kind == "m_dm":
        values, result = {"d": d}, d * 10
    elif kind == "cm_dm":
        values, result = {"d": d * 10}, d
    else:
        values, result = {"d": 1}, 100
    text = LENGTH_TEXTS[kind]
    task = {lang: text[lang].format(**values) for lang in text}
    done = {lang: t.replace("□", str(result)) for lang, t in task.items()}
    return {
        "values": {"task": task, "done": done, "kind": kind, "d": values["d"], "result": result},
        "key": str(result),
    }


# What is asked, in each language's unit abbreviations; the box is the answer.
LENGTH_TEXTS = {
    "dm_cm": {"kk": "{d} дм = □ см", "ru": "{d} дм = □ см", "en": "{d} dm = □ cm", "uz": "{d} dm = □ sm"},
    "dmcm_cm": {
        "kk": "{d} дм {c} см = □ см",
        "ru": "{d} дм {c} см = □ см",
        "en": "{d} dm {c} cm = □ cm",
        "uz": "{d} dm {c} sm = □ sm",
    },
    "m_dm": {"kk": "{d} м = □ дм", "ru": "{d} м = □ дм", "en": "{d} m = □ dm", "uz": "{d} m = □ dm"},
    "cm_dm": {"kk": "{d} см = □ дм", "ru": "{d} см = □ дм", "en": "{d} cm = □ dm", "uz": "{d} sm = □ dm"},
    "m_cm": {"kk": "{d} м = □ см", "ru": "{d} м = □ см", "en": "{d} m = □ cm", "uz": "{d} m = □ sm"},
}


@verifier("g02_length_units")
def g02_length_units_verify(values, key):
    # Everything in centimetres: 1 dm = 10 cm, 1 m = 100 cm.
    cm = {"cm": 1, "dm": 10, "m": 100}
    left, right = values["task"]["en"].split("=")
    parts = left.split()
    total = sum(int(n) * cm[u] for n, u in zip(parts[::2], parts[1::2], strict=True))
    unit = right.split()[-1]
    return total % cm[unit] == 0 and total // cm[unit] == int(key) and _whole(key, 1, 100)


@generator("g02_perimeter")
def g02_perimeter(rng, options):
    """A triangle, a quadrilateral or a pentagon with whole sides; the perimeter at most 100."""
    while True:
        n = rng.randint(3, 5)
        sides = [rng.randint(2, 25) for _ in range(n)]
        if n == 3 and max(sides) * 2 >= sum(sides):
            continue  # the triangle must exist
        if max(sides) * 2 >= sum(sides):
            continue
        if sum(sides) <= 100:
            break
    name = POLYGON_NAMES[n]
    return {
        "values": {
            "sides": sides,
            "n": n,
            "shape": name,
            "sum_text": " + ".join(map(str, sides)),
            "result": sum(sides),
            **person(rng),
        },
        "key": str(sum(sides)),
    }


POLYGON_NAMES = {
    3: {"kk": "үшбұрыш", "ru": "треугольник", "en": "triangle", "uz": "uchburchak"},
    4: {"kk": "төртбұрыш", "ru": "четырёхугольник", "en": "quadrilateral", "uz": "toʻrtburchak"},
    5: {"kk": "бесбұрыш", "ru": "пятиугольник", "en": "pentagon", "uz": "beshburchak"},
}


@verifier("g02_perimeter")
def g02_perimeter_verify(values, key):
    sides = values["sides"]
    exists = all(2 * s < sum(sides) for s in sides)
    return (
        exists and len(sides) == values["n"] and sum(int(x) for x in values["sum_text"].split(" + ")) == int(key) <= 100
    )


@generator("g02_time_units")
def g02_time_units(rng, options):
    """1 h = 60 min: 1 h m min = □ min, or t min = 1 h □ min (60 < t < 100)."""
    m = rng.randint(1, 7) * 5
    if rng.random() < 0.5:
        task = {
            "kk": f"1 сағ {m} мин = □ мин",
            "ru": f"1 ч {m} мин = □ мин",
            "en": f"1 h {m} min = □ min",
            "uz": f"1 soat {m} daq = □ daq",
        }
        result, total = 60 + m, 60 + m
    else:
        total = 60 + m
        task = {
            "kk": f"{total} мин = 1 сағ □ мин",
            "ru": f"{total} мин = 1 ч □ мин",
            "en": f"{total} min = 1 h □ min",
            "uz": f"{total} daq = 1 soat □ daq",
        }
        result = m
    done = {lang: t.replace("□", str(result)) for lang, t in task.items()}
    return {"values": {"task": task, "done": done, "m": m, "total": total, "result": result}, "key": str(result)}


@verifier("g02_time_units")
def g02_time_units_verify(values, key):
    left, right = values["task"]["en"].split("=")

    # Put the key in the box and compare minutes on both sides.
    def minutes(text):
        parts = text.replace("□", key).split()
        return sum(int(n) * (60 if u == "h" else 1) for n, u in zip(parts[::2], parts[1::2], strict=True))

    return minutes(left) == minutes(right) and _whole(key, 5, 95)


@generator("g02_clock_minutes")
def g02_clock_minutes(rng, options):
    """A clock at h:mm (five-minute steps): how many minutes past h?"""
    hour, minute = rng.randint(1, 12), rng.randint(1, 11) * 5
    return {
        "values": {"hour": hour, "minute": minute, "fives": minute // 5, "time": f"{hour}:{minute:02d}", **person(rng)},
        "key": str(minute),
    }


@verifier("g02_clock_minutes")
def g02_clock_minutes_verify(values, key):
    return int(key) == values["fives"] * 5 and 0 < int(key) < 60 and values["time"].endswith(f"{int(key):02d}")


@generator("g02_duration")
def g02_duration(rng, options):
    """From h:m1 to h:m2 (or to the next hour): how many minutes?"""
    hour = rng.randint(8, 17)
    m1 = rng.randint(0, 10) * 5
    length = rng.randint(3, 11) * 5
    m2 = m1 + length
    end_hour, end_minute = (hour, m2) if m2 < 60 else (hour + 1, m2 - 60)
    cross = m2 > 60  # ending at a whole hour counts as "up to the hour": 60 − m1
    values = {
        "start": f"{hour}:{m1:02d}",
        "end": f"{end_hour}:{end_minute:02d}",
        "cross": cross,
        "to_hour": 60 - m1,
        "after": end_minute,
        "result": length,
        **person(rng),
    }
    values["calc"] = f"{60 - m1} + {end_minute} = {length}" if cross else f"{m2} - {m1} = {length}"
    values["method"] = f"(60 - {m1}) + {end_minute}" if cross else f"{m2} - {m1}"
    return {"values": values, "key": str(length)}


@verifier("g02_duration")
def g02_duration_verify(values, key):
    (h1, m1), (h2, m2) = (map(int, values[k].split(":")) for k in ("start", "end"))
    return (h2 * 60 + m2) - (h1 * 60 + m1) == int(key) and 0 < int(key) < 60


@generator("g02_change")
def g02_change(rng, options):
    """Money: ``kind: change`` paid 100 (or 50) tenge for a price, the change; ``kind: two`` the cost
    of two things."""
    if options.get("kind", "change") == "change":
        paid = rng.choice([50, 100, 100])
        price = rng.randint(2, paid // 5 - 1) * 5 if rng.random() < 0.6 else rng.randint(11, paid - 1)
        values = {"paid": paid, "price": price, "result": paid - price}
    else:
        price, other = rng.randint(11, 60), rng.randint(11, 45)
        while price + other > 100:
            price, other = rng.randint(11, 60), rng.randint(11, 45)
        values = {"price": price, "other": other, "result": price + other}
    values.update(person(rng))
    return {"values": values, "key": str(values["result"])}


@verifier("g02_change")
def g02_change_verify(values, key):
    if "paid" in values:
        return 0 < int(key) < values["paid"] and int(key) + values["price"] == values["paid"]
    return int(key) - values["other"] == values["price"] and _whole(key, 1, 100)


# ---- word problems ---------------------------------------------------------------------------------


@generator("g02_two_step")
def g02_two_step(rng, options):
    """Two steps: ``kind: in_out`` a, b came, c left; ``kind: more_total`` a and b more, both together;
    ``kind: less_total`` a and b fewer, both together."""
    kind = options.get("kind", "in_out")
    while True:
        a, b, c = rng.randint(12, 60), rng.randint(5, 30), rng.randint(5, 40)
        if kind == "in_out":
            first, result = a + b, a + b - c
        elif kind == "more_total":
            first, result = a + b, a + (a + b)
        else:
            first, result = a - b, a + (a - b)
        if 0 < first <= 100 and 0 < result <= 100 and (kind != "in_out" or c < a + b):
            break
    return {"values": {"a": a, "b": b, "c": c, "first": first, "result": result, **two_people(rng)}, "key": str(result)}


@verifier("g02_two_step")
def g02_two_step_verify(values, key):
    a, b, c, r = values["a"], values["b"], values["c"], int(key)
    candidates = {a + b - c, 2 * a + b, 2 * a - b}
    return r in candidates and _whole(key, 1, 100) and values["first"] in (a + b, a - b)


@generator("g02_groups")
def g02_groups(rng, options):
    """k equal groups of n (a table of 2–5): the total."""
    table = rng.choice([2, 3, 4, 5])
    other = rng.randint(2, 9)
    k, n = (table, other) if rng.random() < 0.5 else (other, table)
    return {
        "values": {"k": k, "n": n, "sum": " + ".join([str(n)] * k), "result": k * n, **person(rng)},
        "key": str(k * n),
    }


@verifier("g02_groups")
def g02_groups_verify(values, key):
    return sum(int(t) for t in values["sum"].split(" + ")) == int(key) and (values["k"] <= 5 or values["n"] <= 5)


KIND = {"kk": "Түрі", "ru": "Вид", "en": "Kind", "uz": "Turi"}


def _label(kk, ru, en, uz, ru_form):
    """A row label (as the table shows it) and the Russian form the questions need."""
    return {"label": {"kk": kk, "ru": ru, "en": en, "uz": uz}, "ru": ru_form}


# Each table: its title, the number column's head, four rows, and the questions (diff, total)
# with {x} {y} in each language (kk takes the Kazakh case it needs by vowel harmony).
TABLES = [
    {
        "title": {
            "kk": "Мектеп бағындағы ағаштар",
            "ru": "Деревья в школьном саду",
            "en": "Trees in the school garden",
            "uz": "Maktab bogʻidagi daraxtlar",
        },
        "head": {"kk": "Саны", "ru": "Количество", "en": "Number", "uz": "Soni"},
        "rows": [
            _label("алма", "яблони", "apple trees", "olma", "яблонь"),
            _label("өрік", "абрикосы", "apricot trees", "oʻrik", "абрикосов"),
            _label("шие", "вишни", "cherry trees", "olcha", "вишен"),
            _label("алмұрт", "груши", "pear trees", "nok", "груш"),
        ],
        "diff": {
            "kk": "Бақта {x} {y_abl} неше түп артық?",
            "ru": "На сколько {x} в саду больше, чем {y}?",
            "en": "How many more {x} than {y} are there?",
            "uz": "Bogʻda {x} daraxti {y} daraxtidan nechta koʻp?",
        },
        "total": {
            "kk": "Бақта барлығы неше түп {x} және {y} бар?",
            "ru": "Сколько всего {x} и {y} в саду?",
            "en": "How many {x} and {y} are there altogether?",
            "uz": "Bogʻda jami nechta {x} va {y} daraxti bor?",
        },
    },
    {
        "title": {
            "kk": "Біздің сыныптың сүйікті спорт түрлері",
            "ru": "Любимый спорт нашего класса",
            "en": "Our class's favourite sports",
            "uz": "Sinfimizning sevimli sport turlari",
        },
        "head": {"kk": "Оқушылар", "ru": "Учеников", "en": "Pupils", "uz": "Oʻquvchilar"},
        "rows": [
            _label("футбол", "футбол", "football", "futbol", "футбол"),
            _label("шахмат", "шахматы", "chess", "shaxmat", "шахматы"),
            _label("жүзу", "плавание", "swimming", "suzish", "плавание"),
            _label("күрес", "борьба", "wrestling", "kurash", "борьбу"),
        ],
        "diff": {
            "kk": "{x_acc} таңдаған оқушы {y_acc} таңдаған оқушыдан неше артық?",
            "ru": "На сколько больше учеников выбрали {x}, чем {y}?",
            "en": "How many more pupils chose {x} than {y}?",
            "uz": "{x}ni tanlagan oʻquvchilar {y}ni tanlaganlardan nechta koʻp?",
        },
        "total": {
            "kk": "{x_acc} немесе {y_acc} таңдаған оқушы барлығы нешеу?",
            "ru": "Сколько учеников выбрали {x} или {y}?",
            "en": "How many pupils chose {x} or {y}?",
            "uz": "{x} yoki {y}ni tanlagan oʻquvchilar jami nechta?",
        },
    },
    {
        "title": {
            "kk": "Шымкенттегі дүкенде бір күнде сатылған жемістер",
            "ru": "Фрукты, проданные за день в магазине Шымкента",
            "en": "Fruit sold in one day in a shop in Shymkent",
            "uz": "Chimkentdagi doʻkonda bir kunda sotilgan mevalar",
        },
        "head": {"kk": "Килограмм", "ru": "Килограммов", "en": "Kilograms", "uz": "Kilogramm"},
        "rows": [
            _label("алма", "яблоки", "apples", "olma", "яблок"),
            _label("жүзім", "виноград", "grapes", "uzum", "винограда"),
            _label("қарбыз", "арбузы", "watermelons", "tarvuz", "арбузов"),
            _label("қауын", "дыни", "melons", "qovun", "дынь"),
        ],
        "diff": {
            "kk": "{x} {y_abl} неше килограмм артық сатылды?",
            "ru": "На сколько килограммов {x} продали больше, чем {y}?",
            "en": "How many more kilograms of {x} than of {y} were sold?",
            "uz": "{x} {y}dan necha kilogramm koʻp sotildi?",
        },
        "total": {
            "kk": "{x} және {y} барлығы неше килограмм сатылды?",
            "ru": "Сколько всего килограммов {x} и {y} продали?",
            "en": "How many kilograms of {x} and {y} were sold altogether?",
            "uz": "Jami necha kilogramm {x} va {y} sotildi?",
        },
    },
]


def _question(pattern: dict, x: dict, y: dict) -> dict:
    texts = {}
    for lang, text in pattern.items():
        if lang == "kk":
            fx, fy = x["label"]["kk"], y["label"]["kk"]
            filled = text.format(
                x=fx, y=fy, y_abl=with_case(fy, "abl"), x_acc=with_case(fx, "acc"), y_acc=with_case(fy, "acc")
            )
            filled = filled[0].upper() + filled[1:]
        elif lang == "ru":
            filled = text.format(x=x["ru"], y=y["ru"])
        else:
            filled = text.format(x=x["label"][lang], y=y["label"][lang])
            filled = filled[0].upper() + filled[1:]
        texts[lang] = filled
    return texts


@generator("g02_table")
def g02_table(rng, options):
    """A table of three or four rows (numbers from ``min`` to ``max``); ``ask: diff`` how many more x
    than y, ``ask: total`` x and y together."""
    index = rng.randrange(len(TABLES))
    table = TABLES[index]
    count = rng.randint(3, 4)
    chosen = rng.sample(table["rows"], count)
    numbers = rng.sample(range(options.get("min", 5), options.get("max", 44) + 1), count)
    i, j = rng.sample(range(count), 2)
    if numbers[i] < numbers[j]:
        i, j = j, i
    ask = options.get("ask", "diff")
    result = numbers[i] - numbers[j] if ask == "diff" else numbers[i] + numbers[j]
    values = {
        "title": table["title"],
        "head": [KIND, table["head"]],
        "rows": [[row["label"], n] for row, n in zip(chosen, numbers, strict=True)],
        "x": chosen[i]["label"],
        "y": chosen[j]["label"],
        "xn": numbers[i],
        "yn": numbers[j],
        "question": _question(table[ask], chosen[i], chosen[j]),
        "result": result,
    }
    return {"values": values, "key": str(result)}


@verifier("g02_table")
def g02_table_verify(values, key):
    found = {row[0]["en"]: row[1] for row in values["rows"]}
    x, y = found[values["x"]["en"]], found[values["y"]["en"]]
    return x > y and int(key) in (x - y, x + y) and _whole(key, 1, 100)
