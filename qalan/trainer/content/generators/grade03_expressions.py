"""Grade 3 generators and their verifiers for the topic: expressions and equations.

Split from ``grade03`` by chapter (the data files in content/data/grade-03); the helpers they
share (the equation rules grade 4 uses too) stay there."""

# Names of Kazakhstan's peoples, girls and boys alternating (kk, ru, en, uz).
from qalan.trainer.content.generators.grade03 import EQUATION_RULES, RULES, check_equation, equation
from qalan.trainer.content.registry import generator, verifier

# --- Expressions and equations --------------------------------------------------------------------


@generator("g03_order_of_operations")
def g03_order_of_operations(rng, options):
    """Two operations, with or without brackets; every step a whole number from 0 to 1 000."""
    while True:
        pattern = rng.randrange(5)
        a, b, c = rng.randint(2, 90), rng.randint(2, 9), rng.randint(2, 9)
        if pattern == 0:  # a + b · c
            first, result = b * c, a + b * c
            expr, s1, s2 = f"{a} + {b} \\cdot {c}", f"{b} \\cdot {c} = {b * c}", f"{a} + {b * c} = {result}"
        elif pattern == 1:  # (a + b) · c
            a = rng.randint(2, 40)
            first, result = a + b, (a + b) * c
            expr, s1, s2 = f"({a} + {b}) \\cdot {c}", f"{a} + {b} = {a + b}", f"{a + b} \\cdot {c} = {result}"
        elif pattern == 2:  # a - b · c
            first, result = b * c, a - b * c
            expr, s1, s2 = f"{a} - {b} \\cdot {c}", f"{b} \\cdot {c} = {b * c}", f"{a} - {b * c} = {result}"
        elif pattern == 3:  # a + (b·c) : c  ->  a + m : c
            m = b * c
            first, result = b, a + b
            expr, s1, s2 = f"{a} + {m} : {c}", f"{m} : {c} = {b}", f"{a} + {b} = {result}"
        else:  # (a - b) : c, a - b a multiple of c
            q = rng.randint(2, 9)
            a = q * c + b
            first, result = a - b, q
            expr, s1, s2 = f"({a} - {b}) : {c}", f"{a} - {b} = {a - b}", f"{a - b} : {c} = {q}"
        if 0 <= result <= 1000 and result != first:
            return {"values": {"expr": expr, "step1": s1, "step2": s2, "result": result}, "key": str(result)}


@verifier("g03_order_of_operations")
def g03_order_of_operations_verify(values, key):
    text = values["expr"].replace("\\cdot", "*").replace(":", "//")
    if any(ch not in "0123456789+-*/() " for ch in text):
        return False
    # Bandit B307: checks our generator's own output, never user input; no builtins.
    return eval(text, {"__builtins__": {}}) == int(key) >= 0  # nosec B307


@generator("g03_equation_add")
def g03_equation_add(rng, options):
    """x + a = b, a + x = b, x - a = b, a - x = b within 1 000; x is never 0."""
    kind = rng.choice(["x+a", "a+x", "x-a", "a-x"])
    top = options.get("max", 1000)
    while True:
        x, a = rng.randint(5, top // 2), rng.randint(5, top // 2)
        if (kind == "x-a" and x <= a) or (kind == "a-x" and a <= x):
            continue
        break
    text, step, _b = equation(kind, x, a)
    return {"values": {"equation": text, "step": step, "rule": RULES[EQUATION_RULES[kind]], "result": x}, "key": str(x)}


@generator("g03_equation_mul")
def g03_equation_mul(rng, options):
    """x · a = b, a · x = b, x : a = b, a : x = b with the table's numbers."""
    kind = rng.choice(["x*a", "a*x", "x:a", "a:x"])
    q, a = rng.randint(2, 10), rng.randint(2, 10)
    if kind in ("x*a", "a*x"):
        x = q
    elif kind == "x:a":
        x = q * a  # x : a = q
    else:
        x, a = q, q * a  # a : x = ...
    text, step, _b = equation(kind, x, a)
    return {"values": {"equation": text, "step": step, "rule": RULES[EQUATION_RULES[kind]], "result": x}, "key": str(x)}


def _equation_verify(values, key):
    x = int(key)
    return x > 0 and check_equation(values["equation"], x) and values["step"].endswith(f"= {x}")


verifier("g03_equation_add")(_equation_verify)
verifier("g03_equation_mul")(_equation_verify)


@generator("g03_letter_expression")
def g03_letter_expression(rng, options):
    """The value of an expression with a letter: a + 45, 90 - a, a · 6, 72 : a, (a + 8) · 3."""
    pattern = rng.randrange(5)
    if pattern == 0:
        v, c = rng.randint(10, 500), rng.randint(10, 400)
        expr, result = f"a + {c}", v + c
    elif pattern == 1:
        c = rng.randint(50, 900)
        v = rng.randint(5, c - 1)
        expr, result = f"{c} - a", c - v
    elif pattern == 2:
        v, c = rng.randint(2, 10), rng.randint(2, 10)
        expr, result = f"a \\cdot {c}", v * c
    elif pattern == 3:
        v, q = rng.randint(2, 9), rng.randint(2, 10)
        expr, result = f"{v * q} : a", q
    else:
        v, c, k = rng.randint(2, 20), rng.randint(2, 20), rng.randint(2, 5)
        expr, result = f"(a + {c}) \\cdot {k}", (v + c) * k
    return {"values": {"expr": expr, "v": v, "result": result}, "key": str(result)}


@verifier("g03_letter_expression")
def g03_letter_expression_verify(values, key):
    text = values["expr"].replace("\\cdot", "*").replace(":", "//").replace("a", f"({values['v']})")
    if any(ch not in "0123456789+-*/() " for ch in text):
        return False
    # Bandit B307: checks our generator's own output, never user input; no builtins.
    return eval(text, {"__builtins__": {}}) == int(key) >= 0  # nosec B307
