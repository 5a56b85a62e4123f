"""Broken data files: every error names file, line, item and field, and the file loads nothing."""

from pathlib import Path

import pytest

from qalan.trainer.content.loader import load_all
from qalan.trainer.content.placeholders import fill

GOOD = (Path(__file__).resolve().parents[3] / "qalan/trainer/content/data/grade-04/g4-perimeter-area.yaml").read_text()


def write(tmp_path, name, text):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_missing_uzbek_hint_is_reported_with_its_line(tmp_path):
    broken = GOOD.replace("            uz: Perimetr — barcha tomonlar uzunliklarining yigʻindisi.\n", "", 1)
    write(tmp_path, "grade-04/g4-perimeter-area.yaml", broken)
    collection = load_all(tmp_path)
    [error] = collection.errors
    assert error.file == "grade-04/g4-perimeter-area.yaml"
    assert "template g4-rect-perimeter" in error.item and "skill Q4.GE.RECT_P" in error.item
    assert error.field == "hints.0"
    assert "uz" in error.message
    assert broken.splitlines()[error.line - 1].strip().startswith("- kk: Периметр")
    assert collection.good() == []


def test_unknown_generator_one_hint_and_bad_prerequisite(tmp_path):
    broken = GOOD.replace("generator: rectangle_area", "generator: no_such_thing").replace(
        "prerequisites: [Q4.GE.RECT_P]\n    templates:\n      - key: g4-square-side",
        "prerequisites: [Q9.NOPE]\n    templates:\n      - key: g4-square-side",
    )
    write(tmp_path, "grade-04/g4-perimeter-area.yaml", broken)
    messages = [str(e) for e in load_all(tmp_path).errors]
    assert any("g4-rect-area" in m and "field generator" in m and "no_such_thing" in m for m in messages), messages
    write(
        tmp_path,
        "grade-04/g4-perimeter-area.yaml",
        GOOD.replace("generator: rectangle_area", "generator: no_such_thing", 0),
    )
    only = GOOD.replace(
        "prerequisites: [Q4.GE.RECT_P]\n    templates:\n      - key: g4-square-side",
        "prerequisites: [Q9.NOPE]\n    templates:\n      - key: g4-square-side",
    )
    write(tmp_path, "grade-04/g4-perimeter-area.yaml", only)
    [error] = load_all(tmp_path).errors
    assert "Q9.NOPE" in error.message and error.field == "prerequisites.0" and "skill Q4.GE.SQUARE" in error.item


def test_cycle_and_choice_without_one_correct(tmp_path):
    cyclic = GOOD.replace("  - code: Q4.GE.RECT_P\n", "  - code: Q4.GE.RECT_P\n    prerequisites: [Q4.GE.SQUARE]\n")
    write(tmp_path, "grade-04/g4-perimeter-area.yaml", cyclic)
    assert any("cycle" in str(e) for e in load_all(tmp_path).errors)
    choice = """chapter: {code: x, grade: 5, course: mathematics, section: geometry, title: {kk: a, ru: a, en: a, uz: a}}
skills:
  - code: Q5.X
    title: {kk: a, ru: a, en: a, uz: a}
    templates:
      - key: x-1
        answer_form: choice
        difficulty: 1
        hints: [{kk: a, ru: a, en: a, uz: a}, {kk: b, ru: b, en: b, uz: b}]
        solution: [{kk: a, ru: a, en: a, uz: a}]
        items:
          - key: ""
            prompt: {kk: a, ru: a, en: a, uz: a}
            choices:
              - {text: {kk: a, ru: a, en: a, uz: a}, correct: true}
              - {text: {kk: b, ru: b, en: b, uz: b}, correct: true}
"""
    write(tmp_path, "grade-05/x.yaml", choice)
    errors = [e for e in load_all(tmp_path).errors if e.file == "grade-05/x.yaml"]
    assert len(errors) == 1 and errors[0].line == 12 + 2 and "exactly one correct" in errors[0].message
    assert errors[0].item == "skill Q5.X, template x-1, item 1"


def test_bad_yaml_and_bad_key(tmp_path):
    write(tmp_path, "grade-04/a.yaml", "chapter: {code: a\n")
    bad_key = GOOD.replace(
        "answer_form: number\n        difficulty: 2\n        generator: square_side",
        "answer_form: fraction\n        difficulty: 2\n        generator: square_side",
    )
    write(tmp_path, "grade-04/g4-perimeter-area.yaml", bad_key)
    errors = load_all(tmp_path).errors
    assert any(e.file == "grade-04/a.yaml" and "not valid YAML" in e.message for e in errors)


@pytest.mark.parametrize(
    "text,language,expected",
    [
        ("$\\frac{[[a]]}{[[b]]}$ = [[x]]", "ru", "$\\frac{3}{4}$ = 2,5"),
        ("$[[x]]$", "kk", "$2{,}5$"),
        ("[[x]]", "en", "2.5"),
        ("[[b:dat]] бөлеміз", "kk", "4-ке бөлеміз"),
        ("[[n|яблоко|яблока|яблок]]", "ru", "5 яблок"),
        ("[[big]]", "ru", "12\u00a0000"),
        ("[[big]]", "en", "12,000"),
        ("[[missing]]", "en", "[[missing]]"),
    ],
)
def test_placeholders(text, language, expected):
    assert fill(text, {"a": 3, "b": 4, "x": "2.5", "n": 5, "big": 12000}, language) == expected
