"""Making served instances: which template, a fresh seed, the built texts. Used by the item,
focus and diagnostic services (no audit here: the calling service records the event)."""

from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from qalan.accounts.models import Role
from qalan.trainer.access import may_open
from qalan.trainer.content import build
from qalan.trainer.models import LIVES_PER_ITEM, ItemInstance, ItemTemplate, Purpose, Skill, SkillMastery, pick_language
from qalan.trainer.selectors import sealed_skill_ids


def require_student(actor) -> None:
    if not (actor.is_authenticated and actor.has_role(Role.STUDENT)):
        raise ValidationError(
            {"__all__": [_("Only students practise in the trainer. Sign in with a student account.")]}
        )


def require_open(actor, skill: Skill) -> None:
    if not may_open(actor, skill):
        raise ValidationError(
            {"skill": [_("This skill is part of the extended content. Ask your school about extended access.")]}
        )


def sealed_error(field: str = "answer") -> ValidationError:
    return ValidationError(
        {
            field: [
                _(
                    "This item is part of your open test or homework: answer it there. Its hints and solution open once you submit."
                )
            ]
        }
    )


def target_difficulty(*, student, skill: Skill) -> int:
    """Easy items while the skill is new, harder ones as the score grows."""
    score = SkillMastery.objects.filter(student=student, skill=skill).values_list("score", flat=True).first() or 0
    return 1 if score < 40 else 2 if score < 75 else 3


def template_pick(*, skill: Skill, difficulty: int, exact: bool = False) -> ItemTemplate:
    """An active template of the skill as close to ``difficulty`` as there is (at random among
    the closest, for variety). ``exact`` (tests and homework): the closest difficulty that the
    skill has, the same for every student (the first such template by key), so classmates get
    other numbers of the same work."""
    templates = sorted(ItemTemplate.objects.filter(skill=skill, is_active=True), key=lambda t: t.key)
    if not templates:
        raise ValidationError({"skill": [_("This skill has no items yet. Choose another skill.")]})
    best = min(abs(t.difficulty - difficulty) for t in templates)
    closest = [t for t in templates if abs(t.difficulty - difficulty) == best]
    if exact:
        # Below the requested difficulty before above it, so no student gets a harder test.
        closest.sort(key=lambda t: (t.difficulty > difficulty, t.key))
        return closest[0]
    return closest[secrets.randbelow(len(closest))]


def instance_create(
    *,
    student,
    skill: Skill,
    purpose: str = Purpose.PRACTICE,
    difficulty: int | None = None,
    focus=None,
    diagnostic=None,
    similar_to: ItemInstance | None = None,
    lives: int = LIVES_PER_ITEM,
) -> ItemInstance:
    sealed = purpose in (Purpose.TEST, Purpose.HOMEWORK)
    if not sealed and skill.pk in sealed_skill_ids(student):
        raise ValidationError(
            {"skill": [_("You have an open test or homework on this skill. Submit it first, then practise here.")]}
        )
    if difficulty is None:
        difficulty = target_difficulty(student=student, skill=skill)
    template = template_pick(skill=skill, difficulty=difficulty, exact=sealed)
    # A fresh random seed each time: a second serving (and a similar item) has other numbers.
    seed = secrets.randbits(62)
    built = build(template, seed)
    return ItemInstance.objects.create(
        template=template,
        template_version=template.version,
        skill=skill,
        student=student,
        seed=seed,
        params=built.params,
        key=built.key,
        unit=built.unit,
        choices=built.choices,
        rendered=built.rendered,
        difficulty=template.difficulty,
        purpose=purpose,
        focus=focus,
        diagnostic=diagnostic,
        similar_to=similar_to,
        lives_left=1 if sealed else lives,
        sealed=sealed,
        created_at=timezone.now(),
    )


def _text(texts: dict | None) -> str:
    return pick_language(texts or {}, translation.get_language())


def hint_text(instance: ItemInstance, level: int) -> str:
    hints = instance.rendered.get("hints") or []
    return _text(hints[level - 1]) if 0 < level <= len(hints) else ""


def solution_steps(instance: ItemInstance) -> list[str]:
    return [_text(step) for step in instance.rendered.get("solution") or []]
