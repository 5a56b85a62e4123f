"""Mathematics for grades 4-7 in kk, ru and en: topics, tasks, tests.

Loaded by ``manage.py load_content`` (idempotent; content, so production loads it too). Every
task carries ``check``: a Python expression over ``Fraction`` and ``Decimal`` that recomputes
its answer independently of the stored key; tests/learning/test_content.py evaluates each one
and compares it with the key, and checks that every text exists in all three languages.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from math import gcd

LANGS = ("kk", "ru", "en")

SUBJECT = {"key": "mathematics", "kk": "Математика", "ru": "Математика", "en": "Mathematics"}

TOPICS = [
    # key, grade, order, kk, ru, en
    ("g4-fractions", 4, 1, "Жай бөлшектер", "Обыкновенные дроби", "Simple fractions"),
    ("g4-geometry", 4, 2, "Периметр және аудан", "Периметр и площадь", "Perimeter and area"),
    ("g4-word-problems", 4, 3, "Мәтінді есептер", "Текстовые задачи", "Word problems"),
    (
        "g5-fractions",
        5,
        1,
        "Бөлшектерді қосу және азайту",
        "Сложение и вычитание дробей",
        "Adding and subtracting fractions",
    ),
    ("g5-decimals", 5, 2, "Ондық бөлшектер", "Десятичные дроби", "Decimals"),
    ("g5-angles", 5, 3, "Бұрыштар және үшбұрыштар", "Углы и треугольники", "Angles and triangles"),
    ("g6-percentages", 6, 1, "Пайыздар", "Проценты", "Percentages"),
    ("g6-proportions", 6, 2, "Қатынастар мен пропорциялар", "Отношения и пропорции", "Ratios and proportions"),
    ("g6-equations", 6, 3, "Сызықтық теңдеулер", "Линейные уравнения", "Linear equations"),
    ("g7-equations", 7, 1, "Жақшасы бар теңдеулер", "Уравнения со скобками", "Equations with brackets"),
    ("g7-powers", 7, 2, "Дәрежелер", "Степени", "Powers"),
    ("g7-geometry", 7, 3, "Үшбұрыштың бұрыштары мен ауданы", "Углы и площадь треугольника", "Triangle angles and area"),
]


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

TASKS: list[dict] = [
    # Grade 4: simple fractions
    fraction_of("g4-fr-of-1", "g4-fractions", 1, 1, 4, 20),
    fraction_of("g4-fr-of-2", "g4-fractions", 1, 3, 5, 40),
    fraction_of("g4-fr-of-3", "g4-fractions", 2, 2, 3, 36),
    fraction_sum("g4-fr-same-1", "g4-fractions", 1, 2, 7, 3, 7),
    fraction_sum("g4-fr-same-2", "g4-fractions", 1, 7, 9, 4, 9, "-"),
    choice(
        "g4-fr-compare",
        "g4-fractions",
        2,
        {
            "kk": "Қай бөлшек ең үлкен?",
            "ru": "Какая дробь самая большая?",
            "en": "Which fraction is the largest?",
        },
        {
            "kk": "Ортақ бөлімге келтіреміз (120): 2/3 = 80/120, 3/5 = 72/120, 5/8 = 75/120, 7/12 = 70/120. Ең үлкені — 2/3.",
            "ru": "Приводим к общему знаменателю 120: 2/3 = 80/120, 3/5 = 72/120, 5/8 = 75/120, 7/12 = 70/120. Больше всех 2/3.",
            "en": "With the common denominator 120: 2/3 = 80/120, 3/5 = 72/120, 5/8 = 75/120, 7/12 = 70/120. The largest is 2/3.",
        },
        [
            ("2/3", "2/3", "2/3", True),
            ("3/5", "3/5", "3/5", False),
            ("5/8", "5/8", "5/8", False),
            ("7/12", "7/12", "7/12", False),
        ],
        "max(['2/3', '3/5', '5/8', '7/12'], key=Fraction)",
    ),
    # Grade 4: perimeter and area
    rectangle("g4-rect-p-1", "g4-geometry", 1, 7, 4, "perimeter"),
    rectangle("g4-rect-s-1", "g4-geometry", 1, 9, 6, "area"),
    rectangle("g4-rect-p-2", "g4-geometry", 2, 15, 8, "perimeter"),
    rectangle("g4-rect-s-2", "g4-geometry", 2, 12, 11, "area"),
    numeric(
        "g4-square-side",
        "g4-geometry",
        2,
        {
            "kk": "Шаршының периметрі 36 см. Оның қабырғасы неше сантиметр?",
            "ru": "Периметр квадрата 36 см. Сколько сантиметров его сторона?",
            "en": "A square has a perimeter of 36 cm. How many centimetres long is its side?",
        },
        {
            "kk": "Шаршының 4 қабырғасы тең: 36 : 4 = 9 см.",
            "ru": "У квадрата 4 равные стороны: 36 : 4 = 9 см.",
            "en": "A square has 4 equal sides: 36 / 4 = 9 cm.",
        },
        9,
        "36 // 4",
    ),
    # Grade 4: word problems
    numeric(
        "g4-wp-books",
        "g4-word-problems",
        1,
        {
            "kk": "Сөреде 48 кітап тұр. Айгерім оның 15-ін алды, сосын 9 кітап қойды. Сөреде неше кітап болды?",
            "ru": "На полке 48 книг. Айгерим взяла 15 книг, потом поставила 9. Сколько книг стало на полке?",
            "en": "A shelf holds 48 books. Aigerim takes 15 and later puts 9 back. How many books are on the shelf now?",
        },
        by_lang(lambda lang: "48 − 15 + 9 = 42."),
        42,
        "48 - 15 + 9",
    ),
    numeric(
        "g4-wp-bus",
        "g4-word-problems",
        1,
        {
            "kk": "Автобуста 6 қатар орындық бар, әр қатарда 4 орын. Автобуста барлығы неше орын?",
            "ru": "В автобусе 6 рядов сидений, в каждом ряду 4 места. Сколько всего мест в автобусе?",
            "en": "A bus has 6 rows of seats with 4 seats in each row. How many seats are there?",
        },
        by_lang(lambda lang: "6 · 4 = 24."),
        24,
        "6 * 4",
    ),
    numeric(
        "g4-wp-speed",
        "g4-word-problems",
        2,
        {
            "kk": "Велосипедші 3 сағат бойы 14 км/сағ жылдамдықпен жүрді. Ол неше километр жүрді?",
            "ru": "Велосипедист ехал 3 часа со скоростью 14 км/ч. Сколько километров он проехал?",
            "en": "A cyclist rides for 3 hours at 14 km/h. How many kilometres does she cover?",
        },
        {
            "kk": "Жол = жылдамдық · уақыт = 14 · 3 = 42 км.",
            "ru": "Путь = скорость · время = 14 · 3 = 42 км.",
            "en": "Distance = speed · time = 14 · 3 = 42 km.",
        },
        42,
        "14 * 3",
    ),
    numeric(
        "g4-wp-money",
        "g4-word-problems",
        2,
        {
            "kk": "Дәптер 150 теңге, қалам 90 теңге тұрады. Тимур 3 дәптер мен 2 қалам сатып алды. Ол неше теңге төледі?",
            "ru": "Тетрадь стоит 150 тенге, ручка — 90 тенге. Тимур купил 3 тетради и 2 ручки. Сколько тенге он заплатил?",
            "en": "A notebook costs 150 tenge and a pen 90 tenge. Timur buys 3 notebooks and 2 pens. How many tenge does he pay?",
        },
        by_lang(lambda lang: "3 · 150 + 2 · 90 = 450 + 180 = 630."),
        630,
        "3 * 150 + 2 * 90",
    ),
    numeric(
        "g4-wp-share",
        "g4-word-problems",
        3,
        {
            "kk": "72 алманы 3 себетке бөлді: біріншісіне екіншісінен 2 есе көп, үшіншісіне екіншісіндей салды. Бірінші себетте неше алма бар?",
            "ru": "72 яблока разложили в 3 корзины: в первую в 2 раза больше, чем во вторую, а в третью столько же, сколько во вторую. Сколько яблок в первой корзине?",
            "en": "72 apples go into 3 baskets: the first gets twice as many as the second, and the third as many as the second. How many apples are in the first basket?",
        },
        {
            "kk": "Екінші себеттегі алманы 1 бөлік десек, барлығы 2 + 1 + 1 = 4 бөлік. 1 бөлік = 72 : 4 = 18, бірінші себетте 2 · 18 = 36.",
            "ru": "Пусть во второй корзине 1 часть, тогда всего 2 + 1 + 1 = 4 части. 1 часть = 72 : 4 = 18, в первой 2 · 18 = 36.",
            "en": "Call the second basket 1 part; together that is 2 + 1 + 1 = 4 parts. One part is 72 / 4 = 18, so the first holds 2 · 18 = 36.",
        },
        36,
        "2 * (72 // 4)",
    ),
    # Grade 5: adding and subtracting fractions
    fraction_sum("g5-fr-add-1", "g5-fractions", 1, 1, 2, 1, 4),
    fraction_sum("g5-fr-add-2", "g5-fractions", 2, 2, 3, 1, 5),
    fraction_sum("g5-fr-add-3", "g5-fractions", 2, 3, 4, 5, 6),
    fraction_sum("g5-fr-sub-1", "g5-fractions", 1, 5, 6, 1, 3, "-"),
    fraction_sum("g5-fr-sub-2", "g5-fractions", 2, 7, 8, 2, 3, "-"),
    short(
        "g5-fr-simplify",
        "g5-fractions",
        1,
        {
            "kk": "12/18 бөлшегін қысқартыңыз. Жауапты бөлшек түрінде жазыңыз.",
            "ru": "Сократите дробь 12/18. Запишите ответ дробью.",
            "en": "Simplify the fraction 12/18. Write the answer as a fraction.",
        },
        {
            "kk": "12 мен 18-дің ең үлкен ортақ бөлгіші — 6: 12/18 = 2/3.",
            "ru": "Наибольший общий делитель 12 и 18 равен 6: 12/18 = 2/3.",
            "en": "The greatest common divisor of 12 and 18 is 6: 12/18 = 2/3.",
        },
        ["2/3"],
        "str(Fraction(12, 18))",
    ),
    choice(
        "g5-fr-equal-half",
        "g5-fractions",
        2,
        {
            "kk": "Қай бөлшектер 1/2-ге тең? Барлығын белгілеңіз.",
            "ru": "Какие дроби равны 1/2? Отметьте все.",
            "en": "Which fractions are equal to 1/2? Choose all.",
        },
        {
            "kk": "Алымы бөлімінің жартысына тең болса, бөлшек 1/2-ге тең: 3/6 және 7/14.",
            "ru": "Дробь равна 1/2, если числитель вдвое меньше знаменателя: 3/6 и 7/14.",
            "en": "A fraction equals 1/2 when its numerator is half its denominator: 3/6 and 7/14.",
        },
        [
            ("3/6", "3/6", "3/6", True),
            ("4/6", "4/6", "4/6", False),
            ("7/14", "7/14", "7/14", True),
            ("5/8", "5/8", "5/8", False),
        ],
        "[f for f in ['3/6', '4/6', '7/14', '5/8'] if Fraction(f) == Fraction(1, 2)]",
        multiple=True,
    ),
    # Grade 5: decimals
    decimal_op("g5-dec-add-1", "g5-decimals", 1, "2.5", "1.75", "+"),
    decimal_op("g5-dec-sub-1", "g5-decimals", 1, "7.2", "3.45", "-"),
    decimal_op("g5-dec-mul-1", "g5-decimals", 2, "1.2", "0.5", "*"),
    decimal_op("g5-dec-mul-2", "g5-decimals", 2, "3.4", "2.5", "*"),
    short(
        "g5-dec-to-fraction",
        "g5-decimals",
        2,
        {
            "kk": "0,25 ондық бөлшегін қысқартылмайтын жай бөлшек түрінде жазыңыз.",
            "ru": "Запишите десятичную дробь 0,25 несократимой обыкновенной дробью.",
            "en": "Write the decimal 0.25 as a fraction in lowest terms.",
        },
        {
            "kk": "0,25 = 25/100 = 1/4.",
            "ru": "0,25 = 25/100 = 1/4.",
            "en": "0.25 = 25/100 = 1/4.",
        },
        ["1/4"],
        "str(Fraction(Decimal('0.25')))",
    ),
    choice(
        "g5-dec-compare",
        "g5-decimals",
        1,
        {"kk": "Қай сан ең кіші?", "ru": "Какое число самое маленькое?", "en": "Which number is the smallest?"},
        {
            "kk": "Разрядтарды салыстырамыз: 0,305 < 0,35 < 0,5 < 0,53.",
            "ru": "Сравниваем по разрядам: 0,305 < 0,35 < 0,5 < 0,53.",
            "en": "Compare digit by digit: 0.305 < 0.35 < 0.5 < 0.53.",
        },
        [
            ("0,35", "0,35", "0.35", False),
            ("0,305", "0,305", "0.305", True),
            ("0,5", "0,5", "0.5", False),
            ("0,53", "0,53", "0.53", False),
        ],
        "min(['0.35', '0.305', '0.5', '0.53'], key=Decimal)",
    ),
    # Grade 5: angles and triangles
    third_angle("g5-angle-1", "g5-angles", 1, 50, 60),
    third_angle("g5-angle-2", "g5-angles", 2, 35, 95),
    choice(
        "g5-angle-obtuse",
        "g5-angles",
        1,
        {"kk": "Қай бұрыш доғал?", "ru": "Какой угол тупой?", "en": "Which angle is obtuse?"},
        {
            "kk": "Доғал бұрыш 90°-тан үлкен, бірақ 180°-тан кіші: 120°.",
            "ru": "Тупой угол больше 90°, но меньше 180°: 120°.",
            "en": "An obtuse angle is greater than 90° and less than 180°: 120°.",
        },
        [
            ("45°", "45°", "45°", False),
            ("90°", "90°", "90°", False),
            ("120°", "120°", "120°", True),
            ("180°", "180°", "180°", False),
        ],
        "[a for a in ['45°', '90°', '120°', '180°'] if 90 < int(a.rstrip('°')) < 180][0]",
    ),
    numeric(
        "g5-angle-adjacent",
        "g5-angles",
        2,
        {
            "kk": "Екі сыбайлас бұрыштың бірі 70°. Екіншісін табыңыз (градуспен).",
            "ru": "Один из двух смежных углов равен 70°. Найдите другой (в градусах).",
            "en": "One of two adjacent angles on a straight line is 70°. Find the other (in degrees).",
        },
        {
            "kk": "Сыбайлас бұрыштардың қосындысы 180°: 180 − 70 = 110°.",
            "ru": "Сумма смежных углов равна 180°: 180 − 70 = 110°.",
            "en": "Adjacent angles on a line add up to 180°: 180 − 70 = 110°.",
        },
        110,
        "180 - 70",
    ),
    short(
        "g5-triangle-name",
        "g5-angles",
        1,
        {
            "kk": "Барлық қабырғалары тең үшбұрыш қалай аталады? Бір сөзбен жазыңыз.",
            "ru": "Как называется треугольник, у которого все стороны равны? Напишите одним словом.",
            "en": "What is a triangle with all sides equal called? Write one word.",
        },
        {
            "kk": "Барлық қабырғасы тең үшбұрыш — теңқабырғалы үшбұрыш. Оның әр бұрышы 60°.",
            "ru": "Треугольник с равными сторонами — равносторонний. Каждый его угол равен 60°.",
            "en": "A triangle with all sides equal is equilateral. Each of its angles is 60°.",
        },
        ["теңқабырғалы", "равносторонний", "equilateral"],
        None,
    ),
    # Grade 6: percentages
    percent_of("g6-pct-of-1", "g6-percentages", 1, 10, 250),
    percent_of("g6-pct-of-2", "g6-percentages", 1, 25, 84),
    percent_of("g6-pct-of-3", "g6-percentages", 2, 15, 80),
    percent_share("g6-pct-share-1", "g6-percentages", 2, 12, 48),
    percent_share("g6-pct-share-2", "g6-percentages", 2, 9, 36),
    discount("g6-pct-discount-1", "g6-percentages", 2, 12000, 20),
    discount("g6-pct-discount-2", "g6-percentages", 3, 8500, 30),
    numeric(
        "g6-pct-class",
        "g6-percentages",
        2,
        {
            "kk": "Сыныпта 25 оқушы бар, оның 60 %-ы қыздар. Сыныпта неше ұл бар?",
            "ru": "В классе 25 учеников, 60 % из них — девочки. Сколько в классе мальчиков?",
            "en": "A class has 25 students and 60% of them are girls. How many boys are there?",
        },
        {
            "kk": "Ұлдар 100 % − 60 % = 40 %: 25 · 40 : 100 = 10.",
            "ru": "Мальчиков 100 % − 60 % = 40 %: 25 · 40 : 100 = 10.",
            "en": "Boys make up 100% − 60% = 40%: 25 · 40 / 100 = 10.",
        },
        10,
        "25 * (100 - 60) // 100",
    ),
    # Grade 6: ratios and proportions
    proportion("g6-prop-apples-1", "g6-proportions", 1, 3, 1200, 5),
    proportion("g6-prop-apples-2", "g6-proportions", 2, 4, 1800, 6),
    numeric(
        "g6-prop-ratio",
        "g6-proportions",
        2,
        {
            "kk": "Ұлдар мен қыздардың саны 2 : 3 қатынасындай. Барлығы 30 оқушы. Неше қыз бар?",
            "ru": "Мальчики и девочки относятся как 2 : 3. Всего 30 учеников. Сколько девочек?",
            "en": "Boys and girls are in the ratio 2 : 3. There are 30 students. How many girls are there?",
        },
        {
            "kk": "Барлығы 2 + 3 = 5 бөлік, 1 бөлік = 30 : 5 = 6. Қыздар: 3 · 6 = 18.",
            "ru": "Всего 2 + 3 = 5 частей, 1 часть = 30 : 5 = 6. Девочек: 3 · 6 = 18.",
            "en": "There are 2 + 3 = 5 parts and one part is 30 / 5 = 6. Girls: 3 · 6 = 18.",
        },
        18,
        "30 // (2 + 3) * 3",
    ),
    numeric(
        "g6-prop-solve",
        "g6-proportions",
        2,
        {
            "kk": "Пропорциядан x-ті табыңыз: x : 6 = 10 : 15.",
            "ru": "Найдите x из пропорции: x : 6 = 10 : 15.",
            "en": "Find x in the proportion x : 6 = 10 : 15.",
        },
        {
            "kk": "Шеткі мүшелердің көбейтіндісі ортаңғы мүшелердің көбейтіндісіне тең: 15x = 60, x = 4.",
            "ru": "Произведение крайних членов равно произведению средних: 15x = 60, x = 4.",
            "en": "The product of the outer terms equals the product of the inner terms: 15x = 60, so x = 4.",
        },
        4,
        "Fraction(6 * 10, 15)",
    ),
    numeric(
        "g6-prop-map",
        "g6-proportions",
        3,
        {
            "kk": "Картаның масштабы 1 : 100 000. Картадағы 7 см жердегі неше километрге сәйкес келеді?",
            "ru": "Масштаб карты 1 : 100 000. Скольким километрам на местности соответствуют 7 см на карте?",
            "en": "A map has the scale 1 : 100 000. How many kilometres on the ground do 7 cm on the map show?",
        },
        {
            "kk": "7 см · 100 000 = 700 000 см = 7 000 м = 7 км.",
            "ru": "7 см · 100 000 = 700 000 см = 7 000 м = 7 км.",
            "en": "7 cm · 100 000 = 700 000 cm = 7 000 m = 7 km.",
        },
        7,
        "Fraction(7 * 100000, 100 * 1000)",
    ),
    # Grade 6: linear equations
    linear("g6-eq-1", "g6-equations", 1, 3, 5, 20),
    linear("g6-eq-2", "g6-equations", 1, 4, -7, 13),
    linear("g6-eq-3", "g6-equations", 2, 5, 12, 2),
    linear("g6-eq-4", "g6-equations", 2, 2, 9, 4),
    choice(
        "g6-eq-root",
        "g6-equations",
        1,
        {
            "kk": "Қай сан 2x − 3 = 7 теңдеуінің түбірі?",
            "ru": "Какое число является корнем уравнения 2x − 3 = 7?",
            "en": "Which number is a solution of 2x − 3 = 7?",
        },
        {
            "kk": "Тексереміз: 2 · 5 − 3 = 7. Түбірі — 5.",
            "ru": "Проверяем: 2 · 5 − 3 = 7. Корень — 5.",
            "en": "Check: 2 · 5 − 3 = 7. The solution is 5.",
        },
        [("2", "2", "2", False), ("5", "5", "5", True), ("7", "7", "7", False), ("10", "10", "10", False)],
        "[x for x in ['2', '5', '7', '10'] if 2 * int(x) - 3 == 7][0]",
    ),
    short(
        "g6-eq-like-terms",
        "g6-equations",
        1,
        {
            "kk": "Өрнекті ықшамдаңыз: 3a + 5a − 2a.",
            "ru": "Упростите выражение: 3a + 5a − 2a.",
            "en": "Simplify the expression 3a + 5a − 2a.",
        },
        {
            "kk": "Ұқсас мүшелердің коэффициенттерін қосамыз: (3 + 5 − 2)a = 6a.",
            "ru": "Складываем коэффициенты подобных слагаемых: (3 + 5 − 2)a = 6a.",
            "en": "Add the coefficients of the like terms: (3 + 5 − 2)a = 6a.",
        },
        ["6a"],
        "f'{3 + 5 - 2}a'",
    ),
    # Grade 7: equations with brackets
    brackets("g7-br-1", "g7-equations", 1, 3, 2, 15),
    brackets("g7-br-2", "g7-equations", 2, 4, 5, 10),
    brackets("g7-br-3", "g7-equations", 2, 6, 1, -9),
    numeric(
        "g7-eq-both-sides",
        "g7-equations",
        2,
        {
            "kk": "Теңдеуді шешіңіз: 5x − 4 = 2x + 11.",
            "ru": "Решите уравнение: 5x − 4 = 2x + 11.",
            "en": "Solve the equation 5x − 4 = 2x + 11.",
        },
        {
            "kk": "x бар мүшелерді сол жаққа, сандарды оң жаққа жинаймыз: 5x − 2x = 11 + 4, 3x = 15, x = 5.",
            "ru": "Собираем x слева, числа справа: 5x − 2x = 11 + 4, 3x = 15, x = 5.",
            "en": "Collect x on the left and numbers on the right: 5x − 2x = 11 + 4, 3x = 15, x = 5.",
        },
        5,
        "Fraction(11 + 4, 5 - 2)",
    ),
    numeric(
        "g7-eq-word",
        "g7-equations",
        3,
        {
            "kk": "Үш қатарлас натурал санның қосындысы 84. Олардың ең кішісін табыңыз.",
            "ru": "Сумма трёх последовательных натуральных чисел равна 84. Найдите наименьшее из них.",
            "en": "Three consecutive whole numbers add up to 84. Find the smallest of them.",
        },
        {
            "kk": "Сандар: n, n + 1, n + 2. 3n + 3 = 84, 3n = 81, n = 27.",
            "ru": "Числа: n, n + 1, n + 2. 3n + 3 = 84, 3n = 81, n = 27.",
            "en": "The numbers are n, n + 1 and n + 2: 3n + 3 = 84, 3n = 81, n = 27.",
        },
        27,
        "Fraction(84 - 3, 3)",
        extended=True,
    ),
    numeric(
        "g7-eq-age",
        "g7-equations",
        3,
        {
            "kk": "Әке баласынан 4 есе үлкен, ал 20 жылдан кейін 2 есе үлкен болады. Бала қазір неше жаста?",
            "ru": "Отец в 4 раза старше сына, а через 20 лет будет старше в 2 раза. Сколько лет сыну сейчас?",
            "en": "A father is 4 times as old as his son; in 20 years he will be twice as old. How old is the son now?",
        },
        {
            "kk": "Бала x жаста, әке 4x. 4x + 20 = 2(x + 20), 4x + 20 = 2x + 40, 2x = 20, x = 10.",
            "ru": "Сыну x лет, отцу 4x. 4x + 20 = 2(x + 20), 4x + 20 = 2x + 40, 2x = 20, x = 10.",
            "en": "The son is x, the father 4x. 4x + 20 = 2(x + 20), so 4x + 20 = 2x + 40, 2x = 20, x = 10.",
        },
        10,
        "Fraction(2 * 20 - 20, 4 - 2)",
        extended=True,
    ),
    # Grade 7: powers
    power("g7-pow-1", "g7-powers", 1, 2, 5),
    power("g7-pow-2", "g7-powers", 1, 3, 4),
    power("g7-pow-3", "g7-powers", 2, -2, 3),
    numeric(
        "g7-pow-product",
        "g7-powers",
        2,
        {
            "kk": "Есептеңіз: 2³ · 2² (дәреже қасиетін қолданыңыз).",
            "ru": "Вычислите: 2³ · 2² (используйте свойство степеней).",
            "en": "Compute 2³ · 2² (use the rule for powers).",
        },
        {
            "kk": "Негіздері бірдей дәрежелерді көбейткенде көрсеткіштер қосылады: 2³ · 2² = 2⁵ = 32.",
            "ru": "При умножении степеней с одинаковым основанием показатели складываются: 2³ · 2² = 2⁵ = 32.",
            "en": "Multiplying powers of the same base adds the exponents: 2³ · 2² = 2⁵ = 32.",
        },
        32,
        "2 ** (3 + 2)",
    ),
    numeric(
        "g7-pow-quotient",
        "g7-powers",
        3,
        {
            "kk": "Есептеңіз: 5⁷ : 5⁵.",
            "ru": "Вычислите: 5⁷ : 5⁵.",
            "en": "Compute 5⁷ ÷ 5⁵.",
        },
        {
            "kk": "Негіздері бірдей дәрежелерді бөлгенде көрсеткіштер азаяды: 5⁷ : 5⁵ = 5² = 25.",
            "ru": "При делении степеней с одинаковым основанием показатели вычитаются: 5⁷ : 5⁵ = 5² = 25.",
            "en": "Dividing powers of the same base subtracts the exponents: 5⁷ ÷ 5⁵ = 5² = 25.",
        },
        25,
        "5 ** (7 - 5)",
        extended=True,
    ),
    # Grade 7: triangle angles and area
    third_angle("g7-angle-1", "g7-geometry", 1, 47, 68),
    triangle_area("g7-area-1", "g7-geometry", 1, 10, 6),
    triangle_area("g7-area-2", "g7-geometry", 2, 9, 7),
    numeric(
        "g7-isosceles",
        "g7-geometry",
        2,
        {
            "kk": "Теңбүйірлі үшбұрыштың табанындағы бұрышы 40°. Төбесіндегі бұрышын табыңыз (градуспен).",
            "ru": "Угол при основании равнобедренного треугольника равен 40°. Найдите угол при вершине (в градусах).",
            "en": "In an isosceles triangle each base angle is 40°. Find the angle at the apex (in degrees).",
        },
        {
            "kk": "Табанындағы бұрыштар тең: 180 − 40 − 40 = 100°.",
            "ru": "Углы при основании равны: 180 − 40 − 40 = 100°.",
            "en": "The base angles are equal: 180 − 40 − 40 = 100°.",
        },
        100,
        "180 - 2 * 40",
    ),
    numeric(
        "g7-exterior",
        "g7-geometry",
        3,
        {
            "kk": "Үшбұрыштың сыртқы бұрышы 130°, онымен сыбайлас емес ішкі бұрыштарының бірі 55°. Екінші сыбайлас емес ішкі бұрышын табыңыз.",
            "ru": "Внешний угол треугольника равен 130°, один из не смежных с ним внутренних углов равен 55°. Найдите другой не смежный с ним внутренний угол.",
            "en": "An exterior angle of a triangle is 130° and one of the two interior angles not next to it is 55°. Find the other one.",
        },
        {
            "kk": "Сыртқы бұрыш онымен сыбайлас емес екі ішкі бұрыштың қосындысына тең: 130 − 55 = 75°.",
            "ru": "Внешний угол равен сумме двух внутренних углов, не смежных с ним: 130 − 55 = 75°.",
            "en": "An exterior angle equals the sum of the two interior angles not next to it: 130 − 55 = 75°.",
        },
        75,
        "130 - 55",
        extended=True,
    ),
    triangle_area("g7-area-3", "g7-geometry", 3, 13, 8, extended=True),
    choice(
        "g7-triangle-exists",
        "g7-geometry",
        2,
        {
            "kk": "Қай үш кесіндіден үшбұрыш құруға болады? Барлығын белгілеңіз.",
            "ru": "Из каких трёх отрезков можно построить треугольник? Отметьте все.",
            "en": "Which sets of three segments can form a triangle? Choose all.",
        },
        {
            "kk": "Әр қабырға қалған екеуінің қосындысынан кіші болуы керек: 3, 4, 5 және 5, 5, 8 жарайды; 2, 3, 6 (2 + 3 < 6) және 1, 2, 3 (1 + 2 = 3) жарамайды.",
            "ru": "Каждая сторона должна быть меньше суммы двух других: подходят 3, 4, 5 и 5, 5, 8; не подходят 2, 3, 6 (2 + 3 < 6) и 1, 2, 3 (1 + 2 = 3).",
            "en": "Each side must be shorter than the other two together: 3, 4, 5 and 5, 5, 8 work; 2, 3, 6 (2 + 3 < 6) and 1, 2, 3 (1 + 2 = 3) do not.",
        },
        [
            ("3, 4, 5", "3, 4, 5", "3, 4, 5", True),
            ("2, 3, 6", "2, 3, 6", "2, 3, 6", False),
            ("5, 5, 8", "5, 5, 8", "5, 5, 8", True),
            ("1, 2, 3", "1, 2, 3", "1, 2, 3", False),
        ],
        "[s for s in ['3, 4, 5', '2, 3, 6', '5, 5, 8', '1, 2, 3'] "
        "if (lambda a, b, c: a + b > c and a + c > b and b + c > a)(*map(int, s.split(', ')))]",
        multiple=True,
    ),
]

QUIZZES = [
    # key, topic key, time limit (minutes), extended, titles (kk, ru, en), task keys
    (
        "fractions-check",
        "g5-fractions",
        15,
        False,
        ("Бөлшектер: тексеру жұмысы", "Дроби: проверочная работа", "Fractions: check-up"),
        ["g5-fr-add-1", "g5-fr-add-2", "g5-fr-sub-1", "g5-fr-simplify", "g5-fr-equal-half"],
    ),
    (
        "percentages-check",
        "g6-percentages",
        10,
        False,
        ("Пайыздар: тексеру жұмысы", "Проценты: проверочная работа", "Percentages: check-up"),
        ["g6-pct-of-1", "g6-pct-of-3", "g6-pct-share-1", "g6-pct-discount-1", "g6-pct-class"],
    ),
    (
        "equations-practice",
        "g6-equations",
        None,
        False,
        ("Теңдеулер: жаттығу", "Уравнения: тренировка", "Equations: practice"),
        ["g6-eq-1", "g6-eq-2", "g6-eq-root", "g7-br-1", "g7-eq-both-sides"],
    ),
    (
        "olympiad-warm-up",
        "g7-equations",
        20,
        True,
        ("Олимпиадаға дайындық", "Разминка перед олимпиадой", "Olympiad warm-up"),
        ["g7-eq-word", "g7-eq-age", "g7-pow-quotient", "g7-exterior", "g7-area-3"],
    ),
]
