"""Grade 9 generators and their verifiers for the topics: quadratic inequalities, progressions, combinatorics probability.

Split from ``grade09`` by chapter (the data files in content/data/grade-09); the helpers they
share stay there."""

# ---------------------------------------------------------------- TeX helpers (used by grade 10 too)
from fractions import Fraction
from math import comb, factorial, gcd, isqrt, perm

from qalan.trainer.content.generators._util import fraction_key, number_key
from qalan.trainer.content.generators.grade09 import (
    _choices,
    _distinct_roots,
    _one_right,
    interval_text,
    num_tex,
    poly_tex,
    shift_tex,
)
from qalan.trainer.content.registry import generator, verifier

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
