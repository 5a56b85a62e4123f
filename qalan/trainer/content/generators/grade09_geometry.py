"""Grade 9 generators and their verifiers for the topics: vectors, coordinates, solving triangles, polygons circle.

Split from ``grade09`` by chapter (the data files in content/data/grade-09); the helpers they
share stay there."""

# ---------------------------------------------------------------- TeX helpers (used by grade 10 too)
from fractions import Fraction
from math import isqrt

from qalan.trainer.content.generators._util import number_key
from qalan.trainer.content.generators.grade09 import (
    _choices,
    _one_right,
    _triple_leg,
    num_tex,
    parse_pi,
    parse_poly,
    pi_key,
    pi_tex,
    point_text,
    poly_at,
    poly_key,
    poly_tex,
    shift_tex,
)
from qalan.trainer.content.registry import generator, verifier


@generator("g09_vector_combination")
def g09_vector_combination(rng, options):
    """k·a + l·b in coordinates; choose the coordinates."""
    while True:
        a = (rng.randint(-6, 6), rng.randint(-6, 6))
        b = (rng.randint(-6, 6), rng.randint(-6, 6))
        k, l = rng.choice([(1, 1), (1, -1), (2, 1), (2, -1), (1, 2), (3, -1), (1, -2), (3, 2)])
        u = (k * a[0] + l * b[0], k * a[1] + l * b[1])
        if a != (0, 0) and b != (0, 0) and a != b and u != (0, 0) and u[0] != u[1]:
            break

    def lin(c, name, first):
        sign = "-" if c < 0 else ("" if first else "+")
        return f"{sign}{'' if abs(c) == 1 else abs(c)}\\vec{{{name}}}"

    right = point_text(*u)
    wrong = [
        point_text(u[1], u[0]),
        point_text(k * a[0] - l * b[0], k * a[1] - l * b[1]),
        point_text(a[0] + b[0], a[1] + b[1]),
        point_text(-u[0], -u[1]),
        point_text(u[0] + 1, u[1]),
    ]
    values = {
        "ax": a[0],
        "ay": a[1],
        "bx": b[0],
        "by": b[1],
        "k": k,
        "l": l,
        "combo": lin(k, "a", True) + lin(l, "b", False),
        "ux": u[0],
        "uy": u[1],
        "answer": right,
    }
    return {"values": values, "key": "", "choices": _choices(rng, right, wrong)}


@verifier("g09_vector_combination")
def g09_vector_combination_verify(values, key, choices=None):
    k, l = values["k"], values["l"]
    ux = k * values["ax"] + l * values["bx"]
    uy = k * values["ay"] + l * values["by"]
    expect = point_text(ux, uy)
    return expect == values["answer"] and _one_right(choices, expect["en"])


@generator("g09_vector_length")
def g09_vector_length(rng, options):
    """|AB| of a vector given by its ends A and B (legs from a Pythagorean triple)."""
    dx, dy, c = _triple_leg(rng)
    ax, ay = rng.randint(-9, 9), rng.randint(-9, 9)
    return {
        "values": {"ax": ax, "ay": ay, "bx": ax + dx, "by": ay + dy, "dx": dx, "dy": dy, "sq": c * c, "result": c},
        "key": str(c),
    }


@verifier("g09_vector_length")
def g09_vector_length_verify(values, key):
    dx, dy = values["bx"] - values["ax"], values["by"] - values["ay"]
    c = int(key)
    return c > 0 and c * c == dx * dx + dy * dy and dx != 0 and dy != 0


@generator("g09_dot_product")
def g09_dot_product(rng, options):
    while True:
        a = (rng.randint(-7, 7), rng.randint(-7, 7))
        b = (rng.randint(-7, 7), rng.randint(-7, 7))
        if 0 not in a + b:
            break
    dot = a[0] * b[0] + a[1] * b[1]
    return {
        "values": {"ax": a[0], "ay": a[1], "bx": b[0], "by": b[1], "p1": a[0] * b[0], "p2": a[1] * b[1], "result": dot},
        "key": str(dot),
    }


@verifier("g09_dot_product")
def g09_dot_product_verify(values, key):
    # Polarisation: a·b = (|a+b|^2 - |a-b|^2) / 4.
    s = (values["ax"] + values["bx"]) ** 2 + (values["ay"] + values["by"]) ** 2
    d = (values["ax"] - values["bx"]) ** 2 + (values["ay"] - values["by"]) ** 2
    return 4 * int(key) == s - d


@generator("g09_perpendicular_vectors")
def g09_perpendicular_vectors(rng, options):
    """a(m; y1) ⟂ b(x2; y2): find m (whole)."""
    while True:
        x2 = rng.choice([x for x in range(-6, 7) if x != 0])
        m = rng.choice([x for x in range(-9, 10) if x != 0])
        y2 = rng.choice([x for x in range(-6, 7) if x != 0])
        if (m * x2) % y2 == 0:
            y1 = -m * x2 // y2
            if y1 != 0 and abs(y1) <= 15:
                break
    return {"values": {"y1": y1, "x2": x2, "y2": y2, "p2": y1 * y2, "result": m}, "key": str(m)}


@verifier("g09_perpendicular_vectors")
def g09_perpendicular_vectors_verify(values, key):
    m = Fraction(key)
    return m * values["x2"] + values["y1"] * values["y2"] == 0 and m != 0


# ---------------------------------------------------------------- coordinate method


@generator("g09_distance")
def g09_distance(rng, options):
    dx, dy, c = _triple_leg(rng, small=True)
    ax, ay = rng.randint(-8, 8), rng.randint(-8, 8)
    return {
        "values": {
            "ax": ax,
            "ay": ay,
            "bx": ax + dx,
            "by": ay + dy,
            "dx": dx,
            "dy": dy,
            "dx2": dx * dx,
            "dy2": dy * dy,
            "sq": c * c,
            "result": c,
        },
        "key": str(c),
    }


@verifier("g09_distance")
def g09_distance_verify(values, key):
    from math import dist

    return dist((values["ax"], values["ay"]), (values["bx"], values["by"])) == int(key) and values["dx"] != 0


@generator("g09_midpoint")
def g09_midpoint(rng, options):
    while True:
        ax, ay, bx, by = (rng.randint(-10, 10) for _ in range(4))
        if (ax + bx) % 2 == 0 and (ay + by) % 2 == 0 and (ax, ay) != (bx, by) and ax != bx and ay != by:
            mx, my = (ax + bx) // 2, (ay + by) // 2
            if mx != my and (mx, my) != ((bx - ax) // 2, (by - ay) // 2):
                break
    right = point_text(mx, my)
    wrong = [
        point_text((bx - ax) // 2, (by - ay) // 2),
        point_text(my, mx),
        point_text(ax + bx, ay + by),
        point_text(-mx, -my),
        point_text((ax - bx) // 2, (ay - by) // 2),
    ]
    values = {"ax": ax, "ay": ay, "bx": bx, "by": by, "sx": ax + bx, "sy": ay + by, "mx": mx, "my": my, "answer": right}
    return {"values": values, "key": "", "choices": _choices(rng, right, wrong)}


@verifier("g09_midpoint")
def g09_midpoint_verify(values, key, choices=None):
    # The midpoint is equally far from both ends, on the segment.
    mx, my = Fraction(values["ax"] + values["bx"], 2), Fraction(values["ay"] + values["by"], 2)
    ok = (mx - values["ax"], my - values["ay"]) == (values["bx"] - mx, values["by"] - my)
    expect = point_text(mx, my)
    return ok and expect == values["answer"] and _one_right(choices, expect["en"])


def _circle_tex(a, b, rr):
    return f"({shift_tex('x', a)})^2+({shift_tex('y', b)})^2={rr}"


@generator("g09_circle_equation")
def g09_circle_equation(rng, options):
    a = rng.choice([x for x in range(-7, 8) if x != 0])
    b = rng.choice([x for x in range(-7, 8) if x != 0 and x != a])
    r = rng.randint(2, 9)
    right = _circle_tex(a, b, r * r)
    wrong = [
        _circle_tex(-a, -b, r * r),
        _circle_tex(a, b, r),
        _circle_tex(-a, -b, r),
        _circle_tex(b, a, r * r),
        _circle_tex(a, -b, r * r),
    ]
    as_text = lambda t: dict.fromkeys(("kk", "ru", "en", "uz"), f"${t}$")  # noqa: E731
    values = {"a": a, "b": b, "r": r, "rr": r * r, "answer": right}
    return {"values": values, "key": "", "choices": _choices(rng, as_text(right), [as_text(w) for w in wrong])}


@verifier("g09_circle_equation")
def g09_circle_equation_verify(values, key, choices=None):
    a, b, r = values["a"], values["b"], values["r"]
    if choices is None:
        return r > 1 and a * b != 0
    right = [c["text"] for c in choices if c["correct"]]
    if len(right) != 1:
        return False
    # Read the right equation back: the centre's point (a; b) and a point at distance r satisfy it.
    import re

    m = re.fullmatch(r"\(x([+-]\d+)\)\^2\+\(y([+-]\d+)\)\^2=(\d+)", right[0])
    return (
        bool(m)
        and (-int(m.group(1)), -int(m.group(2))) == (a, b)
        and int(m.group(3)) == (a + r - a) ** 2
        and len({c["text"] for c in choices}) == len(choices)
    )


@generator("g09_line_through_points")
def g09_line_through_points(rng, options):
    """y = kx + b through A and B (whole k and b): an expression."""
    k = rng.choice([x for x in range(-4, 5) if x != 0])
    b = rng.randint(-8, 8)
    x1, x2 = sorted(rng.sample(range(-5, 6), 2))
    y1, y2 = k * x1 + b, k * x2 + b
    return {
        "values": {
            "ax": x1,
            "ay": y1,
            "bx": x2,
            "by": y2,
            "k": k,
            "b": b,
            "dy": y2 - y1,
            "dx": x2 - x1,
            "line": "y=" + poly_tex([k, b]),
        },
        "key": poly_key([k, b]),
    }


@verifier("g09_line_through_points")
def g09_line_through_points_verify(values, key):
    line = parse_poly(key)
    return (
        max(line) <= 1
        and poly_at(line, values["ax"]) == values["ay"]
        and poly_at(line, values["bx"]) == values["by"]
        and values["ax"] != values["bx"]
    )


# ---------------------------------------------------------------- solving triangles


def _eisenstein(angle):
    """(b, c, a) with a^2 = b^2 + c^2 - bc (60°) or + bc (120°), b != c, a whole."""
    out = []
    sign = -1 if angle == 60 else 1
    for b in range(2, 25):
        for c in range(2, 25):
            if b == c:
                continue
            a2 = b * b + c * c + sign * b * c
            a = isqrt(a2)
            if a * a == a2 and a <= 40:
                out.append((b, c, a))
    return out


EIS = {60: _eisenstein(60), 120: _eisenstein(120)}


@generator("g09_law_of_cosines")
def g09_law_of_cosines(rng, options):
    angle = rng.choice([60, 120])
    b, c, a = rng.choice(EIS[angle])
    half = b * c  # 2bc·cos A = ±bc
    return {
        "values": {
            "b": b,
            "c": c,
            "angle": angle,
            "cos": "\\frac{1}{2}" if angle == 60 else "-\\frac{1}{2}",
            "bc": half,
            "b2": b * b,
            "c2": c * c,
            "sign": "-" if angle == 60 else "+",
            "sq": a * a,
            "result": a,
        },
        "key": str(a),
    }


@verifier("g09_law_of_cosines")
def g09_law_of_cosines_verify(values, key):
    import math

    b, c, a = values["b"], values["c"], int(key)
    cos_a = (b * b + c * c - a * a) / (2 * b * c)
    return abs(math.degrees(math.acos(cos_a)) - values["angle"]) < 1e-9 and b + c > a


@generator("g09_law_of_sines")
def g09_law_of_sines(rng, options):
    """BC = a, ∠A, ∠B with a rational ratio of sines: AC = a·sin B / sin A."""
    angle_a, angle_b = rng.choice([(30, 90), (90, 30), (30, 30)])
    a = rng.randint(2, 30)
    sines = {30: Fraction(1, 2), 90: Fraction(1)}
    ac = a * sines[angle_b] / sines[angle_a]
    return {
        "values": {
            "a": a,
            "angle_a": angle_a,
            "angle_b": angle_b,
            "sin_a": num_tex(sines[angle_a]),
            "sin_b": num_tex(sines[angle_b]),
            "result": number_key(ac),
        },
        "key": number_key(ac),
    }


@verifier("g09_law_of_sines")
def g09_law_of_sines_verify(values, key):
    import math

    ac = Fraction(key)
    lhs = values["a"] / math.sin(math.radians(values["angle_a"]))
    rhs = float(ac) / math.sin(math.radians(values["angle_b"]))
    return abs(lhs - rhs) < 1e-9 and values["angle_a"] + values["angle_b"] < 180


@generator("g09_circumradius")
def g09_circumradius(rng, options):
    """BC = a and ∠A in {30°, 90°, 150°}: R = a / (2 sin A)."""
    angle = rng.choice([30, 90, 150])
    a = rng.randint(3, 40)
    sin = Fraction(1) if angle == 90 else Fraction(1, 2)
    r = a / (2 * sin)
    return {"values": {"a": a, "angle": angle, "sin": num_tex(sin), "result": number_key(r)}, "key": number_key(r)}


@verifier("g09_circumradius")
def g09_circumradius_verify(values, key):
    import math

    return abs(2 * float(Fraction(key)) * math.sin(math.radians(values["angle"])) - values["a"]) < 1e-9


@generator("g09_area_sine")
def g09_area_sine(rng, options):
    """S = ½·ab·sin C with C in {30°, 150°, 90°}."""
    angle = rng.choice([30, 150, 90])
    a, b = rng.randint(3, 20), rng.randint(3, 20)
    sin = Fraction(1) if angle == 90 else Fraction(1, 2)
    s = Fraction(a * b) * sin / 2
    return {
        "values": {"a": a, "b": b, "angle": angle, "sin": num_tex(sin), "ab": a * b, "result": number_key(s)},
        "key": number_key(s),
    }


@verifier("g09_area_sine")
def g09_area_sine_verify(values, key):
    import math

    return abs(float(Fraction(key)) - values["a"] * values["b"] * math.sin(math.radians(values["angle"])) / 2) < 1e-9


# ---------------------------------------------------------------- regular polygons, circle, arc, sector

POLYGON_N = [n for n in range(3, 37) if 360 % n == 0]


@generator("g09_polygon_angle")
def g09_polygon_angle(rng, options):
    n = rng.choice(POLYGON_N)
    angle = 180 * (n - 2) // n
    return {
        "values": {"n": n, "n2": n - 2, "total": 180 * (n - 2), "exterior": 360 // n, "angle": angle, "result": angle},
        "key": str(angle),
    }


@verifier("g09_polygon_angle")
def g09_polygon_angle_verify(values, key):
    # Exterior angles add up to 360°.
    return values["n"] * (180 - int(key)) == 360


@generator("g09_polygon_sides")
def g09_polygon_sides(rng, options):
    n = rng.choice([x for x in POLYGON_N if x > 4])
    angle = 180 * (n - 2) // n
    return {"values": {"angle": angle, "exterior": 180 - angle, "result": n}, "key": str(n)}


@verifier("g09_polygon_sides")
def g09_polygon_sides_verify(values, key):
    n = int(key)
    return n >= 3 and 180 * (n - 2) == values["angle"] * n


ARC_ANGLES = [30, 36, 40, 45, 60, 72, 90, 120, 135, 150, 180, 210, 240, 270, 300]


@generator("g09_arc_length")
def g09_arc_length(rng, options):
    angle = rng.choice(ARC_ANGLES)
    r = rng.randint(2, 18)
    length = Fraction(r * angle, 180)
    return {"values": {"r": r, "angle": angle, "result": pi_tex(length)}, "key": pi_key(length)}


@verifier("g09_arc_length")
def g09_arc_length_verify(values, key):
    # The arc is angle/360 of the circumference 2πr.
    return parse_pi(key) == Fraction(values["angle"], 360) * 2 * values["r"]


@generator("g09_sector_area")
def g09_sector_area(rng, options):
    angle = rng.choice(ARC_ANGLES)
    r = rng.randint(2, 12)
    area = Fraction(r * r * angle, 360)
    return {"values": {"r": r, "rr": r * r, "angle": angle, "result": pi_tex(area)}, "key": pi_key(area)}


@verifier("g09_sector_area")
def g09_sector_area_verify(values, key):
    return parse_pi(key) == Fraction(values["angle"], 360) * values["r"] ** 2


@generator("g09_circumference")
def g09_circumference(rng, options):
    """The circumference of a circle from its diameter or radius, in terms of π."""
    r = rng.randint(2, 40)
    by_diameter = rng.random() < 0.5
    return {
        "values": {
            "what": {"kk": "диаметрі", "ru": "диаметр", "en": "diameter", "uz": "diametri"}
            if by_diameter
            else {"kk": "радиусы", "ru": "радиус", "en": "radius", "uz": "radiusi"},
            "size": 2 * r if by_diameter else r,
            "r": r,
            "d": 2 * r,
            "result": pi_tex(2 * r),
        },
        "key": pi_key(2 * r),
    }


@verifier("g09_circumference")
def g09_circumference_verify(values, key):
    return parse_pi(key) == values["d"] and values["d"] == 2 * values["r"]
