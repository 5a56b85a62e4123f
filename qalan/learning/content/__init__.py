"""Learning content shipped with the platform, and its loader."""

from django.db import transaction

from qalan.audit.services import audit_record
from qalan.learning.content import mathematics
from qalan.learning.models import Choice, Quiz, QuizItem, Subject, Task, Topic


def _localised(prefix: str, texts: dict[str, str]) -> dict[str, str]:
    return {f"{prefix}_{lang}": texts[lang] for lang in mathematics.LANGS}


def _task_load(spec: dict, topics: dict[str, Topic]) -> Task:
    defaults = {
        "topic": topics[spec["topic"]],
        "kind": spec["kind"],
        "difficulty": spec["difficulty"],
        "is_extended": spec["extended"],
        "is_published": True,
        **_localised("text", spec["text"]),
        **_localised("explanation", spec["explanation"]),
        "answer_number": spec.get("answer"),
        "tolerance": spec.get("tolerance", 0),
        "accepted_answers": spec.get("accepted", []),
    }
    task, _created = Task.objects.update_or_create(key=spec["key"], defaults=defaults)
    if spec["kind"] in (Task.Kind.SINGLE, Task.Kind.MULTIPLE):
        # Replaced only when they changed: answers given so far keep pointing at the same options.
        wanted = [(c["kk"], c["ru"], c["en"], c["correct"]) for c in spec["choices"]]
        current = [(c.text_kk, c.text_ru, c.text_en, c.is_correct) for c in task.choices.order_by("order", "id")]
        if wanted != current:
            task.choices.all().delete()
            Choice.objects.bulk_create(
                [
                    Choice(task=task, order=i, text_kk=kk, text_ru=ru, text_en=en, is_correct=ok)
                    for i, (kk, ru, en, ok) in enumerate(wanted)
                ]
            )
    return task


def content_load(*, actor=None) -> dict[str, int]:
    """Create or update the shipped mathematics content (idempotent)."""
    with transaction.atomic():
        subject, _created = Subject.objects.update_or_create(
            key=mathematics.SUBJECT["key"],
            defaults={f"name_{lang}": mathematics.SUBJECT[lang] for lang in mathematics.LANGS},
        )
        topics = {}
        for key, grade, order, kk, ru, en in mathematics.TOPICS:
            topics[key], _created = Topic.objects.update_or_create(
                key=key,
                defaults={
                    "subject": subject,
                    "grade": grade,
                    "order": order,
                    "name_kk": kk,
                    "name_ru": ru,
                    "name_en": en,
                },
            )
        tasks = {spec["key"]: _task_load(spec, topics) for spec in mathematics.TASKS}
        for key, topic_key, minutes, extended, (kk, ru, en), task_keys in mathematics.QUIZZES:
            quiz, _created = Quiz.objects.update_or_create(
                key=key,
                defaults={
                    "topic": topics[topic_key],
                    "time_limit_minutes": minutes,
                    "is_extended": extended,
                    "title_kk": kk,
                    "title_ru": ru,
                    "title_en": en,
                },
            )
            if list(quiz.items.order_by("order").values_list("task__key", flat=True)) != task_keys:
                quiz.items.all().delete()
                QuizItem.objects.bulk_create(
                    [QuizItem(quiz=quiz, task=tasks[k], order=i) for i, k in enumerate(task_keys)]
                )
        counts = {"topics": len(topics), "tasks": len(tasks), "tests": len(mathematics.QUIZZES)}
        audit_record(actor=actor, event_type="content.loaded", extra=counts)
    return counts
