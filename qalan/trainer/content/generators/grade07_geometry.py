"""Grade 7 generators and their verifiers for the topics: basics, triangles, parallel, right triangles, circle.

Split from ``grade07`` by chapter (the data files in content/data/grade-07); the helpers they
share stay there."""

from fractions import Fraction
from math import gcd

from qalan.trainer.content.generators._util import number_key
from qalan.trainer.content.generators.grade07 import _first
from qalan.trainer.content.registry import generator, verifier


@generator("g07_segment")
def g07_segment(rng, options):
    """Point C on segment AB: AB and how AC and CB compare (d longer, or in a ratio p:q); find CB."""
    if _first(rng, options, "diff", 0.5):
        cb = rng.randint(2, 30)
        d = rng.randint(1, 20)
        ab = 2 * cb + d
        values = {"kind": "diff", "ab": ab, "d": d, "twice": ab - d, "result": cb}
    else:
        p, q = rng.randint(1, 5), rng.randint(1, 5)
        while gcd(p, q) != 1 or p == q:
            p, q = rng.randint(1, 5), rng.randint(1, 5)
        part = rng.randint(2, 9)
        ab = (p + q) * part
        values = {"kind": "ratio", "ab": ab, "p": p, "q": q, "parts": p + q, "part": part, "result": q * part}
    return {"values": values, "key": str(values["result"])}


@verifier("g07_segment")
def g07_segment_verify(values, key):
    cb, v = int(key), values
    ac = v["ab"] - cb
    return cb > 0 and ac > 0 and (ac - cb == v["d"] if v["kind"] == "diff" else ac * v["q"] == cb * v["p"])


@generator("g07_vertical")
def g07_vertical(rng, options):
    """Two lines cross: the sum of two of the angles (vertical ones), or one angle d° more than its neighbour."""
    if _first(rng, options, "sum", 0.5):
        half = rng.randint(15, 80)
        while half == 45 or half == 90:
            half = rng.randint(15, 80)
        values = {"kind": "sum", "s": 2 * half, "small": half, "result": 180 - half}
    else:
        small = rng.randint(20, 85)
        d = 180 - 2 * small
        values = {"kind": "diff", "d": d, "small": small, "twice": 180 - d, "result": 180 - small}
    return {"values": values, "key": str(values["result"])}


@verifier("g07_vertical")
def g07_vertical_verify(values, key):
    big = int(key)
    small = 180 - big
    ok = values["s"] == 2 * small if values["kind"] == "sum" else big - small == values["d"]
    return ok and big > 90 > small > 0


@generator("g07_triangle_angles")
def g07_triangle_angles(rng, options):
    """The angles of a triangle: two known; or in a ratio p:q:r (find the largest)."""
    if _first(rng, options, "two", 0.45):
        a, b = rng.randint(20, 110), rng.randint(20, 110)
        while 180 - a - b < 10:
            a, b = rng.randint(20, 110), rng.randint(20, 100)
        values = {"kind": "two", "a": a, "b": b, "result": 180 - a - b}
    else:
        while True:
            p, q, r = sorted(rng.sample(range(1, 10), 3))
            if 180 % (p + q + r) == 0 and gcd(gcd(p, q), r) == 1:
                break
        part = 180 // (p + q + r)
        values = {"kind": "ratio", "p": p, "q": q, "r": r, "parts": p + q + r, "part": part, "result": r * part}
    return {"values": values, "key": str(values["result"])}


@verifier("g07_triangle_angles")
def g07_triangle_angles_verify(values, key):
    v, x = values, int(key)
    if v["kind"] == "two":
        return x >= 10 and v["a"] + v["b"] + x == 180
    return x * (v["p"] + v["q"] + v["r"]) == 180 * v["r"] and x < 180


@generator("g07_exterior")
def g07_exterior(rng, options):
    """An exterior angle and one remote interior angle: the other; or the two remote angles: the exterior one."""
    if _first(rng, options, "remote", 0.5):
        ext = rng.randint(60, 170)
        known = rng.randint(10, ext - 10)
        values = {"kind": "remote", "ext": ext, "known": known, "result": ext - known}
    else:
        a, b = rng.randint(15, 90), rng.randint(15, 80)
        while a + b >= 170:
            b = rng.randint(15, 60)
        values = {"kind": "exterior", "a": a, "b": b, "result": a + b}
    return {"values": values, "key": str(values["result"])}


@verifier("g07_exterior")
def g07_exterior_verify(values, key):
    v, x = values, int(key)
    if v["kind"] == "remote":
        return x > 0 and (180 - v["ext"]) + v["known"] + x == 180
    return x < 180 and 180 - x + v["a"] + v["b"] == 180


@generator("g07_isosceles")
def g07_isosceles(rng, options):
    """Isosceles triangle: the base angle gives the apex angle, or the apex angle gives a base angle."""
    if _first(rng, options, "apex", 0.5):
        base = rng.randint(20, 85)
        values = {"kind": "apex", "base": base, "twice": 2 * base, "result": 180 - 2 * base}
    else:
        apex = rng.randrange(20, 161, 2)
        values = {"kind": "base", "apex": apex, "rest": 180 - apex, "result": (180 - apex) // 2}
    return {"values": values, "key": str(values["result"])}


@verifier("g07_isosceles")
def g07_isosceles_verify(values, key):
    v, x = values, int(key)
    return x > 0 and (2 * v["base"] + x == 180 if v["kind"] == "apex" else 2 * x + v["apex"] == 180)


def _forms_triangle(a, b, c):
    s = sorted((a, b, c))
    return s[0] + s[1] > s[2]


@generator("g07_triangle_exists")
def g07_triangle_exists(rng, options):
    """Four triples of lengths; choose the ones that form a triangle (at least one does, at least one does not)."""
    while True:
        triples = set()
        while len(triples) < 4:
            a, b = rng.randint(1, 12), rng.randint(1, 12)
            c = rng.choice(
                [
                    a + b,
                    a + b + rng.randint(1, 4),
                    abs(a - b) + rng.randint(1, max(1, 2 * min(a, b) - 1)),
                    max(1, abs(a - b)),
                ]
            )
            triples.add(tuple(sorted((a, b, c))))
        good = [t for t in triples if _forms_triangle(*t)]
        if 1 <= len(good) <= 3:
            break
    choices = [{"text": ", ".join(map(str, t)), "correct": _forms_triangle(*t)} for t in sorted(triples)]
    return {"values": {"count": len(good)}, "key": "", "choices": choices}


@verifier("g07_triangle_exists")
def g07_triangle_exists_verify(values, key, drawn=None):
    if not drawn:
        return False
    for choice in drawn:
        a, b, c = (int(t) for t in choice["text"].split(", "))
        ok = a + b > c and a + c > b and b + c > a
        if ok != choice["correct"]:
            return False
    return sum(c["correct"] for c in drawn) == values["count"] >= 1


@generator("g07_third_side")
def g07_third_side(rng, options):
    """Two sides a, b: how many whole lengths can the third side have?"""
    a, b = rng.randint(2, 15), rng.randint(2, 15)
    while a == b:
        b = rng.randint(2, 15)
    low, high = abs(a - b), a + b
    return {
        "values": {
            "a": a,
            "b": b,
            "low": low,
            "high": high,
            "first": low + 1,
            "last": high - 1,
            "result": high - low - 1,
        },
        "key": str(high - low - 1),
    }


@verifier("g07_third_side")
def g07_third_side_verify(values, key):
    a, b = values["a"], values["b"]
    return int(key) == sum(1 for c in range(1, a + b + 1) if _forms_triangle(a, b, c)) > 0


@generator("g07_congruent")
def g07_congruent(rng, options):
    """△ABC = △MNK (the order of the letters matches the vertices): a side of MNK from ABC."""
    while True:
        ab, bc, ca = rng.randint(3, 15), rng.randint(3, 15), rng.randint(3, 15)
        if _forms_triangle(ab, bc, ca) and len({ab, bc, ca}) == 3:
            break
    letters = rng.choice(["MNK", "DEF", "PQR", "KLM"])
    ask = rng.randrange(3)
    pairs = [("AB", ab), ("BC", bc), ("CA", ca)]
    target = [letters[0] + letters[1], letters[1] + letters[2], letters[2] + letters[0]][ask]
    return {
        "values": {
            "second": letters,
            "ab": ab,
            "bc": bc,
            "ca": ca,
            "ask": ask,
            "target": target,
            "source": pairs[ask][0],
            "result": pairs[ask][1],
        },
        "key": str(pairs[ask][1]),
    }


@verifier("g07_congruent")
def g07_congruent_verify(values, key):
    v = values
    side = {"AB": v["ab"], "BC": v["bc"], "CA": v["ca"]}["ABC"[v["ask"]] + "ABC"[(v["ask"] + 1) % 3]]
    return int(key) == side and v["target"] == v["second"][v["ask"]] + v["second"][(v["ask"] + 1) % 3]


@generator("g07_triangle_area")
def g07_triangle_area(rng, options):
    """A triangle's base and height (or a right triangle's legs): the area, possibly a half."""
    base, height = rng.randint(3, 24), rng.randint(2, 20)
    kind = options.get("kind") or rng.choice(["height", "legs"])
    area = Fraction(base * height, 2)
    return {
        "values": {"kind": kind, "base": base, "height": height, "product": base * height, "result": number_key(area)},
        "key": number_key(area),
    }


@verifier("g07_triangle_area")
def g07_triangle_area_verify(values, key):
    return Fraction(key) * 2 == values["base"] * values["height"] and Fraction(key) > 0


PAIRS = {
    "alternate": {
        "kk": "айқыш бұрыштар",
        "ru": "накрест лежащие углы",
        "en": "alternate angles",
        "uz": "ichki almashinuvchi burchaklar",
    },
    "corresponding": {
        "kk": "сәйкес бұрыштар",
        "ru": "соответственные углы",
        "en": "corresponding angles",
        "uz": "mos burchaklar",
    },
    "interior": {
        "kk": "тұстас бұрыштар",
        "ru": "односторонние углы",
        "en": "co-interior angles",
        "uz": "ichki bir tomonli burchaklar",
    },
}


@generator("g07_parallel")
def g07_parallel(rng, options):
    """Parallel lines a and b cut by a transversal: angle 1 given, angle 2 is alternate, corresponding or co-interior to it."""
    kind = rng.choice(list(PAIRS))
    angle = rng.randint(25, 155)
    while angle == 90:
        angle = rng.randint(25, 155)
    result = 180 - angle if kind == "interior" else angle
    return {"values": {"kind": kind, "pair": PAIRS[kind], "angle": angle, "result": result}, "key": str(result)}


@verifier("g07_parallel")
def g07_parallel_verify(values, key):
    x = int(key)
    return (x + values["angle"] == 180) if values["kind"] == "interior" else x == values["angle"]


@generator("g07_right_triangle")
def g07_right_triangle(rng, options):
    """A right triangle: the other acute angle; or the leg opposite 30° is half the hypotenuse."""
    if options.get("kind", "angle") == "angle":
        a = rng.randint(10, 80)
        while a == 45:
            a = rng.randint(10, 80)
        values = {"kind": "angle", "a": a, "result": 90 - a}
    else:
        if _first(rng, options, "leg", 0.5):
            c = rng.randrange(4, 41, 2) if rng.random() < 0.7 else rng.randrange(5, 40, 2)
            values = {"kind": "leg", "c": c, "result": number_key(Fraction(c, 2))}
        else:
            leg = rng.randint(2, 25)
            values = {"kind": "hyp", "leg": leg, "result": 2 * leg}
    return {"values": values, "key": str(values["result"])}


@verifier("g07_right_triangle")
def g07_right_triangle_verify(values, key):
    v, x = values, Fraction(key)
    if v["kind"] == "angle":
        return x + v["a"] + 90 == 180
    if v["kind"] == "leg":
        return 2 * x == v["c"]
    return x == 2 * v["leg"]


@generator("g07_circle")
def g07_circle(rng, options):
    """Chord AB of a circle with centre O: ∠OAB gives the central angle AOB (triangle AOB is isosceles)."""
    if _first(rng, options, "central", 0.6):
        a = rng.randint(15, 85)
        values = {"kind": "central", "a": a, "twice": 2 * a, "result": 180 - 2 * a}
    else:
        c = rng.randrange(20, 161, 2)
        values = {"kind": "base", "c": c, "rest": 180 - c, "result": (180 - c) // 2}
    return {"values": values, "key": str(values["result"])}


@verifier("g07_circle")
def g07_circle_verify(values, key):
    v, x = values, int(key)
    return x > 0 and (x + 2 * v["a"] == 180 if v["kind"] == "central" else 2 * x + v["c"] == 180)


@generator("g07_parallel_test")
def g07_parallel_test(rng, options):
    """Co-interior angles: what angle 2 must be for the lines to be parallel."""
    angle = rng.choice([a for a in range(20, 161) if a != 90])
    return {"values": {"angle": angle, "result": 180 - angle}, "key": str(180 - angle)}


@verifier("g07_parallel_test")
def g07_parallel_test_verify(values, key):
    return 0 < int(key) < 180 and int(key) + values["angle"] == 180
