"""Grade 10: trigonometry (radians, values, identities, reduction formulas, equations), the
derivative (rules, value, tangent, monotonicity and extrema of a cubic), probability of events
(algebra and elements of analysis); lines and planes in space, perpendicularity, angles and
distances, prisms and pyramids (geometry).

Kazakhstan textbooks write the tangent as tg (kk, ru, uz); English texts write tan.
"""

import math
from fractions import Fraction

from qalan.trainer.content.generators._util import fraction_key
from qalan.trainer.content.generators.grade09 import (
    num_tex,
    parse_pi,
    pi_key,
    pi_tex,
    plain,
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


def _sub(p, q):
    return tuple(a - b for a, b in zip(p, q, strict=True))


def _cross(u, v):
    return (u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0])


def _dot(u, v):
    return sum(a * b for a, b in zip(u, v, strict=True))


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
