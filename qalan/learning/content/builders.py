"""Builders of the legacy practice tasks (grades 4-7): each writes a task's texts in kk, ru and
en from its numbers, with numbers written as each language writes them, and the ``check``
expression that recomputes the key independently (tests/learning/test_content.py)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from math import gcd

LANGS = ("kk", "ru", "en")


def num(value, lang: str) -> str:
    """A number as a textbook in that language writes it (decimal comma in kk and ru)."""
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        return f"{value.numerator}/{value.denominator}"
    text = format(Decimal(str(value)).normalize(), "f")
    return text.replace(".", ",") if lang in ("kk", "ru") else text


def by_lang(make) -> dict[str, str]:
    return {lang: make(lang) for lang in LANGS}


def numeric(key, topic, difficulty, text, explanation, answer, check, *, tolerance="0", extended=False) -> dict:
    return {
        "key": key,
        "topic": topic,
        "kind": "numeric",
        "difficulty": difficulty,
        "text": text,
        "explanation": explanation,
        "answer": Decimal(answer.numerator) / Decimal(answer.denominator)
        if isinstance(answer, Fraction)
        else Decimal(str(answer)),
        "tolerance": Decimal(tolerance),
        "check": check,
        "extended": extended,
    }


def choice(key, topic, difficulty, text, explanation, options, check, *, multiple=False, extended=False) -> dict:
    """``options``: (kk, ru, en, correct) tuples; ``check`` evaluates to the en text of the
    correct option (or the list of them for multiple choice)."""
    return {
        "key": key,
        "topic": topic,
        "kind": "multiple" if multiple else "single",
        "difficulty": difficulty,
        "text": text,
        "explanation": explanation,
        "choices": [{"kk": kk, "ru": ru, "en": en, "correct": ok} for kk, ru, en, ok in options],
        "check": check,
        "extended": extended,
    }


def short(key, topic, difficulty, text, explanation, accepted, check, *, extended=False) -> dict:
    """``check`` evaluates to one of the accepted answers (or None for a term, whose accepted
    answers must then cover all three languages)."""
    return {
        "key": key,
        "topic": topic,
        "kind": "text",
        "difficulty": difficulty,
        "text": text,
        "explanation": explanation,
        "accepted": accepted,
        "check": check,
        "extended": extended,
    }


# --- Families of computational tasks ------------------------------------------------------


def fraction_sum(key, topic, difficulty, a, b, c, d, sign="+"):
    x, y = Fraction(a, b), Fraction(c, d)
    result = x + y if sign == "+" else x - y
    lcd = b * d // gcd(b, d)
    xa, ya = a * (lcd // b), c * (lcd // d)
    combined = xa + ya if sign == "+" else xa - ya
    expr = f"{a}/{b} {sign} {c}/{d}"
    return numeric(
        key,
        topic,
        difficulty,
        {
            "kk": f"Есептеңіз: {expr}. Жауапты бөлшек түрінде жазыңыз (мысалы, 3/4).",
            "ru": f"Вычислите: {expr}. Запишите ответ дробью (например, 3/4).",
            "en": f"Compute {expr}. Write the answer as a fraction (for example 3/4).",
        },
        {
            "kk": f"Ортақ бөлім — {lcd}: {a}/{b} = {xa}/{lcd}, {c}/{d} = {ya}/{lcd}. "
            f"{xa}/{lcd} {sign} {ya}/{lcd} = {combined}/{lcd} = {num(result, 'kk')}.",
            "ru": f"Общий знаменатель — {lcd}: {a}/{b} = {xa}/{lcd}, {c}/{d} = {ya}/{lcd}. "
            f"{xa}/{lcd} {sign} {ya}/{lcd} = {combined}/{lcd} = {num(result, 'ru')}.",
            "en": f"The common denominator is {lcd}: {a}/{b} = {xa}/{lcd} and {c}/{d} = {ya}/{lcd}. "
            f"{xa}/{lcd} {sign} {ya}/{lcd} = {combined}/{lcd} = {num(result, 'en')}.",
        },
        result,
        f"Fraction({a}, {b}) {sign} Fraction({c}, {d})",
        tolerance="0.0001",
    )


def fraction_of(key, topic, difficulty, a, b, n):
    result = Fraction(n) * Fraction(a, b)
    return numeric(
        key,
        topic,
        difficulty,
        {
            "kk": f"{n} санының {a}/{b} бөлігін табыңыз.",
            "ru": f"Найдите {a}/{b} от числа {n}.",
            "en": f"Find {a}/{b} of {n}.",
        },
        by_lang(lambda lang: f"{n} : {b} · {a} = {n // b} · {a} = {num(result, lang)}."),
        result,
        f"Fraction({n}) * Fraction({a}, {b})",
    )


def decimal_op(key, topic, difficulty, x, y, op):
    dx, dy = Decimal(x), Decimal(y)
    result = {"+": dx + dy, "-": dx - dy, "*": dx * dy}[op]
    shown = {"+": "+", "-": "−", "*": "·"}[op]
    return numeric(
        key,
        topic,
        difficulty,
        {
            "kk": f"Есептеңіз: {num(dx, 'kk')} {shown} {num(dy, 'kk')}.",
            "ru": f"Вычислите: {num(dx, 'ru')} {shown} {num(dy, 'ru')}.",
            "en": f"Compute {num(dx, 'en')} {shown} {num(dy, 'en')}.",
        },
        {
            "kk": "Үтірдің астына үтірді жазып, разрядтар бойынша есептейміз: "
            f"{num(dx, 'kk')} {shown} {num(dy, 'kk')} = {num(result, 'kk')}."
            if op != "*"
            else f"Үтірге қарамай көбейтеміз, сосын көбейткіштердегідей үтірден кейінгі цифрлар санын бөлеміз: {num(result, 'kk')}.",
            "ru": "Записываем запятую под запятой и считаем по разрядам: "
            f"{num(dx, 'ru')} {shown} {num(dy, 'ru')} = {num(result, 'ru')}."
            if op != "*"
            else f"Умножаем, не обращая внимания на запятые, и отделяем столько знаков, сколько их в множителях вместе: {num(result, 'ru')}.",
            "en": "Line up the decimal points and work digit by digit: "
            f"{num(dx, 'en')} {shown} {num(dy, 'en')} = {num(result, 'en')}."
            if op != "*"
            else f"Multiply as whole numbers, then place the point so the answer has as many decimal places as both factors together: {num(result, 'en')}.",
        },
        result,
        f"Decimal('{x}') {op} Decimal('{y}')",
    )


def percent_of(key, topic, difficulty, p, n):
    result = Fraction(p * n, 100)
    return numeric(
        key,
        topic,
        difficulty,
        {"kk": f"{n} санының {p} %-ын табыңыз.", "ru": f"Найдите {p} % от числа {n}.", "en": f"Find {p}% of {n}."},
        by_lang(lambda lang: f"{p} % = {p}/100. {n} · {p} : 100 = {num(result, lang)}."),
        result,
        f"Fraction({p} * {n}, 100)",
        tolerance="0.001",
    )


def percent_share(key, topic, difficulty, a, b):
    result = Fraction(a * 100, b)
    return numeric(
        key,
        topic,
        difficulty,
        {
            "kk": f"{a} саны {b} санының неше пайызын құрайды?",
            "ru": f"Сколько процентов составляет число {a} от числа {b}?",
            "en": f"What percent of {b} is {a}?",
        },
        by_lang(lambda lang: f"{a} : {b} · 100 = {num(result, lang)} %."),
        result,
        f"Fraction({a}, {b}) * 100",
        tolerance="0.01",
    )


def discount(key, topic, difficulty, price, p):
    result = Fraction(price * (100 - p), 100)
    return numeric(
        key,
        topic,
        difficulty,
        {
            "kk": f"Күртеше {price} теңге тұрады. Оған {p} % жеңілдік жасалды. Күртеше енді қанша теңге тұрады?",
            "ru": f"Куртка стоит {price} тенге. На неё сделали скидку {p} %. Сколько тенге теперь стоит куртка?",
            "en": f"A jacket costs {price} tenge. It is {p}% off. How many tenge does it cost now?",
        },
        {
            "kk": f"Жеңілдік: {price} · {p} : 100 = {num(Fraction(price * p, 100), 'kk')} теңге. "
            f"Жаңа баға: {price} − {num(Fraction(price * p, 100), 'kk')} = {num(result, 'kk')} теңге.",
            "ru": f"Скидка: {price} · {p} : 100 = {num(Fraction(price * p, 100), 'ru')} тенге. "
            f"Новая цена: {price} − {num(Fraction(price * p, 100), 'ru')} = {num(result, 'ru')} тенге.",
            "en": f"The discount is {price} · {p} / 100 = {num(Fraction(price * p, 100), 'en')} tenge. "
            f"The new price is {price} − {num(Fraction(price * p, 100), 'en')} = {num(result, 'en')} tenge.",
        },
        result,
        f"Fraction({price}) * (100 - {p}) / 100",
    )


def linear(key, topic, difficulty, a, b, c, *, extended=False):
    """a·x + b = c (b may be negative)."""
    result = Fraction(c - b, a)
    sign = "+" if b >= 0 else "−"
    equation = f"{a}x {sign} {abs(b)} = {c}"
    moved = c - b
    return numeric(
        key,
        topic,
        difficulty,
        {
            "kk": f"Теңдеуді шешіңіз: {equation}. x-ті жазыңыз.",
            "ru": f"Решите уравнение: {equation}. Запишите x.",
            "en": f"Solve the equation {equation}. Write x.",
        },
        {
            "kk": f"{abs(b)} санын оң жаққа қарама-қарсы таңбамен көшіреміз: {a}x = {moved}. Екі жағын {a}-ге бөлеміз: x = {num(result, 'kk')}.",
            "ru": f"Переносим {abs(b)} вправо с противоположным знаком: {a}x = {moved}. Делим обе части на {a}: x = {num(result, 'ru')}.",
            "en": f"Move {abs(b)} to the right with the opposite sign: {a}x = {moved}. Divide both sides by {a}: x = {num(result, 'en')}.",
        },
        result,
        f"Fraction({c} - ({b}), {a})",
        tolerance="0.0001",
        extended=extended,
    )


def brackets(key, topic, difficulty, a, b, c, *, extended=False):
    """a·(x − b) = c."""
    result = Fraction(c, a) + b
    equation = f"{a}(x − {b}) = {c}"
    return numeric(
        key,
        topic,
        difficulty,
        {
            "kk": f"Теңдеуді шешіңіз: {equation}.",
            "ru": f"Решите уравнение: {equation}.",
            "en": f"Solve the equation {equation}.",
        },
        {
            "kk": f"Екі жағын {a}-ге бөлеміз: x − {b} = {num(Fraction(c, a), 'kk')}. Онда x = {num(Fraction(c, a), 'kk')} + {b} = {num(result, 'kk')}.",
            "ru": f"Делим обе части на {a}: x − {b} = {num(Fraction(c, a), 'ru')}. Значит, x = {num(Fraction(c, a), 'ru')} + {b} = {num(result, 'ru')}.",
            "en": f"Divide both sides by {a}: x − {b} = {num(Fraction(c, a), 'en')}. So x = {num(Fraction(c, a), 'en')} + {b} = {num(result, 'en')}.",
        },
        result,
        f"Fraction({c}, {a}) + {b}",
        tolerance="0.0001",
        extended=extended,
    )


def rectangle(key, topic, difficulty, length, width, what):
    result = 2 * (length + width) if what == "perimeter" else length * width
    unit = {"perimeter": ("см", "см", "cm"), "area": ("см²", "см²", "cm²")}[what]
    ask = {
        "perimeter": ("Периметрін табыңыз", "Найдите его периметр", "Find its perimeter"),
        "area": ("Ауданын табыңыз", "Найдите его площадь", "Find its area"),
    }[what]
    return numeric(
        key,
        topic,
        difficulty,
        {
            "kk": f"Тіктөртбұрыштың ұзындығы {length} см, ені {width} см. {ask[0]} ({unit[0]}).",
            "ru": f"Длина прямоугольника {length} см, ширина {width} см. {ask[1]} ({unit[1]}).",
            "en": f"A rectangle is {length} cm long and {width} cm wide. {ask[2]} ({unit[2]}).",
        },
        {
            "kk": f"P = 2 · ({length} + {width}) = {result} см."
            if what == "perimeter"
            else f"S = {length} · {width} = {result} см².",
            "ru": f"P = 2 · ({length} + {width}) = {result} см."
            if what == "perimeter"
            else f"S = {length} · {width} = {result} см².",
            "en": f"P = 2 · ({length} + {width}) = {result} cm."
            if what == "perimeter"
            else f"A = {length} · {width} = {result} cm².",
        },
        result,
        f"2 * ({length} + {width})" if what == "perimeter" else f"{length} * {width}",
    )


def third_angle(key, topic, difficulty, a, b):
    result = 180 - a - b
    return numeric(
        key,
        topic,
        difficulty,
        {
            "kk": f"Үшбұрыштың екі бұрышы {a}° және {b}°. Үшінші бұрышын табыңыз (градуспен).",
            "ru": f"Два угла треугольника равны {a}° и {b}°. Найдите третий угол (в градусах).",
            "en": f"Two angles of a triangle are {a}° and {b}°. Find the third angle (in degrees).",
        },
        {
            "kk": f"Үшбұрыш бұрыштарының қосындысы 180°: 180 − {a} − {b} = {result}°.",
            "ru": f"Сумма углов треугольника равна 180°: 180 − {a} − {b} = {result}°.",
            "en": f"The angles of a triangle add up to 180°: 180 − {a} − {b} = {result}°.",
        },
        result,
        f"180 - {a} - {b}",
    )


SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def power(key, topic, difficulty, base, exponent, *, extended=False):
    result = base**exponent
    shown = (
        f"{base}{str(exponent).translate(SUPERSCRIPT)}"
        if base >= 0
        else f"({base}){str(exponent).translate(SUPERSCRIPT)}"
    )
    steps = " · ".join([f"({base})" if base < 0 else str(base)] * exponent)
    return numeric(
        key,
        topic,
        difficulty,
        {"kk": f"Есептеңіз: {shown}.", "ru": f"Вычислите: {shown}.", "en": f"Compute {shown}."},
        {
            "kk": f"{shown} = {steps} = {result}.",
            "ru": f"{shown} = {steps} = {result}.",
            "en": f"{shown} = {steps} = {result}.",
        },
        result,
        f"({base}) ** {exponent}",
        extended=extended,
    )


def proportion(key, topic, difficulty, kg, price, want):
    result = Fraction(price, kg) * want
    return numeric(
        key,
        topic,
        difficulty,
        {
            "kk": f"{kg} кг алма {price} теңге тұрады. Осындай {want} кг алма қанша теңге тұрады?",
            "ru": f"{kg} кг яблок стоят {price} тенге. Сколько тенге стоят {want} кг таких яблок?",
            "en": f"{kg} kg of apples cost {price} tenge. How many tenge do {want} kg of the same apples cost?",
        },
        {
            "kk": f"1 кг: {price} : {kg} = {num(Fraction(price, kg), 'kk')} теңге. {want} кг: {num(Fraction(price, kg), 'kk')} · {want} = {num(result, 'kk')} теңге.",
            "ru": f"1 кг: {price} : {kg} = {num(Fraction(price, kg), 'ru')} тенге. {want} кг: {num(Fraction(price, kg), 'ru')} · {want} = {num(result, 'ru')} тенге.",
            "en": f"1 kg costs {price} / {kg} = {num(Fraction(price, kg), 'en')} tenge, so {want} kg cost {num(Fraction(price, kg), 'en')} · {want} = {num(result, 'en')} tenge.",
        },
        result,
        f"Fraction({price}, {kg}) * {want}",
    )


def triangle_area(key, topic, difficulty, base, height, *, extended=False):
    result = Fraction(base * height, 2)
    return numeric(
        key,
        topic,
        difficulty,
        {
            "kk": f"Үшбұрыштың табаны {base} см, оған түсірілген биіктігі {height} см. Ауданын табыңыз (см²).",
            "ru": f"Основание треугольника {base} см, высота, проведённая к нему, {height} см. Найдите площадь (см²).",
            "en": f"A triangle has a base of {base} cm and a height of {height} cm to that base. Find its area (cm²).",
        },
        {
            "kk": f"S = табан · биіктік : 2 = {base} · {height} : 2 = {num(result, 'kk')} см².",
            "ru": f"S = основание · высота : 2 = {base} · {height} : 2 = {num(result, 'ru')} см².",
            "en": f"A = base · height / 2 = {base} · {height} / 2 = {num(result, 'en')} cm².",
        },
        result,
        f"Fraction({base} * {height}, 2)",
        tolerance="0.001",
        extended=extended,
    )


# --- The tasks ----------------------------------------------------------------------------
