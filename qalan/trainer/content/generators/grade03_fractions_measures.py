"""Grade 3 generators and their verifiers for the topics: fractions, perimeter area, measures, data, word problems.

Split from ``grade03`` by chapter (the data files in content/data/grade-03); the helpers they
share stay there."""

from fractions import Fraction

from qalan.trainer.content.generators._util import fraction_key

# Names of Kazakhstan's peoples, girls and boys alternating (kk, ru, en, uz).
from qalan.trainer.content.generators.grade03 import NAMES
from qalan.trainer.content.registry import generator, verifier


def name_pair(rng):
    a, b = rng.sample(NAMES, 2)
    return dict(a), dict(b)


# --- Fractions ------------------------------------------------------------------------------------


@generator("g03_unit_fraction_of")
def g03_unit_fraction_of(rng, options):
    """1/2, 1/3 or 1/4 of a number (a multiple of the denominator)."""
    b = rng.choice(options.get("denominators", [2, 3, 4]))
    part = rng.randint(2, options.get("max_part", 25))
    return {"values": {"b": b, "n": b * part, "result": part}, "key": str(part)}


@verifier("g03_unit_fraction_of")
def g03_unit_fraction_of_verify(values, key):
    return Fraction(values["n"], values["b"]) == int(key) and values["b"] in (2, 3, 4, 5, 6, 8, 10)


@generator("g03_shaded_fraction")
def g03_shaded_fraction(rng, options):
    """A strip of b equal parts, a shaded (a/b in lowest terms)."""
    while True:
        b = rng.choice([2, 3, 4, 5, 6, 8])
        a = 1 if rng.random() < 0.5 else rng.randint(1, b - 1)
        if Fraction(a, b).numerator == a:
            return {"values": {"a": a, "b": b, "result": f"{a}/{b}"}, "key": f"{a}/{b}"}


@verifier("g03_shaded_fraction")
def g03_shaded_fraction_verify(values, key):
    return fraction_key(Fraction(values["a"], values["b"])) == key and 0 < values["a"] < values["b"]


@generator("g03_unit_fraction_compare")
def g03_unit_fraction_compare(rng, options):
    """The largest (or smallest) of three unit fractions."""
    dens = rng.sample([2, 3, 4, 5, 6, 8, 10], 3)
    smallest = options.get("smallest", False)
    best = max(dens) if smallest else min(dens)
    return {
        "values": {"best": f"1/{best}", "bd": best},
        "key": "",
        "choices": [{"text": f"1/{d}", "correct": d == best} for d in dens],
    }


@verifier("g03_unit_fraction_compare")
def g03_unit_fraction_compare_verify(values, key, choices=None):
    if choices is None:
        return True
    fractions = [Fraction(c["text"]) for c in choices]
    right = [Fraction(c["text"]) for c in choices if c["correct"]]
    return len(right) == 1 and right[0] in (max(fractions), min(fractions)) and all(f.numerator == 1 for f in fractions)


# --- Perimeter and area ---------------------------------------------------------------------------


@generator("g03_triangle_perimeter")
def g03_triangle_perimeter(rng, options):
    while True:
        a, b, c = (rng.randint(3, 30) for _ in range(3))
        if a + b > c and b + c > a and a + c > b:
            return {"values": {"a": a, "b": b, "c": c, "result": a + b + c}, "key": str(a + b + c)}


@verifier("g03_triangle_perimeter")
def g03_triangle_perimeter_verify(values, key):
    sides = sorted([values["a"], values["b"], values["c"]])
    return sides[0] + sides[1] > sides[2] and int(key) - sides[2] - sides[1] == sides[0]


@generator("g03_square_perimeter")
def g03_square_perimeter(rng, options):
    a = rng.randint(2, 25)
    return {"values": {"a": a, "result": 4 * a}, "key": str(4 * a)}


@verifier("g03_square_perimeter")
def g03_square_perimeter_verify(values, key):
    return int(key) == sum([values["a"]] * 4)


@generator("g03_grid_area")
def g03_grid_area(rng, options):
    """A rectangle of rows x cols unit squares (1 cm²) on squared paper."""
    rows, cols = rng.randint(2, 6), rng.randint(2, 9)
    return {"values": {"rows": rows, "cols": cols, "result": rows * cols}, "key": str(rows * cols)}


@verifier("g03_grid_area")
def g03_grid_area_verify(values, key):
    return int(key) == sum(values["cols"] for _ in range(values["rows"]))


@generator("g03_rect_area")
def g03_rect_area(rng, options):
    """A rectangle or a square with sides to 10 cm (the table); ``find: side`` gives the area and a side."""
    square = rng.random() < 0.3
    a = rng.randint(2, 10)
    b = a if square else rng.choice([x for x in range(2, 11) if x != a])
    kind = (
        {"kk": "шаршының", "ru": "квадрата", "en": "square", "uz": "kvadratning"}
        if square
        else {"kk": "тіктөртбұрыштың", "ru": "прямоугольника", "en": "rectangle", "uz": "toʻgʻri toʻrtburchakning"}
    )
    if options.get("find") == "side":
        return {"values": {"a": a, "b": b, "area": a * b, "result": b}, "key": str(b)}
    return {"values": {"a": a, "b": b, "kind": kind, "result": a * b}, "key": str(a * b)}


@verifier("g03_rect_area")
def g03_rect_area_verify(values, key):
    if "area" in values:
        return values["area"] == values["a"] * int(key)
    return int(key) == values["a"] * values["b"] and (values["a"] == values["b"]) == (values["kind"]["en"] == "square")


# --- Units ------------------------------------------------------------------------------------------

UNIT_WORDS = {
    "m": {"kk": "м", "ru": "м", "en": "m", "uz": "m"},
    "dm": {"kk": "дм", "ru": "дм", "en": "dm", "uz": "dm"},
    "cm": {"kk": "см", "ru": "см", "en": "cm", "uz": "sm"},
    "mm": {"kk": "мм", "ru": "мм", "en": "mm", "uz": "mm"},
}
IN_SMALL = {("m", "cm"): 100, ("dm", "cm"): 10, ("m", "dm"): 10, ("cm", "mm"): 10}


@generator("g03_length_units")
def g03_length_units(rng, options):
    """``big`` + ``small`` units written in the smaller one: 3 dm 4 cm = 34 cm, 5 m 20 cm = 520 cm."""
    small = options.get("to", "cm")
    big = rng.choice([b for (b, s) in IN_SMALL if s == small])
    factor = IN_SMALL[(big, small)]
    x = rng.randint(1, 9)
    y = rng.randint(1, factor - 1)
    return {
        "values": {
            "x": x,
            "y": y,
            "big": UNIT_WORDS[big],
            "small": UNIT_WORDS[small],
            "factor": factor,
            "xf": x * factor,
            "result": x * factor + y,
        },
        "key": str(x * factor + y),
    }


@verifier("g03_length_units")
def g03_length_units_verify(values, key):
    return 0 < values["y"] < values["factor"] and divmod(int(key), values["factor"]) == (values["x"], values["y"])


@generator("g03_mass_units")
def g03_mass_units(rng, options):
    """x kg y g in grams (y may have fewer than three digits: 2 kg 50 g = 2050 g, the classic slip)."""
    x = rng.randint(1, 9)
    y = rng.choice([rng.randint(1, 9) * 100, rng.randint(1, 99) * 10, rng.randint(1, 999)])
    return {"values": {"x": x, "y": y, "xg": 1000 * x, "result": 1000 * x + y}, "key": str(1000 * x + y)}


@verifier("g03_mass_units")
def g03_mass_units_verify(values, key):
    return 0 < values["y"] < 1000 and divmod(int(key), 1000) == (values["x"], values["y"])


@generator("g03_hours_minutes")
def g03_hours_minutes(rng, options):
    """x h y min in minutes."""
    x, y = rng.randint(1, 5), rng.randint(1, 59)
    return {"values": {"x": x, "y": y, "xm": 60 * x, "result": 60 * x + y}, "key": str(60 * x + y)}


@verifier("g03_hours_minutes")
def g03_hours_minutes_verify(values, key):
    return 0 < values["y"] < 60 and divmod(int(key), 60) == (values["x"], values["y"])


def clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


@generator("g03_time_interval")
def g03_time_interval(rng, options):
    """From h1:m1 to h2:m2 on the same day, 15 to 150 minutes, crossing an hour."""
    while True:
        start = rng.randint(8 * 12, 16 * 12) * 5
        length = rng.randint(3, 30) * 5
        if start // 60 != (start + length) // 60:
            break
    end = start + length
    to_hour = 60 - start % 60
    return {
        "values": {
            "start": clock(start),
            "end": clock(end),
            "full": clock(start + to_hour),
            "to_hour": to_hour,
            "after": length - to_hour,
            "result": length,
        },
        "key": str(length),
    }


@verifier("g03_time_interval")
def g03_time_interval_verify(values, key):
    def minutes(text):
        h, m = text.split(":")
        return int(h) * 60 + int(m)

    return minutes(values["end"]) - minutes(values["start"]) == int(key) > 0 and values["to_hour"] + values[
        "after"
    ] == int(key)


# --- Word problems ------------------------------------------------------------------------------------


@generator("g03_wp_two_step")
def g03_wp_two_step(rng, options):
    """There were a, b went away, c came: a - b + c."""
    a = rng.randint(100, 800)
    b = rng.randint(20, a - 10)
    c = rng.randint(10, 150)
    return {"values": {"a": a, "b": b, "c": c, "ab": a - b, "result": a - b + c}, "key": str(a - b + c)}


@verifier("g03_wp_two_step")
def g03_wp_two_step_verify(values, key):
    return values["a"] > values["b"] and int(key) == values["a"] + values["c"] - values["b"] and int(key) > 0


@generator("g03_wp_price")
def g03_wp_price(rng, options):
    """Price · quantity = cost; ``find``: cost, quantity or price."""
    price = rng.randint(3, 25) * 10
    count = rng.randint(2, 9)
    while price * count > 1000:
        count -= 1
    name = rng.choice(NAMES)
    find = options.get("find", "cost")
    result = {"cost": price * count, "quantity": count, "price": price}[find]
    return {
        "values": {"price": price, "count": count, "cost": price * count, "name": name, "result": result},
        "key": str(result),
    }


@verifier("g03_wp_price")
def g03_wp_price_verify(values, key):
    return values["price"] * values["count"] == values["cost"] <= 1000 and int(key) in (
        values["price"],
        values["count"],
        values["cost"],
    )


@generator("g03_wp_times")
def g03_wp_times(rng, options):
    """``more``: b is k times a (a · k); ``less``: b is k times fewer than a (a : k); ``diff``: how many more."""
    k = rng.randint(2, 9)
    first, second = name_pair(rng)
    mode = options.get("mode", "more")
    if mode == "more":
        a = rng.randint(3, 1000 // k)
        result = a * k
    elif mode == "less":
        q = rng.randint(3, 1000 // k)
        a, result = q * k, q
    else:
        b = rng.randint(10, 400)
        a = b + rng.randint(5, 400)
        return {"values": {"a": a, "b": b, "first": first, "second": second, "result": a - b}, "key": str(a - b)}
    return {"values": {"a": a, "k": k, "first": first, "second": second, "result": result}, "key": str(result)}


@verifier("g03_wp_times")
def g03_wp_times_verify(values, key):
    r = int(key)
    if "k" not in values:
        return r > 0 and r + values["b"] == values["a"]
    return r > 0 and (r == values["a"] * values["k"] or r * values["k"] == values["a"])


# --- Data ---------------------------------------------------------------------------------------------

FRUITS = [
    {"kk": "алма", "ru": "яблоко", "en": "apple", "uz": "olma"},
    {"kk": "алмұрт", "ru": "груша", "en": "pear", "uz": "nok"},
    {"kk": "өрік", "ru": "урюк", "en": "apricot", "uz": "oʻrik"},
    {"kk": "жүзім", "ru": "виноград", "en": "grapes", "uz": "uzum"},
    {"kk": "қауын", "ru": "дыня", "en": "melon", "uz": "qovun"},
]


@generator("g03_fruit_chart")
def g03_fruit_chart(rng, options):
    """A class voted for its favourite fruit (2 to 12 votes each); ``ask``: more (difference) or total."""
    votes = [rng.randint(2, 12) for _ in FRUITS]
    i, j = rng.sample(range(len(FRUITS)), 2)
    if votes[i] == votes[j]:
        votes[i] += 1
    if votes[i] < votes[j]:
        i, j = j, i
    labels = [{lang: f[lang][:1].upper() + f[lang][1:] for lang in f} for f in FRUITS]
    values = {"bars": votes, "labels": labels, "f1": FRUITS[i], "f2": FRUITS[j], "v1": votes[i], "v2": votes[j]}
    if options.get("ask", "more") == "more":
        result = votes[i] - votes[j]
    else:
        result = sum(votes)
        values["sum"] = " + ".join(str(v) for v in votes)
        values["first"] = votes[0]
    values["result"] = result
    return {"values": values, "key": str(result)}


@verifier("g03_fruit_chart")
def g03_fruit_chart_verify(values, key):
    bars = values["bars"]
    if "sum" in values:
        return int(key) == sum(bars) == sum(int(x) for x in values["sum"].split(" + "))
    return int(key) == values["v1"] - values["v2"] > 0 and values["v1"] in bars and values["v2"] in bars
