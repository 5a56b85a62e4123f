"""Grade 4 generators and their verifiers for the topics: units, fractions, volume, circle, data, word problems.

Split from ``grade04`` by chapter (the data files in content/data/grade-04); the helpers they
share stay there."""

from fractions import Fraction

from qalan.trainer.content.generators._util import proper
from qalan.trainer.content.generators.grade03 import NAMES
from qalan.trainer.content.generators.grade04 import _safe_eval
from qalan.trainer.content.registry import generator, verifier

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
