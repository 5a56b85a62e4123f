"""History from before the trainer: answers of the earlier practice (fixed tasks) become
closed trainer items of the templates that replaced those tasks (``legacy_tasks`` in the content
files), so they keep counting in the student's history and mastery.

Only the first answer of a student to a task counts for mastery (the earlier practice let a
task be answered again and again); later ones are kept in history without counting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from qalan.trainer import mastery
from qalan.trainer.models import ItemAttempt, ItemInstance, ItemTemplate, Purpose, Result


@dataclass
class LegacyAnswer:
    attempt_id: int
    student: object
    task_key: str
    prompt: dict  # {language: text}
    key: str
    answer: str
    right: bool
    first: bool
    language: str
    at: datetime


def legacy_templates() -> dict[str, ItemTemplate]:
    """Old task key -> the active template that replaced it."""
    found = {}
    for template in ItemTemplate.objects.filter(is_active=True).select_related("skill"):
        for task_key in template.definition.get("legacy_tasks") or []:
            found.setdefault(task_key, template)
    return found


def legacy_answer_import(answer: LegacyAnswer, template: ItemTemplate) -> ItemAttempt | None:
    """One earlier answer as a closed item with its answer (call inside a transaction); None if
    it was imported before."""
    if ItemAttempt.objects.filter(legacy_attempt_id=answer.attempt_id).exists():
        return None
    result = Result.RIGHT if answer.right else Result.WRONG
    instance = ItemInstance.objects.create(
        template=template,
        template_version=template.version,
        skill=template.skill,
        student=answer.student,
        seed=0,
        params={"legacy_task": answer.task_key},
        key=answer.key[:300],
        rendered={"prompt": answer.prompt, "hints": [], "solution": []},
        difficulty=template.difficulty,
        purpose=Purpose.PRACTICE,
        status=ItemInstance.Status.CLOSED,
        result=result,
        lives_left=0,
        created_at=answer.at,
        closed_at=answer.at,
    )
    attempt = ItemAttempt.objects.create(
        instance=instance,
        student=answer.student,
        answer=answer.answer[:300],
        result=result,
        counts=answer.first,
        language=answer.language,
        created_at=answer.at,
        legacy_attempt_id=answer.attempt_id,
    )
    if answer.first:
        mastery.mastery_record(
            student=answer.student,
            skill=template.skill,
            right=answer.right,
            difficulty=template.difficulty,
            at=answer.at,
        )
    return attempt
