"""Grade 2 generators and their verifiers for the topics: measurement, word problems, data.

Split from ``grade02`` by chapter (the data files in content/data/grade-02); the helpers they
share stay there."""

from qalan.trainer.content.generators.grade01 import person, two_people
from qalan.trainer.content.generators.grade02 import _whole
from qalan.trainer.content.kazakh import with_case
from qalan.trainer.content.registry import generator, verifier

# ---- measurement ----------------------------------------------------------------------------------

LENGTH_TASKS = ("dm_cm", "dmcm_cm", "m_dm", "cm_dm", "m_cm")


@generator("g02_length_units")
def g02_length_units(rng, options):
    """Length units: d dm = □ cm, d dm c cm = □ cm, m m = □ dm, k·10 cm = □ dm, 1 m = □ cm."""
    kind = rng.choice(options.get("kinds", list(LENGTH_TASKS)))
    d, c = rng.randint(1, 9), rng.randint(1, 9)
    if kind == "dm_cm":
        values, result = {"given": f"{d} дм", "d": d}, d * 10
    elif kind == "dmcm_cm":
        values, result = {"d": d, "c": c}, d * 10 + c
    elif kind == "m_dm":
        values, result = {"d": d}, d * 10
    elif kind == "cm_dm":
        values, result = {"d": d * 10}, d
    else:
        values, result = {"d": 1}, 100
    text = LENGTH_TEXTS[kind]
    task = {lang: text[lang].format(**values) for lang in text}
    done = {lang: t.replace("□", str(result)) for lang, t in task.items()}
    return {
        "values": {"task": task, "done": done, "kind": kind, "d": values["d"], "result": result},
        "key": str(result),
    }


# What is asked, in each language's unit abbreviations; the box is the answer.
LENGTH_TEXTS = {
    "dm_cm": {"kk": "{d} дм = □ см", "ru": "{d} дм = □ см", "en": "{d} dm = □ cm", "uz": "{d} dm = □ sm"},
    "dmcm_cm": {
        "kk": "{d} дм {c} см = □ см",
        "ru": "{d} дм {c} см = □ см",
        "en": "{d} dm {c} cm = □ cm",
        "uz": "{d} dm {c} sm = □ sm",
    },
    "m_dm": {"kk": "{d} м = □ дм", "ru": "{d} м = □ дм", "en": "{d} m = □ dm", "uz": "{d} m = □ dm"},
    "cm_dm": {"kk": "{d} см = □ дм", "ru": "{d} см = □ дм", "en": "{d} cm = □ dm", "uz": "{d} sm = □ dm"},
    "m_cm": {"kk": "{d} м = □ см", "ru": "{d} м = □ см", "en": "{d} m = □ cm", "uz": "{d} m = □ sm"},
}


@verifier("g02_length_units")
def g02_length_units_verify(values, key):
    # Everything in centimetres: 1 dm = 10 cm, 1 m = 100 cm.
    cm = {"cm": 1, "dm": 10, "m": 100}
    left, right = values["task"]["en"].split("=")
    parts = left.split()
    total = sum(int(n) * cm[u] for n, u in zip(parts[::2], parts[1::2], strict=True))
    unit = right.split()[-1]
    return total % cm[unit] == 0 and total // cm[unit] == int(key) and _whole(key, 1, 100)


@generator("g02_perimeter")
def g02_perimeter(rng, options):
    """A triangle, a quadrilateral or a pentagon with whole sides; the perimeter at most 100."""
    while True:
        n = rng.randint(3, 5)
        sides = [rng.randint(2, 25) for _ in range(n)]
        if n == 3 and max(sides) * 2 >= sum(sides):
            continue  # the triangle must exist
        if max(sides) * 2 >= sum(sides):
            continue
        if sum(sides) <= 100:
            break
    name = POLYGON_NAMES[n]
    return {
        "values": {
            "sides": sides,
            "n": n,
            "shape": name,
            "sum_text": " + ".join(map(str, sides)),
            "result": sum(sides),
            **person(rng),
        },
        "key": str(sum(sides)),
    }


POLYGON_NAMES = {
    3: {"kk": "үшбұрыш", "ru": "треугольник", "en": "triangle", "uz": "uchburchak"},
    4: {"kk": "төртбұрыш", "ru": "четырёхугольник", "en": "quadrilateral", "uz": "toʻrtburchak"},
    5: {"kk": "бесбұрыш", "ru": "пятиугольник", "en": "pentagon", "uz": "beshburchak"},
}


@verifier("g02_perimeter")
def g02_perimeter_verify(values, key):
    sides = values["sides"]
    exists = all(2 * s < sum(sides) for s in sides)
    return (
        exists and len(sides) == values["n"] and sum(int(x) for x in values["sum_text"].split(" + ")) == int(key) <= 100
    )


@generator("g02_time_units")
def g02_time_units(rng, options):
    """1 h = 60 min: 1 h m min = □ min, or t min = 1 h □ min (60 < t < 100)."""
    m = rng.randint(1, 7) * 5
    if rng.random() < 0.5:
        task = {
            "kk": f"1 сағ {m} мин = □ мин",
            "ru": f"1 ч {m} мин = □ мин",
            "en": f"1 h {m} min = □ min",
            "uz": f"1 soat {m} daq = □ daq",
        }
        result, total = 60 + m, 60 + m
    else:
        total = 60 + m
        task = {
            "kk": f"{total} мин = 1 сағ □ мин",
            "ru": f"{total} мин = 1 ч □ мин",
            "en": f"{total} min = 1 h □ min",
            "uz": f"{total} daq = 1 soat □ daq",
        }
        result = m
    done = {lang: t.replace("□", str(result)) for lang, t in task.items()}
    return {"values": {"task": task, "done": done, "m": m, "total": total, "result": result}, "key": str(result)}


@verifier("g02_time_units")
def g02_time_units_verify(values, key):
    left, right = values["task"]["en"].split("=")

    # Put the key in the box and compare minutes on both sides.
    def minutes(text):
        parts = text.replace("□", key).split()
        return sum(int(n) * (60 if u == "h" else 1) for n, u in zip(parts[::2], parts[1::2], strict=True))

    return minutes(left) == minutes(right) and _whole(key, 5, 95)


@generator("g02_clock_minutes")
def g02_clock_minutes(rng, options):
    """A clock at h:mm (five-minute steps): how many minutes past h?"""
    hour, minute = rng.randint(1, 12), rng.randint(1, 11) * 5
    return {
        "values": {"hour": hour, "minute": minute, "fives": minute // 5, "time": f"{hour}:{minute:02d}", **person(rng)},
        "key": str(minute),
    }


@verifier("g02_clock_minutes")
def g02_clock_minutes_verify(values, key):
    return int(key) == values["fives"] * 5 and 0 < int(key) < 60 and values["time"].endswith(f"{int(key):02d}")


@generator("g02_duration")
def g02_duration(rng, options):
    """From h:m1 to h:m2 (or to the next hour): how many minutes?"""
    hour = rng.randint(8, 17)
    m1 = rng.randint(0, 10) * 5
    length = rng.randint(3, 11) * 5
    m2 = m1 + length
    end_hour, end_minute = (hour, m2) if m2 < 60 else (hour + 1, m2 - 60)
    cross = m2 > 60  # ending at a whole hour counts as "up to the hour": 60 − m1
    values = {
        "start": f"{hour}:{m1:02d}",
        "end": f"{end_hour}:{end_minute:02d}",
        "cross": cross,
        "to_hour": 60 - m1,
        "after": end_minute,
        "result": length,
        **person(rng),
    }
    values["calc"] = f"{60 - m1} + {end_minute} = {length}" if cross else f"{m2} - {m1} = {length}"
    values["method"] = f"(60 - {m1}) + {end_minute}" if cross else f"{m2} - {m1}"
    return {"values": values, "key": str(length)}


@verifier("g02_duration")
def g02_duration_verify(values, key):
    (h1, m1), (h2, m2) = (map(int, values[k].split(":")) for k in ("start", "end"))
    return (h2 * 60 + m2) - (h1 * 60 + m1) == int(key) and 0 < int(key) < 60


@generator("g02_change")
def g02_change(rng, options):
    """Money: ``kind: change`` paid 100 (or 50) tenge for a price, the change; ``kind: two`` the cost
    of two things."""
    if options.get("kind", "change") == "change":
        paid = rng.choice([50, 100, 100])
        price = rng.randint(2, paid // 5 - 1) * 5 if rng.random() < 0.6 else rng.randint(11, paid - 1)
        values = {"paid": paid, "price": price, "result": paid - price}
    else:
        price, other = rng.randint(11, 60), rng.randint(11, 45)
        while price + other > 100:
            price, other = rng.randint(11, 60), rng.randint(11, 45)
        values = {"price": price, "other": other, "result": price + other}
    values.update(person(rng))
    return {"values": values, "key": str(values["result"])}


@verifier("g02_change")
def g02_change_verify(values, key):
    if "paid" in values:
        return 0 < int(key) < values["paid"] and int(key) + values["price"] == values["paid"]
    return int(key) - values["other"] == values["price"] and _whole(key, 1, 100)


# ---- word problems ---------------------------------------------------------------------------------


@generator("g02_two_step")
def g02_two_step(rng, options):
    """Two steps: ``kind: in_out`` a, b came, c left; ``kind: more_total`` a and b more, both together;
    ``kind: less_total`` a and b fewer, both together."""
    kind = options.get("kind", "in_out")
    while True:
        a, b, c = rng.randint(12, 60), rng.randint(5, 30), rng.randint(5, 40)
        if kind == "in_out":
            first, result = a + b, a + b - c
        elif kind == "more_total":
            first, result = a + b, a + (a + b)
        else:
            first, result = a - b, a + (a - b)
        if 0 < first <= 100 and 0 < result <= 100 and (kind != "in_out" or c < a + b):
            break
    return {"values": {"a": a, "b": b, "c": c, "first": first, "result": result, **two_people(rng)}, "key": str(result)}


@verifier("g02_two_step")
def g02_two_step_verify(values, key):
    a, b, c, r = values["a"], values["b"], values["c"], int(key)
    candidates = {a + b - c, 2 * a + b, 2 * a - b}
    return r in candidates and _whole(key, 1, 100) and values["first"] in (a + b, a - b)


@generator("g02_groups")
def g02_groups(rng, options):
    """k equal groups of n (a table of 2–5): the total."""
    table = rng.choice([2, 3, 4, 5])
    other = rng.randint(2, 9)
    k, n = (table, other) if rng.random() < 0.5 else (other, table)
    return {
        "values": {"k": k, "n": n, "sum": " + ".join([str(n)] * k), "result": k * n, **person(rng)},
        "key": str(k * n),
    }


@verifier("g02_groups")
def g02_groups_verify(values, key):
    return sum(int(t) for t in values["sum"].split(" + ")) == int(key) and (values["k"] <= 5 or values["n"] <= 5)


KIND = {"kk": "Түрі", "ru": "Вид", "en": "Kind", "uz": "Turi"}


def _label(kk, ru, en, uz, ru_form):
    """A row label (as the table shows it) and the Russian form the questions need."""
    return {"label": {"kk": kk, "ru": ru, "en": en, "uz": uz}, "ru": ru_form}


# Each table: its title, the number column's head, four rows, and the questions (diff, total)
# with {x} {y} in each language (kk takes the Kazakh case it needs by vowel harmony).
TABLES = [
    {
        "title": {
            "kk": "Мектеп бағындағы ағаштар",
            "ru": "Деревья в школьном саду",
            "en": "Trees in the school garden",
            "uz": "Maktab bogʻidagi daraxtlar",
        },
        "head": {"kk": "Саны", "ru": "Количество", "en": "Number", "uz": "Soni"},
        "rows": [
            _label("алма", "яблони", "apple trees", "olma", "яблонь"),
            _label("өрік", "абрикосы", "apricot trees", "oʻrik", "абрикосов"),
            _label("шие", "вишни", "cherry trees", "olcha", "вишен"),
            _label("алмұрт", "груши", "pear trees", "nok", "груш"),
        ],
        "diff": {
            "kk": "Бақта {x} {y_abl} неше түп артық?",
            "ru": "На сколько {x} в саду больше, чем {y}?",
            "en": "How many more {x} than {y} are there?",
            "uz": "Bogʻda {x} daraxti {y} daraxtidan nechta koʻp?",
        },
        "total": {
            "kk": "Бақта барлығы неше түп {x} және {y} бар?",
            "ru": "Сколько всего {x} и {y} в саду?",
            "en": "How many {x} and {y} are there altogether?",
            "uz": "Bogʻda jami nechta {x} va {y} daraxti bor?",
        },
    },
    {
        "title": {
            "kk": "Біздің сыныптың сүйікті спорт түрлері",
            "ru": "Любимый спорт нашего класса",
            "en": "Our class's favourite sports",
            "uz": "Sinfimizning sevimli sport turlari",
        },
        "head": {"kk": "Оқушылар", "ru": "Учеников", "en": "Pupils", "uz": "Oʻquvchilar"},
        "rows": [
            _label("футбол", "футбол", "football", "futbol", "футбол"),
            _label("шахмат", "шахматы", "chess", "shaxmat", "шахматы"),
            _label("жүзу", "плавание", "swimming", "suzish", "плавание"),
            _label("күрес", "борьба", "wrestling", "kurash", "борьбу"),
        ],
        "diff": {
            "kk": "{x_acc} таңдаған оқушы {y_acc} таңдаған оқушыдан неше артық?",
            "ru": "На сколько больше учеников выбрали {x}, чем {y}?",
            "en": "How many more pupils chose {x} than {y}?",
            "uz": "{x}ni tanlagan oʻquvchilar {y}ni tanlaganlardan nechta koʻp?",
        },
        "total": {
            "kk": "{x_acc} немесе {y_acc} таңдаған оқушы барлығы нешеу?",
            "ru": "Сколько учеников выбрали {x} или {y}?",
            "en": "How many pupils chose {x} or {y}?",
            "uz": "{x} yoki {y}ni tanlagan oʻquvchilar jami nechta?",
        },
    },
    {
        "title": {
            "kk": "Шымкенттегі дүкенде бір күнде сатылған жемістер",
            "ru": "Фрукты, проданные за день в магазине Шымкента",
            "en": "Fruit sold in one day in a shop in Shymkent",
            "uz": "Chimkentdagi doʻkonda bir kunda sotilgan mevalar",
        },
        "head": {"kk": "Килограмм", "ru": "Килограммов", "en": "Kilograms", "uz": "Kilogramm"},
        "rows": [
            _label("алма", "яблоки", "apples", "olma", "яблок"),
            _label("жүзім", "виноград", "grapes", "uzum", "винограда"),
            _label("қарбыз", "арбузы", "watermelons", "tarvuz", "арбузов"),
            _label("қауын", "дыни", "melons", "qovun", "дынь"),
        ],
        "diff": {
            "kk": "{x} {y_abl} неше килограмм артық сатылды?",
            "ru": "На сколько килограммов {x} продали больше, чем {y}?",
            "en": "How many more kilograms of {x} than of {y} were sold?",
            "uz": "{x} {y}dan necha kilogramm koʻp sotildi?",
        },
        "total": {
            "kk": "{x} және {y} барлығы неше килограмм сатылды?",
            "ru": "Сколько всего килограммов {x} и {y} продали?",
            "en": "How many kilograms of {x} and {y} were sold altogether?",
            "uz": "Jami necha kilogramm {x} va {y} sotildi?",
        },
    },
]


def _question(pattern: dict, x: dict, y: dict) -> dict:
    texts = {}
    for lang, text in pattern.items():
        if lang == "kk":
            fx, fy = x["label"]["kk"], y["label"]["kk"]
            filled = text.format(
                x=fx, y=fy, y_abl=with_case(fy, "abl"), x_acc=with_case(fx, "acc"), y_acc=with_case(fy, "acc")
            )
            filled = filled[0].upper() + filled[1:]
        elif lang == "ru":
            filled = text.format(x=x["ru"], y=y["ru"])
        else:
            filled = text.format(x=x["label"][lang], y=y["label"][lang])
            filled = filled[0].upper() + filled[1:]
        texts[lang] = filled
    return texts


@generator("g02_table")
def g02_table(rng, options):
    """A table of three or four rows (numbers from ``min`` to ``max``); ``ask: diff`` how many more x
    than y, ``ask: total`` x and y together."""
    index = rng.randrange(len(TABLES))
    table = TABLES[index]
    count = rng.randint(3, 4)
    chosen = rng.sample(table["rows"], count)
    numbers = rng.sample(range(options.get("min", 5), options.get("max", 44) + 1), count)
    i, j = rng.sample(range(count), 2)
    if numbers[i] < numbers[j]:
        i, j = j, i
    ask = options.get("ask", "diff")
    result = numbers[i] - numbers[j] if ask == "diff" else numbers[i] + numbers[j]
    values = {
        "title": table["title"],
        "head": [KIND, table["head"]],
        "rows": [[row["label"], n] for row, n in zip(chosen, numbers, strict=True)],
        "x": chosen[i]["label"],
        "y": chosen[j]["label"],
        "xn": numbers[i],
        "yn": numbers[j],
        "question": _question(table[ask], chosen[i], chosen[j]),
        "result": result,
    }
    return {"values": values, "key": str(result)}


@verifier("g02_table")
def g02_table_verify(values, key):
    found = {row[0]["en"]: row[1] for row in values["rows"]}
    x, y = found[values["x"]["en"]], found[values["y"]["en"]]
    return x > y and int(key) in (x - y, x + y) and _whole(key, 1, 100)
