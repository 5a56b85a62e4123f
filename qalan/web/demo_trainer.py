"""The demo student's trainer: a finished diagnostic, a map in progress, a streak, a due review.

Everything goes through the trainer's own services (the diagnostic, served items, answers)
except the calendar: the streak's earlier days and the review's due date are set as if the
student had come on those days. Idempotent: nothing happens once the diagnostic exists.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from qalan.trainer import mastery
from qalan.trainer.models import Diagnostic, ItemInstance, Skill, SkillMastery, StreakDay
from qalan.trainer.services import diagnostic_answer, diagnostic_next, diagnostic_start, item_answer, item_serve

STREAK_DAYS = 4


def _knows(skill: Skill, grade: int, order: int) -> bool:
    # Sure of the earlier grades and of the first half of her own; gaps after that.
    return skill.grade < grade or order % 2 == 0


def _wrong(instance: ItemInstance) -> str:
    if instance.choices:
        right = set(instance.key.split(","))
        return next(c["id"] for c in instance.choices if c["id"] not in right)
    return "0" if instance.key != "0" else "1"


def demo_trainer(student, *, grade: int | None = None) -> bool:
    """Seed one student's trainer; False when it was seeded before or there is no content."""
    grade = grade or getattr(student.profile, "grade", None) or 6
    if (
        Diagnostic.objects.filter(student=student).exists()
        or not Skill.objects.filter(grade=grade, is_active=True).exists()
    ):
        return False
    order = {code: i for i, code in enumerate(Skill.objects.filter(grade=grade).values_list("code", flat=True))}
    diagnostic = diagnostic_start(actor=student, grade=grade)
    while (probe := diagnostic_next(actor=student, diagnostic=diagnostic)) is not None:
        right = _knows(probe.skill, grade, order.get(probe.skill.code, 0))
        diagnostic_answer(actor=student, instance=probe, answer=probe.key if right else _wrong(probe))
    # Today's practice: right first answers in two skills of her grade (the streak's fifth day).
    practised = list(Skill.objects.filter(grade=grade, is_active=True, templates__is_active=True).distinct()[:2])
    for skill in practised:
        for _ in range(3):
            item = item_serve(actor=student, skill=skill)
            item_answer(actor=student, instance=item, answer=item.key)
    today = timezone.localdate()
    for days_ago in range(1, STREAK_DAYS + 1):
        StreakDay.objects.update_or_create(
            student=student,
            day=today - timedelta(days=days_ago),
            defaults={"right_first_answers": settings.QALAN_STREAK_MIN_RIGHT + days_ago % 3},
        )
    # A skill mastered two weeks ago whose spaced review is due today.
    placed = SkillMastery.objects.filter(student=student).exclude(skill__in=practised).order_by("-score").first()
    if placed is not None:
        then = timezone.now() - timedelta(days=14)
        for step in range(6):
            mastery.mastery_record(
                student=student, skill=placed.skill, right=True, difficulty=3, at=then + timedelta(hours=step)
            )
        SkillMastery.objects.filter(pk=placed.pk).update(review_due_at=timezone.now() - timedelta(hours=3))
    return True
