"""Grade 11 generators and their verifiers for the topics: solids of revolution, polyhedra volumes, space coordinates.

Split from ``grade11`` by chapter (the data files in content/data/grade-11); the helpers they
share stay there."""

import re
from fractions import Fraction
from math import isqrt

from qalan.trainer.content.generators._util import number_key

# ---------------------------------------------------------------- polynomials as TeX and as keys
from qalan.trainer.content.generators.grade11 import TRIPLES, _nonzero, _paren, fraction_tex, poly_tex
from qalan.trainer.content.registry import generator, verifier

# ---------------------------------------------------------------- solids of revolution


def pi_key(c: Fraction) -> str:
    c = Fraction(c)
    if c == 1:
        return "pi"
    return f"{c.numerator}*pi" if c.denominator == 1 else f"{c.numerator}/{c.denominator}*pi"


def pi_tex(c: Fraction) -> str:
    c = Fraction(c)
    return "\\pi" if c == 1 else f"{fraction_tex(c)}\\pi"


def _pi_value(key: str) -> Fraction:
    """``45*pi`` -> 45, ``32/3*pi`` -> 32/3, ``pi`` -> 1."""
    m = re.fullmatch(r"(?:(\d+)(?:/(\d+))?\*)?pi", key.strip())
    if not m:
        raise ValueError(f"not a multiple of pi: {key!r}")
    return Fraction(int(m.group(1) or 1), int(m.group(2) or 1))


@generator("g11_cylinder")
def g11_cylinder(rng, options):
    """``volume`` pi r^2 h, ``lateral`` 2 pi r h, ``total`` 2 pi r (r + h); r, h whole."""
    kind = options.get("kind", "volume")
    r = rng.randint(1, 9)
    h = rng.randint(2, 12)
    value = {"volume": r * r * h, "lateral": 2 * r * h, "total": 2 * r * (r + h)}[kind]
    if options.get("diameter"):
        return {"values": {"d": 2 * r, "r": r, "h": h, "result": pi_tex(value), "kind": kind}, "key": pi_key(value)}
    return {
        "values": {"r": r, "h": h, "result": pi_tex(value), "kind": kind, "rr": r * r, "rh": r + h},
        "key": pi_key(value),
    }


@verifier("g11_cylinder")
def g11_cylinder_verify(values, key):
    r, h = Fraction(values["r"]), Fraction(values["h"])
    if "d" in values and values["d"] != 2 * r:
        return False
    # Another route: the base area times the height, the unrolled rectangle, two discs added.
    base, side = r * r, 2 * r * h
    want = {"volume": base * h, "lateral": side, "total": side + 2 * base}[values["kind"]]
    return _pi_value(key) == want


@generator("g11_cone")
def g11_cone(rng, options):
    """``volume`` pi r^2 h / 3; ``lateral`` pi r l, ``total`` pi r (r + l), l from a Pythagorean triple."""
    kind = options.get("kind", "volume")
    r, h, l = rng.choice(TRIPLES)
    if kind == "volume":
        if options.get("given_slant"):
            value = Fraction(r * r * h, 3)
            return {
                "values": {"r": r, "h": h, "l": l, "rr": r * r, "ll": l * l, "kind": kind, "result": pi_tex(value)},
                "key": pi_key(value),
            }
        while True:
            r = rng.randint(1, 9)
            h = rng.randint(2, 15)
            if r * r * h % 3 == 0:
                break
        value = Fraction(r * r * h, 3)
        return {"values": {"r": r, "h": h, "rr": r * r, "kind": kind, "result": pi_tex(value)}, "key": pi_key(value)}
    value = r * l if kind == "lateral" else r * (r + l)
    return {
        "values": {
            "r": r,
            "h": h,
            "l": l,
            "rr": r * r,
            "hh": h * h,
            "ll": l * l,
            "rl": r + l,
            "kind": kind,
            "result": pi_tex(value),
        },
        "key": pi_key(value),
    }


@verifier("g11_cone")
def g11_cone_verify(values, key):
    r, h = values["r"], values["h"]
    l2 = r * r + h * h
    l = isqrt(l2)
    if "l" in values and (l * l != l2 or l != values["l"]):
        return False
    kind = values["kind"]
    # Another route: a third of the cylinder; the unrolled sector (arc 2 pi r of radius l) has area l * arc / 2.
    want = {
        "volume": Fraction(r * r * h) / 3,
        "lateral": Fraction(l * 2 * r, 2),
        "total": Fraction(l * 2 * r, 2) + r * r,
    }[kind]
    return _pi_value(key) == want


@generator("g11_sphere")
def g11_sphere(rng, options):
    """``volume`` 4 pi R^3 / 3 or ``surface`` 4 pi R^2; the diameter may be given."""
    kind = options.get("kind", "volume")
    R = rng.randint(1, 10) if kind == "surface" else rng.choice([1, 2, 3, 3, 4, 5, 6, 6, 9])
    value = Fraction(4 * R**3, 3) if kind == "volume" else Fraction(4 * R * R)
    given = "d" if rng.random() < 0.3 else "R"
    return {
        "values": {
            "R": R,
            "d": 2 * R,
            "given": given,
            "RR": R * R,
            "RRR": R**3,
            "kind": kind,
            "result": pi_tex(value),
            "gv": 2 * R if given == "d" else R,
            "gname": {"kk": "диаметрі", "ru": "Диаметр", "en": "diameter", "uz": "diametri"}
            if given == "d"
            else {"kk": "радиусы", "ru": "Радиус", "en": "radius", "uz": "radiusi"},
        },
        "key": pi_key(value),
    }


@verifier("g11_sphere")
def g11_sphere_verify(values, key):
    R = Fraction(values["gv"]) / (2 if values["given"] == "d" else 1)
    # Another route: the volume is the surface times R / 3.
    surface = 4 * R * R
    want = surface if values["kind"] == "surface" else surface * R / 3
    return values["R"] == R and _pi_value(key) == want


# ---------------------------------------------------------------- prisms and pyramids


@generator("g11_prism_volume")
def g11_prism_volume(rng, options):
    """A right prism: the base a right triangle (legs a, b) or a rectangle; V = S h."""
    base = options.get("base", "triangle")
    a, b, h = rng.randint(2, 12), rng.randint(2, 12), rng.randint(2, 15)
    if base == "triangle":
        while a * b % 2:
            b = rng.randint(2, 12)
        s = a * b // 2
    else:
        s = a * b
    return {"values": {"a": a, "b": b, "h": h, "s": s, "base": base, "result": s * h}, "key": str(s * h)}


@verifier("g11_prism_volume")
def g11_prism_volume_verify(values, key):
    a, b, h = values["a"], values["b"], values["h"]
    cuboid = a * b * h
    return Fraction(key) == (Fraction(cuboid, 2) if values["base"] == "triangle" else cuboid)


@generator("g11_pyramid_volume")
def g11_pyramid_volume(rng, options):
    """A regular quadrilateral pyramid: side a and height h, or side a and the apothem m (h by Pythagoras)."""
    if options.get("given") == "apothem":
        half, h, m = rng.choice(TRIPLES)
        a = 2 * half
        value = Fraction(a * a * h, 3)
        return {
            "values": {
                "a": a,
                "half": half,
                "h": h,
                "m": m,
                "mm": m * m,
                "hh2": half * half,
                "s": a * a,
                "result": number_key(value),
            },
            "key": number_key(value),
        }
    while True:
        a, h = rng.randint(2, 12), rng.randint(2, 15)
        if a * a * h % 3 == 0:
            break
    return {"values": {"a": a, "h": h, "s": a * a, "result": a * a * h // 3}, "key": str(a * a * h // 3)}


@verifier("g11_pyramid_volume")
def g11_pyramid_volume_verify(values, key):
    a, h = values["a"], values["h"]
    if "m" in values and (a // 2) ** 2 + h * h != values["m"] ** 2:
        return False
    # Another route: three such pyramids make the prism with the same base and height.
    prism = Fraction(a * a * h)
    return Fraction(key) * 3 == prism


# ---------------------------------------------------------------- coordinates and vectors in space

QUADRUPLES = [
    (1, 2, 2, 3),
    (2, 3, 6, 7),
    (1, 4, 8, 9),
    (4, 4, 7, 9),
    (2, 6, 9, 11),
    (6, 6, 7, 11),
    (3, 4, 12, 13),
    (2, 10, 11, 15),
    (2, 5, 14, 15),
    (0, 3, 4, 5),
    (0, 6, 8, 10),
    (0, 5, 12, 13),
]


def _point_text(p) -> dict:
    inner = "; ".join(fraction_tex(c) for c in p)
    return {
        "kk": f"$({inner})$",
        "ru": f"$({inner})$",
        "en": f"$({', '.join(fraction_tex(c) for c in p)})$",
        "uz": f"$({inner})$",
    }


@generator("g11_space_distance")
def g11_space_distance(rng, options):
    """|AB| for A, B with whole coordinates and a whole distance."""
    *d, dist = rng.choice(QUADRUPLES)
    rng.shuffle(d)
    d = [x * rng.choice([1, -1]) for x in d]
    A = [rng.randint(-5, 5) for _ in range(3)]
    B = [a + x for a, x in zip(A, d, strict=True)]
    names = ["x", "y", "z"]
    squares = " + ".join(f"{x}^{{2}}" if x >= 0 else f"({x})^{{2}}" for x in d)
    values = {"dist": dist, "squares": squares, "sum": dist * dist, "A": A, "B": B}
    for n, a, b in zip(names, A, B, strict=True):
        values[f"a{n}"], values[f"b{n}"] = a, b
    values["result"] = dist
    return {"values": values, "key": str(dist)}


@verifier("g11_space_distance")
def g11_space_distance_verify(values, key):
    A, B = values["A"], values["B"]
    return sum((a - b) ** 2 for a, b in zip(A, B, strict=True)) == int(key) ** 2 and int(key) > 0


@generator("g11_space_midpoint")
def g11_space_midpoint(rng, options):
    """The midpoint of AB among four points (traps: half the difference, the sum, a sign lost)."""
    while True:
        A = [rng.randint(-8, 8) for _ in range(3)]
        B = [a + 2 * rng.randint(-5, 5) for a in A]
        if A != B and all(a != b for a, b in zip(A, B, strict=True)):
            break
    M = [(a + b) // 2 for a, b in zip(A, B, strict=True)]
    traps = [
        [(b - a) // 2 for a, b in zip(A, B, strict=True)],
        [a + b for a, b in zip(A, B, strict=True)],
        [M[0], M[1], -M[2]] if M[2] else [M[0], -M[1], M[2] + 1],
        [-M[0], M[1], M[2]] if M[0] else [M[0] + 1, M[1], M[2]],
        [M[0] + 1, M[1], M[2] - 1],
    ]
    seen, choices = {tuple(M)}, [{"text": _point_text(M), "correct": True}]
    for t in traps:
        if tuple(t) not in seen and len(choices) < 4:
            seen.add(tuple(t))
            choices.append({"text": _point_text(t), "correct": False})
    values = {"A": A, "B": B, "M": M}
    for n, a, b, m in zip("xyz", A, B, M, strict=True):
        values[f"a{n}"], values[f"b{n}"], values[f"m{n}"] = a, b, m
        values[f"s{n}"] = f"{a} {'+' if b >= 0 else '-'} {abs(b)}"
    return {"values": values, "key": "", "choices": choices}


@verifier("g11_space_midpoint")
def g11_space_midpoint_verify(values, key, choices=None):
    if choices is None:
        return True
    A, B = values["A"], values["B"]
    right = [c for c in choices if c["correct"]]
    if len(right) != 1:
        return False
    point = [Fraction(x) for x in right[0]["text"].strip("$").strip("()").split(", ")]
    # Another route: A + (B - A) / 2.
    return point == [a + Fraction(b - a, 2) for a, b in zip(A, B, strict=True)]


@generator("g11_dot_product")
def g11_dot_product(rng, options):
    """a . b = x1 x2 + y1 y2 + z1 z2."""
    while True:
        a = [rng.randint(-5, 6) for _ in range(3)]
        b = [rng.randint(-5, 6) for _ in range(3)]
        if a.count(0) <= 1 and b.count(0) <= 1:
            break
    terms = " + ".join(f"{_paren(str(x))} \\cdot {_paren(str(y))}" for x, y in zip(a, b, strict=True))
    value = sum(x * y for x, y in zip(a, b, strict=True))
    values = {"terms": terms, "result": value, "a": a, "b": b}
    for i, n in enumerate("xyz"):
        values[f"a{n}"], values[f"b{n}"] = a[i], b[i]
    return {"values": values, "key": str(value)}


@verifier("g11_dot_product")
def g11_dot_product_verify(values, key):
    a, b = values["a"], values["b"]
    # Another route: the polarisation identity 4 a.b = |a + b|^2 - |a - b|^2.
    plus = sum((x + y) ** 2 for x, y in zip(a, b, strict=True))
    minus = sum((x - y) ** 2 for x, y in zip(a, b, strict=True))
    return plus - minus == 4 * int(key)


@generator("g11_perpendicular")
def g11_perpendicular(rng, options):
    """a(m; p; q) and b(u; v; w) perpendicular: u m + p v + q w = 0."""
    while True:
        u = _nonzero(rng, -4, 5)
        p, q, v, w = (_nonzero(rng, -5, 5) for _ in range(4))
        rest = p * v + q * w
        m = Fraction(-rest, u)
        if m.denominator == 1 and m != 0 and rest != 0 and abs(m) <= 12:
            break
    return {
        "values": {
            "u": u,
            "p": p,
            "q": q,
            "v": v,
            "w": w,
            "rest": rest,
            "result": int(m),
            "um": poly_tex({1: u}).replace("x", "m"),
            "eq": f"{poly_tex({1: u}).replace('x', 'm')} {'+' if rest > 0 else '-'} {abs(rest)} = 0",
        },
        "key": str(int(m)),
    }


@verifier("g11_perpendicular")
def g11_perpendicular_verify(values, key):
    m = int(key)
    a = [m, values["p"], values["q"]]
    b = [values["u"], values["v"], values["w"]]
    return sum(x * y for x, y in zip(a, b, strict=True)) == 0 and m != 0
