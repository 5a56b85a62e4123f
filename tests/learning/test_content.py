"""The shipped mathematics (grades 4-7): at least 60 tasks in kk, ru and en, each answer key
recomputed independently, every kind consistent with its key."""

from decimal import Decimal
from fractions import Fraction

import pytest
from django.core.management import call_command

from qalan.learning.content import mathematics
from qalan.learning.grading import answer_is_correct, answer_parse, number_parse
from qalan.learning.models import Quiz, Task, Topic

TASKS = mathematics.TASKS
BY_KEY = {t["key"]: t for t in TASKS}


def recompute(task: dict):
    return eval(
        task["check"],
        {
            "Fraction": Fraction,
            "Decimal": Decimal,
            "__builtins__": {"max": max, "min": min, "int": int, "str": str, "map": map},
        },
    )


def test_there_are_at_least_60_tasks_for_grades_4_to_7_on_the_required_themes():
    assert len(TASKS) >= 60
    assert len(BY_KEY) == len(TASKS), "task keys must be unique"
    grades = {grade for _key, grade, *_ in mathematics.TOPICS}
    assert grades == {4, 5, 6, 7}
    topic_keys = {key for key, *_ in mathematics.TOPICS}
    for theme in (
        "fractions",
        "decimals",
        "percentages",
        "proportions",
        "equations",
        "geometry",
        "angles",
        "word-problems",
    ):
        assert any(theme in t["topic"] for t in TASKS), theme
    assert {t["topic"] for t in TASKS} == topic_keys
    assert {t["kind"] for t in TASKS} == {"single", "multiple", "numeric", "text"}


@pytest.mark.parametrize("task", TASKS, ids=lambda t: t["key"])
def test_every_text_exists_in_kazakh_russian_and_english(task):
    for field in ("text", "explanation"):
        texts = task[field]
        assert set(texts) == {"kk", "ru", "en"}
        assert all(texts[lang].strip() for lang in texts), f"{task['key']}: empty {field}"
        assert texts["kk"] != texts["en"] or (field == "explanation" and texts["kk"] == texts["ru"]), (
            f"{task['key']}: {field} not translated"
        )
    for option in task.get("choices", []):
        assert all(option[lang].strip() for lang in ("kk", "ru", "en"))


@pytest.mark.parametrize("task", [t for t in TASKS if t["kind"] == "numeric"], ids=lambda t: t["key"])
def test_every_numeric_answer_is_recomputed(task):
    expected = recompute(task)
    if isinstance(expected, Fraction):
        exact = Decimal(expected.numerator) / Decimal(expected.denominator)
    else:
        exact = Decimal(str(expected))
    assert abs(exact - task["answer"]) <= task["tolerance"], f"{task['key']}: key {task['answer']}, recomputed {exact}"
    # The explanation ends on the answer it explains, in every language.
    for lang in ("kk", "ru", "en"):
        shown = mathematics.num(Fraction(expected) if not isinstance(expected, Decimal) else expected, lang)
        assert shown in task["explanation"][lang], f"{task['key']} ({lang}): explanation does not reach {shown}"


@pytest.mark.parametrize("task", [t for t in TASKS if t["kind"] in ("single", "multiple")], ids=lambda t: t["key"])
def test_every_choice_key_is_recomputed(task):
    correct = [c["en"] for c in task["choices"] if c["correct"]]
    expected = recompute(task)
    if task["kind"] == "single":
        assert correct == [expected]
    else:
        assert sorted(correct) == sorted(expected) and len(correct) >= 1
    assert len({c["en"] for c in task["choices"]}) == len(task["choices"]), "options must differ"


@pytest.mark.parametrize("task", [t for t in TASKS if t["kind"] == "text"], ids=lambda t: t["key"])
def test_every_short_answer_key_is_recomputed_or_covers_three_languages(task):
    assert task["accepted"]
    if task["check"] is None:
        assert len(task["accepted"]) >= 3, "a term needs its word in kk, ru and en"
    else:
        assert recompute(task) in task["accepted"]


@pytest.mark.parametrize("task", [t for t in TASKS if t["kind"] == "numeric"], ids=lambda t: t["key"])
def test_every_numeric_answer_as_shown_grades_right_and_a_near_miss_grades_wrong(task):
    """The answer as the explanation writes it parses back within the tolerance (exactly when
    the tolerance is 0), and the tolerance is narrow: it forgives rounding, not a wrong answer."""
    answer, tolerance = task["answer"], task["tolerance"]
    assert tolerance >= 0
    stored = Task(kind=Task.Kind.NUMERIC, answer_number=answer, tolerance=tolerance)
    shown = mathematics.num(answer, "ru")
    parsed = number_parse(shown)
    assert abs(parsed - answer) <= tolerance, f"{task['key']}: {shown!r} is {parsed}, not {answer} within {tolerance}"
    assert answer_is_correct(stored, {"number": str(parsed)})
    # Narrow: at most 1% of the answer (or 0.01 for an answer near 0), and one step past it is wrong.
    assert tolerance <= max(abs(answer) / 100, Decimal("0.01")), (
        f"{task['key']}: tolerance {tolerance} accepts wrong answers"
    )
    miss = tolerance * 2 if tolerance else Decimal("0.001")
    assert not answer_is_correct(stored, {"number": str(answer + miss)})
    assert not answer_is_correct(stored, {"number": str(answer - miss)})


def test_tests_name_existing_tasks():
    for _key, _topic, minutes, _extended, titles, task_keys in mathematics.QUIZZES:
        assert all(k in BY_KEY for k in task_keys)
        assert all(titles) and len(titles) == 3
        assert minutes is None or minutes > 0


@pytest.mark.django_db
def test_loading_is_idempotent_and_stored_answers_grade_as_correct():
    call_command("load_content")
    call_command("load_content")
    assert Task.objects.count() == len(TASKS)
    assert Topic.objects.count() == len(mathematics.TOPICS)
    assert Quiz.objects.count() == len(mathematics.QUIZZES)
    for task in Task.objects.prefetch_related("choices"):
        spec = BY_KEY[task.key]
        if task.kind == Task.Kind.NUMERIC:
            raw = mathematics.num(task.answer_number, "ru")
        elif task.kind == Task.Kind.TEXT:
            raw = spec["accepted"][0]
        else:
            ids = [c.pk for c in task.choices.all() if c.is_correct]
            raw = ids[0] if task.kind == Task.Kind.SINGLE else ids
        assert answer_is_correct(task, answer_parse(task, raw)), task.key
