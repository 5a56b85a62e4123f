"""Common fractions: part of a number, sums and differences, simplifying, comparing, equal fractions."""

from fractions import Fraction
from math import gcd

from qalan.trainer.content.generators._util import fraction_key, lcm, proper
from qalan.trainer.content.registry import generator, verifier


@generator("fraction_of")
def fraction_of(rng, options):
    """a/b of n, n a multiple of b so the answer is whole."""
    a, b = proper(rng, options.get("max_denominator", 10))
    part = rng.randint(2, options.get("max_part", 12))
    n = b * part
    return {"values": {"a": a, "b": b, "n": n, "part": part, "result": part * a}, "key": str(part * a)}


@verifier("fraction_of")
def fraction_of_verify(values, key):
    result = Fraction(values["n"]) * Fraction(values["a"], values["b"])
    return values["a"] < values["b"] and result.denominator == 1 and str(result) == key


def _same(rng, options, op):
    b = rng.randint(3, options.get("max_denominator", 12))
    if op == "+":
        a = rng.randint(1, b - 2)
        c = rng.randint(1, b - 1 - a)
        combined = a + c
    else:
        a = rng.randint(2, b - 1)
        c = rng.randint(1, a - 1)
        combined = a - c
    result = Fraction(combined, b)
    return {
        "values": {"a": a, "b": b, "c": c, "combined": combined, "result": fraction_key(result)},
        "key": fraction_key(result),
    }


@generator("fraction_add_same")
def fraction_add_same(rng, options):
    """a/b + c/b, a proper fraction as the result."""
    return _same(rng, options, "+")


@generator("fraction_sub_same")
def fraction_sub_same(rng, options):
    """a/b - c/b with a > c: never negative."""
    return _same(rng, options, "-")


@verifier("fraction_add_same")
def fraction_add_same_verify(values, key):
    result = Fraction(values["a"], values["b"]) + Fraction(values["c"], values["b"])
    return 0 < result < 1 and fraction_key(result) == key


@verifier("fraction_sub_same")
def fraction_sub_same_verify(values, key):
    result = Fraction(values["a"], values["b"]) - Fraction(values["c"], values["b"])
    return 0 < result < 1 and fraction_key(result) == key


def _unlike(rng, options, op):
    """Unlike denominators; ``coprime``: true / false / absent (either); the result is proper and
    positive unless ``proper_result`` is false."""
    top = options.get("max_denominator", 12)
    coprime = options.get("coprime")
    while True:
        a, b = proper(rng, top)
        c, d = proper(rng, top)
        if b == d or (coprime is True and gcd(b, d) != 1) or (coprime is False and gcd(b, d) == 1):
            continue
        x, y = Fraction(a, b), Fraction(c, d)
        result = x + y if op == "+" else x - y
        if result <= 0 or (options.get("proper_result", True) and result >= 1):
            continue
        lcd = lcm(b, d)
        xa, ya = a * lcd // b, c * lcd // d
        combined = xa + ya if op == "+" else xa - ya
        values = {"a": a, "b": b, "c": c, "d": d, "lcd": lcd, "xa": xa, "ya": ya, "combined": combined}
        values["result"] = fraction_key(result)
        return {"values": values, "key": fraction_key(result)}


@generator("fraction_add_unlike")
def fraction_add_unlike(rng, options):
    return _unlike(rng, options, "+")


@generator("fraction_sub_unlike")
def fraction_sub_unlike(rng, options):
    return _unlike(rng, options, "-")


def _unlike_verify(values, key, op):
    x, y = Fraction(values["a"], values["b"]), Fraction(values["c"], values["d"])
    result = x + y if op == "+" else x - y
    lcd_ok = values["lcd"] % values["b"] == 0 and values["lcd"] % values["d"] == 0
    return values["b"] != values["d"] and lcd_ok and result > 0 and fraction_key(result) == key


verifier("fraction_add_unlike")(lambda values, key: _unlike_verify(values, key, "+"))
verifier("fraction_sub_unlike")(lambda values, key: _unlike_verify(values, key, "-"))


@generator("fraction_simplify")
def fraction_simplify(rng, options):
    """(p·k)/(q·k) to lowest terms p/q."""
    p, q = proper(rng, options.get("max_denominator", 9))
    k = rng.randint(2, options.get("max_factor", 9))
    return {"values": {"num": p * k, "den": q * k, "factor": k, "result": f"{p}/{q}"}, "key": f"{p}/{q}"}


@verifier("fraction_simplify")
def fraction_simplify_verify(values, key):
    g = gcd(values["num"], values["den"])
    return g > 1 and f"{values['num'] // g}/{values['den'] // g}" == key


@generator("fraction_largest")
def fraction_largest(rng, options):
    """Choose the largest of four fractions; the largest numerator is a trap when it can be."""
    top = options.get("max_denominator", 12)
    for _ in range(200):
        picks = {Fraction(*proper(rng, top)) for _ in range(4)}
        if len(picks) < 4:
            continue
        fractions = sorted(picks)
        best = fractions[-1]
        if max(fractions, key=lambda f: f.numerator) is not best:
            break
    lcd = 1
    for f in fractions:
        lcd = lcm(lcd, f.denominator)
    rng.shuffle(fractions)
    converted = ", ".join(
        f"\\frac{{{f.numerator}}}{{{f.denominator}}}=\\frac{{{f.numerator * lcd // f.denominator}}}{{{lcd}}}"
        for f in fractions
    )
    choices = [{"text": fraction_key(f), "correct": f == best} for f in fractions]
    return {"values": {"lcd": lcd, "converted": converted, "answer": fraction_key(best)}, "key": "", "choices": choices}


@verifier("fraction_largest")
def fraction_largest_verify(values, key, choices=None):
    if choices is None:
        return True
    right = [Fraction(c["text"]) for c in choices if c["correct"]]
    return len(right) == 1 and right[0] == max(Fraction(c["text"]) for c in choices)


@generator("fraction_equal_multi")
def fraction_equal_multi(rng, options):
    """Which fractions equal p/q: two are (kp)/(kq); the traps add the same number to both terms
    or multiply only one of them."""
    p, q = proper(rng, options.get("max_denominator", 6))
    k1, k2 = rng.sample(range(2, 8), 2)
    traps = [(p + k1, q + k1), (p * k2, q * k2 + 1), (p * k1 + 1, q * k1), (p + 1, q + 2)]
    traps = [t for t in traps if Fraction(*t) != Fraction(p, q)]
    seen, choices = set(), []
    for num, den, ok in [(p * k1, q * k1, True), (p * k2, q * k2, True)] + [(*t, False) for t in traps]:
        if (num, den) not in seen and len(choices) < 4:
            seen.add((num, den))
            choices.append({"text": f"{num}/{den}", "correct": ok})
    return {
        "values": {"p": p, "q": q, "k1": k1, "k2": k2, "first": f"{p * k1}/{q * k1}", "second": f"{p * k2}/{q * k2}"},
        "key": "",
        "choices": choices,
    }


@verifier("fraction_equal_multi")
def fraction_equal_multi_verify(values, key, choices=None):
    target = Fraction(values["p"], values["q"])
    return all((Fraction(*map(int, c["text"].split("/"))) == target) == c["correct"] for c in choices or [])
