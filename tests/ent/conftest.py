"""ENT fixtures: every skill of the blueprint as a small trainer skill whose template draws a
fraction (so single and multiple-choice options are exact), a grade-11 student, and helpers."""

from __future__ import annotations

import pytest

from qalan.ent.blueprint import all_skill_codes
from qalan.trainer.content.registry import _REGISTRY, generator
from qalan.trainer.models import Chapter, ItemTemplate, Skill


def _draw_part(rng, options):
    a, b = rng.randint(1, 9), rng.randint(2, 9)
    return {"values": {"a": a, "b": b}, "key": f"{a}/{b}" if a % b else str(a // b)}


if "test_ent_part" not in _REGISTRY:
    generator("test_ent_part")(_draw_part)

TEXTS = {
    "prompt": dict.fromkeys(("kk", "ru", "en", "uz"), "$[[a]] : [[b]]$"),
    "hints": [{"en": "Divide"}, {"en": "Write a fraction"}],
    "solution": [dict.fromkeys(("kk", "ru", "en", "uz"), "$[[a]] : [[b]] = [[a]]/[[b]]$")],
}


def ent_skills_create() -> dict[str, Skill]:
    """Every skill the blueprint names, each with one generated template (idempotent)."""
    if Chapter.objects.filter(code="ent-test").exists():
        return {s.code: s for s in Skill.objects.filter(chapter__code="ent-test")}
    chapter = Chapter.objects.create(code="ent-test", grade=9, section="numbers", title={"en": "ENT test"})
    skills = {}
    for order, code in enumerate(sorted(all_skill_codes())):
        skill = Skill.objects.create(code=code, chapter=chapter, grade=9, order=order, title={"en": f"Skill {code}"})
        ItemTemplate.objects.create(
            skill=skill,
            key=f"ent-{code}",
            answer_form="number",
            generator="test_ent_part",
            definition=TEXTS,
            difficulty=2,
        )
        skills[code] = skill
    return skills


@pytest.fixture
def ent_content(db) -> dict[str, Skill]:
    return ent_skills_create()


@pytest.fixture
def senior(make_student):
    user = make_student("serik")
    user.profile.grade = 11
    user.profile.save()
    return user


def right_answers(mock) -> dict[str, str]:
    return {str(i.position): i.key for i in mock.items.all()}


def one_wrong(item) -> str:
    """A single-choice answer that is not the key."""
    return next(o["id"] for o in item.options if o["id"] != item.key)
