"""Every shipped template: 1,000 seeded instances that verify, render and respect the grade's range."""

import random
from fractions import Fraction

import pytest
from latex2mathml.converter import convert

from qalan.trainer.content.build import build
from qalan.trainer.content.loader import _Row, load_all
from qalan.trainer.content.locale import LANGUAGES, as_number
from qalan.trainer.content.placeholders import leftover
from qalan.trainer.content.registry import verifier_get
from qalan.trainer.content.render import render_html, tex_segments

COLLECTION = load_all()
TEMPLATES = [
    (f.data["chapter"]["grade"], skill["code"], t)
    for f in COLLECTION.good()
    for skill in f.data["skills"]
    for t in skill["templates"]
]
N = 1000


def test_the_data_files_validate():
    assert COLLECTION.files
    assert [str(e) for e in COLLECTION.errors] == []


def test_prerequisites_exist_and_form_no_cycle():
    codes = {s["code"]: s.get("prerequisites", []) for f in COLLECTION.files for s in f.data["skills"]}
    assert all(p in codes for ps in codes.values() for p in ps)
    done, stack = set(), set()

    def visit(code):
        assert code not in stack, f"cycle through {code}"
        if code in done:
            return
        stack.add(code)
        for p in codes[code]:
            visit(p)
        stack.discard(code)
        done.add(code)

    for code in codes:
        visit(code)


def test_no_two_skills_share_items():
    keys = [t["key"] for _g, _s, t in TEMPLATES]
    assert len(keys) == len(set(keys))
    # A written item is its prompt with its figure, choices and key ("What is this shape?" may
    # come back with another drawing).
    items = [
        repr(
            (
                sorted(i["prompt"].items()),
                i.get("figure") or t.get("figure"),
                i.get("choices"),
                i.get("key"),
                i.get("values"),
            )
        )
        for _g, _s, t in TEMPLATES
        for i in t.get("items", [])
        if i.get("prompt")
    ]
    assert [i for i in items if items.count(i) > 1] == []


def _texts(built):
    return [
        built.rendered["prompt"],
        *built.rendered["hints"],
        *built.rendered["solution"],
        *[c["text"] for c in built.choices],
    ]


@pytest.mark.parametrize("grade,skill,template", TEMPLATES, ids=[t["key"] for _g, _s, t in TEMPLATES])
def test_template_instances(grade, skill, template):
    row, form = _Row(template), template["answer_form"]
    verify = verifier_get(row.generator) if row.generator else None
    rng = random.Random(template["key"])
    for _ in range(N if row.generator else 50):
        built = build(row, rng.randrange(2**31))
        texts = _texts(built)
        for text in texts:
            for lang in LANGUAGES:
                assert str(text.get(lang, "")).strip(), (lang, text)
                assert not leftover(text[lang]), text[lang]
        if built.choices:
            shown = [tuple(sorted(c["text"].items())) for c in built.choices]
            assert len(shown) == len(set(shown)), "duplicate choices"
            right = built.key.split(",")
            assert len(right) == 1 if form == "choice" else len(right) >= 1
        if verify:
            if built.choices:
                drawn = row_generate(row, built)
                assert verify(built.params, built.key, drawn), built.params
            else:
                assert verify(built.params, built.key), (built.params, built.key)
        value = as_number(built.key) if form in ("number", "fraction") else None
        if value is not None:
            if grade < 6:
                assert value >= 0, built.key
            if grade <= 2:
                assert value.denominator == 1, built.key
    # Rendering: every TeX segment converts, the HTML has no raw $.
    for text in texts:
        for lang in LANGUAGES:
            for segment in tex_segments(text[lang]):
                convert(segment)
            assert "$" not in render_html(text[lang], lang)


def row_generate(row, built):
    """The generated choices with their correctness, as the verifier reads them."""
    right = set(built.key.split(","))
    return [{"text": _plain(c["text"]["en"]), "correct": c["id"] in right} for c in built.choices]


def _plain(text: str) -> str:
    # "$\frac{3}{4}$" -> "3/4"
    text = text.strip("$")
    if text.startswith("\\frac{"):
        num, den = text[6:-1].split("}{")
        return f"{num}/{den}"
    return text


@pytest.mark.parametrize(
    "grade,skill,template",
    [x for x in TEMPLATES if x[2].get("generator")],
    ids=lambda x: x["key"] if isinstance(x, dict) else str(x),
)
def test_other_seeds_give_other_items(grade, skill, template):
    row = _Row(template)
    # The prompt with its choices: a choice item may keep its question and change the options.
    prompts = set()
    for seed in range(20):
        built = build(row, seed)
        prompts.add((built.rendered["prompt"]["en"], tuple(sorted(c["text"]["en"] for c in built.choices))))
    assert len(prompts) >= 5


def test_fraction_keys_are_exact():
    row = _Row(next(t for _g, _s, t in TEMPLATES if t["key"] == "g5-fr-add-unlike"))
    built = build(row, 7)
    p = built.params
    assert Fraction(built.key) == Fraction(p["a"], p["b"]) + Fraction(p["c"], p["d"])


def test_every_grade_has_at_least_25_skills():
    per_grade = dict.fromkeys(range(1, 12), 0)
    for f in COLLECTION.good():
        per_grade[f.data["chapter"]["grade"]] += len(f.data["skills"])
    assert {g: n for g, n in per_grade.items() if n < 25} == {}
