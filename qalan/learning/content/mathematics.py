"""Mathematics for grades 4-7 in kk, ru and en: topics, tasks, tests.

Loaded by ``manage.py load_content`` (idempotent; content, so production loads it too). Every
task carries ``check``: a Python expression over ``Fraction`` and ``Decimal`` that recomputes
its answer independently of the stored key; tests/learning/test_content.py evaluates each one
and compares it with the key, and checks that every text exists in all three languages.
The builders are in ``builders``, the tasks in ``tasks_grades_4_5`` and ``tasks_grades_6_7``.
"""

from __future__ import annotations

from qalan.learning.content.builders import LANGS, num
from qalan.learning.content.tasks_grades_4_5 import TASKS as TASKS_4_5
from qalan.learning.content.tasks_grades_6_7 import TASKS as TASKS_6_7

__all__ = ["LANGS", "QUIZZES", "SUBJECT", "TASKS", "TOPICS", "num"]

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


TASKS: list[dict] = TASKS_4_5 + TASKS_6_7

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
