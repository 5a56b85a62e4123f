"""Grade 3: numbers to 1 000, the multiplication table, division with remainder, order of operations,
simple equations, unit fractions, perimeter and area, units of length, mass and time, word problems."""

from fractions import Fraction

from qalan.trainer.content.registry import generator, verifier

# Names of Kazakhstan's peoples, girls and boys alternating (kk, ru, en, uz).
NAMES = [
    {"kk": "Айгерім", "ru": "Айгерим", "en": "Aigerim", "uz": "Aygerim"},
    {"kk": "Тимур", "ru": "Тимур", "en": "Timur", "uz": "Timur"},
    {"kk": "Мария", "ru": "Мария", "en": "Maria", "uz": "Mariya"},
    {"kk": "Ділшат", "ru": "Дильшат", "en": "Dilshat", "uz": "Dilshat"},
    {"kk": "Камила", "ru": "Камила", "en": "Kamila", "uz": "Kamila"},
    {"kk": "Бахтияр", "ru": "Бахтияр", "en": "Bakhtiyar", "uz": "Baxtiyor"},
    {"kk": "Дана", "ru": "Дана", "en": "Dana", "uz": "Dana"},
    {"kk": "Ерлан", "ru": "Ерлан", "en": "Yerlan", "uz": "Yerlan"},
    {"kk": "Олеся", "ru": "Олеся", "en": "Olesya", "uz": "Olesya"},
    {"kk": "Нұрлан", "ru": "Нурлан", "en": "Nurlan", "uz": "Nurlan"},
    {"kk": "Сабина", "ru": "Сабина", "en": "Sabina", "uz": "Sabina"},
    {"kk": "Артём", "ru": "Артём", "en": "Artyom", "uz": "Artyom"},
]


def digits(n: int) -> list[int]:
    """Ones, tens, hundreds, ... of ``n``."""
    return [int(c) for c in reversed(str(n))]


# --- Numbers to 1 000 -------------------------------------------------------------------------


@generator("g03_compose_number")
def g03_compose_number(rng, options):
    """h hundreds, t tens, u ones (t or u may be 0: the trap of a missing place)."""
    h = rng.randint(1, 9)
    t, u = rng.randint(0, 9), rng.randint(0, 9)
    if rng.random() < 0.3:
        t = 0 if rng.random() < 0.5 else t
        u = 0 if t else u
    n = 100 * h + 10 * t + u
    return {"values": {"h": h, "t": t, "u": u, "h100": 100 * h, "t10": 10 * t, "result": n}, "key": str(n)}


@verifier("g03_compose_number")
def g03_compose_number_verify(values, key):
    return (
        1 <= values["h"] <= 9
        and 0 <= values["t"] <= 9
        and 0 <= values["u"] <= 9
        and key == f"{values['h']}{values['t']}{values['u']}"
    )


@generator("g03_tens_in_number")
def g03_tens_in_number(rng, options):
    """How many tens (or hundreds) there are in n altogether: 347 has 34 tens."""
    n = rng.randint(110, 999)
    return {"values": {"n": n, "result": n // 10, "rest": n % 10}, "key": str(n // 10)}


@verifier("g03_tens_in_number")
def g03_tens_in_number_verify(values, key):
    return int(key) * 10 + values["rest"] == values["n"] and 0 <= values["rest"] < 10


@generator("g03_largest_number")
def g03_largest_number(rng, options):
    """The largest (or smallest) of four three-digit numbers made of the same three digits."""
    while True:
        ds = rng.sample(range(1, 10), 3)
        perms = sorted({100 * a + 10 * b + c for a in ds for b in ds for c in ds if len({a, b, c}) == 3})
        picks = rng.sample(perms, 4)
        if len(set(picks)) == 4:
            break
    smallest = options.get("smallest", False)
    best = min(picks) if smallest else max(picks)
    return {
        "values": {"answer": best, "d1": min(ds), "d3": max(ds)},
        "key": "",
        "choices": [{"text": str(p), "correct": p == best} for p in picks],
    }


@verifier("g03_largest_number")
def g03_largest_number_verify(values, key, choices=None):
    if choices is None:
        return True
    numbers = [int(c["text"]) for c in choices]
    right = [int(c["text"]) for c in choices if c["correct"]]
    best = values["answer"]
    return (
        len(right) == 1
        and right[0] == best
        and best in (min(numbers), max(numbers))
        and all(100 <= n <= 999 for n in numbers)
    )


@generator("g03_mental")
def g03_mental(rng, options):
    """Round tens and hundreds: 340 + 50, 760 - 40, 500 + 380, 900 - 250."""
    while True:
        a = rng.randint(2, 95) * 10
        b = rng.randint(1, 60) * 10 if rng.random() < 0.6 else rng.randint(1, 9) * 100
        if rng.random() < 0.5:
            if a + b <= 1000:
                op, result = "+", a + b
                break
        elif a - b > 0:
            op, result = "-", a - b
            break
    return {"values": {"a": a, "b": b, "op": op, "result": result}, "key": str(result)}


@verifier("g03_mental")
def g03_mental_verify(values, key):
    a, b, r = values["a"], values["b"], int(key)
    ok = a % 10 == 0 and b % 10 == 0 and 0 < r <= 1000
    return ok and (r - b == a if values["op"] == "+" else r + b == a)


def _column_steps(a: int, b: int) -> dict:
    da, db = digits(a) + [0, 0, 0], digits(b) + [0, 0, 0]
    carry1 = (da[0] + db[0]) // 10
    carry2 = (da[1] + db[1] + carry1) // 10
    return {
        "ua": da[0],
        "ub": db[0],
        "su": da[0] + db[0],
        "c1": carry1,
        "ta": da[1],
        "tb": db[1],
        "st": da[1] + db[1] + carry1,
        "c2": carry2,
        "ha": da[2],
        "hb": db[2],
        "sh": da[2] + db[2] + carry2,
    }


@generator("g03_column_add")
def g03_column_add(rng, options):
    """Two three-digit numbers (or three- and two-digit) with at least one carry, sum at most 999."""
    while True:
        a = rng.randint(100, 899)
        b = rng.randint(10, 999 - a)
        if b < 10 or a + b > 999:
            continue
        steps = _column_steps(a, b)
        if steps["c1"] or steps["c2"]:
            return {"values": {"a": a, "b": b, **steps, "result": a + b}, "key": str(a + b)}


@verifier("g03_column_add")
def g03_column_add_verify(values, key):
    s = values["sh"] * 100 + (values["st"] % 10) * 10 + values["su"] % 10
    return s == int(key) <= 999 and (values["c1"] or values["c2"]) and int(key) - values["b"] == values["a"]


@generator("g03_column_sub")
def g03_column_sub(rng, options):
    """a - b with at least one borrow, a three-digit, the difference positive."""
    while True:
        a = rng.randint(200, 999)
        b = rng.randint(15, a - 10)
        da, db = digits(a), digits(b) + [0, 0]
        borrow = da[0] < db[0] or da[1] < db[1]
        if borrow:
            return {"values": {"a": a, "b": b, "result": a - b}, "key": str(a - b)}


@verifier("g03_column_sub")
def g03_column_sub_verify(values, key):
    a, b = values["a"], values["b"]
    da, db = digits(a), digits(b) + [0, 0]
    return int(key) > 0 and int(key) + b == a and (da[0] < db[0] or da[1] < db[1])


# --- Multiplication and division ----------------------------------------------------------------


@generator("g03_times_table")
def g03_times_table(rng, options):
    a, b = rng.randint(options.get("min", 2), 10), rng.randint(options.get("min", 2), 10)
    return {"values": {"a": a, "b": b, "result": a * b}, "key": str(a * b)}


@verifier("g03_times_table")
def g03_times_table_verify(values, key):
    return 2 <= values["a"] <= 10 and 2 <= values["b"] <= 10 and sum([values["a"]] * values["b"]) == int(key)


@generator("g03_table_division")
def g03_table_division(rng, options):
    b, q = rng.randint(2, 10), rng.randint(2, 10)
    return {"values": {"a": b * q, "b": b, "result": q}, "key": str(q)}


@verifier("g03_table_division")
def g03_table_division_verify(values, key):
    return 2 <= int(key) <= 10 and int(key) * values["b"] == values["a"]


@generator("g03_round_multiply")
def g03_round_multiply(rng, options):
    """Tens or hundreds times a one-digit number: 70 · 6, 200 · 4 (at most 900)."""
    b = rng.randint(2, 9)
    if rng.random() < 0.6:
        d, size = rng.randint(2, 9), 10
    else:
        d, size = rng.randint(1, 9 // b), 100
    a = d * size
    return {"values": {"a": a, "b": b, "d": d, "db": d * b, "size": size, "result": a * b}, "key": str(a * b)}


@verifier("g03_round_multiply")
def g03_round_multiply_verify(values, key):
    return (
        values["a"] % 10 == 0
        and int(key) <= 900
        and int(key) // values["b"] == values["a"]
        and int(key) % values["b"] == 0
    )


@generator("g03_multiply_one_digit")
def g03_multiply_one_digit(rng, options):
    """A two- or three-digit number times a one-digit number, product at most 999."""
    while True:
        b = rng.randint(2, 9)
        a = rng.randint(12, 999 // b)
        if a % 10 and a * b <= 999:
            break
    tens, ones = a - a % 10, a % 10
    return {
        "values": {"a": a, "b": b, "tens": tens, "ones": ones, "pt": tens * b, "po": ones * b, "result": a * b},
        "key": str(a * b),
    }


@verifier("g03_multiply_one_digit")
def g03_multiply_one_digit_verify(values, key):
    return (
        values["pt"] + values["po"] == int(key) <= 999
        and int(key) % values["b"] == 0
        and int(key) // values["b"] == values["a"]
    )


@generator("g03_divide_one_digit")
def g03_divide_one_digit(rng, options):
    """A two- or three-digit number divided by a one-digit number exactly, the quotient beyond the table."""
    b = rng.randint(2, 9)
    q = rng.randint(11, 999 // b)
    a = b * q
    # Split the dividend into a part easy to divide (tens of the quotient) and the rest.
    big = (q // 10) * 10 * b
    return {
        "values": {"a": a, "b": b, "big": big, "rest": a - big, "qb": q // 10 * 10, "qr": q % 10, "result": q},
        "key": str(q),
    }


@verifier("g03_divide_one_digit")
def g03_divide_one_digit_verify(values, key):
    return (
        int(key) > 10 and int(key) * values["b"] == values["a"] <= 999 and values["big"] + values["rest"] == values["a"]
    )


def _remainder_values(rng):
    b = rng.randint(2, 9)
    q = rng.randint(2, 9)
    r = rng.randint(1, b - 1)
    return {"a": b * q + r, "b": b, "q": q, "r": r, "bq": b * q}


@generator("g03_remainder")
def g03_remainder(rng, options):
    """a : b with a remainder; the key is the remainder (``ask: remainder``) or the quotient."""
    values = _remainder_values(rng)
    ask = options.get("ask", "remainder")
    return {"values": values, "key": str(values["r"] if ask == "remainder" else values["q"])}


@verifier("g03_remainder")
def g03_remainder_verify(values, key):
    a, b = values["a"], values["b"]
    return 0 < values["r"] < b and int(key) in (a % b, a // b) and divmod(a, b) == (values["q"], values["r"])


@generator("g03_groups_round_up")
def g03_groups_round_up(rng, options):
    """n children, k fit in a boat (a yurt, a minibus): how many are needed? (a remainder adds one)."""
    k = rng.randint(3, 9)
    n = k * rng.randint(2, 9) + rng.randint(1, k - 1)
    name = rng.choice(NAMES)
    return {
        "values": {"n": n, "k": k, "q": n // k, "r": n % k, "result": n // k + 1, "name": name},
        "key": str(n // k + 1),
    }


@verifier("g03_groups_round_up")
def g03_groups_round_up_verify(values, key):
    n, k, m = values["n"], values["k"], int(key)
    return n % k != 0 and (m - 1) * k < n <= m * k


EQUATION_RULES = {
    "x+a": "addend",
    "a+x": "addend",
    "x-a": "minuend",
    "a-x": "subtrahend",
    "x*a": "factor",
    "a*x": "factor",
    "x:a": "dividend",
    "a:x": "divisor",
}
RULES = {
    "addend": {
        "kk": "Белгісіз қосылғышты табу үшін қосындыдан белгілі қосылғышты азайтамыз.",
        "ru": "Чтобы найти неизвестное слагаемое, из суммы вычитают известное слагаемое.",
        "en": "To find an unknown addend, subtract the known addend from the sum.",
        "uz": "Nomaʼlum qoʻshiluvchini topish uchun yigʻindidan maʼlum qoʻshiluvchi ayiriladi.",
    },
    "minuend": {
        "kk": "Белгісіз азайғышты табу үшін айырмаға азайтқышты қосамыз.",
        "ru": "Чтобы найти неизвестное уменьшаемое, к разности прибавляют вычитаемое.",
        "en": "To find an unknown minuend, add the subtrahend to the difference.",
        "uz": "Nomaʼlum kamayuvchini topish uchun ayirmaga ayriluvchi qoʻshiladi.",
    },
    "subtrahend": {
        "kk": "Белгісіз азайтқышты табу үшін азайғыштан айырманы азайтамыз.",
        "ru": "Чтобы найти неизвестное вычитаемое, из уменьшаемого вычитают разность.",
        "en": "To find an unknown subtrahend, subtract the difference from the minuend.",
        "uz": "Nomaʼlum ayriluvchini topish uchun kamayuvchidan ayirma ayiriladi.",
    },
    "factor": {
        "kk": "Белгісіз көбейткішті табу үшін көбейтіндіні белгілі көбейткішке бөлеміз.",
        "ru": "Чтобы найти неизвестный множитель, произведение делят на известный множитель.",
        "en": "To find an unknown factor, divide the product by the known factor.",
        "uz": "Nomaʼlum koʻpaytuvchini topish uchun koʻpaytma maʼlum koʻpaytuvchiga boʻlinadi.",
    },
    "dividend": {
        "kk": "Белгісіз бөлінгішті табу үшін бөліндіні бөлгішке көбейтеміз.",
        "ru": "Чтобы найти неизвестное делимое, частное умножают на делитель.",
        "en": "To find an unknown dividend, multiply the quotient by the divisor.",
        "uz": "Nomaʼlum boʻlinuvchini topish uchun boʻlinma boʻluvchiga koʻpaytiriladi.",
    },
    "divisor": {
        "kk": "Белгісіз бөлгішті табу үшін бөлінгішті бөліндіге бөлеміз.",
        "ru": "Чтобы найти неизвестный делитель, делимое делят на частное.",
        "en": "To find an unknown divisor, divide the dividend by the quotient.",
        "uz": "Nomaʼlum boʻluvchini topish uchun boʻlinuvchi boʻlinmaga boʻlinadi.",
    },
}


def equation(kind: str, x: int, a: int) -> tuple[str, str, int]:
    """(equation TeX, the step that finds x, the right-hand side)."""
    if kind == "x+a":
        b = x + a
        return f"x + {a} = {b}", f"x = {b} - {a} = {x}", b
    if kind == "a+x":
        b = x + a
        return f"{a} + x = {b}", f"x = {b} - {a} = {x}", b
    if kind == "x-a":
        b = x - a
        return f"x - {a} = {b}", f"x = {b} + {a} = {x}", b
    if kind == "a-x":
        b = a - x
        return f"{a} - x = {b}", f"x = {a} - {b} = {x}", b
    if kind == "x*a":
        b = x * a
        return f"x \\cdot {a} = {b}", f"x = {b} : {a} = {x}", b
    if kind == "a*x":
        b = x * a
        return f"{a} \\cdot x = {b}", f"x = {b} : {a} = {x}", b
    if kind == "x:a":
        b = x // a
        return f"x : {a} = {b}", f"x = {b} \\cdot {a} = {x}", b
    b = a // x  # a : x = b
    return f"{a} : x = {b}", f"x = {a} : {b} = {x}", b


def check_equation(text: str, x: int) -> bool:
    """Put x into the equation and compare both sides (integer arithmetic, exact)."""
    left, right = text.replace("\\cdot", "*").replace(":", "/").split("=")
    left = left.replace("x", f"({x})")
    if any(ch not in "0123456789+-*/() " for ch in left + right):
        return False
    # Bandit B307: checks our generator's own output, never user input; no builtins.
    return Fraction(eval(left, {"__builtins__": {}}).__str__()) == Fraction(right.strip())  # nosec B307
