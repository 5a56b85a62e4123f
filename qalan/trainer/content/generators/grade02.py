"""Grade 2: numbers to 100 and place value, mental and column adding and subtracting, brackets,
multiplication and division (tables of 2–5), length units, perimeter, time, money, two-step
problems, data tables. Every key is a whole number from 0 to 100."""

from qalan.trainer.content.generators.grade01 import person
from qalan.trainer.content.registry import generator, verifier


def _whole(key, low=0, high=100) -> bool:
    return str(key).isdigit() and low <= int(key) <= high


# ---- numbers to 100 ---------------------------------------------------------------------------


@generator("g02_place")
def g02_place(rng, options):
    """A two-digit number: ``ask: tens`` the tens digit, ``ask: ones`` the ones digit."""
    n = rng.randint(11, 99)
    while n % 10 == n // 10 or n % 10 == 0:
        n = rng.randint(11, 99)
    tens, ones = n // 10, n % 10
    result = tens if options.get("ask", "tens") == "tens" else ones
    return {"values": {"n": n, "tens": tens, "ones": ones, "t10": tens * 10, "result": result}, "key": str(result)}


@verifier("g02_place")
def g02_place_verify(values, key):
    digits = str(values["n"])
    return len(digits) == 2 and key in (digits[0], digits[1])


@generator("g02_expanded")
def g02_expanded(rng, options):
    """n as a sum of tens and ones with one part missing: n = □ + u or n = t + □."""
    tens, ones = rng.randint(1, 9), rng.randint(1, 9)
    n = 10 * tens + ones
    missing_tens = rng.random() < 0.5
    equation = f"{n} = \\square + {ones}" if missing_tens else f"{n} = {tens * 10} + \\square"
    result = tens * 10 if missing_tens else ones
    return {
        "values": {"n": n, "t10": tens * 10, "ones": ones, "equation": equation, "result": result},
        "key": str(result),
    }


@verifier("g02_expanded")
def g02_expanded_verify(values, key):
    left, right = values["equation"].replace("\\square", key).split("=")
    x, y = right.split("+")
    return int(left) == int(x) + int(y) and (int(key) % 10 == 0 or int(key) < 10)


@generator("g02_compare_expr")
def g02_compare_expr(rng, options):
    """A sum or difference against a number: 34 + 5 □ 40; the number is often close."""
    while True:
        a, b = rng.randint(10, 80), rng.randint(2, 30)
        op = rng.choice("+-")
        value = a + b if op == "+" else a - b
        if 0 < value <= 100:
            break
    c = min(100, max(1, value + rng.choice([-3, -1, 0, 0, 1, 2, 10, -10])))
    sign = "<" if value < c else ">" if value > c else "="
    choices = [{"text": s, "correct": s == sign} for s in ("<", ">", "=")]
    return {"values": {"left": f"{a} {op} {b}", "value": value, "c": c, "sign": sign}, "key": "", "choices": choices}


@verifier("g02_compare_expr")
def g02_compare_expr_verify(values, key, choices=None):
    a, op, b = values["left"].split()
    value = int(a) + int(b) if op == "+" else int(a) - int(b)
    expected = "<" if value < values["c"] else ">" if value > values["c"] else "="
    right = [c["text"] for c in choices or [] if c["correct"]]
    return right == [expected] and value == values["value"]


@generator("g02_even_odd")
def g02_even_odd(rng, options):
    """One even number among three odd ones (``ask: even``), or the other way round."""
    want_even = options.get("ask", "even") == "even"
    pool_right = [n for n in range(2, 100) if (n % 2 == 0) == want_even]
    pool_wrong = [n for n in range(2, 100) if (n % 2 == 0) != want_even]
    right = rng.choice(pool_right)
    numbers = [right, *rng.sample(pool_wrong, 3)]
    rng.shuffle(numbers)
    return {
        "values": {"right": right, "last": right % 10},
        "key": "",
        "choices": [{"text": n, "correct": n == right} for n in numbers],
    }


@verifier("g02_even_odd")
def g02_even_odd_verify(values, key, choices=None):
    right = [int(c["text"]) for c in choices or [] if c["correct"]]
    others = [int(c["text"]) % 2 for c in choices or [] if not c["correct"]]
    return right == [values["right"]] and len(others) == 3 and all(o != right[0] % 2 for o in others)


# ---- adding and subtracting to 100 -------------------------------------------------------------


@generator("g02_mental")
def g02_mental(rng, options):
    """Without carrying: 34 + 5, 34 + 20, 47 − 3, 68 − 40."""
    while True:
        a = rng.randint(11, 89)
        b = rng.choice([rng.randint(1, 9), rng.randint(1, 8) * 10])
        op = rng.choice("+-")
        if op == "+":
            result = a + b
            ok = result < 100 and (b >= 10 or a % 10 + b < 10)
        else:
            result = a - b
            ok = result > 0 and (b >= 10 or a % 10 >= b) and b < a
        if ok and a % 10:
            break
    kind = "ones" if b < 10 else "tens"
    return {"values": {"a": a, "b": b, "op": op, "kind": kind, "result": result}, "key": str(result)}


@verifier("g02_mental")
def g02_mental_verify(values, key):
    a, b = values["a"], values["b"]
    tens, ones = a // 10, a % 10
    sign = 1 if values["op"] == "+" else -1
    if b < 10:
        ones += sign * b
    else:
        tens += sign * (b // 10)
    return 0 <= ones <= 9 and _whole(key, 1, 99) and tens * 10 + ones == int(key)


@generator("g02_column")
def g02_column(rng, options):
    """Column sums with carrying (``op: +``, 37 + 45) or differences with borrowing (``op: -``, 62 − 27)."""
    plus = options.get("op", "+") == "+"
    while True:
        a, b = rng.randint(12, 89), rng.randint(12, 89)
        if plus and a % 10 + b % 10 >= 10 and a + b <= 100 and a % 10 and b % 10:
            break
        if not plus and a > b and a % 10 < b % 10:
            break
    if plus:
        ones = a % 10 + b % 10
        values = {
            "a": a,
            "b": b,
            "ones_sum": ones,
            "ones_digit": ones % 10,
            "tens_sum": a // 10 + b // 10 + 1,
            "result": a + b,
        }
    else:
        values = {
            "a": a,
            "b": b,
            "ones_top": a % 10 + 10,
            "ones_digit": a % 10 + 10 - b % 10,
            "tens_left": a // 10 - 1,
            "tens_digit": a // 10 - 1 - b // 10,
            "result": a - b,
        }
    values["ao"], values["bo"], values["at"], values["bt"] = a % 10, b % 10, a // 10, b // 10
    values["op"] = "+" if plus else "-"
    return {"values": values, "key": str(values["result"])}


@verifier("g02_column")
def g02_column_verify(values, key):
    a, b = values["a"], values["b"]
    if values["op"] == "+":
        carry = (a % 10 + b % 10) // 10
        digits = (a // 10 + b // 10 + carry) * 10 + (a % 10 + b % 10) % 10
        return carry == 1 and digits == int(key) <= 100
    borrow = 1 if a % 10 < b % 10 else 0
    digits = (a // 10 - borrow - b // 10) * 10 + (a % 10 + 10 * borrow - b % 10)
    return borrow == 1 and digits == int(key) >= 0


@generator("g02_brackets")
def g02_brackets(rng, options):
    """Order of operations with brackets and without them, within 100, never negative on the way."""
    while True:
        a, b, c = rng.randint(20, 90), rng.randint(2, 40), rng.randint(2, 30)
        form = rng.choice(["a-(b+c)", "a-(b-c)", "(a-b)+c", "a-b+c", "a+(b-c)", "a-b-c"])
        if form == "a-(b+c)":
            inner, first, result = b + c, b + c, a - (b + c)
        elif form == "a-(b-c)":
            inner, first, result = b - c, b - c, a - (b - c)
        elif form == "a+(b-c)":
            inner, first, result = b - c, b - c, a + (b - c)
        elif form in ("(a-b)+c", "a-b+c"):
            inner, first, result = a - b, a - b, a - b + c
        else:
            inner, first, result = a - b, a - b, a - b - c
        if inner > 0 and 0 <= result <= 100 and first <= 100:
            break
    expr = form.replace("a", str(a)).replace("b", str(b)).replace("c", str(c))
    tex = expr.replace("-", " - ").replace("+", " + ")
    step1, step2 = {
        "a-(b+c)": (f"{b} + {c}", f"{a} - {first}"),
        "a-(b-c)": (f"{b} - {c}", f"{a} - {first}"),
        "a+(b-c)": (f"{b} - {c}", f"{a} + {first}"),
        "(a-b)+c": (f"{a} - {b}", f"{first} + {c}"),
        "a-b+c": (f"{a} - {b}", f"{first} + {c}"),
        "a-b-c": (f"{a} - {b}", f"{first} - {c}"),
    }[form]
    values = {"expr": tex, "first": first, "step1": step1, "step2": step2, "result": result, "brackets": "(" in form}
    return {"values": values, "key": str(result)}


@verifier("g02_brackets")
def g02_brackets_verify(values, key):
    # Evaluate by hand: brackets first, then left to right.
    text = values["expr"].replace(" ", "")

    def flat(s):
        _tokens, number, sign, total = [], "", 1, 0
        for ch in s + "+":
            if ch.isdigit():
                number += ch
            else:
                total += sign * int(number)
                number, sign = "", 1 if ch == "+" else -1
        return total

    if "(" in text:
        start, end = text.index("("), text.index(")")
        text = text[:start] + str(flat(text[start + 1 : end])) + text[end + 1 :]
    return _whole(key, 0, 100) and flat(text) == int(key)


@generator("g02_convenient")
def g02_convenient(rng, options):
    """a + b + c where a and c make whole tens: add them first."""
    while True:
        a = rng.randint(11, 59)
        c = rng.randint(1, 9) if a % 10 == 0 else 10 - a % 10
        b = rng.randint(5, 39)
        if a % 10 and b % 10 and a + b + c <= 100 and (b % 10 + a % 10) != 10:
            break
    return {"values": {"a": a, "b": b, "c": c, "round": a + c, "result": a + b + c}, "key": str(a + b + c)}


@verifier("g02_convenient")
def g02_convenient_verify(values, key):
    return (values["a"] + values["c"]) % 10 == 0 and int(key) == values["b"] + values["round"] <= 100


# ---- multiplication and division ----------------------------------------------------------------


@generator("g02_repeated_sum")
def g02_repeated_sum(rng, options):
    """k equal terms n + n + … + n written as n · □ (the number of terms)."""
    n, k = rng.randint(2, 9), rng.randint(2, 5)
    return {"values": {"n": n, "k": k, "sum": " + ".join([str(n)] * k), "product": n * k, "result": k}, "key": str(k)}


@verifier("g02_repeated_sum")
def g02_repeated_sum_verify(values, key):
    terms = values["sum"].split(" + ")
    return len(set(terms)) == 1 and len(terms) == int(key) and int(terms[0]) * int(key) == values["product"]


@generator("g02_mult")
def g02_mult(rng, options):
    """a · b with a from ``factors`` (the table being learnt), b from 1 to 10, in either order."""
    a = rng.choice(options.get("factors", [2, 3]))
    b = rng.randint(options.get("min", 2), 10)
    first, second = (a, b) if rng.random() < 0.5 else (b, a)
    return {
        "values": {"x": first, "y": second, "table": a, "other": b, "sum": " + ".join([str(a)] * b), "result": a * b},
        "key": str(a * b),
    }


@verifier("g02_mult")
def g02_mult_verify(values, key):
    total = 0
    for _ in range(values["y"]):
        total += values["x"]
    return values["table"] in (2, 3, 4, 5) and _whole(key, 2, 50) and total == int(key)


@generator("g02_div")
def g02_div(rng, options):
    """p : a (or p : b) where p = a · b in the tables of ``factors``."""
    a = rng.choice(options.get("factors", [2, 3, 4, 5]))
    b = rng.randint(2, 10)
    p = a * b
    divisor, result = (a, b) if rng.random() < 0.5 else (b, a)
    return {"values": {"p": p, "d": divisor, "result": result}, "key": str(result)}


@verifier("g02_div")
def g02_div_verify(values, key):
    return (
        values["d"] > 0
        and int(key) * values["d"] == values["p"]
        and (values["d"] in (2, 3, 4, 5) or int(key) in (2, 3, 4, 5))
    )


@generator("g02_share")
def g02_share(rng, options):
    """Division as sharing (``kind: share``: p among k, how many each) or grouping (``kind: group``:
    p in groups of k, how many groups)."""
    k = rng.randint(2, 5)
    each = rng.randint(2, 10)
    p = k * each
    return {"values": {"p": p, "k": k, "result": each, **person(rng)}, "key": str(each)}


@verifier("g02_share")
def g02_share_verify(values, key):
    left, handed = values["p"], 0
    while left >= values["k"]:
        left -= values["k"]
        handed += 1
    return left == 0 and handed == int(key)


@generator("g02_mult_unknown")
def g02_mult_unknown(rng, options):
    """□ · a = p, a · □ = p, p : □ = b, □ : a = b in the tables of 2–5."""
    a = rng.choice([2, 3, 4, 5])
    b = rng.randint(2, 10)
    p = a * b
    kind = rng.choice(["factor1", "factor2", "divisor", "dividend"])
    equation, result, method = {
        "factor1": (f"\\square \\cdot {a} = {p}", b, f"{p} : {a}"),
        "factor2": (f"{a} \\cdot \\square = {p}", b, f"{p} : {a}"),
        "divisor": (f"{p} : \\square = {b}", a, f"{p} : {b}"),
        "dividend": (f"\\square : {a} = {b}", p, f"{b} \\cdot {a}"),
    }[kind]
    return {
        "values": {"equation": equation, "method": method, "rule": MULT_RULES[kind], "result": result},
        "key": str(result),
    }


MULT_RULES = {
    "factor1": {
        "kk": "Белгісіз көбейткішті табу үшін көбейтіндіні белгілі көбейткішке бөл.",
        "ru": "Чтобы найти неизвестный множитель, произведение раздели на известный множитель.",
        "en": "To find a missing factor, divide the product by the known factor.",
        "uz": "Nomaʼlum koʻpaytuvchini topish uchun koʻpaytmani maʼlum koʻpaytuvchiga boʻl.",
    },
    "divisor": {
        "kk": "Белгісіз бөлгішті табу үшін бөлінгішті бөліндіге бөл.",
        "ru": "Чтобы найти неизвестный делитель, делимое раздели на частное.",
        "en": "To find a missing divisor, divide the first number by the answer.",
        "uz": "Nomaʼlum boʻluvchini topish uchun boʻlinuvchini boʻlinmaga boʻl.",
    },
    "dividend": {
        "kk": "Белгісіз бөлінгішті табу үшін бөліндіні бөлгішке көбейт.",
        "ru": "Чтобы найти неизвестное делимое, частное умножь на делитель.",
        "en": "To find the missing first number, multiply the answer by the divisor.",
        "uz": "Nomaʼlum boʻlinuvchini topish uchun boʻlinmani boʻluvchiga koʻpaytir.",
    },
}
MULT_RULES["factor2"] = MULT_RULES["factor1"]


@verifier("g02_mult_unknown")
def g02_mult_unknown_verify(values, key):
    left, right = values["equation"].replace("\\square", key).split("=")
    if "\\cdot" in left:
        x, y = left.split("\\cdot")
        ok = int(x) * int(y) == int(right)
    else:
        x, y = left.split(":")
        ok = int(y) > 0 and int(x) == int(y) * int(right)
    return ok and _whole(key, 1, 50)
