"""Grade 5 generators and their verifiers for the topics: volume, data, word problems.

Split from ``grade05`` by chapter (the data files in content/data/grade-05); the helpers they
share stay there."""

from fractions import Fraction

from qalan.trainer.content.locale import UNITS
from qalan.trainer.content.registry import generator, verifier

# --- Cuboids and units --------------------------------------------------------------------------------


@generator("g05_cuboid_volume")
def g05_cuboid_volume(rng, options):
    a, b, c = (rng.randint(2, options.get("max_edge", 15)) for _ in range(3))
    if options.get("cube"):
        b = c = a
    return {"values": {"a": a, "b": b, "c": c, "ab": a * b, "result": a * b * c}, "key": str(a * b * c)}


@verifier("g05_cuboid_volume")
def g05_cuboid_volume_verify(values, key):
    # Count unit cubes layer by layer.
    return sum(values["a"] * values["b"] for _ in range(values["c"])) == int(key)


@generator("g05_cuboid_surface")
def g05_cuboid_surface(rng, options):
    a, b, c = (rng.randint(2, options.get("max_edge", 12)) for _ in range(3))
    values = {"a": a, "b": b, "c": c, "ab": a * b, "bc": b * c, "ac": a * c}
    values["sum"] = a * b + b * c + a * c
    values["result"] = 2 * values["sum"]
    return {"values": values, "key": str(values["result"])}


@verifier("g05_cuboid_surface")
def g05_cuboid_surface_verify(values, key):
    a, b, c = values["a"], values["b"], values["c"]
    faces = [a * b, a * b, b * c, b * c, a * c, a * c]
    return sum(faces) == int(key)


_CONVERSIONS = {
    # (from, to): factor
    ("m2", "dm2"): 100,
    ("dm2", "cm2"): 100,
    ("m2", "cm2"): 10000,
    ("ha", "m2"): 10000,
    ("m3", "dm3"): 1000,
    ("dm3", "cm3"): 1000,
    ("dm3", "l"): 1,
    ("l", "ml"): 1000,
}


@generator("g05_unit_convert")
def g05_unit_convert(rng, options):
    """n [from] = ? [to] for the conversions in ``pairs`` (all of them end in the template's unit)."""
    pairs = [tuple(p.split(">")) for p in options.get("pairs", ["m2>dm2", "dm2>cm2"])]
    source, target = rng.choice(pairs)
    factor = _CONVERSIONS[(source, target)]
    n = rng.randint(2, options.get("max", 90))
    return {
        "values": {"n": n, "from": UNITS[source], "to": UNITS[target], "factor": factor, "result": n * factor},
        "key": str(n * factor),
    }


@verifier("g05_unit_convert")
def g05_unit_convert_verify(values, key):
    sizes = {
        "м²": 1,
        "дм²": Fraction(1, 100),
        "см²": Fraction(1, 10000),
        "га": 10000,
        "м³": 1,
        "дм³": Fraction(1, 1000),
        "см³": Fraction(1, 10**6),
        "л": Fraction(1, 1000),
        "мл": Fraction(1, 10**6),
    }
    return values["n"] * sizes[values["from"]["ru"]] == int(key) * sizes[values["to"]["ru"]]


# --- Data -----------------------------------------------------------------------------------------


@generator("g05_mean")
def g05_mean(rng, options):
    """The arithmetic mean of 3-5 whole numbers with a whole mean."""
    count = rng.randint(3, options.get("max_count", 5))
    low, high = options.get("low", 10), options.get("high", 60)
    while True:
        numbers = [rng.randint(low, high) for _ in range(count)]
        if sum(numbers) % count == 0 and len(set(numbers)) > 1:
            return {
                "values": {
                    "list": ", ".join(map(str, numbers)),
                    "sum_expr": " + ".join(map(str, numbers)),
                    "total": sum(numbers),
                    "count": count,
                    "result": sum(numbers) // count,
                },
                "key": str(sum(numbers) // count),
            }


@verifier("g05_mean")
def g05_mean_verify(values, key):
    numbers = [int(x) for x in values["list"].split(", ")]
    # The mean: the deviations from it add up to zero.
    return len(numbers) == values["count"] and sum(n - int(key) for n in numbers) == 0


_DAYS = [
    {"kk": "дүйсенбі", "ru": "понедельник", "en": "Monday", "uz": "dushanba"},
    {"kk": "сейсенбі", "ru": "вторник", "en": "Tuesday", "uz": "seshanba"},
    {"kk": "сәрсенбі", "ru": "среда", "en": "Wednesday", "uz": "chorshanba"},
    {"kk": "бейсенбі", "ru": "четверг", "en": "Thursday", "uz": "payshanba"},
    {"kk": "жұма", "ru": "пятница", "en": "Friday", "uz": "juma"},
]
_DAYS_SHORT = [
    {"kk": "Дс", "ru": "Пн", "en": "Mon", "uz": "Du"},
    {"kk": "Сс", "ru": "Вт", "en": "Tue", "uz": "Se"},
    {"kk": "Ср", "ru": "Ср", "en": "Wed", "uz": "Ch"},
    {"kk": "Бс", "ru": "Чт", "en": "Thu", "uz": "Pa"},
    {"kk": "Жм", "ru": "Пт", "en": "Fri", "uz": "Ju"},
]
# Russian prepositional "в понедельник" forms: the accusative of the day.
_DAYS_RU_ACC = ["понедельник", "вторник", "среду", "четверг", "пятницу"]


@generator("g05_bar_chart")
def g05_bar_chart(rng, options):
    """A bar chart of five days (multiples of 5); how many more on one day than on another."""
    bars = [rng.randrange(10, 85, 5) for _ in range(5)]
    while True:
        i, j = rng.sample(range(5), 2)
        if bars[i] != bars[j]:
            break
    if bars[i] < bars[j]:
        i, j = j, i
    day = lambda k: {**_DAYS[k], "ru": _DAYS_RU_ACC[k]}  # noqa: E731
    values = {
        "bars": bars,
        "labels": _DAYS_SHORT,
        "day1": day(i),
        "day2": day(j),
        "v1": bars[i],
        "v2": bars[j],
        "result": bars[i] - bars[j],
    }
    return {"values": values, "key": str(bars[i] - bars[j])}


@verifier("g05_bar_chart")
def g05_bar_chart_verify(values, key):
    bars = values["bars"]
    i = next(k for k in range(5) if _DAYS_RU_ACC[k] == values["day1"]["ru"])
    j = next(k for k in range(5) if _DAYS_RU_ACC[k] == values["day2"]["ru"])
    return bars[i] - bars[j] == int(key) > 0


# --- Word problems: motion ---------------------------------------------------------------------------

_TOWNS = [
    (
        {"kk": "Алматыдан", "ru": "Алматы", "en": "Almaty", "uz": "Olmaotadan"},
        {"kk": "Қонаевқа", "ru": "Конаева", "en": "Konayev", "uz": "Qonayevga"},
    ),
    (
        {"kk": "Шымкенттен", "ru": "Шымкента", "en": "Shymkent", "uz": "Chimkentdan"},
        {"kk": "Түркістанға", "ru": "Туркестана", "en": "Turkistan", "uz": "Turkistonga"},
    ),
    (
        {"kk": "Астанадан", "ru": "Астаны", "en": "Astana", "uz": "Astanadan"},
        {"kk": "Қарағандыға", "ru": "Караганды", "en": "Karaganda", "uz": "Qaragʻandiga"},
    ),
    (
        {"kk": "Павлодардан", "ru": "Павлодара", "en": "Pavlodar", "uz": "Pavlodardan"},
        {"kk": "Екібастұзға", "ru": "Экибастуза", "en": "Ekibastuz", "uz": "Ekibastuzga"},
    ),
]


@generator("g05_motion_time")
def g05_motion_time(rng, options):
    """A bus covers d km at v km/h: how many hours (whole)."""
    # Road distances close to the real ones (km).
    roads = [[60, 70, 80, 90], [150, 160, 180], [200, 210, 240], [120, 140, 150]]
    i = rng.randrange(len(_TOWNS))
    src, dst = _TOWNS[i]
    while True:
        d, t = rng.choice(roads[i]), rng.randint(1, 4)
        if d % t == 0 and 30 <= d // t <= 90 and t > 1:
            return {"values": {"src": src, "dst": dst, "v": d // t, "d": d, "result": t}, "key": str(t)}


@verifier("g05_motion_time")
def g05_motion_time_verify(values, key):
    # Hour by hour: after key hours the bus has covered exactly d.
    covered, hours = 0, 0
    while covered < values["d"]:
        covered += values["v"]
        hours += 1
    return covered == values["d"] and hours == int(key)


@generator("g05_motion_meeting")
def g05_motion_meeting(rng, options):
    """Two cyclists ride towards each other from towns d km apart at v1 and v2 km/h: they meet after t h."""
    v1, v2 = rng.randint(10, 20), rng.randint(10, 20)
    t = rng.randint(2, 5)
    return {"values": {"v1": v1, "v2": v2, "closing": v1 + v2, "d": (v1 + v2) * t, "result": t}, "key": str(t)}


@verifier("g05_motion_meeting")
def g05_motion_meeting_verify(values, key):
    t = int(key)
    return values["v1"] * t + values["v2"] * t == values["d"] and t > 0
