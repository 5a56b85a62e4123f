"""Grade 5: divisibility, GCD and LCM, mixed numbers, multiplying and dividing fractions, decimals,
simple equations, letter expressions, cuboids, measurement units and data.

Every key is exact and non-negative (grade 5 has no negative numbers); every verifier recomputes
the key by another route.
"""

from fractions import Fraction
from math import gcd

from qalan.trainer.content.generators._util import lcm
from qalan.trainer.content.registry import generator, verifier


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
    # Bandit B307: checks our generator's own output, never user input; no builtins.
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
