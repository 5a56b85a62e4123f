"""Grade 1 generators and their verifiers for the topics: add sub 10, shapes length, money time, word problems.

Split from ``grade01`` by chapter (the data files in content/data/grade-01); the helpers they
share stay there."""

# (kk, ru, en, uz, girl, Russian genitive): children of Kazakhstan's peoples, girls and boys alternately.
from qalan.trainer.content.generators.grade01 import _whole, person, two_people
from qalan.trainer.content.registry import generator, verifier


@generator("g01_unknown")
def g01_unknown(rng, options):
    """□ + b = c, a + □ = c, c − □ = b or □ − b = a, all within ``max``."""
    top = options.get("max", 10)
    c = rng.randint(options.get("min", 3), top)
    a = rng.randint(1, c - 1)
    b = c - a
    kind = rng.choice(["first", "second", "subtrahend", "minuend"])
    if kind == "first":
        equation, result = f"\\square + {b} = {c}", a
    elif kind == "second":
        equation, result = f"{a} + \\square = {c}", b
    elif kind == "subtrahend":
        equation, result = f"{c} - \\square = {b}", a
    else:
        equation, result = f"\\square - {b} = {a}", c
    values = {"equation": equation, "kind": kind, "a": a, "b": b, "c": c, "result": result, "rule": UNKNOWN_RULES[kind]}
    values["method"] = {
        "first": f"{c} - {b}",
        "second": f"{c} - {a}",
        "subtrahend": f"{c} - {b}",
        "minuend": f"{a} + {b}",
    }[kind]
    return {"values": values, "key": str(result)}


# The rule a first-grade textbook gives for each missing number.
UNKNOWN_RULES = {
    "first": {
        "kk": "Белгісіз қосылғышты табу үшін қосындыдан белгілі қосылғышты азайт.",
        "ru": "Чтобы найти неизвестное слагаемое, из суммы вычти известное слагаемое.",
        "en": "To find a missing part of a sum, take the known part away from the total.",
        "uz": "Nomaʼlum qoʻshiluvchini topish uchun yigʻindidan maʼlum qoʻshiluvchini ayir.",
    },
    "subtrahend": {
        "kk": "Белгісіз азайтқышты табу үшін азайғыштан айырманы азайт.",
        "ru": "Чтобы найти неизвестное вычитаемое, из уменьшаемого вычти разность.",
        "en": "To find the number taken away, take the answer away from the first number.",
        "uz": "Nomaʼlum ayriluvchini topish uchun kamayuvchidan ayirmani ayir.",
    },
    "minuend": {
        "kk": "Белгісіз азайғышты табу үшін айырма мен азайтқышты қос.",
        "ru": "Чтобы найти неизвестное уменьшаемое, сложи разность и вычитаемое.",
        "en": "To find the first number, add the answer and the number taken away.",
        "uz": "Nomaʼlum kamayuvchini topish uchun ayirma bilan ayriluvchini qoʻsh.",
    },
}
UNKNOWN_RULES["second"] = UNKNOWN_RULES["first"]


@verifier("g01_unknown")
def g01_unknown_verify(values, key):
    left, right = values["equation"].replace("\\square", key).split("=")
    if "+" in left:
        x, y = left.split("+")
        ok = int(x) + int(y) == int(right)
    else:
        x, y = left.split("-")
        ok = int(x) - int(y) == int(right)
    return _whole(key, 0, 100) and ok


@generator("g01_add_three")
def g01_add_three(rng, options):
    top = options.get("max", 10)
    while True:
        a, b, c = rng.randint(1, 6), rng.randint(1, 6), rng.randint(1, 6)
        signs = rng.choice([("+", "+"), ("+", "-"), ("-", "+")])
        first = a + b if signs[0] == "+" else a - b
        total = first + c if signs[1] == "+" else first - c
        if 0 <= first <= top and 0 <= total <= top and a + b + c > 3:
            break
    expr = f"{a} {signs[0]} {b} {signs[1]} {c}"
    return {"values": {"expr": expr, "first": first, "result": total, "a": a, "b": b, "c": c}, "key": str(total)}


@verifier("g01_add_three")
def g01_add_three_verify(values, key):
    tokens = values["expr"].split()
    total = int(tokens[0])
    for sign, number in zip(tokens[1::2], tokens[2::2], strict=True):
        total = total + int(number) if sign == "+" else total - int(number)
        if total < 0:
            return False
    return _whole(key, 0, 10) and total == int(key)


# ---- measurement and shapes -----------------------------------------------------------------


@generator("g01_length")
def g01_length(rng, options):
    n = rng.randint(2, options.get("max", 14))
    return {"values": {"n": n, "end": 15, **person(rng)}, "key": str(n)}


@verifier("g01_length")
def g01_length_verify(values, key):
    return _whole(key, 2, 15) and int(key) == values["n"] <= values["end"]


@generator("g01_length_diff")
def g01_length_diff(rng, options):
    """Two ribbons (cm): ``ask: diff`` how much longer, ``ask: sum`` both together."""
    top = options.get("max", 20)
    while True:
        a, b = rng.randint(3, top), rng.randint(2, top)
        if a > b and (options.get("ask") != "sum" or a + b <= top):
            break
    result = a - b if options.get("ask", "diff") == "diff" else a + b
    return {"values": {"a": a, "b": b, "result": result, **person(rng)}, "key": str(result)}


@verifier("g01_length_diff")
def g01_length_diff_verify(values, key):
    return (
        values["a"] > values["b"]
        and int(key) in (values["a"] - values["b"], values["a"] + values["b"])
        and _whole(key, 1, 20)
    )


@generator("g01_corners")
def g01_corners(rng, options):
    n = rng.randint(3, options.get("max", 8))
    what = rng.choice(POLYGON_PARTS)
    return {"values": {"n": n, "tilt": rng.randint(0, 5), "what": what, **person(rng)}, "key": str(n)}


POLYGON_PARTS = [
    {"kk": "бұрышы", "ru": "углов", "en": "corners", "uz": "burchagi"},
    {"kk": "қабырғасы", "ru": "сторон", "en": "sides", "uz": "tomoni"},
    {"kk": "төбесі", "ru": "вершин", "en": "vertices", "uz": "uchi"},
]


@verifier("g01_corners")
def g01_corners_verify(values, key):
    return 3 <= int(key) <= 8 and int(key) == values["n"]


COINS = (1, 2, 5, 10, 20, 50)


@generator("g01_coins")
def g01_coins(rng, options):
    top = options.get("max", 20)
    kinds = [c for c in COINS if c <= options.get("largest", 10)]
    while True:
        coins = sorted((rng.choice(kinds) for _ in range(rng.randint(2, 4))), reverse=True)
        if sum(coins) <= top and len(set(coins)) > 1:
            break
    return {
        "values": {
            "coins": coins,
            "sum_text": " + ".join(str(c) for c in coins),
            "count": len(coins),
            "result": sum(coins),
            **person(rng),
        },
        "key": str(sum(coins)),
    }


@verifier("g01_coins")
def g01_coins_verify(values, key):
    return (
        all(c in COINS for c in values["coins"])
        and sum(int(x) for x in values["sum_text"].split(" + ")) == int(key) <= 100
    )


@generator("g01_clock")
def g01_clock(rng, options):
    """A clock in whole hours: ``ask: now`` what it shows, ``ask: later`` the hour k hours later."""
    hour = rng.randint(1, 12)
    later = rng.randint(1, 5)
    result = hour if options.get("ask", "now") == "now" else (hour + later - 1) % 12 + 1
    return {
        "values": {"hour": hour, "later": later, "sum": hour + later, "result": result, **person(rng)},
        "key": str(result),
    }


@verifier("g01_clock")
def g01_clock_verify(values, key):
    dial = list(range(1, 13)) * 2
    later = dial[dial.index(values["hour"]) + values["later"]]
    return int(key) in (values["hour"], later) and 1 <= int(key) <= 12


# ---- word problems --------------------------------------------------------------------------


@generator("g01_wp")
def g01_wp(rng, options):
    """Simple problems: ``kind`` add (had a, got b), sub (had a, gave b), more (a, b more), less
    (a, b fewer), diff (a and b: by how many more)."""
    kind, top = options.get("kind", "add"), options.get("max", 10)
    while True:
        a, b = rng.randint(2, top), rng.randint(1, top - 1)
        if kind in ("add", "more") and a + b <= top:
            result = a + b
            break
        if kind in ("sub", "less", "diff") and a > b:
            result = a - b
            break
    return {"values": {"a": a, "b": b, "result": result, **two_people(rng)}, "key": str(result)}


@verifier("g01_wp")
def g01_wp_verify(values, key):
    a, b, r = values["a"], values["b"], int(key)
    return 0 < r <= 20 and (r - b == a or r + b == a)
