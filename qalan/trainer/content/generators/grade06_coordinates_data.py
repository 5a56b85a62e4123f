"""Grade 6 generators and their verifiers for the topics: coordinate plane, data.

Split from ``grade06`` by chapter (the data files in content/data/grade-06); the helpers they
share stay there."""

import math
from fractions import Fraction

from qalan.trainer.content.generators._util import fraction_key
from qalan.trainer.content.generators.grade06 import _nonzero
from qalan.trainer.content.registry import generator, verifier

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
