"""Trainer items inside a test or homework (the sitting itself is the learning app's).

A sitting draws *sealed* instances: while the sitting is open they take no answer, hint or
solution through the trainer, and the skill is not practised elsewhere (see
``serving.instance_create``). On submission each item is judged once, with the same exact
checking as practice, and unsealed: its solution then opens, and a readable first answer
counts for mastery like any first attempt on a fresh item.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from qalan.trainer import answers, mastery
from qalan.trainer.models import ItemAttempt, ItemInstance, Purpose, Result, Skill
from qalan.trainer.services.serving import instance_create
from qalan.trainer.services.streak import streak_record_right

ANSWER_MAX_LENGTH = 300


def sitting_items_issue(
    *, student, skill: Skill, count: int, difficulty: int, purpose: str = Purpose.TEST
) -> list[ItemInstance]:
    """``count`` fresh sealed instances of one template of ``skill`` at ``difficulty`` (the same
    template for every student of the sitting; other seeds, so other numbers)."""
    return [instance_create(student=student, skill=skill, purpose=purpose, difficulty=difficulty) for _ in range(count)]


@dataclass(frozen=True)
class AskedAs:
    """How a sitting asks an item when not in its own form: the ENT asks a numeric item as a
    choice among options it made, with its own key over them (checked by the same checker)."""

    form: str  # "choice" | "multi"
    key: str  # "b" | "a,d"
    choices: tuple[str, ...]


def sitting_item_check(
    *, instance: ItemInstance, raw: str, language: str, asked_as: AskedAs | None = None
) -> answers.Verdict:
    """Judge an answer without storing it (to refuse an unreadable one before anything is written)."""
    return answers.check(
        form=asked_as.form if asked_as else instance.template.answer_form,
        key=asked_as.key if asked_as else instance.key,
        raw=raw[:ANSWER_MAX_LENGTH],
        language=language,
        unit="" if asked_as else instance.unit,
        choices=asked_as.choices if asked_as else tuple(c["id"] for c in instance.choices),
    )


@dataclass
class Closed:
    instance: ItemInstance
    result: str  # right | wrong ("" when unanswered)
    answer: str


def sitting_item_close(
    *, student, instance: ItemInstance, raw: str, language: str, at=None, asked_as: AskedAs | None = None
) -> Closed:
    """Judge and close one sealed item of a submitted sitting (call inside its transaction).
    An empty or unreadable answer at submission is wrong (time ran out on it); it is stored as
    typed, not counted for mastery."""
    at = at or timezone.now()
    raw = (raw or "").strip()[:ANSWER_MAX_LENGTH]
    verdict = sitting_item_check(instance=instance, raw=raw, language=language, asked_as=asked_as) if raw else None
    readable = verdict is not None and verdict.status in (Result.RIGHT, Result.WRONG)
    result = verdict.status if readable else Result.WRONG
    if raw:
        ItemAttempt.objects.create(
            instance=instance,
            student=student,
            answer=raw,
            normalised=((verdict.normalised if verdict else "") or "")[:300],
            result=verdict.status if verdict else Result.INVALID,
            counts=readable,
            language=language,
            created_at=at,
        )
    instance.result, instance.status, instance.closed_at = result, ItemInstance.Status.CLOSED, at
    instance.sealed, instance.lives_left = False, 0
    instance.save(update_fields=["result", "status", "closed_at", "sealed", "lives_left"])
    if readable:
        mastery.mastery_record(
            student=student, skill=instance.skill, right=result == Result.RIGHT, difficulty=instance.difficulty, at=at
        )
        if result == Result.RIGHT:
            streak_record_right(student=student, day=timezone.localdate(at))
    return Closed(instance=instance, result=result if raw else "", answer=raw)
