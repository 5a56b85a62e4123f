"""Trainer fixtures: a small map of skills across grades 5 and 6 with prerequisites, templates
that draw sums from a test generator, and students.

    5.add (grade 5) <- 6.add2 (needs 5.add) <- 6.sum3 (needs 6.add2) ; 6.alone (no prerequisites)
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from qalan.trainer.content.registry import _REGISTRY, generator
from qalan.trainer.models import Chapter, ItemTemplate, Skill
from qalan.trainer.services import item_answer, item_serve


def _draw_sum(rng, options):
    a, b = rng.randint(10, 99), rng.randint(10, 99)
    return {"values": {"a": a, "b": b}, "key": str(a + b)}


if "test_add" not in _REGISTRY:
    generator("test_add")(_draw_sum)

TEXTS = {
    "prompt": {
        "en": "Compute $[[a]] + [[b]]$",
        "kk": "Есепте: $[[a]] + [[b]]$",
        "ru": "Вычисли $[[a]] + [[b]]$",
        "uz": "Hisobla: $[[a]] + [[b]]$",
    },
    "hints": [{"en": "Add the tens first: [[a]] + [[b]]"}, {"en": "Then add the units of [[a]] and [[b]]"}],
    "solution": [{"en": "Add [[a]] and [[b]]"}, {"en": "The sum is the answer"}],
}


def skill_with_templates(
    code: str, grade: int, chapter: Chapter, order: int, *, prerequisites=(), extended=False
) -> Skill:
    skill = Skill.objects.create(
        code=code, chapter=chapter, grade=grade, order=order, title={"en": f"Skill {code}"}, is_extended=extended
    )
    skill.prerequisites.set(prerequisites)
    for difficulty in (1, 2, 3):
        ItemTemplate.objects.create(
            skill=skill,
            key=f"{code}-d{difficulty}",
            answer_form="number",
            generator="test_add",
            definition=TEXTS,
            difficulty=difficulty,
        )
    return skill


@dataclass
class Map:
    add5: Skill
    add2: Skill
    sum3: Skill
    alone: Skill
    extended: Skill


@pytest.fixture
def skills(db) -> Map:
    c5 = Chapter.objects.create(code="g5-numbers", grade=5, section="numbers", title={"en": "Numbers 5"})
    c6 = Chapter.objects.create(code="g6-numbers", grade=6, section="numbers", title={"en": "Numbers 6"})
    add5 = skill_with_templates("5.add", 5, c5, 1)
    add2 = skill_with_templates("6.add2", 6, c6, 1, prerequisites=[add5])
    sum3 = skill_with_templates("6.sum3", 6, c6, 2, prerequisites=[add2])
    alone = skill_with_templates("6.alone", 6, c6, 3)
    extended = skill_with_templates("6.paid", 6, c6, 4, extended=True)
    return Map(add5=add5, add2=add2, sum3=sum3, alone=alone, extended=extended)


@pytest.fixture
def student(make_student):
    user = make_student("stella")
    user.profile.grade = 6
    user.profile.save()
    return user


@pytest.fixture
def other_student(make_student):
    return make_student("otis")


def right(instance) -> str:
    return instance.key


def wrong(instance) -> str:
    return str(int(instance.key) + 1)


def solve(student, skill, *, correct=True, difficulty=None, **kwargs):
    """Serve a fresh item and answer it at once (a counted answer)."""
    instance = item_serve(actor=student, skill=skill, difficulty=difficulty, **kwargs)
    return item_answer(actor=student, instance=instance, answer=right(instance) if correct else wrong(instance))
