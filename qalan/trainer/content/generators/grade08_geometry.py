"""Grade 8 generators and their verifiers for the topics: quadrilaterals, areas, pythagoras, similar, trigonometry, circle.

Split from ``grade08`` by chapter (the data files in content/data/grade-08); the helpers they
share stay there."""

from fractions import Fraction
from math import isqrt

import sympy

from qalan.trainer.content.generators._util import fraction_key, number_key
from qalan.trainer.content.generators.grade08 import _first, _triple
from qalan.trainer.content.registry import generator, verifier

# --------------------------------------------------------------------------------------------
# Grade 8 geometry
# --------------------------------------------------------------------------------------------


@generator("g08_polygon_angles")
def g08_polygon_angles(rng, options):
    """The angle sum of a convex n-gon, or one angle of a regular n-gon."""
    if _first(rng, options, "sum"):
        n = rng.randint(4, 20)
        values = {"kind": "sum", "n": n, "n2": n - 2, "result": 180 * (n - 2)}
    else:
        n = rng.choice([d for d in range(3, 37) if (360 % d == 0 and d != 4) or d == 4])
        values = {"kind": "regular", "n": n, "n2": n - 2, "total": 180 * (n - 2), "result": 180 * (n - 2) // n}
    return {"values": values, "key": str(values["result"])}


@verifier("g08_polygon_angles")
def g08_polygon_angles_verify(values, key):
    v, x = values, int(key)
    if v["kind"] == "sum":
        return x == sum(180 for _ in range(v["n"] - 2))
    return x * v["n"] + 360 == 180 * v["n"] and x > 0  # the exterior angles add up to 360°


@generator("g08_parallelogram")
def g08_parallelogram(rng, options):
    """A parallelogram: one angle is d° more than another; or the sum of two of its angles is s."""
    if _first(rng, options, "diff"):
        small = rng.randint(20, 85)
        d = 180 - 2 * small
        values = {"kind": "diff", "d": d, "twice": 180 - d, "small": small, "result": small + d}
    else:
        small = rng.randint(20, 85)
        values = {"kind": "sum", "s": 2 * small, "small": small, "result": 180 - small}
    return {"values": values, "key": str(values["result"])}


@verifier("g08_parallelogram")
def g08_parallelogram_verify(values, key):
    v, big = values, int(key)
    small = 180 - big
    return big > 90 and (big - small == v["d"] if v["kind"] == "diff" else 2 * small == v["s"])


@generator("g08_rhombus")
def g08_rhombus(rng, options):
    """A rhombus: a diagonal makes α with a side; the obtuse angle of the rhombus is 180° - 2α (α > 45°) ... the angle at the vertex."""
    alpha = rng.choice([a for a in range(20, 71) if a != 45])
    return {
        "values": {"alpha": alpha, "twice": 2 * alpha, "other": 180 - 2 * alpha, "result": 2 * alpha},
        "key": str(2 * alpha),
    }


@verifier("g08_rhombus")
def g08_rhombus_verify(values, key):
    # The diagonal bisects the angle of the rhombus at that vertex.
    return int(key) / 2 == values["alpha"] and 0 < int(key) < 180


@generator("g08_trapezoid")
def g08_trapezoid(rng, options):
    """A trapezoid: its midline from the bases, or an angle of an isosceles trapezoid."""
    if _first(rng, options, "midline"):
        a, b = rng.randint(2, 30), rng.randint(2, 30)
        while a == b:
            b = rng.randint(2, 30)
        m = Fraction(a + b, 2)
        values = {"kind": "midline", "a": max(a, b), "b": min(a, b), "sum": a + b, "result": number_key(m)}
    else:
        angle = rng.choice(list(range(25, 90)))
        values = {"kind": "angle", "angle": angle, "result": 180 - angle}
    return {"values": values, "key": str(values["result"])}


@verifier("g08_trapezoid")
def g08_trapezoid_verify(values, key):
    v = values
    if v["kind"] == "midline":
        return 2 * Fraction(key) == v["a"] + v["b"]
    return int(key) + v["angle"] == 180


@generator("g08_area")
def g08_area(rng, options):
    """Areas: a parallelogram (a·h), a trapezoid ((a + b)/2 · h) or a rhombus (d₁d₂/2)."""
    shape = options.get("shape", "parallelogram")
    if shape == "parallelogram":
        a, h = rng.randint(3, 25), rng.randint(2, 20)
        values = {"shape": shape, "a": a, "h": h, "result": a * h}
    elif shape == "trapezoid":
        a, b, h = rng.randint(4, 30), rng.randint(2, 20), rng.randint(2, 16)
        while a <= b:
            a, b = rng.randint(4, 30), rng.randint(2, 20)
        values = {
            "shape": shape,
            "a": a,
            "b": b,
            "h": h,
            "sum": a + b,
            "half": number_key(Fraction(a + b, 2)),
            "result": number_key(Fraction((a + b) * h, 2)),
        }
    else:
        d1, d2 = rng.randint(3, 30), rng.randint(2, 24)
        values = {"shape": shape, "d1": d1, "d2": d2, "product": d1 * d2, "result": number_key(Fraction(d1 * d2, 2))}
    return {"values": values, "key": str(values["result"])}


@verifier("g08_area")
def g08_area_verify(values, key):
    v, s = values, Fraction(key)
    if v["shape"] == "parallelogram":
        return s == v["a"] * v["h"]
    if v["shape"] == "trapezoid":
        # Two triangles cut by a diagonal: a·h/2 + b·h/2.
        return s == Fraction(v["a"] * v["h"], 2) + Fraction(v["b"] * v["h"], 2) and v["a"] > v["b"]
    return 4 * s == 2 * v["d1"] * v["d2"]


@generator("g08_pythagoras")
def g08_pythagoras(rng, options):
    """A right triangle: the hypotenuse from the legs, or a leg from the hypotenuse and the other leg."""
    a, b, c = _triple(rng)
    ask = options.get("ask", "hyp")
    if ask == "hyp":
        values = {"ask": ask, "a": a, "b": b, "a2": a * a, "b2": b * b, "sum": a * a + b * b, "result": c}
    else:
        values = {"ask": ask, "a": a, "c": c, "a2": a * a, "c2": c * c, "diff": c * c - a * a, "result": b}
    return {"values": values, "key": str(values["result"])}


@verifier("g08_pythagoras")
def g08_pythagoras_verify(values, key):
    v, x = values, int(key)
    if v["ask"] == "hyp":
        return x * x == v["a"] ** 2 + v["b"] ** 2
    return x * x + v["a"] ** 2 == v["c"] ** 2 and x > 0


@generator("g08_pythagoras_surd")
def g08_pythagoras_surd(rng, options):
    """Legs a, b whose hypotenuse is not whole: c = √(a² + b²) = k√m."""
    while True:
        a, b = rng.randint(1, 12), rng.randint(1, 12)
        n = a * a + b * b
        k, m = 1, n
        for f in range(isqrt(n), 1, -1):
            if n % (f * f) == 0:
                k, m = f, n // (f * f)
                break
        if m > 1 and k > 1:  # not a whole number, and a factor to take out of the root
            break
    result = f"\\sqrt{{{m}}}" if k == 1 else f"{k}\\sqrt{{{m}}}"
    key = f"sqrt({m})" if k == 1 else f"{k}*sqrt({m})"
    return {"values": {"a": a, "b": b, "a2": a * a, "b2": b * b, "n": n, "result": result}, "key": key}


@verifier("g08_pythagoras_surd")
def g08_pythagoras_surd_verify(values, key):
    from qalan.trainer.answers.expressions import expression_read

    _tree, expr = expression_read(key)
    return sympy.simplify(expr**2 - (values["a"] ** 2 + values["b"] ** 2)) == 0 and expr.is_positive


@generator("g08_wp_pythagoras")
def g08_wp_pythagoras(rng, options):
    """A ladder against a wall: its length and the distance of its foot from the wall; how high it reaches."""
    a, b, c = _triple(rng, limit=30)
    return {
        "values": {"foot": a, "ladder": c, "c2": c * c, "a2": a * a, "diff": c * c - a * a, "result": b},
        "key": str(b),
    }


@verifier("g08_wp_pythagoras")
def g08_wp_pythagoras_verify(values, key):
    return int(key) ** 2 + values["foot"] ** 2 == values["ladder"] ** 2


@generator("g08_similar")
def g08_similar(rng, options):
    """△ABC ~ △A₁B₁C₁: two matching sides give the ratio; a third side gives its match."""
    while True:
        ab, bc, ca = rng.randint(3, 15), rng.randint(3, 15), rng.randint(3, 15)
        if ab + bc > ca and ab + ca > bc and bc + ca > ab and len({ab, bc, ca}) == 3:
            break
    k = Fraction(rng.choice([2, 3, 4, 5, 3, 5]), rng.choice([1, 1, 2]))
    if k == 1:
        k = Fraction(3)
    a1b1 = ab * k
    if a1b1.denominator != 1 or (bc * k).denominator not in (1, 2):
        k = Fraction(k.numerator)
        a1b1 = ab * k
    return {
        "values": {"ab": ab, "bc": bc, "a1b1": int(a1b1), "k": number_key(k), "result": number_key(bc * k)},
        "key": number_key(bc * k),
    }


@verifier("g08_similar")
def g08_similar_verify(values, key):
    # Sides of similar triangles are proportional: A1B1 : AB = B1C1 : BC.
    return Fraction(key) * values["ab"] == values["a1b1"] * values["bc"]


@generator("g08_midline")
def g08_midline(rng, options):
    """The midline of a triangle: half the third side; or the side from the midline."""
    if _first(rng, options, "half"):
        side = rng.randint(3, 40)
        values = {"kind": "half", "side": side, "result": number_key(Fraction(side, 2))}
    else:
        mid = rng.randint(2, 25)
        values = {"kind": "side", "mid": mid, "result": 2 * mid}
    return {"values": values, "key": str(values["result"])}


@verifier("g08_midline")
def g08_midline_verify(values, key):
    v = values
    return 2 * Fraction(key) == v["side"] if v["kind"] == "half" else Fraction(key) == 2 * v["mid"]


TRIG = {
    "sin": {"kk": "синусын", "ru": "синус", "en": "sine", "uz": "sinusini"},
    "cos": {"kk": "косинусын", "ru": "косинус", "en": "cosine", "uz": "kosinusini"},
    "tan": {"kk": "тангенсін", "ru": "тангенс", "en": "tangent", "uz": "tangensini"},
}


@generator("g08_trig_ratio")
def g08_trig_ratio(rng, options):
    """A right triangle ABC (C = 90°) with sides from a triple: sin A, cos A or tan A as a fraction."""
    a, b, c = _triple(rng, limit=45)  # a = BC (opposite A), b = AC (adjacent), c = AB
    fn = rng.choice(list(TRIG))
    num, den = {"sin": (a, c), "cos": (b, c), "tan": (a, b)}[fn]
    value = Fraction(num, den)
    rule = {
        "sin": "\\sin A = \\frac{BC}{AB}",
        "cos": "\\cos A = \\frac{AC}{AB}",
        "tan": "\\operatorname{tg} A = \\frac{BC}{AC}",
    }[fn]
    rule_en = {"sin": "\\sin A = \\frac{BC}{AB}", "cos": "\\cos A = \\frac{AC}{AB}", "tan": "\\tan A = \\frac{BC}{AC}"}[
        fn
    ]
    return {
        "values": {
            "fn": fn,
            "name": TRIG[fn],
            "bc": a,
            "ac": b,
            "ab": c,
            "num": num,
            "den": den,
            "rule": {"kk": rule, "ru": rule, "en": rule_en, "uz": rule},
            "result": fraction_key(value),
        },
        "key": fraction_key(value),
    }


@verifier("g08_trig_ratio")
def g08_trig_ratio_verify(values, key):
    v = values
    if v["bc"] ** 2 + v["ac"] ** 2 != v["ab"] ** 2:
        return False
    angle = sympy.atan2(v["bc"], v["ac"])
    exact = {"sin": sympy.sin(angle), "cos": sympy.cos(angle), "tan": sympy.tan(angle)}[v["fn"]]
    return sympy.nsimplify(exact - sympy.Rational(*map(int, (key.split("/") + ["1"])[:2]))) == 0


SIN = {30: sympy.Rational(1, 2), 45: sympy.sqrt(2) / 2, 60: sympy.sqrt(3) / 2}
TEX = {
    ("sin", 30): "\\frac{1}{2}",
    ("sin", 45): "\\frac{\\sqrt{2}}{2}",
    ("sin", 60): "\\frac{\\sqrt{3}}{2}",
    ("cos", 30): "\\frac{\\sqrt{3}}{2}",
    ("cos", 45): "\\frac{\\sqrt{2}}{2}",
    ("cos", 60): "\\frac{1}{2}",
    ("tan", 30): "\\frac{\\sqrt{3}}{3}",
    ("tan", 45): "1",
    ("tan", 60): "\\sqrt{3}",
}


def _trig_exact(fn, angle):
    return {"sin": SIN[angle], "cos": SIN[90 - angle], "tan": SIN[angle] / SIN[90 - angle]}[fn]


def _fn_tex(fn, angle, lang):
    name = "\\operatorname{tg}" if fn == "tan" and lang != "en" else f"\\{fn}"
    return f"{name} {angle}°"


@generator("g08_trig_values")
def g08_trig_values(rng, options):
    """An expression in exact values: k·f(α) · g(β) or f(α) + g(β), for 30°, 45°, 60°."""
    while True:
        f1, f2 = rng.choice(list(TRIG)), rng.choice(list(TRIG))
        a1, a2 = rng.choice([30, 45, 60]), rng.choice([30, 45, 60])
        k = rng.randint(2, 6)
        op = rng.choice(["mul", "add"])
        value = (
            k * _trig_exact(f1, a1) * _trig_exact(f2, a2)
            if op == "mul"
            else k * _trig_exact(f1, a1) + _trig_exact(f2, a2)
        )
        value = sympy.nsimplify(sympy.radsimp(value))
        if (f1, a1) != (f2, a2) and sympy.count_ops(value) <= 6:
            break
    key = sympy.sstr(value).replace("**", "^")
    exprs = {
        lang: (
            f"{k} {_fn_tex(f1, a1, lang)} \\cdot {_fn_tex(f2, a2, lang)}"
            if op == "mul"
            else f"{k} {_fn_tex(f1, a1, lang)} + {_fn_tex(f2, a2, lang)}"
        )
        for lang in ("kk", "ru", "en", "uz")
    }
    steps = (
        f"{k} \\cdot {TEX[(f1, a1)]} \\cdot {TEX[(f2, a2)]}"
        if op == "mul"
        else f"{k} \\cdot {TEX[(f1, a1)]} + {TEX[(f2, a2)]}"
    )
    return {
        "values": {
            "f1": f1,
            "a1": a1,
            "f2": f2,
            "a2": a2,
            "k": k,
            "op": op,
            "expr": exprs,
            "steps": steps,
            "v1": {lang: f"{_fn_tex(f1, a1, lang)} = {TEX[(f1, a1)]}" for lang in ("kk", "ru", "en", "uz")},
            "v2": {lang: f"{_fn_tex(f2, a2, lang)} = {TEX[(f2, a2)]}" for lang in ("kk", "ru", "en", "uz")},
            "result": sympy.latex(value),
        },
        "key": key,
    }


@verifier("g08_trig_values")
def g08_trig_values_verify(values, key):
    from qalan.trainer.answers.expressions import expression_read

    v = values
    rad = {30: sympy.pi / 6, 45: sympy.pi / 4, 60: sympy.pi / 3}
    fns = {"sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan}
    x, y = fns[v["f1"]](rad[v["a1"]]), fns[v["f2"]](rad[v["a2"]])
    exact = v["k"] * x * y if v["op"] == "mul" else v["k"] * x + y
    _tree, expr = expression_read(key)
    return sympy.simplify(expr - exact) == 0


@generator("g08_trig_solve")
def g08_trig_solve(rng, options):
    """Right triangle ABC, C = 90°, hypotenuse AB = c and ∠A = 30°, 45° or 60°: the leg BC = c·sin A."""
    angle = rng.choice([30, 45, 60])
    c = rng.randrange(2, 31, 2)
    value = sympy.nsimplify(c * SIN[angle])
    key = sympy.sstr(value).replace("**", "^")
    return {"values": {"angle": angle, "c": c, "sin": TEX[("sin", angle)], "result": sympy.latex(value)}, "key": key}


@verifier("g08_trig_solve")
def g08_trig_solve_verify(values, key):
    from qalan.trainer.answers.expressions import expression_read

    _tree, expr = expression_read(key)
    return sympy.simplify(expr - values["c"] * sympy.sin(sympy.pi * values["angle"] / 180)) == 0


@generator("g08_tangent")
def g08_tangent(rng, options):
    """A tangent from point A to a circle with centre O and radius r: OA = d; the tangent length."""
    a, b, c = _triple(rng, limit=50)
    return {"values": {"r": a, "d": c, "d2": c * c, "r2": a * a, "diff": c * c - a * a, "result": b}, "key": str(b)}


@verifier("g08_tangent")
def g08_tangent_verify(values, key):
    # The radius to the point of tangency is perpendicular to the tangent.
    return int(key) ** 2 + values["r"] ** 2 == values["d"] ** 2


@generator("g08_inscribed")
def g08_inscribed(rng, options):
    """The inscribed angle is half the central angle on the same arc (or the other way round)."""
    if _first(rng, options, "inscribed"):
        central = rng.randrange(20, 179, 2)
        values = {"kind": "inscribed", "central": central, "result": central // 2}
    else:
        inscribed = rng.randint(10, 85)
        values = {"kind": "central", "inscribed": inscribed, "result": 2 * inscribed}
    return {"values": values, "key": str(values["result"])}


@verifier("g08_inscribed")
def g08_inscribed_verify(values, key):
    v = values
    return 2 * int(key) == v["central"] if v["kind"] == "inscribed" else int(key) == 2 * v["inscribed"]
