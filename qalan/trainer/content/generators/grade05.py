"""Grade 5: divisibility, GCD and LCM, mixed numbers, multiplying and dividing fractions, decimals,
simple equations, letter expressions, cuboids, measurement units and data.

Every key is exact and non-negative (grade 5 has no negative numbers); every verifier recomputes
the key by another route.
"""

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from math import gcd

from qalan.trainer.content.generators._util import fraction_key, lcm, number_key, proper
from qalan.trainer.content.locale import UNITS
from qalan.trainer.content.registry import generator, verifier


def _mixed_key(value: Fraction) -> str:
    """``11/4`` -> ``2 3/4``; a whole number stays whole; a proper fraction stays a fraction."""
    value = Fraction(value)
    whole, rest = divmod(value.numerator, value.denominator)
    if rest == 0:
        return str(whole)
    if whole == 0:
        return f"{rest}/{value.denominator}"
    return f"{whole} {rest}/{value.denominator}"


def _mixed_tex(value: Fraction) -> str:
    value = Fraction(value)
    whole, rest = divmod(value.numerator, value.denominator)
    if rest == 0:
        return str(whole)
    frac = f"\\frac{{{rest}}}{{{value.denominator}}}"
    return frac if whole == 0 else f"{whole}{frac}"


def _shown(text) -> Fraction:
    """A choice as the tests hand it back (the English TeX): ``7{,}426`` -> 7426, ``0.35``."""
    return Fraction(str(text).replace("{,}", "").replace("\\,", "").replace(" ", ""))


def _digit_sum(n: int) -> int:
    return sum(int(c) for c in str(n))


def _divisible_by_rule(n: int, d: int) -> bool:
    """The school rule, not the % operator."""
    last = int(str(n)[-1])
    return {
        2: last in (0, 2, 4, 6, 8),
        5: last in (0, 5),
        10: last == 0,
        3: _digit_sum(n) in range(0, 10**6, 3),
        9: _digit_sum(n) in range(0, 10**6, 9),
    }[d]


def _is_prime_trial(n: int) -> bool:
    return n > 1 and all(n % k for k in range(2, int(n**0.5) + 1))


def _sieve(top: int) -> set[int]:
    marks = [True] * (top + 1)
    marks[0] = marks[1] = False
    for i in range(2, top + 1):
        if marks[i]:
            for j in range(i * i, top + 1, i):
                marks[j] = False
    return {i for i, ok in enumerate(marks) if ok}


# --- Natural numbers: divisibility -------------------------------------------------------------


@generator("g05_divisible_choice")
def g05_divisible_choice(rng, options):
    """Which of four numbers is divisible by d (d from ``divisors``); the traps are not."""
    d = rng.choice(options.get("divisors", [2, 5, 10]))
    low, high = options.get("low", 100), options.get("high", 9999)
    while True:
        right = rng.randrange(low // d + 1, high // d) * d
        traps = set()
        while len(traps) < 3:
            t = rng.randint(low, high)
            if t % d:
                traps.add(t)
        if right not in traps:
            break
    choices = [{"text": str(right), "correct": True}] + [{"text": str(t), "correct": False} for t in sorted(traps)]
    return {
        "values": {"d": d, "answer": right, "digit_sum": _digit_sum(right), "last": right % 10},
        "key": "",
        "choices": choices,
    }


@verifier("g05_divisible_choice")
def g05_divisible_choice_verify(values, key, choices=None):
    if choices is None:
        return True
    d = values["d"]
    right = [c for c in choices if c["correct"]]
    return len(right) == 1 and all(_divisible_by_rule(int(_shown(c["text"])), d) == c["correct"] for c in choices)


@generator("g05_prime_choice")
def g05_prime_choice(rng, options):
    """One prime among three composite numbers that look prime (odd, not ending in 5)."""
    top = options.get("max", 99)
    primes = sorted(_sieve(top) - {2, 3, 5, 7})
    looks_prime = [n for n in range(9, top + 1, 2) if n % 5 and n not in primes]
    right = rng.choice(primes)
    traps = rng.sample(looks_prime, 3)
    # A divisor of each trap, for the solution.
    shown = ", ".join(f"{t} = {_least_divisor(t)} \\cdot {t // _least_divisor(t)}" for t in sorted(traps))
    choices = [{"text": str(right), "correct": True}] + [{"text": str(t), "correct": False} for t in traps]
    return {"values": {"answer": right, "traps": shown}, "key": "", "choices": choices}


def _least_divisor(n: int) -> int:
    return next(k for k in range(2, n + 1) if n % k == 0)


@verifier("g05_prime_choice")
def g05_prime_choice_verify(values, key, choices=None):
    if choices is None:
        return _is_prime_trial(values["answer"])
    primes = _sieve(200)
    return sum(c["correct"] for c in choices) == 1 and all(
        (int(_shown(c["text"])) in primes) == c["correct"] for c in choices
    )


def _factor_tex(n: int) -> str:
    parts, k = [], 2
    while n > 1:
        power = 0
        while n % k == 0:
            n //= k
            power += 1
        if power:
            parts.append(f"{k}^{{{power}}}" if power > 1 else str(k))
        k += 1
    return " \\cdot ".join(parts)


@generator("g05_gcd")
def g05_gcd(rng, options):
    """GCD(a, b) = g with a = g·m, b = g·n, m and n coprime, a != b, g > 1."""
    top = options.get("max", 120)
    while True:
        g = rng.randint(2, options.get("max_gcd", 18))
        m, n = rng.randint(2, top // g), rng.randint(2, top // g)
        if m != n and gcd(m, n) == 1 and g * max(m, n) <= top:
            a, b = g * m, g * n
            return {
                "values": {
                    "a": a,
                    "b": b,
                    "fa": _factor_tex(a),
                    "fb": _factor_tex(b),
                    "fg": _factor_tex(g),
                    "result": g,
                },
                "key": str(g),
            }


@verifier("g05_gcd")
def g05_gcd_verify(values, key):
    a, b = values["a"], values["b"]
    while b:
        a, b = b, a % b
    return a == int(key) > 1 and values["a"] != values["b"]


@generator("g05_lcm")
def g05_lcm(rng, options):
    """LCM(a, b) with a and b sharing a factor (so the product is not the answer) unless coprime is allowed."""
    low, top = options.get("min", 4), options.get("max", 30)
    while True:
        a, b = rng.sample(range(low, top + 1), 2)
        if a % b == 0 or b % a == 0:
            continue
        if options.get("shared_factor", True) and gcd(a, b) == 1:
            continue
        result = lcm(a, b)
        if result <= options.get("max_result", 200):
            return {
                "values": {"a": a, "b": b, "fa": _factor_tex(a), "fb": _factor_tex(b), "result": result},
                "key": str(result),
            }


@verifier("g05_lcm")
def g05_lcm_verify(values, key):
    a, b = values["a"], values["b"]
    smallest = next(m for m in range(max(a, b), a * b + 1, max(a, b)) if m % a == 0 and m % b == 0)
    return smallest == int(key)


generator("g05_lcm_word")(g05_lcm)
verifier("g05_lcm_word")(g05_lcm_verify)


@generator("g05_order_of_operations")
def g05_order_of_operations(rng, options):
    """An expression with brackets, multiplication and division: whole steps, never negative."""
    for _ in range(1000):
        form = rng.randrange(4)
        a, b, c, d = (rng.randint(2, 12) for _ in range(4))
        if form == 0:  # a + b · c − d
            py, tex = f"F({a}) + F({b}) * F({c}) - F({d})", f"{a} + {b} \\cdot {c} - {d}"
            first = b * c
            value = a + first - d
        elif form == 1:  # (a + b) · c − d
            py, tex = f"(F({a}) + F({b})) * F({c}) - F({d})", f"({a} + {b}) \\cdot {c} - {d}"
            first = a + b
            value = first * c - d
        elif form == 2:  # a · b − c · d
            py, tex = f"F({a}) * F({b}) - F({c}) * F({d})", f"{a} \\cdot {b} - {c} \\cdot {d}"
            first = a * b
            value = first - c * d
        else:  # (a·b) : c + d with a·b divisible by c
            a = c * rng.randint(2, 9)
            py, tex = f"F({a}) * F({b}) / F({c}) + F({d})", f"{a} \\cdot {b} : {c} + {d}"
            first = a * b
            value = first // c + d
        if value > 0:
            return {"values": {"expr": tex, "py": py, "first": first, "result": value}, "key": str(value)}
    raise RuntimeError("no expression")


@verifier("g05_order_of_operations")
def g05_order_of_operations_verify(values, key):
    # Bandit B307: checks our generator's own output, never user input; no builtins.
    value = eval(values["py"], {"__builtins__": {}}, {"F": Fraction})  # nosec B307
    return value.denominator == 1 and value > 0 and value == Fraction(key)


# --- Fractions: mixed numbers, multiplying, dividing -------------------------------------------------


@generator("g05_mixed_to_improper")
def g05_mixed_to_improper(rng, options):
    w = rng.randint(1, options.get("max_whole", 9))
    a, b = proper(rng, options.get("max_denominator", 12))
    return {
        "values": {"w": w, "a": a, "b": b, "wb": w * b, "num": w * b + a, "result": f"{w * b + a}/{b}"},
        "key": f"{w * b + a}/{b}",
    }


@verifier("g05_mixed_to_improper")
def g05_mixed_to_improper_verify(values, key):
    return Fraction(key) == values["w"] + Fraction(values["a"], values["b"]) and Fraction(key) > 1


@generator("g05_improper_to_mixed")
def g05_improper_to_mixed(rng, options):
    b = rng.randint(2, options.get("max_denominator", 12))
    while True:
        n = rng.randint(b + 1, b * options.get("max_whole", 9))
        if n % b and gcd(n, b) == 1:
            w, r = divmod(n, b)
            return {
                "values": {"n": n, "b": b, "w": w, "r": r, "wb": w * b, "mixed": f"{w}\\frac{{{r}}}{{{b}}}"},
                "key": f"{w} {r}/{b}",
            }


@verifier("g05_improper_to_mixed")
def g05_improper_to_mixed_verify(values, key):
    whole, frac = key.split(" ")
    num, den = (int(x) for x in frac.split("/"))
    return int(whole) * den + num == values["n"] and den == values["b"] and 0 < num < den


def g05_mixed_add_sub(rng, options):
    """w1 a/b ± w2 c/d: same denominators unless ``unlike``; a positive result; the key as a mixed number."""
    op = options.get("op", "+")
    top = options.get("max_denominator", 10)
    while True:
        a, b = proper(rng, top)
        if options.get("unlike"):
            c, d = proper(rng, top)
            if d == b:
                continue
        else:
            d = b
            c = rng.randint(1, b - 1)
        w1, w2 = rng.randint(1, 9), rng.randint(1, 9)
        x, y = w1 + Fraction(a, b), w2 + Fraction(c, d)
        if op == "-" and (x - y <= 1 or (not options.get("borrow", True) and Fraction(a, b) < Fraction(c, d))):
            continue
        result = x + y if op == "+" else x - y
        if result.denominator == 1:
            continue
        lcd = lcm(b, d)
        values = {
            "w1": w1,
            "a": a,
            "b": b,
            "w2": w2,
            "c": c,
            "d": d,
            "lcd": lcd,
            "xa": a * lcd // b,
            "yc": c * lcd // d,
        }
        values.update(
            {"x": f"{w1}\\frac{{{a}}}{{{b}}}", "y": f"{w2}\\frac{{{c}}}{{{d}}}", "result_tex": _mixed_tex(result)}
        )
        values.update(
            {
                "x_improper": f"\\frac{{{x.numerator}}}{{{x.denominator}}}",
                "y_improper": f"\\frac{{{y.numerator}}}{{{y.denominator}}}",
            }
        )
        raw = (
            (x.numerator * (lcd // x.denominator) + (1 if op == "+" else -1) * y.numerator * (lcd // y.denominator))
            if x.denominator == y.denominator == lcd
            else None
        )
        values["diff_tex"] = (
            f"\\frac{{{raw}}}{{{lcd}}}" if raw is not None else f"\\frac{{{result.numerator}}}{{{result.denominator}}}"
        )
        return {"values": values, "key": _mixed_key(result)}


def _mixed_add_sub_verify(values, key, op):
    whole_x = Fraction(values["w1"] * values["b"] + values["a"], values["b"])
    whole_y = Fraction(values["w2"] * values["d"] + values["c"], values["d"])
    result = whole_x + whole_y if op == "+" else whole_x - whole_y
    parts = key.split(" ")
    typed = int(parts[0]) + Fraction(parts[1]) if len(parts) == 2 else Fraction(parts[0])
    return result > 0 and typed == result


generator("g05_mixed_add")(lambda rng, options: g05_mixed_add_sub(rng, {**options, "op": "+"}))
generator("g05_mixed_sub")(lambda rng, options: g05_mixed_add_sub(rng, {**options, "op": "-"}))
verifier("g05_mixed_add")(lambda values, key: _mixed_add_sub_verify(values, key, "+"))
verifier("g05_mixed_sub")(lambda values, key: _mixed_add_sub_verify(values, key, "-"))


@generator("g05_fraction_multiply")
def g05_fraction_multiply(rng, options):
    """a/b · c/d (or a/b · n when ``by_whole``) with something to cancel; the key in lowest terms."""
    top = options.get("max_denominator", 12)
    while True:
        a, b = proper(rng, top)
        if options.get("by_whole"):
            c, d = rng.randint(2, 12), 1
            if gcd(c, b) == 1:
                continue
        else:
            c, d = proper(rng, top)
            if gcd(a * c, b * d) == 1:
                continue
        product = Fraction(a * c, b * d)
        if product.denominator == 1 and not options.get("by_whole"):
            continue
        values = {"a": a, "b": b, "c": c, "d": d, "num": a * c, "den": b * d, "result": fraction_key(product)}
        return {"values": values, "key": fraction_key(product)}


@verifier("g05_fraction_multiply")
def g05_fraction_multiply_verify(values, key):
    g = gcd(values["a"] * values["c"], values["b"] * values["d"])
    num, den = values["a"] * values["c"] // g, values["b"] * values["d"] // g
    return (str(num) if den == 1 else f"{num}/{den}") == key and values["a"] < values["b"]


generator("g05_fraction_times_whole")(lambda rng, options: g05_fraction_multiply(rng, {**options, "by_whole": True}))
verifier("g05_fraction_times_whole")(g05_fraction_multiply_verify)


@generator("g05_fraction_divide")
def g05_fraction_divide(rng, options):
    """a/b : c/d = a/b · d/c; the key in lowest terms, never whole-number trivial."""
    top = options.get("max_denominator", 10)
    while True:
        a, b = proper(rng, top)
        c, d = proper(rng, top)
        if (a, b) == (c, d):
            continue
        quotient = Fraction(a, b) / Fraction(c, d)
        if quotient == 1 or gcd(a * d, b * c) == 1:
            continue
        values = {"a": a, "b": b, "c": c, "d": d, "num": a * d, "den": b * c, "result": fraction_key(quotient)}
        return {"values": values, "key": fraction_key(quotient)}


@verifier("g05_fraction_divide")
def g05_fraction_divide_verify(values, key):
    # Check by multiplying back: quotient · divisor = dividend.
    return (
        Fraction(key) * Fraction(values["c"], values["d"]) == Fraction(values["a"], values["b"]) and Fraction(key) > 0
    )


@generator("g05_whole_from_part")
def g05_whole_from_part(rng, options):
    """a/b of a number is n: the number is n : a · b (whole)."""
    a, b = proper(rng, options.get("max_denominator", 10))
    one = rng.randint(2, options.get("max_part", 15))
    n = one * a
    things = rng.choice(_BOOK_PROBLEMS)
    return {"values": {"a": a, "b": b, "n": n, "one": one, "result": one * b, **things}, "key": str(one * b)}


_BOOK_PROBLEMS = [
    {"who": {"kk": "Айгерім", "ru": "Айгерим", "en": "Aigerim", "uz": "Aygerim"}, "verb": "прочитала"},
    {"who": {"kk": "Данияр", "ru": "Данияр", "en": "Daniyar", "uz": "Doniyor"}, "verb": "прочитал"},
    {"who": {"kk": "Мадина", "ru": "Мадина", "en": "Madina", "uz": "Madina"}, "verb": "прочитала"},
    {"who": {"kk": "Тимур", "ru": "Тимур", "en": "Timur", "uz": "Temur"}, "verb": "прочитал"},
    {"who": {"kk": "Сабина", "ru": "Сабина", "en": "Sabina", "uz": "Sabina"}, "verb": "прочитала"},
    {"who": {"kk": "Ерлан", "ru": "Ерлан", "en": "Yerlan", "uz": "Erlan"}, "verb": "прочитал"},
    {"who": {"kk": "Наргиза", "ru": "Наргиза", "en": "Nargiza", "uz": "Nargiza"}, "verb": "прочитала"},
    {"who": {"kk": "Артём", "ru": "Артём", "en": "Artyom", "uz": "Artyom"}, "verb": "прочитал"},
]


@verifier("g05_whole_from_part")
def g05_whole_from_part_verify(values, key):
    return Fraction(key) * Fraction(values["a"], values["b"]) == values["n"] and Fraction(key).denominator == 1


# --- Decimals -----------------------------------------------------------------------------------


def _dec(value) -> str:
    return number_key(Fraction(value))


@generator("g05_decimal_write")
def g05_decimal_write(rng, options):
    """k / 10^m written as a decimal (k not a multiple of 10)."""
    m = rng.randint(1, 3)
    den = 10**m
    while True:
        k = rng.randint(1, options.get("max_numerator", 9999))
        if k % 10 and k < den * 100:
            return {
                "values": {"num": k, "den": den, "zeros": m, "result": _dec(Fraction(k, den))},
                "key": _dec(Fraction(k, den)),
            }


@verifier("g05_decimal_write")
def g05_decimal_write_verify(values, key):
    digits = str(values["num"]).rjust(values["zeros"] + 1, "0")
    text = digits[: -values["zeros"]] + "." + digits[-values["zeros"] :]
    return Decimal(text) == Decimal(key)


@generator("g05_decimal_compare")
def g05_decimal_compare(rng, options):
    """The smallest (or largest) of four decimals of different lengths: longer is not larger."""
    which = options.get("which", "smallest")
    while True:
        whole = rng.randint(0, 9)
        base = [rng.randint(1, 9) for _ in range(3)]
        # 0.35, 0.305, 0.5, 0.53 style: the same digits in different places.
        cands = {
            Fraction(f"{whole}.{base[0]}{base[1]}"),
            Fraction(f"{whole}.{base[0]}0{base[1]}"),
            Fraction(f"{whole}.{base[0]}"),
            Fraction(f"{whole}.{base[1]}{base[2]}"),
            Fraction(f"{whole}.{base[0]}{base[2]}{base[1]}"),
        }
        if len(cands) >= 4:
            picks = rng.sample(sorted(cands), 4)
            break
    best = min(picks) if which == "smallest" else max(picks)
    ordered = {f"o{i + 1}": _dec(p) for i, p in enumerate(sorted(picks))}
    choices = [{"text": _dec(p), "correct": p == best} for p in picks]
    return {"values": {**ordered, "answer": _dec(best)}, "key": "", "choices": choices}


@verifier("g05_decimal_compare")
def g05_decimal_compare_verify(values, key, choices=None):
    if choices is None:
        return True
    numbers = [_shown(c["text"]) for c in choices]
    right = [_shown(c["text"]) for c in choices if c["correct"]]
    return len(right) == 1 and right[0] in (min(numbers), max(numbers)) and Fraction(values["answer"]) == right[0]


_PLACES = {
    0: {"kk": "бірлікке", "ru": "до единиц", "en": "to the nearest whole number", "uz": "birlikkacha"},
    1: {"kk": "ондыққа", "ru": "до десятых", "en": "to the nearest tenth", "uz": "oʻndan birlargacha"},
    2: {"kk": "жүздікке", "ru": "до сотых", "en": "to the nearest hundredth", "uz": "yuzdan birlargacha"},
}


@generator("g05_decimal_round")
def g05_decimal_round(rng, options):
    """Round a decimal with three places to a whole, tenths or hundredths; the next digit decides."""
    place = rng.choice(options.get("places", [0, 1, 2]))
    while True:
        x = Fraction(rng.randint(1000, 99999), 1000)
        text = format(Decimal(x.numerator) / Decimal(x.denominator), "f")
        if "." not in text or len(text.split(".")[1]) != 3:
            continue
        step = Fraction(1, 10**place)
        q, r = divmod(x, step)
        rounded = (q + (1 if r * 2 >= step else 0)) * step
        if rounded == x or rounded == 0:
            continue
        next_digit = int(text.split(".")[1][place])
        return {
            "values": {
                "x": _dec(x),
                "place": _PLACES[place],
                "digits": place,
                "next": next_digit,
                "result": _dec(rounded),
            },
            "key": _dec(rounded),
        }


@verifier("g05_decimal_round")
def g05_decimal_round_verify(values, key):
    exponent = Decimal(1).scaleb(-values["digits"])
    return Decimal(values["x"]).quantize(exponent, rounding=ROUND_HALF_UP) == Decimal(key)


def _random_decimal(rng, places: int, top: int) -> Fraction:
    while True:
        x = Fraction(rng.randint(1, top * 10**places), 10**places)
        if x.denominator != 1:
            return x


def g05_decimal_add_sub(rng, options):
    """x ± y with one to three decimal places, different lengths; x − y > 0."""
    op = options.get("op", "+")
    while True:
        x = _random_decimal(rng, rng.randint(1, 2), options.get("max", 50))
        y = _random_decimal(rng, rng.randint(1, 3), options.get("max", 50))
        if op == "-" and x <= y:
            x, y = y, x
        if x == y:
            continue
        result = x + y if op == "+" else x - y
        return {"values": {"x": _dec(x), "y": _dec(y), "result": _dec(result)}, "key": _dec(result)}


def _decimal_add_sub_verify(values, key, op):
    x, y = Decimal(values["x"]), Decimal(values["y"])
    result = x + y if op == "+" else x - y
    return result > 0 and result == Decimal(key)


generator("g05_decimal_add")(lambda rng, options: g05_decimal_add_sub(rng, {**options, "op": "+"}))
generator("g05_decimal_sub")(lambda rng, options: g05_decimal_add_sub(rng, {**options, "op": "-"}))
verifier("g05_decimal_add")(lambda values, key: _decimal_add_sub_verify(values, key, "+"))
verifier("g05_decimal_sub")(lambda values, key: _decimal_add_sub_verify(values, key, "-"))


def _places(x) -> int:
    text = format(Decimal(x).normalize(), "f")
    return len(text.split(".")[1]) if "." in text else 0


@generator("g05_decimal_multiply")
def g05_decimal_multiply(rng, options):
    """x · y, both with one or two decimal places (or y = 10, 100, 1000 when ``by_power``)."""
    if options.get("by_power"):
        x = _random_decimal(rng, rng.randint(1, 3), 99)
        y = Fraction(rng.choice([10, 100, 1000, "1/10", "1/100"]))
    else:
        x = _random_decimal(rng, rng.randint(1, 2), options.get("max", 20))
        y = _random_decimal(rng, 1, options.get("max_second", 9))
    result = x * y
    values = {"x": _dec(x), "y": _dec(y), "result": _dec(result), "px": _places(_dec(x)), "py": _places(_dec(y))}
    values["places"] = values["px"] + values["py"]
    values["ix"], values["iy"] = int(x * 10 ** values["px"]), int(y * 10 ** values["py"])
    values["iresult"] = values["ix"] * values["iy"]
    return {"values": values, "key": _dec(result)}


@verifier("g05_decimal_multiply")
def g05_decimal_multiply_verify(values, key):
    return Decimal(values["x"]) * Decimal(values["y"]) == Decimal(key)


generator("g05_decimal_by_power")(lambda rng, options: g05_decimal_multiply(rng, {**options, "by_power": True}))
verifier("g05_decimal_by_power")(g05_decimal_multiply_verify)


@generator("g05_decimal_divide")
def g05_decimal_divide(rng, options):
    """x : y = q: a decimal divisor (one place) and a terminating decimal quotient, built backwards."""
    while True:
        q = _random_decimal(rng, rng.randint(1, 2), options.get("max_quotient", 30))
        y = Fraction(rng.randint(2, 99), 10) if options.get("decimal_divisor", True) else Fraction(rng.randint(2, 9))
        if y.denominator == 1 and options.get("decimal_divisor", True):
            continue
        x = q * y
        shift = _places(_dec(y))
        return {
            "values": {
                "x": _dec(x),
                "y": _dec(y),
                "x10": _dec(x * 10**shift),
                "y10": _dec(y * 10**shift),
                "shift": shift,
                "result": _dec(q),
            },
            "key": _dec(q),
        }


@verifier("g05_decimal_divide")
def g05_decimal_divide_verify(values, key):
    return Decimal(key) * Decimal(values["y"]) == Decimal(values["x"]) and Decimal(key) > 0


@generator("g05_decimal_to_fraction")
def g05_decimal_to_fraction(rng, options):
    """0.d or 0.dd or 0.ddd as a fraction in lowest terms; reducible more often than not."""
    while True:
        places = rng.choice([1, 2, 2, 3])
        den = 10**places
        num = rng.randint(1, den - 1)
        if num % 10 == 0:
            continue
        value = Fraction(num, den)
        if value.denominator == den:
            continue  # something to simplify, always
        return {
            "values": {"x": _dec(value), "num": num, "den": den, "result": fraction_key(value)},
            "key": fraction_key(value),
        }


@verifier("g05_decimal_to_fraction")
def g05_decimal_to_fraction_verify(values, key):
    num, den = (int(p) for p in key.split("/"))
    return gcd(num, den) == 1 and Decimal(num) / Decimal(den) == Decimal(values["x"])


# --- Equations and letter expressions -----------------------------------------------------------------

_EQ_RULES = {
    "add": {
        "kk": "Белгісіз қосылғышты табу үшін қосындыдан белгілі қосылғышты азайтамыз.",
        "ru": "Чтобы найти неизвестное слагаемое, из суммы вычитают известное слагаемое.",
        "en": "To find an unknown addend, subtract the known addend from the sum.",
        "uz": "Nomaʼlum qoʻshiluvchini topish uchun yigʻindidan maʼlum qoʻshiluvchini ayiramiz.",
    },
    "sub": {
        "kk": "Белгісіз азайғышты табу үшін айырмаға азайтқышты қосамыз.",
        "ru": "Чтобы найти неизвестное уменьшаемое, к разности прибавляют вычитаемое.",
        "en": "To find an unknown number you subtract from, add the difference and the number subtracted.",
        "uz": "Nomaʼlum kamayuvchini topish uchun ayirmaga ayiriluvchini qoʻshamiz.",
    },
    "subfrom": {
        "kk": "Белгісіз азайтқышты табу үшін азайғыштан айырманы азайтамыз.",
        "ru": "Чтобы найти неизвестное вычитаемое, из уменьшаемого вычитают разность.",
        "en": "To find an unknown number being subtracted, subtract the difference from the first number.",
        "uz": "Nomaʼlum ayiriluvchini topish uchun kamayuvchidan ayirmani ayiramiz.",
    },
    "mul": {
        "kk": "Белгісіз көбейткішті табу үшін көбейтіндіні белгілі көбейткішке бөлеміз.",
        "ru": "Чтобы найти неизвестный множитель, произведение делят на известный множитель.",
        "en": "To find an unknown factor, divide the product by the known factor.",
        "uz": "Nomaʼlum koʻpaytuvchini topish uchun koʻpaytmani maʼlum koʻpaytuvchiga boʻlamiz.",
    },
    "div": {
        "kk": "Белгісіз бөлінгішті табу үшін бөлгішті бөліндіге көбейтеміз.",
        "ru": "Чтобы найти неизвестное делимое, делитель умножают на частное.",
        "en": "To find an unknown dividend, multiply the divisor by the quotient.",
        "uz": "Nomaʼlum boʻlinuvchini topish uchun boʻluvchini boʻlinmaga koʻpaytiramiz.",
    },
}


@generator("g05_simple_equation")
def g05_simple_equation(rng, options):
    """x + a = b, x − a = b, a − x = b, a·x = b, x : a = b with a whole positive root."""
    kind = rng.choice(options.get("kinds", list(_EQ_RULES)))
    x = rng.randint(2, options.get("max_root", 99))
    if kind in ("mul", "div"):
        x = rng.randint(2, 30)
        a = rng.randint(2, 12)
    else:
        a = rng.randint(2, options.get("max_number", 99))
    if kind == "add":
        b = x + a
        eq, step = (f"x + {a} = {b}", f"x = {b} - {a}") if rng.random() < 0.5 else (f"{a} + x = {b}", f"x = {b} - {a}")
    elif kind == "sub":
        b = x - a
        if b <= 0:
            x, b = x + a, x
        eq, step = f"x - {a} = {b}", f"x = {b} + {a}"
    elif kind == "subfrom":
        a, b = x + a, a  # a − x = b
        eq, step = f"{a} - x = {b}", f"x = {a} - {b}"
    elif kind == "mul":
        b = a * x
        eq, step = f"{a} \\cdot x = {b}", f"x = {b} : {a}"
    else:
        b = x // 1
        eq, step = f"x : {a} = {b}", f"x = {b} \\cdot {a}"
        x = a * b
    check = eq.replace("x", str(x))
    return {
        "values": {"eq": eq, "step": step, "check": check, "rule": _EQ_RULES[kind], "kind": kind, "result": x},
        "key": str(x),
    }


@verifier("g05_simple_equation")
def g05_simple_equation_verify(values, key):
    # Substitute the root into the equation.
    left, right = values["eq"].replace("\\cdot", "*").replace(":", "/").split("=")
    x = Fraction(key)
    # Bandit B307: substitutes the root into our generator's own equation, never user input.
    return x > 0 and eval(left.replace("x", "X"), {"__builtins__": {}}, {"X": x}) == Fraction(right.strip())  # nosec B307


@generator("g05_expression_value")
def g05_expression_value(rng, options):
    """The value of a letter expression (3a + b, a·b − c, 2·(a + b), (a − b)·c) at whole values."""
    while True:
        form = rng.randrange(4)
        a, b, c = rng.randint(2, 15), rng.randint(2, 15), rng.randint(2, 9)
        if form == 0:
            k = rng.randint(2, 9)
            expr, subst, value = f"{k}a + b", f"{k} \\cdot {a} + {b}", k * a + b
        elif form == 1:
            expr, subst, value = "a \\cdot b - c", f"{a} \\cdot {b} - {c}", a * b - c
        elif form == 2:
            k = rng.randint(2, 5)
            expr, subst, value = f"{k} \\cdot (a + b)", f"{k} \\cdot ({a} + {b})", k * (a + b)
        else:
            if a <= b:
                continue
            expr, subst, value = "(a - b) \\cdot c", f"({a} - {b}) \\cdot {c}", (a - b) * c
        if value > 0:
            given = f"a = {a},\\ b = {b}" + (f",\\ c = {c}" if "c" in expr else "")
            return {
                "values": {"expr": expr, "subst": subst, "given": given, "a": a, "b": b, "c": c, "result": value},
                "key": str(value),
            }


@verifier("g05_expression_value")
def g05_expression_value_verify(values, key):
    text = values["subst"].replace("\\cdot", "*")
    # Bandit B307: checks our generator's own output, never user input; no builtins.
    return eval(text, {"__builtins__": {}}, {}) == int(key) > 0  # nosec B307


# --- Cuboids and units --------------------------------------------------------------------------------


@generator("g05_cuboid_volume")
def g05_cuboid_volume(rng, options):
    a, b, c = (rng.randint(2, options.get("max_edge", 15)) for _ in range(3))
    if options.get("cube"):
        b = c = a
    return {"values": {"a": a, "b": b, "c": c, "ab": a * b, "result": a * b * c}, "key": str(a * b * c)}


@verifier("g05_cuboid_volume")
def g05_cuboid_volume_verify(values, key):
    # Count unit cubes layer by layer.
    return sum(values["a"] * values["b"] for _ in range(values["c"])) == int(key)


@generator("g05_cuboid_surface")
def g05_cuboid_surface(rng, options):
    a, b, c = (rng.randint(2, options.get("max_edge", 12)) for _ in range(3))
    values = {"a": a, "b": b, "c": c, "ab": a * b, "bc": b * c, "ac": a * c}
    values["sum"] = a * b + b * c + a * c
    values["result"] = 2 * values["sum"]
    return {"values": values, "key": str(values["result"])}


@verifier("g05_cuboid_surface")
def g05_cuboid_surface_verify(values, key):
    a, b, c = values["a"], values["b"], values["c"]
    faces = [a * b, a * b, b * c, b * c, a * c, a * c]
    return sum(faces) == int(key)


_CONVERSIONS = {
    # (from, to): factor
    ("m2", "dm2"): 100,
    ("dm2", "cm2"): 100,
    ("m2", "cm2"): 10000,
    ("ha", "m2"): 10000,
    ("m3", "dm3"): 1000,
    ("dm3", "cm3"): 1000,
    ("dm3", "l"): 1,
    ("l", "ml"): 1000,
}


@generator("g05_unit_convert")
def g05_unit_convert(rng, options):
    """n [from] = ? [to] for the conversions in ``pairs`` (all of them end in the template's unit)."""
    pairs = [tuple(p.split(">")) for p in options.get("pairs", ["m2>dm2", "dm2>cm2"])]
    source, target = rng.choice(pairs)
    factor = _CONVERSIONS[(source, target)]
    n = rng.randint(2, options.get("max", 90))
    return {
        "values": {"n": n, "from": UNITS[source], "to": UNITS[target], "factor": factor, "result": n * factor},
        "key": str(n * factor),
    }


@verifier("g05_unit_convert")
def g05_unit_convert_verify(values, key):
    sizes = {
        "м²": 1,
        "дм²": Fraction(1, 100),
        "см²": Fraction(1, 10000),
        "га": 10000,
        "м³": 1,
        "дм³": Fraction(1, 1000),
        "см³": Fraction(1, 10**6),
        "л": Fraction(1, 1000),
        "мл": Fraction(1, 10**6),
    }
    return values["n"] * sizes[values["from"]["ru"]] == int(key) * sizes[values["to"]["ru"]]


# --- Data -----------------------------------------------------------------------------------------


@generator("g05_mean")
def g05_mean(rng, options):
    """The arithmetic mean of 3-5 whole numbers with a whole mean."""
    count = rng.randint(3, options.get("max_count", 5))
    low, high = options.get("low", 10), options.get("high", 60)
    while True:
        numbers = [rng.randint(low, high) for _ in range(count)]
        if sum(numbers) % count == 0 and len(set(numbers)) > 1:
            return {
                "values": {
                    "list": ", ".join(map(str, numbers)),
                    "sum_expr": " + ".join(map(str, numbers)),
                    "total": sum(numbers),
                    "count": count,
                    "result": sum(numbers) // count,
                },
                "key": str(sum(numbers) // count),
            }


@verifier("g05_mean")
def g05_mean_verify(values, key):
    numbers = [int(x) for x in values["list"].split(", ")]
    # The mean: the deviations from it add up to zero.
    return len(numbers) == values["count"] and sum(n - int(key) for n in numbers) == 0


_DAYS = [
    {"kk": "дүйсенбі", "ru": "понедельник", "en": "Monday", "uz": "dushanba"},
    {"kk": "сейсенбі", "ru": "вторник", "en": "Tuesday", "uz": "seshanba"},
    {"kk": "сәрсенбі", "ru": "среда", "en": "Wednesday", "uz": "chorshanba"},
    {"kk": "бейсенбі", "ru": "четверг", "en": "Thursday", "uz": "payshanba"},
    {"kk": "жұма", "ru": "пятница", "en": "Friday", "uz": "juma"},
]
_DAYS_SHORT = [
    {"kk": "Дс", "ru": "Пн", "en": "Mon", "uz": "Du"},
    {"kk": "Сс", "ru": "Вт", "en": "Tue", "uz": "Se"},
    {"kk": "Ср", "ru": "Ср", "en": "Wed", "uz": "Ch"},
    {"kk": "Бс", "ru": "Чт", "en": "Thu", "uz": "Pa"},
    {"kk": "Жм", "ru": "Пт", "en": "Fri", "uz": "Ju"},
]
# Russian prepositional "в понедельник" forms: the accusative of the day.
_DAYS_RU_ACC = ["понедельник", "вторник", "среду", "четверг", "пятницу"]


@generator("g05_bar_chart")
def g05_bar_chart(rng, options):
    """A bar chart of five days (multiples of 5); how many more on one day than on another."""
    bars = [rng.randrange(10, 85, 5) for _ in range(5)]
    while True:
        i, j = rng.sample(range(5), 2)
        if bars[i] != bars[j]:
            break
    if bars[i] < bars[j]:
        i, j = j, i
    day = lambda k: {**_DAYS[k], "ru": _DAYS_RU_ACC[k]}  # noqa: E731
    values = {
        "bars": bars,
        "labels": _DAYS_SHORT,
        "day1": day(i),
        "day2": day(j),
        "v1": bars[i],
        "v2": bars[j],
        "result": bars[i] - bars[j],
    }
    return {"values": values, "key": str(bars[i] - bars[j])}


@verifier("g05_bar_chart")
def g05_bar_chart_verify(values, key):
    bars = values["bars"]
    i = next(k for k in range(5) if _DAYS_RU_ACC[k] == values["day1"]["ru"])
    j = next(k for k in range(5) if _DAYS_RU_ACC[k] == values["day2"]["ru"])
    return bars[i] - bars[j] == int(key) > 0


# --- Word problems: motion ---------------------------------------------------------------------------

_TOWNS = [
    (
        {"kk": "Алматыдан", "ru": "Алматы", "en": "Almaty", "uz": "Olmaotadan"},
        {"kk": "Қонаевқа", "ru": "Конаева", "en": "Konayev", "uz": "Qonayevga"},
    ),
    (
        {"kk": "Шымкенттен", "ru": "Шымкента", "en": "Shymkent", "uz": "Chimkentdan"},
        {"kk": "Түркістанға", "ru": "Туркестана", "en": "Turkistan", "uz": "Turkistonga"},
    ),
    (
        {"kk": "Астанадан", "ru": "Астаны", "en": "Astana", "uz": "Astanadan"},
        {"kk": "Қарағандыға", "ru": "Караганды", "en": "Karaganda", "uz": "Qaragʻandiga"},
    ),
    (
        {"kk": "Павлодардан", "ru": "Павлодара", "en": "Pavlodar", "uz": "Pavlodardan"},
        {"kk": "Екібастұзға", "ru": "Экибастуза", "en": "Ekibastuz", "uz": "Ekibastuzga"},
    ),
]


@generator("g05_motion_time")
def g05_motion_time(rng, options):
    """A bus covers d km at v km/h: how many hours (whole)."""
    # Road distances close to the real ones (km).
    roads = [[60, 70, 80, 90], [150, 160, 180], [200, 210, 240], [120, 140, 150]]
    i = rng.randrange(len(_TOWNS))
    src, dst = _TOWNS[i]
    while True:
        d, t = rng.choice(roads[i]), rng.randint(1, 4)
        if d % t == 0 and 30 <= d // t <= 90 and t > 1:
            return {"values": {"src": src, "dst": dst, "v": d // t, "d": d, "result": t}, "key": str(t)}


@verifier("g05_motion_time")
def g05_motion_time_verify(values, key):
    # Hour by hour: after key hours the bus has covered exactly d.
    covered, hours = 0, 0
    while covered < values["d"]:
        covered += values["v"]
        hours += 1
    return covered == values["d"] and hours == int(key)


@generator("g05_motion_meeting")
def g05_motion_meeting(rng, options):
    """Two cyclists ride towards each other from towns d km apart at v1 and v2 km/h: they meet after t h."""
    v1, v2 = rng.randint(10, 20), rng.randint(10, 20)
    t = rng.randint(2, 5)
    return {"values": {"v1": v1, "v2": v2, "closing": v1 + v2, "d": (v1 + v2) * t, "result": t}, "key": str(t)}


@verifier("g05_motion_meeting")
def g05_motion_meeting_verify(values, key):
    t = int(key)
    return values["v1"] * t + values["v2"] * t == values["d"] and t > 0
