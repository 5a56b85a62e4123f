"""Carry the earlier practice answers (``Attempt`` on fixed tasks) into the trainer's history.

Run by ``load_content`` after the trainer's content is loaded (the templates name the tasks they
replace); idempotent: each earlier answer is imported once.
"""

from __future__ import annotations

from django.db import transaction

from qalan.learning.grading import answer_display, correct_answer_display
from qalan.learning.models import Attempt
from qalan.trainer.services.legacy import LegacyAnswer, legacy_answer_import, legacy_templates

LANGUAGES = ("kk", "ru", "en", "uz")


def _prompt(task) -> dict:
    texts = {lang: getattr(task, f"text_{lang}", "") for lang in LANGUAGES}
    return {lang: text for lang, text in texts.items() if text}


def legacy_attempts_import(*, batch: int = 500) -> int:
    """Import every earlier practice answer whose task a trainer template replaced; returns how
    many were imported now. Answers inside tests and homework stay with their sitting."""
    templates = legacy_templates()
    if not templates:
        return 0
    attempts = (
        Attempt.objects.filter(task__key__in=list(templates), submission__isnull=True, student__isnull=False)
        .select_related("task", "student")
        .prefetch_related("task__choices")
        .order_by("student_id", "created_at", "id")
    )
    seen: set[tuple[int, int]] = set()
    imported = 0
    with transaction.atomic():
        for attempt in attempts.iterator(chunk_size=batch):
            pair = (attempt.student_id, attempt.task_id)
            first = pair not in seen
            seen.add(pair)
            answer = LegacyAnswer(
                attempt_id=attempt.pk,
                student=attempt.student,
                task_key=attempt.task.key,
                prompt=_prompt(attempt.task),
                key=correct_answer_display(attempt.task),
                answer=answer_display(attempt.task, attempt.answer),
                right=attempt.is_correct,
                first=first,
                language=attempt.language,
                at=attempt.created_at,
            )
            if legacy_answer_import(answer, templates[attempt.task.key]) is not None:
                imported += 1
    return imported
