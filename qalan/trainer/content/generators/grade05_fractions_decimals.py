"""Grade 5 generators and their verifiers for the topics: mixed numbers, decimals.

Split from ``grade05`` by chapter (the data files in content/data/grade-05); the helpers they
share stay there."""

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from math import gcd

from qalan.trainer.content.generators._util import fraction_key, lcm, number_key, proper
from qalan.trainer.content.generators.grade05 import _shown
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
