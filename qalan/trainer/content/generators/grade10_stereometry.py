"""Grade 10 generators and their verifiers for the topics: lines planes, perpendicularity, polyhedra.

Split from ``grade10`` by chapter (the data files in content/data/grade-10); the helpers they
share stay there."""

import math
from fractions import Fraction
from math import isqrt

from qalan.trainer.content.generators._util import number_key
from qalan.trainer.content.generators.grade10 import TRIPLES, _cross, _dot, _fn_name, _sub
from qalan.trainer.content.registry import generator, verifier

# ---------------------------------------------------------------- stereometry: the cube

CUBE = {
    "A": (0, 0, 0),
    "B": (1, 0, 0),
    "C": (1, 1, 0),
    "D": (0, 1, 0),
    "A_1": (0, 0, 1),
    "B_1": (1, 0, 1),
    "C_1": (1, 1, 1),
    "D_1": (0, 1, 1),
}
EDGES = [
    ("A", "B"),
    ("B", "C"),
    ("C", "D"),
    ("D", "A"),
    ("A_1", "B_1"),
    ("B_1", "C_1"),
    ("C_1", "D_1"),
    ("D_1", "A_1"),
    ("A", "A_1"),
    ("B", "B_1"),
    ("C", "C_1"),
    ("D", "D_1"),
]
FACE_DIAGONALS = [
    ("A", "C"),
    ("B", "D"),
    ("A_1", "C_1"),
    ("B_1", "D_1"),
    ("A", "B_1"),
    ("A_1", "B"),
    ("B", "C_1"),
    ("B_1", "C"),
    ("C", "D_1"),
    ("C_1", "D"),
    ("A", "D_1"),
    ("A_1", "D"),
]


def relation(l1, l2) -> str:
    p1, p2 = CUBE[l1[0]], CUBE[l1[1]]
    q1, q2 = CUBE[l2[0]], CUBE[l2[1]]
    u, v = _sub(p2, p1), _sub(q2, q1)
    if _cross(u, v) == (0, 0, 0):
        return "parallel"
    # Coplanar iff the mixed product is zero.
    return "intersecting" if _dot(_cross(u, v), _sub(q1, p1)) == 0 else "skew"


REL_TEXT = {
    "parallel": {"kk": "параллель", "ru": "параллельны", "en": "parallel", "uz": "parallel"},
    "intersecting": {"kk": "қиылысады", "ru": "пересекаются", "en": "intersecting", "uz": "kesishadi"},
    "skew": {"kk": "айқас", "ru": "скрещиваются", "en": "skew", "uz": "ayqash"},
}


def _line_name(line):
    return f"{line[0]}{line[1]}"


@generator("g10_cube_lines")
def g10_cube_lines(rng, options):
    pool = EDGES + FACE_DIAGONALS
    while True:
        l1, l2 = rng.sample(pool, 2)
        if set(l1) != set(l2):
            break
    rel = relation(l1, l2)
    choices = [{"text": REL_TEXT[r], "correct": r == rel} for r in ("parallel", "intersecting", "skew")]
    rng.shuffle(choices)
    return {
        "values": {"l1": _line_name(l1), "l2": _line_name(l2), "ends": [list(l1), list(l2)], "rel": REL_TEXT[rel]},
        "key": "",
        "choices": choices,
    }


@verifier("g10_cube_lines")
def g10_cube_lines_verify(values, key, choices=None):
    (a, b), (c, d) = values["ends"]
    # Another route: walk along the first line (lines of a cube meet at a vertex or a face centre, so
    # half steps are enough) and test whether the point lies on the second; directions compared by ratios.
    p, q = CUBE[a], CUBE[c]
    u, v = _sub(CUBE[b], p), _sub(CUBE[d], q)
    parallel = any(all(ui * k == vi for ui, vi in zip(u, v, strict=True)) for k in (1, -1))
    meet = False
    for i in range(-4, 5):
        point = tuple(pi + Fraction(i, 2) * ui for pi, ui in zip(p, u, strict=True))
        meet = meet or _cross(_sub(point, q), v) == (0, 0, 0)
    rel = "parallel" if parallel else "intersecting" if meet else "skew"
    if REL_TEXT[rel] != values["rel"]:
        return False
    return choices is None or [c["text"] for c in choices if c["correct"]] == [REL_TEXT[rel]["en"]]


@generator("g10_cube_angle")
def g10_cube_angle(rng, options):
    """The angle between two (non-parallel) lines of a cube, edges and face diagonals."""
    pool = EDGES + FACE_DIAGONALS
    while True:
        l1, l2 = rng.sample(pool, 2)
        u = _sub(CUBE[l1[1]], CUBE[l1[0]])
        v = _sub(CUBE[l2[1]], CUBE[l2[0]])
        if _cross(u, v) != (0, 0, 0):
            break
    cos = abs(_dot(u, v)) / math.sqrt(_dot(u, u) * _dot(v, v))
    angle = round(math.degrees(math.acos(cos)))
    return {
        "values": {
            "l1": _line_name(l1),
            "l2": _line_name(l2),
            "ends": [list(l1), list(l2)],
            "skew": 1 if relation(l1, l2) == "skew" else 0,
            "result": angle,
        },
        "key": str(angle),
    }


@verifier("g10_cube_angle")
def g10_cube_angle_verify(values, key):
    (a, b), (c, d) = values["ends"]
    u, v = _sub(CUBE[b], CUBE[a]), _sub(CUBE[d], CUBE[c])
    # cos^2 of the angle, exactly: (u·v)^2 / (|u|^2 |v|^2).
    cos2 = Fraction(_dot(u, v) ** 2, _dot(u, u) * _dot(v, v))
    return 0 < int(key) <= 90 and abs(math.cos(math.radians(int(key))) ** 2 - float(cos2)) < 1e-12


@generator("g10_perp_oblique")
def g10_perp_oblique(rng, options):
    """MO ⟂ plane, MA oblique, OA its projection: two of them given, the third asked."""
    h, p, l = rng.choice(TRIPLES)
    if rng.random() < 0.5:
        h, p = p, h
    return {"values": {"h": h, "l": l, "h2": h * h, "l2": l * l, "p2": p * p, "result": p}, "key": str(p)}


@verifier("g10_perp_oblique")
def g10_perp_oblique_verify(values, key):
    p = int(key)
    return p > 0 and p * p + values["h"] ** 2 == values["l"] ** 2


@generator("g10_line_plane_angle")
def g10_line_plane_angle(rng, options):
    """Two of MO (perpendicular), MA (oblique), OA (projection): the angle between MA and the plane."""
    a = rng.randint(2, 12)
    mode = rng.randrange(6)
    # (text of the data, squares of MO, MA, OA as far as given, the angle)
    if mode == 0:
        data, sq, angle = f"MO = {a},\\ MA = {2 * a}", {"h2": a * a, "l2": 4 * a * a}, 30
    elif mode == 1:
        data, sq, angle = f"MO = {a},\\ OA = {a}", {"h2": a * a, "p2": a * a}, 45
    elif mode == 2:
        data, sq, angle = f"MO = {a}\\sqrt{{3}},\\ OA = {a}", {"h2": 3 * a * a, "p2": a * a}, 60
    elif mode == 3:
        data, sq, angle = f"MO = {a},\\ OA = {a}\\sqrt{{3}}", {"h2": a * a, "p2": 3 * a * a}, 30
    elif mode == 4:
        data, sq, angle = f"OA = {a},\\ MA = {2 * a}", {"p2": a * a, "l2": 4 * a * a}, 60
    else:
        data, sq, angle = f"MO = {a},\\ MA = {a}\\sqrt{{2}}", {"h2": a * a, "l2": 2 * a * a}, 45
    fn = {0: "sin", 1: "tan", 2: "tan", 3: "tan", 4: "cos", 5: "sin"}[mode]
    value = {
        (0, 30): "\\frac{1}{2}",
        (1, 45): "1",
        (2, 60): "\\sqrt{3}",
        (3, 30): "\\frac{\\sqrt{3}}{3}",
        (4, 60): "\\frac{1}{2}",
        (5, 45): "\\frac{\\sqrt{2}}{2}",
    }[(mode, angle)]
    return {"values": {"data": data, **sq, "fn": _fn_name(fn), "value": value, "result": angle}, "key": str(angle)}


@verifier("g10_line_plane_angle")
def g10_line_plane_angle_verify(values, key):
    h2, l2, p2 = values.get("h2"), values.get("l2"), values.get("p2")
    if h2 is None:
        h2 = l2 - p2
    if p2 is None:
        p2 = l2 - h2
    angle = math.degrees(math.atan2(math.sqrt(h2), math.sqrt(p2)))
    return abs(angle - int(key)) < 1e-9


@generator("g10_three_perpendiculars")
def g10_three_perpendiculars(rng, options):
    """MA ⟂ (ABC), ABCD a rectangle: the distance from M to the line BC is MB."""
    h, a, d = rng.choice(TRIPLES)
    if rng.random() < 0.5:
        h, a = a, h
    ad = rng.randint(2, 20)
    return {"values": {"h": h, "ab": a, "ad": ad, "h2": h * h, "a2": a * a, "d2": d * d, "result": d}, "key": str(d)}


@verifier("g10_three_perpendiculars")
def g10_three_perpendiculars_verify(values, key):
    # Coordinates: A origin, B on x, D on y, M on z; the distance from M to the line BC (x = AB, z = 0).
    m, b, c = (0, 0, values["h"]), (values["ab"], 0, 0), (values["ab"], values["ad"], 0)
    direction = _sub(c, b)
    cross = _cross(_sub(m, b), direction)
    return Fraction(_dot(cross, cross), _dot(direction, direction)) == int(key) ** 2


def _quadruples():
    out = []
    for a in range(1, 16):
        for b in range(a, 16):
            for c in range(b, 21):
                s = a * a + b * b + c * c
                d = isqrt(s)
                if d * d == s and len({a, b, c}) >= 2:
                    out.append((a, b, c, d))
    return out


QUADRUPLES = _quadruples()


@generator("g10_box_diagonal")
def g10_box_diagonal(rng, options):
    a, b, c, d = rng.choice(QUADRUPLES)
    dims = [a, b, c]
    rng.shuffle(dims)
    return {
        "values": {
            "a": dims[0],
            "b": dims[1],
            "c": dims[2],
            "a2": dims[0] ** 2,
            "b2": dims[1] ** 2,
            "c2": dims[2] ** 2,
            "sq": d * d,
            "result": d,
        },
        "key": str(d),
    }


@verifier("g10_box_diagonal")
def g10_box_diagonal_verify(values, key):
    # Twice Pythagoras: the base diagonal, then the space diagonal.
    base2 = values["a"] ** 2 + values["b"] ** 2
    return int(key) ** 2 == base2 + values["c"] ** 2


# ---------------------------------------------------------------- prisms and pyramids


@generator("g10_prism_total_area")
def g10_prism_total_area(rng, options):
    a, b, c = rng.choice(TRIPLES[:6])
    h = rng.randint(2, 20)
    base = a * b // 2
    lateral = (a + b + c) * h
    total = 2 * base + lateral
    return {
        "values": {"a": a, "b": b, "c": c, "h": h, "base": base, "p": a + b + c, "lateral": lateral, "result": total},
        "key": str(total),
    }


@verifier("g10_prism_total_area")
def g10_prism_total_area_verify(values, key):
    a, b, c, h = values["a"], values["b"], values["c"], values["h"]
    faces = [a * h, b * h, c * h, Fraction(a * b, 2), Fraction(a * b, 2)]
    return a * a + b * b == c * c and sum(faces) == int(key)


POLYGON_WORDS = {
    3: {"kk": "үшбұрышты", "ru": "треугольной", "en": "triangular", "uz": "uchburchakli"},
    4: {"kk": "төртбұрышты", "ru": "четырёхугольной", "en": "quadrilateral", "uz": "toʻrtburchakli"},
    5: {"kk": "бесбұрышты", "ru": "пятиугольной", "en": "pentagonal", "uz": "beshburchakli"},
    6: {"kk": "алтыбұрышты", "ru": "шестиугольной", "en": "hexagonal", "uz": "oltiburchakli"},
    8: {"kk": "сегізбұрышты", "ru": "восьмиугольной", "en": "octagonal", "uz": "sakkizburchakli"},
}


@generator("g10_prism_lateral")
def g10_prism_lateral(rng, options):
    n = rng.choice(list(POLYGON_WORDS))
    a, h = rng.randint(2, 15), rng.randint(3, 25)
    return {
        "values": {"kind": POLYGON_WORDS[n], "n": n, "a": a, "h": h, "p": n * a, "result": n * a * h},
        "key": str(n * a * h),
    }


@verifier("g10_prism_lateral")
def g10_prism_lateral_verify(values, key):
    return int(key) == sum(values["a"] * values["h"] for _ in range(values["n"]))


@generator("g10_pyramid_total_area")
def g10_pyramid_total_area(rng, options):
    a = rng.randint(2, 16)
    m = rng.randint(a // 2 + 1, 25)
    base, lateral = a * a, 2 * a * m
    return {
        "values": {
            "a": a,
            "m": m,
            "base": base,
            "face": number_key(Fraction(a * m, 2)),
            "lateral": lateral,
            "result": base + lateral,
        },
        "key": str(base + lateral),
    }


@verifier("g10_pyramid_total_area")
def g10_pyramid_total_area_verify(values, key):
    a, m = values["a"], values["m"]
    return 2 * m > a and int(key) == a * a + 4 * Fraction(a * m, 2)


@generator("g10_pyramid_apothem")
def g10_pyramid_apothem(rng, options):
    """A regular quadrilateral pyramid: height h and base side a; the apothem."""
    h, half, m = rng.choice(TRIPLES)
    if rng.random() < 0.5:
        h, half = half, h
    return {
        "values": {"h": h, "a": 2 * half, "half": half, "h2": h * h, "half2": half * half, "m2": m * m, "result": m},
        "key": str(m),
    }


@verifier("g10_pyramid_apothem")
def g10_pyramid_apothem_verify(values, key):
    # The apothem, the height and the inradius of the square base form a right triangle.
    r = Fraction(values["a"], 2)
    return int(key) ** 2 == values["h"] ** 2 + r * r
