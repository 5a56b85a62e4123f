"""Grade 9: quadratic inequalities, nonlinear systems, progressions, functions, combinatorics and
probability, powers with rational exponents (algebra); vectors, the coordinate method, solving
triangles, regular polygons, arcs and sectors (geometry).

Formulas shown in the texts are built here as TeX strings (``x^2-5x+6``) so that signs read as a
teacher writes them (never ``+ -3``); keys are exact.
"""

from fractions import Fraction
from math import comb, factorial, gcd, isqrt, perm

from qalan.trainer.content.generators._util import fraction_key, number_key
from qalan.trainer.content.registry import generator, verifier

# ---------------------------------------------------------------- TeX helpers (used by grade 10 too)


def coef_tex(c, power: str, first: bool) -> str:
    """One term ``c·power`` of a sum in TeX: ``-3x``, ``+ x^2``, ``+ 5``; empty when c == 0."""
    c = Fraction(c)
    if c == 0:
        return ""
    sign = "-" if c < 0 else ("" if first else "+")
    a = abs(c)
    if a.denominator != 1:
        body = f"\\frac{{{a.numerator}}}{{{a.denominator}}}"
    else:
        body = "" if (a == 1 and power) else str(a.numerator)
    return f"{sign}{body}{power}"


def poly_tex(coeffs: list, var: str = "x") -> str:
    """``[1, -5, 6]`` -> ``x^2-5x+6`` (highest power first)."""
    n = len(coeffs) - 1
    out = []
    for i, c in enumerate(coeffs):
        p = n - i
        power = f"{var}^{{{p}}}" if p > 1 else (var if p == 1 else "")
        term = coef_tex(c, power, not out)
        if term:
            out.append(term)
    return "".join(out) or "0"


def poly_key(coeffs: list, var: str = "x") -> str:
    """``[3, -4, 0]`` -> ``3*x^2-4*x``: an expression key."""
    n = len(coeffs) - 1
    out = []
    for i, c in enumerate(coeffs):
        c = Fraction(c)
        p = n - i
        if c == 0:
            continue
        sign = "-" if c < 0 else ("+" if out else "")
        a = abs(c)
        num = fraction_key(a)
        if p == 0:
            out.append(f"{sign}{num}")
        else:
            power = f"{var}^{p}" if p > 1 else var
            out.append(f"{sign}{power}" if a == 1 else f"{sign}{num}*{power}")
    return "".join(out) or "0"


def shift_tex(var: str, a) -> str:
    """``x - a`` written with the right sign: ``x-3``, ``x+2``."""
    a = Fraction(a)
    if a == 0:
        return var
    return f"{var}-{number_key(a)}" if a > 0 else f"{var}+{number_key(-a)}"


def num_tex(value) -> str:
    value = Fraction(value)
    if value.denominator == 1:
        return str(value.numerator)
    sign = "-" if value < 0 else ""
    return f"{sign}\\frac{{{abs(value.numerator)}}}{{{value.denominator}}}"


def point_text(x, y) -> dict:
    """Coordinates as each language writes them: ``(3; −2)`` (kk, ru, uz), ``(3, −2)`` (en)."""
    return {
        "kk": f"$({num_tex(x)};\\ {num_tex(y)})$",
        "ru": f"$({num_tex(x)};\\ {num_tex(y)})$",
        "uz": f"$({num_tex(x)};\\ {num_tex(y)})$",
        "en": f"$({num_tex(x)},\\ {num_tex(y)})$",
    }


def interval_text(parts: list) -> dict:
    """``[("(", a, b, ")"), ...]`` (None is infinity) as a union of intervals per language."""

    def one(sep, part):
        lb, a, b, rb = part
        left = "-\\infty" if a is None else num_tex(a)
        right = "+\\infty" if b is None else num_tex(b)
        return f"{lb}{left}{sep}\\ {right}{rb}"

    texts = {}
    for lang in ("kk", "ru", "en", "uz"):
        sep = "," if lang == "en" else ";"
        texts[lang] = "$" + " \\cup ".join(one(sep, p) for p in parts) + "$"
    return texts


def plain(text: str) -> str:
    return str(text).strip("$")


def _choices(rng, right, wrong: list, n: int = 4) -> list:
    """The right choice and distinct wrong ones (compared by their English text)."""
    seen, out = {right["en"]}, [{"text": right, "correct": True}]
    rng.shuffle(wrong)
    for w in wrong:
        if w["en"] not in seen and len(out) < n:
            seen.add(w["en"])
            out.append({"text": w, "correct": False})
    return out


def _one_right(choices, right_en: str) -> bool:
    if choices is None:
        return True
    texts = [c["text"] for c in choices]
    rights = [c["text"] for c in choices if c["correct"]]
    return len(texts) == len(set(texts)) >= 3 and rights == [plain(right_en)]


def _distinct_roots(rng, low=-9, high=9):
    while True:
        p, q = sorted(rng.sample(range(low, high + 1), 2))
        if (p, q) != (0, 0) and p * q != 0:
            return p, q


# ---------------------------------------------------------------- quadratic inequalities

_INEQ_TEX = {"<": "<", "<=": "\\le", ">": ">", ">=": "\\ge"}


def _ineq_solution(sign, p, q):
    if sign == "<":
        return [("(", p, q, ")")]
    if sign == "<=":
        return [("[", p, q, "]")]
    if sign == ">":
        return [("(", None, p, ")"), ("(", q, None, ")")]
    return [("(", None, p, "]"), ("[", q, None, ")")]


@generator("g09_quad_inequality")
def g09_quad_inequality(rng, options):
    """x^2 + bx + c (sign) 0 with whole roots p < q: choose the solution set."""
    p, q = _distinct_roots(rng)
    sign = rng.choice(["<", "<=", ">", ">="])
    right = interval_text(_ineq_solution(sign, p, q))
    wrong = [
        interval_text(_ineq_solution(s, a, b))
        for s in _INEQ_TEX
        for a, b in ((p, q), (-q, -p))
        if (s, a, b) != (sign, p, q)
    ]
    values = {
        "poly": poly_tex([1, -(p + q), p * q]),
        "sign": _INEQ_TEX[sign],
        "p": p,
        "q": q,
        "factored": f"({shift_tex('x', p)})({shift_tex('x', q)})",
        "inside": {
            "kk": "түбірлердің арасында",
            "ru": "между корнями",
            "en": "between the roots",
            "uz": "ildizlar orasida",
        }
        if sign in ("<", "<=")
        else {
            "kk": "түбірлерден тыс",
            "ru": "вне отрезка между корнями",
            "en": "outside the roots",
            "uz": "ildizlardan tashqarida",
        },
        "answer": right,
    }
    return {"values": values, "key": "", "choices": _choices(rng, right, wrong)}


@verifier("g09_quad_inequality")
def g09_quad_inequality_verify(values, key, choices=None):
    p, q = values["p"], values["q"]
    if not p < q:
        return False
    # The roots of the shown trinomial, by the discriminant.
    b, c = -(p + q), p * q
    d = b * b - 4 * c
    r = isqrt(d)
    if r * r != d or {(-b - r) // 2, (-b + r) // 2} != {p, q}:
        return False
    return _one_right(choices, values["answer"]["en"])


@generator("g09_quad_inequality_integers")
def g09_quad_inequality_integers(rng, options):
    """How many whole numbers satisfy (x-p)(x-q) < 0 or <= 0."""
    while True:
        p, q = _distinct_roots(rng, -8, 9)
        if q - p >= 2:
            break
    strict = rng.random() < 0.5
    count = q - p - 1 if strict else q - p + 1
    return {
        "values": {
            "poly": poly_tex([1, -(p + q), p * q]),
            "sign": "<" if strict else "\\le",
            "p": p,
            "q": q,
            "interval": interval_text([("(", p, q, ")") if strict else ("[", p, q, "]")]),
            "result": count,
        },
        "key": str(count),
    }


@verifier("g09_quad_inequality_integers")
def g09_quad_inequality_integers_verify(values, key):
    p, q = values["p"], values["q"]
    strict = values["sign"] == "<"
    n = sum(1 for x in range(p - 5, q + 6) if ((x - p) * (x - q) < 0 if strict else (x - p) * (x - q) <= 0))
    return n > 0 and int(key) == n


# ---------------------------------------------------------------- systems of equations


@generator("g09_system_sum_product")
def g09_system_sum_product(rng, options):
    """x + y = s, xy = p with whole solutions (a; b), (b; a), a > b: the largest x."""
    while True:
        b, a = sorted(rng.sample(range(-6, 10), 2))
        if a * b != 0 and a > 0:
            break
    s, p = a + b, a * b
    return {
        "values": {"s": s, "p": p, "a": a, "b": b, "quad": poly_tex([1, -s, p], "t")},
        "key": str(a),
    }


@verifier("g09_system_sum_product")
def g09_system_sum_product_verify(values, key):
    # x is a root of t^2 - s·t + p (Vieta); the other root s - x is smaller.
    x, s, p = int(key), values["s"], values["p"]
    return x * x - s * x + p == 0 and s - x < x and p != 0


@generator("g09_rectangle_system")
def g09_rectangle_system(rng, options):
    """A rectangular plot with perimeter P and area S: its length (the longer side)."""
    b = rng.randint(3, 30)
    a = rng.randint(b + 1, 45)
    return {
        "values": {
            "perimeter": 2 * (a + b),
            "area": a * b,
            "half": a + b,
            "a": a,
            "b": b,
            "quad": poly_tex([1, -(a + b), a * b]),
        },
        "key": str(a),
    }


@verifier("g09_rectangle_system")
def g09_rectangle_system_verify(values, key):
    a = int(key)
    half = values["perimeter"] // 2
    b = half - a
    return values["perimeter"] % 2 == 0 and a > b > 0 and a * b == values["area"]


# ---------------------------------------------------------------- progressions


@generator("g09_ap_nth")
def g09_ap_nth(rng, options):
    a1 = rng.randint(-20, 25)
    d = rng.choice([x for x in range(-7, 8) if x != 0])
    n = rng.randint(6, 40)
    an = a1 + (n - 1) * d
    return {
        "values": {"a1": a1, "d": d, "n": n, "n1": n - 1, "a2": a1 + d, "a3": a1 + 2 * d, "result": an},
        "key": str(an),
    }


@verifier("g09_ap_nth")
def g09_ap_nth_verify(values, key):
    term = values["a1"]
    for _ in range(values["n"] - 1):
        term += values["d"]
    return values["d"] != 0 and values["a2"] - values["a1"] == values["d"] and int(key) == term


@generator("g09_ap_sum")
def g09_ap_sum(rng, options):
    a1 = rng.randint(-15, 20)
    d = rng.choice([x for x in range(-5, 7) if x != 0])
    n = rng.randint(5, 20)
    an = a1 + (n - 1) * d
    s = n * (a1 + an) // 2
    return {"values": {"a1": a1, "d": d, "n": n, "an": an, "a2": a1 + d, "result": s}, "key": str(s)}


@verifier("g09_ap_sum")
def g09_ap_sum_verify(values, key):
    total = sum(values["a1"] + i * values["d"] for i in range(values["n"]))
    return values["d"] != 0 and int(key) == total


@generator("g09_gp_nth")
def g09_gp_nth(rng, options):
    q = rng.choice([2, 3, -2, -3, Fraction(1, 2), Fraction(-1, 2)])
    n = rng.randint(4, 6 if abs(q) == 3 else 7)
    if abs(q) < 1:
        b1 = rng.choice([1, 3, 5]) * 2 ** (n - 1) * rng.choice([1, -1])
    else:
        b1 = rng.choice([1, 2, 3, 4, 5, -1, -2, -3])
    bn = Fraction(b1) * Fraction(q) ** (n - 1)
    return {
        "values": {
            "b1": b1,
            "q": number_key(q),
            "n": n,
            "n1": n - 1,
            "b2": number_key(b1 * Fraction(q)),
            "result": number_key(bn),
        },
        "key": number_key(bn),
    }


@verifier("g09_gp_nth")
def g09_gp_nth_verify(values, key):
    q, term = Fraction(values["q"]), Fraction(values["b1"])
    for _ in range(values["n"] - 1):
        term *= q
    return q not in (0, 1, -1) and Fraction(key) == term and Fraction(key).denominator == 1


@generator("g09_gp_sum")
def g09_gp_sum(rng, options):
    q = rng.choice([2, 3, -2, -3])
    n = rng.randint(3, 6 if abs(q) == 2 else 5)
    b1 = rng.choice([1, 2, 3, 4, 5, -1, -2, -3])
    s = b1 * (q**n - 1) // (q - 1)
    return {"values": {"b1": b1, "q": q, "n": n, "qn": q**n, "qn1": q**n - 1, "q1": q - 1, "result": s}, "key": str(s)}


@verifier("g09_gp_sum")
def g09_gp_sum_verify(values, key):
    total = sum(values["b1"] * values["q"] ** i for i in range(values["n"]))
    return int(key) == total


NAMES = [
    {"kk": "Айгерім", "ru": "Айгерим", "en": "Aigerim", "uz": "Aygerim"},
    {"kk": "Ержан", "ru": "Ержан", "en": "Yerzhan", "uz": "Yerjan"},
    {"kk": "Мадина", "ru": "Мадина", "en": "Madina", "uz": "Madina"},
    {"kk": "Тимур", "ru": "Тимур", "en": "Timur", "uz": "Temur"},
    {"kk": "Дильназ", "ru": "Дильназ", "en": "Dilnaz", "uz": "Dilnoz"},
    {"kk": "Арман", "ru": "Арман", "en": "Arman", "uz": "Arman"},
    {"kk": "Алина", "ru": "Алина", "en": "Alina", "uz": "Alina"},
    {"kk": "Дамир", "ru": "Дамир", "en": "Damir", "uz": "Damir"},
    {"kk": "Зарина", "ru": "Зарина", "en": "Zarina", "uz": "Zarina"},
    {"kk": "Руслан", "ru": "Руслан", "en": "Ruslan", "uz": "Ruslan"},
    {"kk": "Гүлназ", "ru": "Гульназ", "en": "Gulnaz", "uz": "Gulnoz"},
    {"kk": "Нұрлан", "ru": "Нурлан", "en": "Nurlan", "uz": "Nurlan"},
]


@generator("g09_ap_savings")
def g09_ap_savings(rng, options):
    """Saving tenge: a1 in the first week, d more each week; the total after n weeks."""
    a1 = rng.choice(range(200, 1001, 100))
    d = rng.choice([50, 100, 150, 200])
    n = rng.randint(6, 16)
    an = a1 + (n - 1) * d
    total = n * (a1 + an) // 2
    return {
        "values": {"name": rng.choice(NAMES), "a1": a1, "d": d, "n": n, "an": an, "result": total},
        "key": str(total),
    }


@verifier("g09_ap_savings")
def g09_ap_savings_verify(values, key):
    return int(key) == sum(values["a1"] + i * values["d"] for i in range(values["n"])) and values["d"] > 0


# ---------------------------------------------------------------- functions


@generator("g09_domain_sqrt")
def g09_domain_sqrt(rng, options):
    """The domain of √(x−a), √(a−x) or 1/√(x−a)."""
    a = rng.choice([x for x in range(-9, 10) if x != 0])
    kind = rng.choice(["up", "down", "strict"])
    if kind == "up":
        formula, right = f"\\sqrt{{{shift_tex('x', a)}}}", [("[", a, None, ")")]
        cond = f"{shift_tex('x', a)} \\ge 0"
    elif kind == "down":
        formula, right = f"\\sqrt{{{poly_tex([-1, a])}}}", [("(", None, a, "]")]
        cond = f"{poly_tex([-1, a])} \\ge 0"
    else:
        formula, right = f"\\frac{{1}}{{\\sqrt{{{shift_tex('x', a)}}}}}", [("(", a, None, ")")]
        cond = f"{shift_tex('x', a)} > 0"
    all_sets = [
        [("[", a, None, ")")],
        [("(", a, None, ")")],
        [("(", None, a, "]")],
        [("(", None, a, ")")],
        [("[", -a, None, ")")],
        [("(", None, -a, "]")],
    ]
    right_text = interval_text(right)
    wrong = [interval_text(s) for s in all_sets if s != right]
    values = {"formula": formula, "cond": cond, "a": a, "kind": kind, "answer": right_text}
    return {"values": values, "key": "", "choices": _choices(rng, right_text, wrong)}


@verifier("g09_domain_sqrt")
def g09_domain_sqrt_verify(values, key, choices=None):
    a, kind = values["a"], values["kind"]
    # Test points around a decide which side and whether a itself belongs.
    ok = {x: (x - a >= 0 if kind == "up" else a - x >= 0 if kind == "down" else x - a > 0) for x in (a - 1, a, a + 1)}
    lb = "[" if ok[a] else "("
    if ok[a + 1]:
        expect = interval_text([(lb, a, None, ")")])
    else:
        expect = interval_text([("(", None, a, "]" if ok[a] else ")")])
    return expect == values["answer"] and _one_right(choices, expect["en"])


@generator("g09_quadratic_zeros")
def g09_quadratic_zeros(rng, options):
    """y = a(x-p)(x-q) expanded; the larger zero."""
    p, q = _distinct_roots(rng)
    a = rng.choice([1, 1, 2, -1, 3])
    coeffs = [a, -a * (p + q), a * p * q]
    return {
        "values": {
            "poly": poly_tex(coeffs),
            "a": a,
            "p": p,
            "q": q,
            "b": coeffs[1],
            "c": coeffs[2],
            "d": coeffs[1] ** 2 - 4 * a * coeffs[2],
        },
        "key": str(q),
    }


@verifier("g09_quadratic_zeros")
def g09_quadratic_zeros_verify(values, key):
    a, b, c = values["a"], values["b"], values["c"]
    d = b * b - 4 * a * c
    r = isqrt(d)
    if d <= 0 or r * r != d:
        return False
    return Fraction(key) == max(Fraction(-b - r, 2 * a), Fraction(-b + r, 2 * a))


@generator("g09_parabola_monotonic")
def g09_parabola_monotonic(rng, options):
    """y = ±x^2 + bx + c: on which interval it increases (or decreases)."""
    a = rng.choice([1, -1])
    m = rng.choice([x for x in range(-6, 7) if x != 0])
    c = rng.randint(-9, 9)
    coeffs = [a, -2 * a * m, c]
    asks_up = rng.random() < 0.5
    up, down = [("[", m, None, ")")], [("(", None, m, "]")]
    right = (up if a > 0 else down) if asks_up else (down if a > 0 else up)
    right_text = interval_text(right)
    wrong = [interval_text(s) for s in (up, down, [("[", -m, None, ")")], [("(", None, -m, "]")]) if s != right]
    values = {
        "poly": poly_tex(coeffs),
        "a": a,
        "b": coeffs[1],
        "m": m,
        "branches": {"kk": "жоғары", "ru": "вверх", "en": "upwards", "uz": "yuqoriga"}
        if a > 0
        else {"kk": "төмен", "ru": "вниз", "en": "downwards", "uz": "pastga"},
        "verb": {"kk": "өседі", "ru": "возрастает", "en": "increasing", "uz": "oʻsadi"}
        if asks_up
        else {"kk": "кемиді", "ru": "убывает", "en": "decreasing", "uz": "kamayadi"},
        "up": 1 if asks_up else 0,
        "answer": right_text,
    }
    return {"values": values, "key": "", "choices": _choices(rng, right_text, wrong)}


@verifier("g09_parabola_monotonic")
def g09_parabola_monotonic_verify(values, key, choices=None):
    a, b, m = values["a"], values["b"], values["m"]
    if Fraction(-b, 2 * a) != m:
        return False

    def f(x):
        return a * x * x + b * x

    rising_right = f(m + 2) > f(m + 1)
    wants_right = rising_right == bool(values["up"])
    expect = interval_text([("[", m, None, ")")] if wants_right else [("(", None, m, "]")])
    return expect == values["answer"] and _one_right(choices, expect["en"])


# ---------------------------------------------------------------- combinatorics and probability


@generator("g09_permutations")
def g09_permutations(rng, options):
    n = rng.randint(3, 7)
    return {
        "values": {"n": n, "product": " \\cdot ".join(str(i) for i in range(n, 0, -1)), "result": factorial(n)},
        "key": str(factorial(n)),
    }


@verifier("g09_permutations")
def g09_permutations_verify(values, key):
    from itertools import permutations

    return int(key) == sum(1 for _ in permutations(range(values["n"])))


@generator("g09_arrangements")
def g09_arrangements(rng, options):
    """Gold, silver and bronze among n runners: A(n, 3)."""
    n = rng.randint(5, 12)
    return {"values": {"n": n, "n1": n - 1, "n2": n - 2, "result": perm(n, 3)}, "key": str(perm(n, 3))}


@verifier("g09_arrangements")
def g09_arrangements_verify(values, key):
    n = values["n"]
    return int(key) == factorial(n) // factorial(n - 3) and n >= 3


@generator("g09_combinations")
def g09_combinations(rng, options):
    n = rng.randint(5, 12)
    k = rng.randint(2, 4)
    return {"values": {"n": n, "k": k, "nk": n - k, "result": comb(n, k)}, "key": str(comb(n, k))}


@verifier("g09_combinations")
def g09_combinations_verify(values, key):
    from itertools import combinations

    return int(key) == sum(1 for _ in combinations(range(values["n"]), values["k"]))


def _chain(m: int, n: int) -> str:
    """``\\frac{6}{30} = \\frac{1}{5}``, or just ``\\frac{9}{25}`` when already in lowest terms."""
    tex = f"\\frac{{{m}}}{{{n}}}"
    return tex if gcd(m, n) == 1 else f"{tex} = {num_tex(Fraction(m, n))}"


@generator("g09_probability_balls")
def g09_probability_balls(rng, options):
    """A bag with red, blue and green balls: the probability of drawing the colour asked."""
    r, b, g = rng.randint(1, 12), rng.randint(1, 12), rng.randint(1, 12)
    colour = rng.choice(["red", "blue", "green"])
    favourable = {"red": r, "blue": b, "green": g}[colour]
    names = {
        "red": {"kk": "қызыл", "ru": "красный", "en": "red", "uz": "qizil"},
        "blue": {"kk": "көк", "ru": "синий", "en": "blue", "uz": "koʻk"},
        "green": {"kk": "жасыл", "ru": "зелёный", "en": "green", "uz": "yashil"},
    }
    p = Fraction(favourable, r + b + g)
    return {
        "values": {
            "r": r,
            "b": b,
            "g": g,
            "colour": names[colour],
            "m": favourable,
            "total": r + b + g,
            "chain": _chain(favourable, r + b + g),
            "result": fraction_key(p),
        },
        "key": fraction_key(p),
    }


@verifier("g09_probability_balls")
def g09_probability_balls_verify(values, key):
    total = values["r"] + values["b"] + values["g"]
    m = values["m"]
    return m in (values["r"], values["b"], values["g"]) and Fraction(key) * total == m and 0 < Fraction(key) < 1


@generator("g09_probability_cards")
def g09_probability_cards(rng, options):
    """Cards numbered 1..N: the probability that the number drawn is divisible by k."""
    k = rng.randint(2, 9)
    n = rng.choice([10, 12, 15, 16, 18, 20, 24, 25, 30, 36, 40, 45, 50])
    m = n // k
    p = Fraction(m, n)
    return {
        "values": {"n": n, "k": k, "m": m, "chain": _chain(m, n), "result": fraction_key(p)},
        "key": fraction_key(p),
    }


@verifier("g09_probability_cards")
def g09_probability_cards_verify(values, key):
    m = sum(1 for i in range(1, values["n"] + 1) if i % values["k"] == 0)
    return m == values["m"] and Fraction(key) == Fraction(m, values["n"])


# ---------------------------------------------------------------- powers with rational exponents


@generator("g09_rational_power")
def g09_rational_power(rng, options):
    """(b^n)^(m/n) = b^m with small b, n = 2..4, m = ±1..3."""
    while True:
        b, n = rng.randint(2, 5), rng.randint(2, 4)
        m = rng.choice([1, 2, 3, -1, -2])
        if gcd(abs(m), n) == 1 and b**n <= 625 and b ** abs(m) <= 125:
            break
    base = b**n
    value = Fraction(b) ** m
    return {
        "values": {
            "base": base,
            "m": m,
            "n": n,
            "exp": f"\\frac{{{m}}}{{{n}}}" if m > 0 else f"-\\frac{{{-m}}}{{{n}}}",
            "root": b,
            "result": number_key(value),
        },
        "key": number_key(value),
    }


@verifier("g09_rational_power")
def g09_rational_power_verify(values, key):
    v = Fraction(key)
    # v^n = base^m, v > 0.
    return v > 0 and v ** values["n"] == Fraction(values["base"]) ** values["m"]


@generator("g09_power_exponent")
def g09_power_exponent(rng, options):
    """a^(p/q) · a^(r/s) : a^(t/u) = a^k: the exponent k."""
    while True:
        e = [Fraction(rng.choice([1, 2, 3, 5]), rng.choice([2, 3, 4, 6])) for _ in range(3)]
        signs = rng.choice([(1, 1, -1), (1, -1, 1), (1, 1, 1)])
        k = sum(s * x for s, x in zip(signs, e, strict=True))
        if k != 0 and len(set(e)) == 3 and all(x.denominator != 1 for x in e):
            break
    ops = {1: "\\cdot", -1: ":"}
    tex = f"a^{{{num_tex(e[0])}}} {ops[signs[1]]} a^{{{num_tex(e[1])}}} {ops[signs[2]]} a^{{{num_tex(e[2])}}}"
    sum_tex = num_tex(e[0]) + "".join(
        ("+" if s > 0 else "-") + num_tex(x) for s, x in zip(signs[1:], e[1:], strict=True)
    )
    return {
        "values": {
            "expr": tex,
            "sum": sum_tex,
            "e1": fraction_key(e[0]),
            "e2": fraction_key(e[1]),
            "e3": fraction_key(e[2]),
            "s2": signs[1],
            "s3": signs[2],
            "result": fraction_key(k),
        },
        "key": fraction_key(k),
    }


@verifier("g09_power_exponent")
def g09_power_exponent_verify(values, key):
    # a = 2^(12·...) would be huge; check with exact exponents read back from the values.
    e1, e2, e3 = (Fraction(values[n]) for n in ("e1", "e2", "e3"))
    k = e1 + values["s2"] * e2 + values["s3"] * e3
    return k != 0 and Fraction(key) == k


# ---------------------------------------------------------------- vectors

TRIPLES = [(3, 4, 5), (6, 8, 10), (5, 12, 13), (8, 15, 17), (9, 12, 15), (7, 24, 25), (12, 16, 20), (20, 21, 29)]


def _triple_leg(rng, small=False):
    pool = TRIPLES[:5] if small else TRIPLES
    a, b, c = rng.choice(pool)
    if rng.random() < 0.5:
        a, b = b, a
    return a * rng.choice([1, -1]), b * rng.choice([1, -1]), c


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


def pi_key(coefficient: Fraction) -> str:
    """``3*pi``, ``5*pi/3``, ``pi/2``: an expression key."""
    c = Fraction(coefficient)
    top = "pi" if c.numerator == 1 else f"{c.numerator}*pi"
    return top if c.denominator == 1 else f"{top}/{c.denominator}"


def pi_tex(coefficient: Fraction) -> str:
    c = Fraction(coefficient)
    top = "\\pi" if c.numerator == 1 else f"{c.numerator}\\pi"
    return top if c.denominator == 1 else f"\\frac{{{top}}}{{{c.denominator}}}"


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


# ---------------------------------------------------------------- compound interest (a geometric progression)


@generator("g09_compound_interest")
def g09_compound_interest(rng, options):
    """A deposit of A tenge at p % a year, interest added to the deposit, after n years."""
    p = rng.choice([5, 8, 10, 12, 15, 20])
    n = rng.choice([2, 3])
    while True:
        a = rng.choice(range(50_000, 1_000_001, 10_000))
        total = Fraction(a) * Fraction(100 + p, 100) ** n
        if total.denominator == 1:
            break
    q = Fraction(100 + p, 100)
    return {
        "values": {
            "a": a,
            "p": p,
            "n": n,
            "q": number_key(q),
            "after1": number_key(a * q),
            "result": number_key(total),
        },
        "key": number_key(total),
    }


@verifier("g09_compound_interest")
def g09_compound_interest_verify(values, key):
    amount = Fraction(values["a"])
    for _ in range(values["n"]):
        amount += amount * values["p"] / 100  # the year's interest is added
    return Fraction(key) == amount and amount.denominator == 1


# ---------------------------------------------------------------- reading keys back (fast, no sympy), for the verifiers

import re as _re  # noqa: E402

_TERM = _re.compile(r"([+-]?)(\d+(?:/\d+)?)?(\*?)([a-z])?(?:\^(\d+))?")


def parse_poly(key: str, var: str = "x") -> dict:
    """``3*x^2-4*x+7`` -> {2: 3, 1: -4, 0: 7}; raises ValueError on anything else."""
    text = key.replace(" ", "")
    out, pos = {}, 0
    while pos < len(text):
        m = _TERM.match(text, pos)
        if not m or m.end() == pos:
            raise ValueError(key)
        sign, num, star, letter, power = m.groups()
        if (letter and letter != var) or (star and not letter) or (not num and not letter):
            raise ValueError(key)
        c = Fraction(num) if num else Fraction(1)
        c = -c if sign == "-" else c
        p = (int(power) if power else 1) if letter else 0
        out[p] = out.get(p, 0) + c
        pos = m.end()
    return out


def poly_at(terms: dict, t) -> Fraction:
    return sum(Fraction(c) * Fraction(t) ** p for p, c in terms.items())


def parse_pi(key: str) -> Fraction:
    """``5*pi/3`` -> 5/3, ``pi`` -> 1, ``pi/2`` -> 1/2."""
    m = _re.fullmatch(r"(\d+)?\*?pi(?:/(\d+))?", key.replace(" ", ""))
    if not m:
        raise ValueError(key)
    return Fraction(int(m.group(1) or 1), int(m.group(2) or 1))
