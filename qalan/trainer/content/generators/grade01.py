"""Grade 1: numbers to 10, 20 and 100, adding and subtracting, the unknown term, length, shapes,
coins, the clock in whole hours, simple word problems. Every key is a whole number from 0 to 100."""

import itertools

from qalan.trainer.content.kazakh import is_front, number_with_case, spoken_last_word
from qalan.trainer.content.registry import generator, verifier

# (kk, ru, en, uz, girl, Russian genitive): children of Kazakhstan's peoples, girls and boys alternately.
NAMES = [
    ("Айгерім", "Айгерим", "Aigerim", "Aygerim", True, "Айгерим"),
    ("Арман", "Арман", "Arman", "Arman", False, "Армана"),
    ("Аружан", "Аружан", "Aruzhan", "Aruzhan", True, "Аружан"),
    ("Тимур", "Тимур", "Timur", "Timur", False, "Тимура"),
    ("Зульфия", "Зульфия", "Zulfiya", "Zulfiya", True, "Зульфии"),
    ("Данияр", "Данияр", "Daniyar", "Doniyor", False, "Данияра"),
    ("Оксана", "Оксана", "Oksana", "Oksana", True, "Оксаны"),
    ("Рустам", "Рустам", "Rustam", "Rustam", False, "Рустама"),
    ("Әлия", "Алия", "Aliya", "Aliya", True, "Алии"),
    ("Дильшат", "Дильшат", "Dilshat", "Dilshat", False, "Дильшата"),
    ("Камила", "Камила", "Kamila", "Kamila", True, "Камилы"),
    ("Сергей", "Сергей", "Sergei", "Sergey", False, "Сергея"),
    ("Мадина", "Мадина", "Madina", "Madina", True, "Мадины"),
    ("Нұрлан", "Нурлан", "Nurlan", "Nurlan", False, "Нурлана"),
    ("Гүлназ", "Гульназ", "Gulnaz", "Gulnaz", True, "Гульназ"),
    ("Ерасыл", "Ерасыл", "Yerassyl", "Yerasil", False, "Ерасыла"),
]


def person(rng, prefix: str = "name") -> dict:
    """A child's name in the four languages, with what Russian and English need to agree with it:
    ``name_gen`` the Russian genitive (у Армана), ``ra`` the Russian past-tense ending (а / nothing), ``he`` / ``He`` the pronoun."""
    kk, ru, en, uz, girl, ru_gen = rng.choice(NAMES)
    return {
        prefix: {"kk": kk, "ru": ru, "en": en, "uz": uz},
        f"{prefix}_gen": {"kk": kk, "ru": ru_gen, "en": en, "uz": uz},
        f"{prefix}_ra": "а" if girl else "",
        f"{prefix}_he": {"kk": "ол", "ru": "она" if girl else "он", "en": "she" if girl else "he", "uz": "u"},
        f"{prefix}_He": {"kk": "Ол", "ru": "Она" if girl else "Он", "en": "She" if girl else "He", "uz": "U"},
    }


def two_people(rng) -> dict:
    first = person(rng, "name")
    while True:
        second = person(rng, "other")
        if second["other"]["en"] != first["name"]["en"]:
            return {**first, **second}


def _whole(key, low=0, high=100) -> bool:
    return str(key).isdigit() and low <= int(key) <= high


# ---- numbers to 10, 20, 100 -------------------------------------------------------------------


@generator("g01_count")
def g01_count(rng, options):
    n = rng.randint(options.get("min", 1), options.get("max", 10))
    kind, thing = rng.choice(THINGS)
    return {"values": {"n": n, "tens": n // 10, "ones": n % 10, "kind": kind, "thing": thing}, "key": str(n)}


# What the counting pictures show: the drawer's kind, and "how many …?" in each language.
THINGS = [
    ("circle", {"kk": "дөңгелек", "ru": "кружков", "en": "circles", "uz": "doira"}),
    ("star", {"kk": "жұлдызша", "ru": "звёздочек", "en": "stars", "uz": "yulduzcha"}),
    ("square", {"kk": "шаршы", "ru": "квадратов", "en": "squares", "uz": "kvadrat"}),
    ("triangle", {"kk": "үшбұрыш", "ru": "треугольников", "en": "triangles", "uz": "uchburchak"}),
    ("diamond", {"kk": "ромб", "ru": "ромбов", "en": "diamonds", "uz": "romb"}),
    ("balloon", {"kk": "әуе шары", "ru": "воздушных шариков", "en": "balloons", "uz": "havo shari"}),
]


@verifier("g01_count")
def g01_count_verify(values, key):
    return _whole(key, 1, 20) and values["tens"] * 10 + values["ones"] == int(key)


SIGNS = ("<", ">", "=")


@generator("g01_compare")
def g01_compare(rng, options):
    """Two numbers and the sign between them; ``swap``: the digits of one are swapped in the other."""
    low, high = options.get("min", 0), options.get("max", 10)
    a = rng.randint(low, high)
    if rng.random() < 0.12:
        b = a
    elif options.get("swap") and a % 10 and a // 10 != a % 10 and rng.random() < 0.5:
        b = (a % 10) * 10 + a // 10
    else:
        b = rng.choice([x for x in range(low, high + 1) if x != a])
    sign = "<" if a < b else ">" if a > b else "="
    return {
        "values": {"a": a, "b": b, "sign": sign},
        "key": "",
        "choices": [{"text": s, "correct": s == sign} for s in SIGNS],
    }


@verifier("g01_compare")
def g01_compare_verify(values, key, choices=None):
    a, b = values["a"], values["b"]
    right = [c["text"] for c in choices or [] if c["correct"]]
    expected = {(True, False): "<", (False, True): ">", (False, False): "="}[(a < b, a > b)]
    return len(right) == 1 and right[0] == expected and len(choices) == 3


@generator("g01_neighbour")
def g01_neighbour(rng, options):
    """The number after (``side: after``) or before (``side: before``) n."""
    after = options.get("side", "after") == "after"
    top = options.get("max", 10)
    n = rng.randint(0, top - 1) if after else rng.randint(1, top)
    result = n + 1 if after else n - 1
    return {"values": {"n": n, "result": result}, "key": str(result)}


@verifier("g01_neighbour")
def g01_neighbour_verify(values, key):
    return _whole(key, 0, 100) and abs(int(key) - values["n"]) == 1


@generator("g01_compose")
def g01_compose(rng, options):
    """n is made of a and the missing part."""
    n = rng.randint(options.get("min", 2), options.get("max", 10))
    a = rng.randint(1, n - 1)
    return {"values": {"n": n, "a": a, "result": n - a}, "key": str(n - a)}


@verifier("g01_compose")
def g01_compose_verify(values, key):
    return _whole(key, 1, 10) and values["a"] + int(key) == values["n"]


@generator("g01_ordinal")
def g01_ordinal(rng, options):
    """In a row of n children one is k-th from the left: which place from the right?"""
    n = rng.randint(4, options.get("max", 10))
    k = rng.randint(1, n)
    return {"values": {"n": n, "k": k, "k_ord": ordinal(k), "result": n - k + 1, **person(rng)}, "key": str(n - k + 1)}


def ordinal(k: int) -> dict:
    """``3-ші`` / ``3-м`` / ``3rd`` / ``3-``: an ordinal number as each language abbreviates it."""
    kk = f"{k}-{'ші' if is_front(spoken_last_word(k)) else 'шы'}"
    en = f"{k}{'th' if 10 <= k % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(k % 10, 'th')}"
    return {"kk": kk, "ru": f"{k}-м", "en": en, "uz": f"{k}-"}


@verifier("g01_ordinal")
def g01_ordinal_verify(values, key):
    places_from_left = list(range(1, values["n"] + 1))
    return _whole(key, 1, 10) and list(reversed(places_from_left))[values["k"] - 1] == int(key)


# ---- adding and subtracting -------------------------------------------------------------------


def _add_pair(rng, mode, top):
    while True:
        if mode == "carry":  # 8 + 5: through ten
            a, b = rng.randint(2, 9), rng.randint(2, 9)
            ok = a + b > 10
        elif mode == "teen":  # 12 + 5, 10 + 7: no crossing
            a = rng.randint(10, 18)
            b = rng.randint(1, 9)
            ok = a % 10 + b <= 9
        else:
            a, b = rng.randint(0, top), rng.randint(1, top)
            ok = 1 <= a + b <= top and (a, b) != (0, 0)
        if ok:
            return a, b


@generator("g01_add")
def g01_add(rng, options):
    mode = options.get("mode", "within")
    a, b = _add_pair(rng, mode, options.get("max", 10))
    values = {"a": a, "b": b, "result": a + b, "to_ten": 10 - a if a < 10 else 0, "rest": b - (10 - a) if a < 10 else 0}
    return {"values": values, "key": str(a + b)}


@verifier("g01_add")
def g01_add_verify(values, key):
    # Count on from a, one at a time.
    total = values["a"]
    for _ in range(values["b"]):
        total += 1
    return _whole(key, 0, 20) and total == int(key)


@generator("g01_sub")
def g01_sub(rng, options):
    mode = options.get("mode", "within")
    top = options.get("max", 10)
    while True:
        if mode == "carry":  # 13 - 5: through ten
            a, b = rng.randint(11, 18), rng.randint(2, 9)
            ok = a % 10 < b
        elif mode == "teen":  # 17 - 4, 15 - 10
            a = rng.randint(11, 19)
            b = rng.choice([rng.randint(1, a % 10), 10]) if a % 10 else 10
            ok = 0 < b <= a and (b == 10 or b <= a % 10)
        else:
            a = rng.randint(1, top)
            b = rng.randint(1, a)
            ok = True
        if ok:
            break
    values = {"a": a, "b": b, "result": a - b, "first": a % 10 if a > 10 else 0, "second": b - a % 10 if a > 10 else 0}
    return {"values": values, "key": str(a - b)}


@verifier("g01_sub")
def g01_sub_verify(values, key):
    # Count back is the same as: the result and b make a.
    return _whole(key, 0, 20) and int(key) + values["b"] == values["a"]


@generator("g01_teen")
def g01_teen(rng, options):
    """Teen numbers: 1 ten and k ones (``ask: number``) or how many ones in 1k (``ask: ones``)."""
    k = rng.randint(1, 9) if options.get("ask") == "ones" else rng.randint(0, 9)
    n = 10 + k
    result = n if options.get("ask", "number") == "number" else k
    return {"values": {"n": n, "ones": k, "result": result}, "key": str(result)}


@verifier("g01_teen")
def g01_teen_verify(values, key):
    return str(values["n"])[0] == "1" and (int(key) == values["n"] or int(key) == int(str(values["n"])[1]))


@generator("g01_extreme")
def g01_extreme(rng, options):
    """The greatest (``ask: max``) or the smallest (``ask: min``) of four different numbers."""
    low, high = options.get("min", 0), options.get("max", 20)
    numbers = rng.sample(range(low, high + 1), 4)
    best = max(numbers) if options.get("ask", "max") == "max" else min(numbers)
    return {"values": {"best": best}, "key": "", "choices": [{"text": n, "correct": n == best} for n in numbers]}


@verifier("g01_extreme")
def g01_extreme_verify(values, key, choices=None):
    numbers = [int(c["text"]) for c in choices or []]
    right = [int(c["text"]) for c in choices or [] if c["correct"]]
    return len(set(numbers)) == 4 and right == [values["best"]] and values["best"] in (max(numbers), min(numbers))


@generator("g01_tens")
def g01_tens(rng, options):
    """Round tens: 30 + 40, 90 − 60 (within 100)."""
    while True:
        a, b = rng.randint(1, 9) * 10, rng.randint(1, 9) * 10
        op = rng.choice("+-")
        result = a + b if op == "+" else a - b
        if 0 < result <= 100:
            break
    return {
        "values": {"a": a, "b": b, "op": op, "ta": a // 10, "tb": b // 10, "tr": result // 10, "result": result},
        "key": str(result),
    }


@verifier("g01_tens")
def g01_tens_verify(values, key):
    tens = values["ta"] + values["tb"] if values["op"] == "+" else values["ta"] - values["tb"]
    return _whole(key, 10, 100) and int(key) % 10 == 0 and tens * 10 == int(key)


@generator("g01_place")
def g01_place(rng, options):
    t, u = rng.randint(1, 9), rng.randint(0, 9)
    return {"values": {"tens": t, "ones": u, "result": 10 * t + u}, "key": str(10 * t + u)}


@verifier("g01_place")
def g01_place_verify(values, key):
    return _whole(key, 10, 99) and key == f"{values['tens']}{values['ones']}"


@generator("g01_sequence")
def g01_sequence(rng, options):
    """A counting pattern: four numbers with the same step, the fifth is asked."""
    step = rng.choice(options.get("steps", [1, 2, 10]))
    top = options.get("max", 100)
    down = options.get("down", False) and rng.random() < 0.3
    start = rng.randint(0, top - 4 * step)
    terms = [start + i * step for i in range(5)]
    if down:
        terms.reverse()
    rule = {
        "kk": f"Әр сан алдыңғысынан {number_with_case(step, 'dat')} {'кем' if down else 'артық'}.",
        "ru": f"Каждое число на {step} {'меньше' if down else 'больше'} предыдущего.",
        "en": f"Each number is {step} {'less' if down else 'more'} than the one before.",
        "uz": f"Har bir son oldingisidan {step} ta {'kam' if down else 'koʻp'}.",
    }
    values = {
        "seq": ", ".join(str(t) for t in terms[:4]),
        "step": step,
        "down": down,
        "rule": rule,
        "last": terms[3],
        "op": "-" if down else "+",
        "result": terms[4],
    }
    return {"values": values, "key": str(terms[4])}


@verifier("g01_sequence")
def g01_sequence_verify(values, key):
    terms = [int(t) for t in values["seq"].split(", ")] + [int(key)]
    steps = {b - a for a, b in itertools.pairwise(terms)}
    return len(steps) == 1 and abs(steps.pop()) == values["step"] and _whole(key, 0, 100)
