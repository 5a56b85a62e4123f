"""Kazakh suffixes after numbers (by how the number is read) and after words (by harmony and final sound)."""

import pytest

from qalan.trainer.content import kazakh
from qalan.trainer.content.locale import plural

NUMBERS = [
    (1, "dat", "1-ге"),
    (2, "dat", "2-ге"),
    (3, "dat", "3-ке"),
    (4, "dat", "4-ке"),
    (5, "dat", "5-ке"),
    (6, "dat", "6-ға"),
    (7, "dat", "7-ге"),
    (8, "dat", "8-ге"),
    (9, "dat", "9-ға"),
    (10, "dat", "10-ға"),
    (20, "dat", "20-ға"),
    (30, "dat", "30-ға"),
    (40, "dat", "40-қа"),
    (50, "dat", "50-ге"),
    (60, "dat", "60-қа"),
    (70, "dat", "70-ке"),
    (80, "dat", "80-ге"),
    (90, "dat", "90-ға"),
    (100, "dat", "100-ге"),
    (1000, "dat", "1000-ға"),
    (25, "dat", "25-ке"),
    (2000000, "dat", "2000000-ға"),
    ("0.5", "dat", "0.5-ке"),
    ("3/4", "dat", "3/4-ке"),
    (3, "loc", "3-те"),
    (6, "loc", "6-да"),
    (10, "loc", "10-да"),
    (2, "acc", "2-ні"),
    (3, "acc", "3-ті"),
    (10, "acc", "10-ды"),
    (6, "gen", "6-ның"),
    (10, "gen", "10-ның"),
    (20, "gen", "20-ның"),
    (1, "gen", "1-дің"),
    (4, "gen", "4-тің"),
    (3, "abl", "3-тен"),
    (10, "abl", "10-нан"),
    (6, "abl", "6-дан"),
    (100, "abl", "100-ден"),
    (5, "ins", "5-пен"),
    (2, "ins", "2-мен"),
    (8, "ins", "8-бен"),
    (10, "ins", "10-мен"),
    (5, "pl", "5-тер"),
]
WORDS = [
    ("мектеп", "dat", "мектепке"),
    ("үй", "acc", "үйді"),
    ("су", "gen", "судың"),
    ("адам", "gen", "адамның"),
    ("адам", "abl", "адамнан"),
    ("ел", "pl", "елдер"),
    ("қыз", "ins", "қызбен"),
    ("кітап", "loc", "кітапта"),
    ("бала", "acc", "баланы"),
    ("бала", "pl", "балалар"),
    ("метр", "dat", "метрге"),
    ("бөлшек", "gen", "бөлшектің"),
    ("үшбұрыш", "dat", "үшбұрышқа"),
    ("сан", "abl", "саннан"),
    ("алма", "ins", "алмамен"),
]


@pytest.mark.parametrize("value,case,expected", NUMBERS)
def test_number_suffixes(value, case, expected):
    assert kazakh.number_with_case(value, case) == expected


@pytest.mark.parametrize("word,case,expected", WORDS)
def test_word_suffixes(word, case, expected):
    assert kazakh.with_case(word, case) == expected


def test_the_table_is_large_enough():
    assert len(NUMBERS) + len(WORDS) >= 40


@pytest.mark.parametrize(
    "value,language,forms,expected",
    [
        (1, "ru", ["яблоко", "яблока", "яблок"], "яблоко"),
        (2, "ru", ["яблоко", "яблока", "яблок"], "яблока"),
        (5, "ru", ["яблоко", "яблока", "яблок"], "яблок"),
        (11, "ru", ["яблоко", "яблока", "яблок"], "яблок"),
        (21, "ru", ["яблоко", "яблока", "яблок"], "яблоко"),
        ("2.5", "ru", ["яблоко", "яблока", "яблок"], "яблока"),
        (5, "uz", ["olma"], "olma"),
        (1, "en", ["apple", "apples"], "apple"),
        (3, "en", ["apple", "apples"], "apples"),
    ],
)
def test_plural_agreement(value, language, forms, expected):
    assert plural(value, language, forms) == expected
