"""Grade 10: trigonometry (radians, values, identities, reduction formulas, equations), the
derivative (rules, value, tangent, monotonicity and extrema of a cubic), probability of events
(algebra and elements of analysis); lines and planes in space, perpendicularity, angles and
distances, prisms and pyramids (geometry).

Kazakhstan textbooks write the tangent as tg (kk, ru, uz); English texts write tan.
"""

import math
from fractions import Fraction
from math import isqrt

from qalan.trainer.content.generators._util import fraction_key, number_key
from qalan.trainer.content.generators.grade09 import (
    interval_text,
    num_tex,
    parse_pi,
    parse_poly,
    pi_key,
    pi_tex,
    plain,
    poly_at,
    poly_key,
    poly_tex,
)
from qalan.trainer.content.registry import generator, verifier

LANGS = ("kk", "ru", "en", "uz")
TG = {"kk": "\\operatorname{tg}", "ru": "\\operatorname{tg}", "en": "\\tan", "uz": "\\operatorname{tg}"}
CTG = {"kk": "\\operatorname{ctg}", "ru": "\\operatorname{ctg}", "en": "\\cot", "uz": "\\operatorname{ctg}"}


def _fn_name(fn: str) -> dict:
    if fn == "tan":
        return dict(TG)
    if fn == "cot":
        return dict(CTG)
    return dict.fromkeys(LANGS, f"\\{fn}")


def _same(tex: str) -> dict:
    return dict.fromkeys(LANGS, tex)


def _choice_list(rng, right: dict, wrong: list) -> list:
    seen, out = {right["en"]}, [{"text": right, "correct": True}]
    rng.shuffle(wrong)
    for w in wrong:
        if w["en"] not in seen and len(out) < 4:
            seen.add(w["en"])
            out.append({"text": w, "correct": False})
    return out


def _right_is(choices, right_en: str) -> bool:
    if choices is None:
        return True
    texts = [c["text"] for c in choices]
    return len(texts) == len(set(texts)) >= 3 and [c["text"] for c in choices if c["correct"]] == [plain(right_en)]


# ---------------------------------------------------------------- radians

DEGREES = [15, 18, 20, 30, 36, 40, 45, 60, 72, 90, 120, 135, 150, 180, 210, 225, 240, 270, 300, 315, 330, 360]


@generator("g10_deg_to_rad")
def g10_deg_to_rad(rng, options):
    deg = rng.choice(DEGREES)
    c = Fraction(deg, 180)
    return {"values": {"deg": deg, "frac": num_tex(c), "result": pi_tex(c)}, "key": pi_key(c)}


@verifier("g10_deg_to_rad")
def g10_deg_to_rad_verify(values, key):
    return abs(float(parse_pi(key)) * math.pi - math.radians(values["deg"])) < 1e-12


@generator("g10_rad_to_deg")
def g10_rad_to_deg(rng, options):
    deg = rng.choice([d for d in DEGREES if d not in (180, 360)] + [400, 480, 540])
    c = Fraction(deg, 180)
    return {"values": {"rad": pi_tex(c), "c": fraction_key(c), "frac": num_tex(c), "result": deg}, "key": str(deg)}


@verifier("g10_rad_to_deg")
def g10_rad_to_deg_verify(values, key):
    c = Fraction(values["c"])
    return pi_tex(c) == values["rad"] and abs(math.degrees(float(c) * math.pi) - int(key)) < 1e-9


# ---------------------------------------------------------------- values at standard angles

# The values of sin, cos, tan at the standard angles of the first quarter, as codes.
_BASE = {
    0: {"sin": "0", "cos": "1", "tan": "0"},
    30: {"sin": "1/2", "cos": "s3/2", "tan": "s3/3"},
    45: {"sin": "s2/2", "cos": "s2/2", "tan": "1"},
    60: {"sin": "s3/2", "cos": "1/2", "tan": "s3"},
    90: {"sin": "1", "cos": "0", "tan": None},
}
# code: (TeX, expression key)
_SURDS = {
    "0": ("0", "0"),
    "1": ("1", "1"),
    "1/2": ("\\frac{1}{2}", "1/2"),
    "s2/2": ("\\frac{\\sqrt{2}}{2}", "sqrt(2)/2"),
    "s3/2": ("\\frac{\\sqrt{3}}{2}", "sqrt(3)/2"),
    "s3/3": ("\\frac{\\sqrt{3}}{3}", "sqrt(3)/3"),
    "s3": ("\\sqrt{3}", "sqrt(3)"),
}


def _value(fn: str, deg: int):
    """(TeX, key) of sin/cos/tan at deg (a multiple of 30 or 45): the reference angle's value with the quarter's sign."""
    d = deg % 360
    ref = min(d % 180, 180 - d % 180)
    code = _BASE[ref][fn]
    if code is None:
        return None
    quarter_sign = {
        "sin": 1 if 0 <= d <= 180 else -1,
        "cos": 1 if d <= 90 or d >= 270 else -1,
        "tan": 1 if (d % 180) <= 90 else -1,
    }[fn]
    tex, key = _SURDS[code]
    if quarter_sign < 0 and code != "0":
        return "-" + tex, "-" + key
    return tex, key


def surd_value(key: str) -> float:
    """``-sqrt(3)/2`` -> -0.866…; whole numbers and a/b too."""
    import re

    m = re.fullmatch(r"(-)?(?:(\d+)|sqrt\((\d+)\))(?:/(\d+))?", key.replace(" ", ""))
    if not m:
        raise ValueError(key)
    value = float(m.group(2)) if m.group(2) else math.sqrt(int(m.group(3)))
    value /= int(m.group(4) or 1)
    return -value if m.group(1) else value


STANDARD = [0, 30, 45, 60, 90, 120, 135, 150, 180, 210, 225, 240, 270, 300, 315, 330]


@generator("g10_trig_value")
def g10_trig_value(rng, options):
    while True:
        fn = rng.choice(["sin", "cos", "tan"])
        deg = rng.choice(STANDARD)
        value = _value(fn, deg)
        if value is not None and not (deg == 0 and fn != "cos"):
            break
    as_rad = rng.random() < 0.6 and deg != 0
    angle = pi_tex(Fraction(deg, 180)) if as_rad else f"{deg}^\\circ"
    d = deg % 360
    ref = min(d % 180, 180 - d % 180)
    return {
        "values": {
            "fn": _fn_name(fn),
            "fn_code": fn,
            "angle": angle,
            "deg": deg,
            "ref": ref,
            "value": value[0],
            "angle_eq": f"{angle} = {deg}^\\circ" if as_rad else angle,
        },
        "key": value[1],
    }


@verifier("g10_trig_value")
def g10_trig_value_verify(values, key):
    f = {"sin": math.sin, "cos": math.cos, "tan": math.tan}[values["fn_code"]]
    return abs(surd_value(key) - f(math.radians(values["deg"]))) < 1e-9


# ---------------------------------------------------------------- identities

PRIMITIVE = [(3, 4, 5), (5, 12, 13), (8, 15, 17), (7, 24, 25), (20, 21, 29), (9, 40, 41)]
QUARTERS = {
    1: {
        "kk": "$0 < \\alpha < \\frac{\\pi}{2}$",
        "ru": "$0 < \\alpha < \\frac{\\pi}{2}$",
        "en": "$0 < \\alpha < \\frac{\\pi}{2}$",
        "uz": "$0 < \\alpha < \\frac{\\pi}{2}$",
    },
    2: _same("$\\frac{\\pi}{2} < \\alpha < \\pi$"),
    3: _same("$\\pi < \\alpha < \\frac{3\\pi}{2}$"),
    4: _same("$\\frac{3\\pi}{2} < \\alpha < 2\\pi$"),
}
QUARTER_NAMES = {
    1: {"kk": "I ширек", "ru": "I четверть", "en": "quadrant I", "uz": "I chorak"},
    2: {"kk": "II ширек", "ru": "II четверть", "en": "quadrant II", "uz": "II chorak"},
    3: {"kk": "III ширек", "ru": "III четверть", "en": "quadrant III", "uz": "III chorak"},
    4: {"kk": "IV ширек", "ru": "IV четверть", "en": "quadrant IV", "uz": "IV chorak"},
}
SIGNS = {1: (1, 1), 2: (1, -1), 3: (-1, -1), 4: (-1, 1)}  # (sin, cos)


@generator("g10_cos_from_sin")
def g10_cos_from_sin(rng, options):
    a, b, c = rng.choice(PRIMITIVE)
    if rng.random() < 0.5:
        a, b = b, a
    quarter = rng.randint(1, 4)
    s_sign, c_sign = SIGNS[quarter]
    sin, cos = Fraction(s_sign * a, c), Fraction(c_sign * b, c)
    return {
        "values": {
            "sin": num_tex(sin),
            "sin_value": fraction_key(sin),
            "range": QUARTERS[quarter],
            "quarter": QUARTER_NAMES[quarter],
            "q": quarter,
            "sin2": num_tex(sin * sin),
            "cos2": num_tex(cos * cos),
            "result": num_tex(cos),
        },
        "key": fraction_key(cos),
    }


@verifier("g10_cos_from_sin")
def g10_cos_from_sin_verify(values, key):
    sin, cos = Fraction(values["sin_value"]), Fraction(key)
    angle = math.atan2(float(sin), float(cos)) % (2 * math.pi)
    quarter = int(angle // (math.pi / 2)) + 1
    return sin * sin + cos * cos == 1 and quarter == values["q"] and sin != 0 and cos != 0


@generator("g10_tan_from_cos")
def g10_tan_from_cos(rng, options):
    a, b, c = rng.choice(PRIMITIVE)
    if rng.random() < 0.5:
        a, b = b, a
    quarter = rng.randint(1, 4)
    s_sign, c_sign = SIGNS[quarter]
    sin, cos = Fraction(s_sign * a, c), Fraction(c_sign * b, c)
    tan = sin / cos
    return {
        "values": {
            "cos": num_tex(cos),
            "cos_value": fraction_key(cos),
            "range": QUARTERS[quarter],
            "quarter": QUARTER_NAMES[quarter],
            "q": quarter,
            "sin": num_tex(sin),
            "tg": dict(TG),
            "result": num_tex(tan),
        },
        "key": fraction_key(tan),
    }


@verifier("g10_tan_from_cos")
def g10_tan_from_cos_verify(values, key):
    cos, tan = Fraction(values["cos_value"]), Fraction(key)
    # 1 + tg^2 = 1 / cos^2, and the sign of tg is the quarter's.
    return (1 + tan * tan) * cos * cos == 1 and (tan > 0) == (values["q"] in (1, 3))


# ---------------------------------------------------------------- reduction formulas

# (shown angle, multiple of π/2, sign of α)
REDUCTIONS = [
    ("\\frac{\\pi}{2} - \\alpha", 1, -1),
    ("\\frac{\\pi}{2} + \\alpha", 1, 1),
    ("\\pi - \\alpha", 2, -1),
    ("\\pi + \\alpha", 2, 1),
    ("\\frac{3\\pi}{2} - \\alpha", 3, -1),
    ("\\frac{3\\pi}{2} + \\alpha", 3, 1),
    ("2\\pi - \\alpha", 4, -1),
]


def _reduced(fn, k, sign):
    """f(kπ/2 ± α) for an acute α: (result function, sign)."""
    other = {"sin": "cos", "cos": "sin", "tan": "cot"}[fn] if k % 2 else fn
    alpha = math.radians(20)
    f = {"sin": math.sin, "cos": math.cos, "tan": math.tan, "cot": lambda t: 1 / math.tan(t)}
    value = f[fn](k * math.pi / 2 + sign * alpha)
    return other, (1 if value > 0 else -1)


def _fn_of_alpha(fn, sign):
    name = _fn_name(fn)
    return {lang: f"${'-' if sign < 0 else ''}{name[lang]}\\,\\alpha$" for lang in LANGS}


@generator("g10_reduction")
def g10_reduction(rng, options):
    fn = rng.choice(["sin", "cos", "tan"])
    shown, k, sign = rng.choice(REDUCTIONS)
    res_fn, res_sign = _reduced(fn, k, sign)
    right = _fn_of_alpha(res_fn, res_sign)
    pool = ["sin", "cos"] if fn != "tan" else ["tan", "cot"]
    wrong = [_fn_of_alpha(f, s) for f in pool for s in (1, -1) if (f, s) != (res_fn, res_sign)]
    name = _fn_name(fn)
    values = {
        "expr": {lang: f"{name[lang]}\\left({shown}\\right)" for lang in LANGS},
        "fn_code": fn,
        "k": k,
        "sign": sign,
        "changes": {
            "kk": "ауысады",
            "ru": "меняется на кофункцию",
            "en": "changes to the cofunction",
            "uz": "almashadi",
        }
        if k % 2
        else {"kk": "ауыспайды", "ru": "не меняется", "en": "stays the same", "uz": "almashmaydi"},
        "answer": right,
    }
    return {"values": values, "key": "", "choices": _choice_list(rng, right, wrong)}


@verifier("g10_reduction")
def g10_reduction_verify(values, key, choices=None):
    fn, k, sign = values["fn_code"], values["k"], values["sign"]
    # Another route: the identity f(kπ/2 ± α) = ±g(α) checked at several acute angles.
    res_fn, res_sign = _reduced(fn, k, sign)
    funcs = {"sin": math.sin, "cos": math.cos, "tan": math.tan, "cot": lambda t: 1 / math.tan(t)}
    for alpha in (0.2, 0.7, 1.3):
        if abs(funcs[fn](k * math.pi / 2 + sign * alpha) - res_sign * funcs[res_fn](alpha)) > 1e-9:
            return False
    return _fn_of_alpha(res_fn, res_sign) == values["answer"] and _right_is(choices, values["answer"]["en"])


# ---------------------------------------------------------------- trigonometric equations

# value shown, its TeX, the principal angle (a fraction of π) for sin, cos and tg.
SIN_VALUES = [
    ("1/2", "\\frac{1}{2}", Fraction(1, 6)),
    ("s2", "\\frac{\\sqrt{2}}{2}", Fraction(1, 4)),
    ("s3", "\\frac{\\sqrt{3}}{2}", Fraction(1, 3)),
    ("-1/2", "-\\frac{1}{2}", Fraction(-1, 6)),
    ("-s2", "-\\frac{\\sqrt{2}}{2}", Fraction(-1, 4)),
    ("-s3", "-\\frac{\\sqrt{3}}{2}", Fraction(-1, 3)),
]
COS_VALUES = [
    ("1/2", "\\frac{1}{2}", Fraction(1, 3)),
    ("s2", "\\frac{\\sqrt{2}}{2}", Fraction(1, 4)),
    ("s3", "\\frac{\\sqrt{3}}{2}", Fraction(1, 6)),
    ("-1/2", "-\\frac{1}{2}", Fraction(2, 3)),
    ("-s2", "-\\frac{\\sqrt{2}}{2}", Fraction(3, 4)),
    ("-s3", "-\\frac{\\sqrt{3}}{2}", Fraction(5, 6)),
]
TAN_VALUES = [
    ("1", "1", Fraction(1, 4)),
    ("s3", "\\sqrt{3}", Fraction(1, 3)),
    ("s3/3", "\\frac{\\sqrt{3}}{3}", Fraction(1, 6)),
    ("-1", "-1", Fraction(-1, 4)),
    ("-s3", "-\\sqrt{3}", Fraction(-1, 3)),
    ("-s3/3", "-\\frac{\\sqrt{3}}{3}", Fraction(-1, 6)),
]
NUMERIC = {"1/2": 0.5, "s2": math.sqrt(2) / 2, "s3": math.sqrt(3) / 2, "1": 1.0, "s3/3": math.sqrt(3) / 3}


def _target(fn: str, code: str) -> float:
    """The right-hand side a of f(x) = a read from its code, independently of the principal angle."""
    if code.startswith("-"):
        return -_target(fn, code[1:])
    if fn == "tan":
        return {"1": 1.0, "s3": math.sqrt(3), "s3/3": math.sqrt(3) / 3}[code]
    return NUMERIC[code]


def _signed_pi(c: Fraction) -> str:
    return ("-" if c < 0 else "") + pi_tex(abs(c))


def _family(fn: str, c: Fraction) -> str:
    """The general solution of f(x) = a whose principal angle is cπ, in TeX."""
    if fn == "sin":
        power = "k" if c > 0 else "k+1"
        return f"x = (-1)^{{{power}}} {pi_tex(abs(c))} + \\pi k"
    if fn == "cos":
        return f"x = \\pm {pi_tex(c)} + 2\\pi k"
    return f"x = {_signed_pi(c)} + \\pi k"


def _family_text(tex: str) -> dict:
    return dict.fromkeys(LANGS, f"${tex},\\ k \\in \\mathbb{{Z}}$")


@generator("g10_trig_equation_general")
def g10_trig_equation_general(rng, options):
    fn = rng.choice(["sin", "cos", "tan"])
    table = {"sin": SIN_VALUES, "cos": COS_VALUES, "tan": TAN_VALUES}[fn]
    code, tex, c = rng.choice(table)
    right = _family_text(_family(fn, c))
    wrong = []
    for other_fn in ("sin", "cos", "tan"):
        for _code, _tex, other_c in {"sin": SIN_VALUES, "cos": COS_VALUES, "tan": TAN_VALUES}[other_fn]:
            if other_fn == fn and other_c == c:
                continue
            wrong.append(_family_text(_family(other_fn, other_c)))
    # The most instructive traps first: the same angle in another family, the opposite value.
    traps = [_family_text(_family(f, c if f != "cos" else abs(c))) for f in ("sin", "cos", "tan") if f != fn]
    rng.shuffle(wrong)
    choices = _choice_list(rng, right, traps[:2] + wrong[:6])
    arc = {
        "sin": "\\arcsin",
        "cos": "\\arccos",
        "tan": {
            "kk": "\\operatorname{arctg}",
            "ru": "\\operatorname{arctg}",
            "en": "\\arctan",
            "uz": "\\operatorname{arctg}",
        },
    }[fn]
    values = {
        "fn": _fn_name(fn),
        "fn_code": fn,
        "code": code,
        "a": tex,
        "c": fraction_key(c),
        "arc": arc if isinstance(arc, dict) else _same(arc),
        "angle": _signed_pi(c),
        "formula": {
            "sin": _same("x = (-1)^k \\arcsin a + \\pi k"),
            "cos": _same("x = \\pm \\arccos a + 2\\pi k"),
            "tan": {
                "kk": "x = \\operatorname{arctg} a + \\pi k",
                "ru": "x = \\operatorname{arctg} a + \\pi k",
                "en": "x = \\arctan a + \\pi k",
                "uz": "x = \\operatorname{arctg} a + \\pi k",
            },
        }[fn],
        "answer": right,
    }
    return {"values": values, "key": "", "choices": choices}


@verifier("g10_trig_equation_general")
def g10_trig_equation_general_verify(values, key, choices=None):
    fn, c = values["fn_code"], Fraction(values["c"])
    f = {"sin": math.sin, "cos": math.cos, "tan": math.tan}[fn]
    target = _target(fn, values["code"])
    # Every member of the family solves the equation, for k from -3 to 3.
    for k in range(-3, 4):
        if fn == "sin":
            xs = [(-1) ** k * float(c) * math.pi + math.pi * k]
        elif fn == "cos":
            xs = [float(c) * math.pi + 2 * math.pi * k, -float(c) * math.pi + 2 * math.pi * k]
        else:
            xs = [float(c) * math.pi + math.pi * k]
        if any(abs(f(x) - target) > 1e-9 for x in xs):
            return False
    return _family_text(_family(fn, c)) == values["answer"] and _right_is(choices, values["answer"]["en"])


@generator("g10_trig_equation_root")
def g10_trig_equation_root(rng, options):
    """The smallest positive root, in degrees, of sin x = a, cos x = a or tg x = a."""
    fn = rng.choice(["sin", "cos", "tan"])
    table = {"sin": SIN_VALUES, "cos": COS_VALUES, "tan": TAN_VALUES}[fn]
    code, tex, c = rng.choice(table)
    principal = int(c * 180)
    if fn == "sin":
        roots = sorted(r % 360 for r in (principal, 180 - principal))
    elif fn == "cos":
        roots = sorted(r % 360 for r in (principal, -principal))
    else:
        roots = sorted(r % 360 for r in (principal, principal + 180))
    smallest = min(r for r in roots if r > 0)
    return {
        "values": {
            "fn": _fn_name(fn),
            "fn_code": fn,
            "code": code,
            "a": tex,
            "principal": principal,
            "roots": f"{roots[0]}^\\circ,\\ {roots[1]}^\\circ",
            "result": smallest,
        },
        "key": str(smallest),
    }


@verifier("g10_trig_equation_root")
def g10_trig_equation_root_verify(values, key):
    fn = values["fn_code"]
    f = {"sin": math.sin, "cos": math.cos, "tan": math.tan}[fn]
    target = _target(fn, values["code"])
    for deg in range(1, 361):
        if deg % 180 == 90 and fn == "tan":
            continue
        if abs(f(math.radians(deg)) - target) < 1e-9:
            return int(key) == deg
    return False


# ---------------------------------------------------------------- the derivative


def deriv_at(coeffs, t) -> Fraction:
    """f'(t) by synthetic division (another route than the power rule): f(x) = (x - t)q(x) + f(t), f'(t) = q(t)."""
    t = Fraction(t)
    q, acc = [], Fraction(0)
    for c in coeffs[:-1]:
        acc = acc * t + Fraction(c)
        q.append(acc)
    value = Fraction(0)
    for c in q:
        value = value * t + c
    return value


def value_at(coeffs, t) -> Fraction:
    value = Fraction(0)
    for c in coeffs:
        value = value * Fraction(t) + Fraction(c)
    return value


def _deriv(coeffs):
    n = len(coeffs) - 1
    return [c * (n - i) for i, c in enumerate(coeffs[:-1])]


@generator("g10_derivative_poly")
def g10_derivative_poly(rng, options):
    while True:
        degree = rng.randint(2, 4)
        coeffs = [rng.choice([x for x in range(-6, 7) if x != 0])] + [rng.randint(-9, 9) for _ in range(degree)]
        if sum(1 for c in coeffs[:-1] if c) >= 2:
            break
    d = _deriv(coeffs)
    return {"values": {"f": poly_tex(coeffs), "c": coeffs, "result": poly_tex(d)}, "key": poly_key(d)}


@verifier("g10_derivative_poly")
def g10_derivative_poly_verify(values, key):
    typed = parse_poly(key)
    points = range(-3, 4)  # more points than the degree: the polynomials agree everywhere
    return poly_tex(values["c"]) == values["f"] and all(poly_at(typed, t) == deriv_at(values["c"], t) for t in points)


@generator("g10_derivative_product")
def g10_derivative_product(rng, options):
    """(ax + b)(cx^2 + d): the product rule; the key expanded (any equivalent form is accepted)."""
    a = rng.choice([1, 2, 3, -1, -2])
    b = rng.choice([x for x in range(-7, 8) if x != 0])
    c = rng.choice([1, 2, -1])
    d = rng.choice([x for x in range(-9, 10) if x != 0])
    u, v = [a, b], [c, 0, d]
    du, dv = [a], [2 * c, 0]
    product = [a * c, b * c, a * d, b * d]
    deriv = _deriv(product)
    return {
        "values": {
            "u": poly_tex(u),
            "v": poly_tex(v),
            "du": poly_tex(du),
            "dv": poly_tex(dv),
            "abcd": [a, b, c, d],
            "expanded": poly_tex(product),
            "result": poly_tex(deriv),
        },
        "key": poly_key(deriv),
    }


@verifier("g10_derivative_product")
def g10_derivative_product_verify(values, key):
    # Product rule u'v + uv' against the key, as polynomials.
    a, b, c, d = values["abcd"]
    typed = parse_poly(key)
    # u'v + uv' with u = ax + b, v = cx^2 + d, at more points than the degree.
    return all(poly_at(typed, t) == a * (c * t * t + d) + (a * t + b) * 2 * c * t for t in range(-3, 4))


@generator("g10_derivative_value")
def g10_derivative_value(rng, options):
    coeffs = [rng.choice([1, 2, -1, 3]), rng.randint(-6, 6), rng.randint(-9, 9), rng.randint(-9, 9)]
    x0 = rng.choice([x for x in range(-3, 4) if x != 0])
    d = _deriv(coeffs)
    value = sum(c * x0 ** (len(d) - 1 - i) for i, c in enumerate(d))
    return {
        "values": {"f": poly_tex(coeffs), "x0": x0, "df": poly_tex(d), "c": coeffs, "result": value},
        "key": str(value),
    }


@verifier("g10_derivative_value")
def g10_derivative_value_verify(values, key):
    return deriv_at(values["c"], values["x0"]) == int(key)


@generator("g10_tangent_line")
def g10_tangent_line(rng, options):
    a = rng.choice([1, -1, 2])
    b, c = rng.randint(-6, 6), rng.randint(-8, 8)
    x0 = rng.choice([x for x in range(-3, 4) if x != 0])
    f0 = a * x0 * x0 + b * x0 + c
    k = 2 * a * x0 + b
    m = f0 - k * x0
    return {
        "values": {
            "f": poly_tex([a, b, c]),
            "df": poly_tex([2 * a, b]),
            "x0": x0,
            "f0": f0,
            "k": k,
            "c": [a, b, c],
            "line": "y=" + poly_tex([k, m]),
        },
        "key": poly_key([k, m]),
    }


@verifier("g10_tangent_line")
def g10_tangent_line_verify(values, key):
    # The tangent meets the parabola in one double point x0: f(x) - line = a(x - x0)^2.
    a, x0 = values["c"][0], values["x0"]
    line = parse_poly(key)
    return max(line) <= 1 and all(
        value_at(values["c"], t) - poly_at(line, t) == a * (t - x0) ** 2 for t in range(-2, 3)
    )


def _cubic(rng):
    """f = x^3 + px^2 + qx + r with f' = 3(x - r1)(x - r2), r1 < r2 whole, r1 + r2 even."""
    while True:
        r1, r2 = sorted(rng.sample(range(-5, 6), 2))
        if (r1 + r2) % 2 == 0:
            break
    p = Fraction(-3 * (r1 + r2), 2)
    q = 3 * r1 * r2
    r = rng.randint(-9, 9)
    return r1, r2, [1, p, q, r]


@generator("g10_cubic_extremum")
def g10_cubic_extremum(rng, options):
    r1, r2, coeffs = _cubic(rng)
    asks_min = rng.random() < 0.5
    return {
        "values": {
            "f": poly_tex(coeffs),
            "df": poly_tex(_deriv(coeffs)),
            "r1": r1,
            "r2": r2,
            "c": [str(x) for x in coeffs],
            "what": {"kk": "минимум", "ru": "минимума", "en": "minimum", "uz": "minimum"}
            if asks_min
            else {"kk": "максимум", "ru": "максимума", "en": "maximum", "uz": "maksimum"},
            "min": 1 if asks_min else 0,
            "result": r2 if asks_min else r1,
        },
        "key": str(r2 if asks_min else r1),
    }


@verifier("g10_cubic_extremum")
def g10_cubic_extremum_verify(values, key):
    c = [Fraction(x) for x in values["c"]]
    x0 = int(key)
    left, right = deriv_at(c, x0 - Fraction(1, 2)), deriv_at(c, x0 + Fraction(1, 2))
    # f' = 0 at x0 and changes sign: - to + is a minimum, + to - a maximum.
    return deriv_at(c, x0) == 0 and left * right < 0 and (left < 0) == bool(values["min"])


@generator("g10_cubic_decrease")
def g10_cubic_decrease(rng, options):
    r1, r2, coeffs = _cubic(rng)
    right = interval_text([("[", r1, r2, "]")])
    wrong = [
        interval_text([("(", None, r1, "]"), ("[", r2, None, ")")]),
        interval_text([("[", -r2, -r1, "]")]),
        interval_text([("[", r1, None, ")")]),
        interval_text([("(", None, r2, "]")]),
    ]
    values = {
        "f": poly_tex(coeffs),
        "df": poly_tex(_deriv(coeffs)),
        "r1": r1,
        "r2": r2,
        "c": [str(x) for x in coeffs],
        "answer": right,
    }
    return {"values": values, "key": "", "choices": _choice_list(rng, right, wrong)}


@verifier("g10_cubic_decrease")
def g10_cubic_decrease_verify(values, key, choices=None):
    c = [Fraction(x) for x in values["c"]]
    r1, r2 = values["r1"], values["r2"]
    ok = (
        r1 < r2
        and deriv_at(c, r1) == 0 == deriv_at(c, r2)
        and deriv_at(c, Fraction(r1 + r2, 2)) < 0
        and deriv_at(c, r2 + 1) > 0
    )
    return (
        ok
        and interval_text([("[", values["r1"], values["r2"], "]")]) == values["answer"]
        and _right_is(choices, values["answer"]["en"])
    )


@generator("g10_velocity")
def g10_velocity(rng, options):
    a = rng.choice([1, 2, 3, 4, 5])
    b = rng.randint(1, 12)
    c = rng.randint(0, 20)
    t0 = rng.randint(1, 10)
    v = 2 * a * t0 + b
    return {
        "values": {
            "s": poly_tex([a, b, c], "t"),
            "ds": poly_tex([2 * a, b], "t"),
            "t0": t0,
            "c": [a, b, c],
            "result": v,
        },
        "key": str(v),
    }


@verifier("g10_velocity")
def g10_velocity_verify(values, key):
    a, b, c = values["c"]
    t = values["t0"]
    s = lambda x: a * x * x + b * x + c  # noqa: E731
    # The mean speed on [t - h, t + h] equals the instant speed for a quadratic law.
    return Fraction(s(t + 1) - s(t - 1), 2) == int(key)


# ---------------------------------------------------------------- probability

NAMES = [
    (
        {"kk": "Аружан", "ru": "Аружан", "en": "Aruzhan", "uz": "Aruzhan"},
        {"kk": "Данияр", "ru": "Данияр", "en": "Daniyar", "uz": "Daniyar"},
    ),
    (
        {"kk": "Ерасыл", "ru": "Ерасыл", "en": "Yerassyl", "uz": "Yerasil"},
        {"kk": "Әсел", "ru": "Асель", "en": "Assel", "uz": "Asel"},
    ),
    (
        {"kk": "Камила", "ru": "Камила", "en": "Kamila", "uz": "Kamila"},
        {"kk": "Бауыржан", "ru": "Бауыржан", "en": "Baurzhan", "uz": "Bauyrjan"},
    ),
    (
        {"kk": "Олжас", "ru": "Олжас", "en": "Olzhas", "uz": "Oljas"},
        {"kk": "Лейла", "ru": "Лейла", "en": "Leyla", "uz": "Leyla"},
    ),
    (
        {"kk": "Наргиза", "ru": "Наргиза", "en": "Nargiza", "uz": "Nargiza"},
        {"kk": "Артём", "ru": "Артём", "en": "Artyom", "uz": "Artyom"},
    ),
]


def _p(rng, low=1, high=9):
    return Fraction(rng.randint(low, high), 10)


@generator("g10_prob_addition")
def g10_prob_addition(rng, options):
    """Incompatible events: a shot hits the 10 zone or the 9 zone."""
    while True:
        p1, p2 = Fraction(rng.randint(5, 50), 100), Fraction(rng.randint(5, 50), 100)
        if p1 + p2 < 1 and p1 != p2:
            break
    s = p1 + p2
    return {"values": {"p1": number_key(p1), "p2": number_key(p2), "result": number_key(s)}, "key": number_key(s)}


@verifier("g10_prob_addition")
def g10_prob_addition_verify(values, key):
    miss = 1 - Fraction(values["p1"]) - Fraction(values["p2"])
    return 0 < miss < 1 and Fraction(key) == 1 - miss


@generator("g10_prob_both")
def g10_prob_both(rng, options):
    """Independent events: two archers both hit."""
    p1, p2 = _p(rng, 3, 9), _p(rng, 3, 9)
    first, second = rng.choice(NAMES)
    return {
        "values": {
            "first": first,
            "second": second,
            "p1": number_key(p1),
            "p2": number_key(p2),
            "result": number_key(p1 * p2),
        },
        "key": number_key(p1 * p2),
    }


@verifier("g10_prob_both")
def g10_prob_both_verify(values, key):
    # Count outcomes of 10 x 10 equally likely pairs.
    a, b = int(Fraction(values["p1"]) * 10), int(Fraction(values["p2"]) * 10)
    hits = sum(1 for i in range(10) for j in range(10) if i < a and j < b)
    return Fraction(key) == Fraction(hits, 100)


@generator("g10_prob_at_least_one")
def g10_prob_at_least_one(rng, options):
    p1, p2 = _p(rng, 2, 9), _p(rng, 2, 9)
    q1, q2 = 1 - p1, 1 - p2
    result = 1 - q1 * q2
    first, second = rng.choice(NAMES)
    return {
        "values": {
            "first": first,
            "second": second,
            "p1": number_key(p1),
            "p2": number_key(p2),
            "q1": number_key(q1),
            "q2": number_key(q2),
            "qq": number_key(q1 * q2),
            "result": number_key(result),
        },
        "key": number_key(result),
    }


@verifier("g10_prob_at_least_one")
def g10_prob_at_least_one_verify(values, key):
    p1, p2 = Fraction(values["p1"]), Fraction(values["p2"])
    # Addition rule for compatible events: P(A) + P(B) - P(AB).
    return Fraction(key) == p1 + p2 - p1 * p2


@generator("g10_two_dice")
def g10_two_dice(rng, options):
    s = rng.randint(2, 12)
    m = 6 - abs(s - 7)
    pairs = ", ".join(f"({i};\\,{s - i})" for i in range(1, 7) if 1 <= s - i <= 6)
    p = Fraction(m, 36)
    return {"values": {"s": s, "m": m, "pairs": pairs, "result": fraction_key(p)}, "key": fraction_key(p)}


@verifier("g10_two_dice")
def g10_two_dice_verify(values, key):
    m = sum(1 for i in range(1, 7) for j in range(1, 7) if i + j == values["s"])
    return Fraction(key) == Fraction(m, 36) and m == values["m"]


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


def _sub(p, q):
    return tuple(a - b for a, b in zip(p, q, strict=True))


def _cross(u, v):
    return (u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0])


def _dot(u, v):
    return sum(a * b for a, b in zip(u, v, strict=True))


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


# ---------------------------------------------------------------- perpendicular and oblique lines

TRIPLES = [
    (3, 4, 5),
    (6, 8, 10),
    (5, 12, 13),
    (9, 12, 15),
    (8, 15, 17),
    (12, 16, 20),
    (7, 24, 25),
    (15, 20, 25),
    (10, 24, 26),
    (20, 21, 29),
]


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
