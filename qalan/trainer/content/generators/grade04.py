"""Grade 4: numbers to 1 000 000, written multiplication and division by two- and three-digit numbers,
equations, units, a number from its part, volume, the circle, bar charts, motion and other word problems."""

import re
from fractions import Fraction

from qalan.trainer.content.generators.grade03 import EQUATION_RULES, RULES, check_equation, equation
from qalan.trainer.content.locale import LANGUAGES, number_tex
from qalan.trainer.content.registry import generator, verifier


def _int(text) -> int:
    """A number shown as a choice ("12{,}345", "12\\,345", "12345") back to an int."""
    return int(re.sub(r"\D", "", str(text)))


def localise(text: str) -> dict:
    """A TeX string made by a generator, with numbers of five digits and more grouped the way each
    language writes them (``64\\,897``, ``64{,}897``)."""
    return {lang: re.sub(r"\d{4,}", lambda m, lang=lang: number_tex(int(m.group()), lang), text) for lang in LANGUAGES}


def plain(value) -> str:
    """The generator's TeX string back without grouping (the verifiers read it)."""
    return value["kk"].replace("\\,", "") if isinstance(value, dict) else str(value)


def _safe_eval(text) -> Fraction:
    text = plain(text).replace("\\cdot", "*").replace(":", "/")
    if any(ch not in "0123456789+-*/() " for ch in text):
        raise ValueError(text)
    # Bandit B307: checks our generator's own output, never user input; no builtins.
    return Fraction(str(eval(text, {"__builtins__": {}})))  # nosec B307


# --- Numbers to 1 000 000 ---------------------------------------------------------------------


@generator("g04_compose_classes")
def g04_compose_classes(rng, options):
    """th thousand u: 305 thousand 47 = 305 047 (the units class may need zeros)."""
    th = rng.randint(1, 999)
    u = rng.choice([rng.randint(1, 9), rng.randint(10, 99), rng.randint(100, 999)])
    return {"values": {"th": th, "u": u, "result": th * 1000 + u}, "key": str(th * 1000 + u)}


@verifier("g04_compose_classes")
def g04_compose_classes_verify(values, key):
    return key == f"{values['th']}{values['u']:03d}" and 0 < values["u"] < 1000


@generator("g04_thousands_total")
def g04_thousands_total(rng, options):
    n = rng.randint(10_000, 999_999)
    return {"values": {"n": n, "rest": n % 1000, "result": n // 1000}, "key": str(n // 1000)}


@verifier("g04_thousands_total")
def g04_thousands_total_verify(values, key):
    return int(key) * 1000 + values["rest"] == values["n"] and 0 <= values["rest"] < 1000


@generator("g04_largest_number")
def g04_largest_number(rng, options):
    """Four six-digit numbers sharing the first digits, so the comparison is made further right."""
    while True:
        base = rng.randint(100, 999) * 1000
        picks = {base + rng.randint(0, 999) for _ in range(2)} | {
            base + rng.randint(0, 99) * 10 + rng.randint(0, 9) for _ in range(2)
        }
        picks |= {base // 1000 * 1000 + rng.randint(1, 9) * 100 + rng.randint(0, 99)}
        picks = sorted(picks)
        if len(picks) >= 4:
            picks = rng.sample(picks, 4)
            break
    smallest = options.get("smallest", False)
    best = min(picks) if smallest else max(picks)
    return {"values": {"answer": best}, "key": "", "choices": [{"text": str(p), "correct": p == best} for p in picks]}


@verifier("g04_largest_number")
def g04_largest_number_verify(values, key, choices=None):
    if choices is None:
        return True
    numbers = [_int(c["text"]) for c in choices]
    right = [_int(c["text"]) for c in choices if c["correct"]]
    return (
        len(right) == 1
        and right[0] == values["answer"]
        and right[0] in (min(numbers), max(numbers))
        and len(set(numbers)) == 4
    )


@generator("g04_round")
def g04_round(rng, options):
    """Round to the nearest ``to`` (100, 1000 or 10 000); the digit to the right decides (5 and up: up)."""
    to = options.get("to", 1000)
    while True:
        n = rng.randint(10 * to, 999_000)
        if n % to:
            break
    down = n - n % to
    result = down + to if n % to * 2 >= to else down
    return {
        "values": {"n": n, "to": to, "down": down, "up": down + to, "digit": n % to * 10 // to, "result": result},
        "key": str(result),
    }


@verifier("g04_round")
def g04_round_verify(values, key):
    r, n, to = int(key), values["n"], values["to"]
    return r % to == 0 and abs(r - n) * 2 <= to and (abs(r - n) * 2 < to or r > n)


@generator("g04_column_add_sub")
def g04_column_add_sub(rng, options):
    """Multi-digit a + b (sum at most 1 000 000) or a - b (positive)."""
    if rng.random() < 0.5:
        a = rng.randint(10_000, 900_000)
        b = rng.randint(1_000, 1_000_000 - a)
        op, result = "+", a + b
    else:
        a = rng.randint(20_000, 999_999)
        b = rng.randint(1_000, a - 1_000)
        op, result = "-", a - b
    check = f"{result} - {b} = {a}" if op == "+" else f"{result} + {b} = {a}"
    return {"values": {"a": a, "b": b, "op": op, "check": localise(check), "result": result}, "key": str(result)}


@verifier("g04_column_add_sub")
def g04_column_add_sub_verify(values, key):
    r = int(key)
    return 0 < r <= 1_000_000 and (
        r - values["b"] == values["a"] if values["op"] == "+" else r + values["b"] == values["a"]
    )


# --- Multiplication and division ------------------------------------------------------------------


@generator("g04_mul_round")
def g04_mul_round(rng, options):
    """Round numbers: 350 · 20, 48 · 100, 600 · 700; zeros counted at the end."""
    while True:
        a_digits, a_zeros = rng.randint(2, 99), rng.randint(0, 2)
        b_digits, b_zeros = rng.randint(2, 9), rng.randint(1, 3)
        if rng.random() < 0.3:
            b_digits = 1
        a, b = a_digits * 10**a_zeros, b_digits * 10**b_zeros
        if a_digits % 10 and a * b <= 1_000_000 and a > 9:
            break
    zeros = a_zeros + b_zeros
    return {
        "values": {
            "a": a,
            "b": b,
            "ad": a_digits,
            "bd": b_digits,
            "core": a_digits * b_digits,
            "zeros": zeros,
            "result": a * b,
        },
        "key": str(a * b),
    }


@verifier("g04_mul_round")
def g04_mul_round_verify(values, key):
    return (
        int(key) == values["core"] * 10 ** values["zeros"]
        and int(key) % values["b"] == 0
        and int(key) // values["b"] == values["a"]
    )


@generator("g04_mul_multi")
def g04_mul_multi(rng, options):
    """a times a two-digit (``digits: 2``) or three-digit (``digits: 3``) number; partial products."""
    d = options.get("digits", 2)
    while True:
        b = rng.randint(12, 99) if d == 2 else rng.randint(102, 999)
        a = rng.randint(12, 999)
        if b % 10 and a % 10 and a * b <= 1_000_000:
            break
    parts = [int(c) * 10**i for i, c in enumerate(reversed(str(b))) if c != "0"][::-1]
    products = [a * p for p in parts]
    split = " + ".join(f"{a} \\cdot {p}" for p in parts)
    sums = " + ".join(str(p) for p in products)
    return {
        "values": {"a": a, "b": b, "split": localise(split), "sums": localise(sums), "result": a * b},
        "key": str(a * b),
    }


@verifier("g04_mul_multi")
def g04_mul_multi_verify(values, key):
    return (
        _safe_eval(values["sums"]) == int(key) == _safe_eval(values["split"])
        and int(key) % values["b"] == 0
        and int(key) // values["b"] == values["a"]
    )


@generator("g04_div_multi")
def g04_div_multi(rng, options):
    """An exact division by a two- or three-digit number; the quotient has two or three digits."""
    d = options.get("digits", 2)
    while True:
        b = rng.randint(12, 99) if d == 2 else rng.randint(101, 999)
        q = rng.randint(12, 999) if d == 2 else rng.randint(12, 400)
        if b % 10 and b * q <= 999_999:
            break
    first = int(str(q)[0])
    return {"values": {"a": b * q, "b": b, "first": first, "digits": len(str(q)), "result": q}, "key": str(q)}


@verifier("g04_div_multi")
def g04_div_multi_verify(values, key):
    q = int(key)
    return q > 10 and q * values["b"] == values["a"] and len(str(q)) == values["digits"]


@generator("g04_order_of_operations")
def g04_order_of_operations(rng, options):
    """Three operations with bigger numbers: a + b · c - d, (a - b) : c + d, a · b - c : d."""
    while True:
        pattern = rng.randrange(3)
        if pattern == 0:
            a, b, c = rng.randint(100, 9000), rng.randint(12, 99), rng.randint(2, 9)
            d = rng.randint(10, a)
            expr = f"{a} + {b} \\cdot {c} - {d}"
            steps = [
                f"{b} \\cdot {c} = {b * c}",
                f"{a} + {b * c} = {a + b * c}",
                f"{a + b * c} - {d} = {a + b * c - d}",
            ]
            result = a + b * c - d
        elif pattern == 1:
            c, q = rng.randint(2, 9), rng.randint(12, 999)
            b = rng.randint(10, 5000)
            a, d = q * c + b, rng.randint(10, 999)
            expr = f"({a} - {b}) : {c} + {d}"
            steps = [f"{a} - {b} = {a - b}", f"{a - b} : {c} = {q}", f"{q} + {d} = {q + d}"]
            result = q + d
        else:
            a, b = rng.randint(12, 999), rng.randint(2, 9)
            d, q = rng.randint(2, 9), rng.randint(10, 99)
            c = d * q
            if a * b < q:
                continue
            expr = f"{a} \\cdot {b} - {c} : {d}"
            steps = [f"{a} \\cdot {b} = {a * b}", f"{c} : {d} = {q}", f"{a * b} - {q} = {a * b - q}"]
            result = a * b - q
        if 0 <= result <= 1_000_000:
            values = {
                "expr": localise(expr),
                "s1": localise(steps[0]),
                "s2": localise(steps[1]),
                "s3": localise(steps[2]),
            }
            return {"values": {**values, "result": result}, "key": str(result)}


@verifier("g04_order_of_operations")
def g04_order_of_operations_verify(values, key):
    return _safe_eval(values["expr"]) == int(key) >= 0 and plain(values["s3"]).endswith(f"= {key}")


# --- Equations ------------------------------------------------------------------------------------


@generator("g04_equation")
def g04_equation(rng, options):
    """The six simple equations with multi-digit numbers."""
    kind = rng.choice(list(EQUATION_RULES))
    if kind in ("x+a", "a+x"):
        x, a = rng.randint(100, 90_000), rng.randint(100, 90_000)
    elif kind == "x-a":
        a = rng.randint(100, 50_000)
        x = a + rng.randint(100, 50_000)
    elif kind == "a-x":
        x = rng.randint(100, 50_000)
        a = x + rng.randint(100, 50_000)
    elif kind in ("x*a", "a*x"):
        x, a = rng.randint(12, 999), rng.randint(2, 99)
    elif kind == "x:a":
        a = rng.randint(2, 99)
        x = a * rng.randint(12, 999)
    else:
        x = rng.randint(2, 99)
        a = x * rng.randint(12, 999)
    text, step, _b = equation(kind, x, a)
    return {
        "values": {
            "equation": localise(text),
            "step": localise(step),
            "rule": RULES[EQUATION_RULES[kind]],
            "result": x,
        },
        "key": str(x),
    }


@generator("g04_equation_composite")
def g04_equation_composite(rng, options):
    """x · a + b = c, (x + a) · b = c, x : a - b = c: first the part with x, then x."""
    pattern = rng.randrange(3)
    x = rng.randint(3, 99)
    if pattern == 0:
        a, b = rng.randint(2, 12), rng.randint(5, 500)
        c = x * a + b
        text = f"x \\cdot {a} + {b} = {c}"
        steps = [f"x \\cdot {a} = {c} - {b} = {c - b}", f"x = {c - b} : {a} = {x}"]
    elif pattern == 1:
        a, b = rng.randint(2, 60), rng.randint(2, 9)
        c = (x + a) * b
        text = f"(x + {a}) \\cdot {b} = {c}"
        steps = [f"x + {a} = {c} : {b} = {c // b}", f"x = {c // b} - {a} = {x}"]
    else:
        a = rng.randint(2, 9)
        x = a * rng.randint(5, 99)
        b = rng.randint(1, x // a - 1)
        c = x // a - b
        text = f"x : {a} - {b} = {c}"
        steps = [f"x : {a} = {c} + {b} = {c + b}", f"x = {c + b} \\cdot {a} = {x}"]
    return {
        "values": {"equation": localise(text), "step1": localise(steps[0]), "step2": localise(steps[1]), "result": x},
        "key": str(x),
    }


def _equation_verify(values, key):
    x = int(key)
    last = plain(values.get("step2", values.get("step", "")))
    return x > 0 and check_equation(plain(values["equation"]), x) and last.endswith(f"= {x}")


verifier("g04_equation")(_equation_verify)
verifier("g04_equation_composite")(_equation_verify)
