"""The streak: a day counts once the student gives ``QALAN_STREAK_MIN_RIGHT`` right counted
answers; one freeze day a week keeps the streak through a single missed day."""

from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone

from qalan.trainer.models import StreakDay

FREEZE_EVERY_DAYS = 7


def _counts(row: StreakDay | None) -> bool:
    return row is not None and (row.is_freeze or row.right_first_answers >= settings.QALAN_STREAK_MIN_RIGHT)


def streak_record_right(*, student, day: date | None = None) -> StreakDay:
    """One more right counted answer today (called inside the answer's transaction). When today
    starts to count and yesterday was missed after a counting day, yesterday becomes a freeze
    day, at most once in ``FREEZE_EVERY_DAYS`` days."""
    day = day or timezone.localdate()
    # One row a day, locked while it grows (two answers at once both count).
    row = StreakDay.objects.select_for_update().filter(student=student, day=day).first()
    if row is None:
        row, _created = StreakDay.objects.get_or_create(student=student, day=day)
        row = StreakDay.objects.select_for_update().get(pk=row.pk)
    row.right_first_answers += 1
    row.save(update_fields=["right_first_answers"])
    if row.right_first_answers == settings.QALAN_STREAK_MIN_RIGHT:
        days = {
            r.day: r
            for r in StreakDay.objects.filter(
                student=student, day__gte=day - timedelta(days=FREEZE_EVERY_DAYS), day__lt=day
            )
        }
        yesterday, before = day - timedelta(days=1), day - timedelta(days=2)
        recent_freeze = any(r.is_freeze for r in days.values())
        if not _counts(days.get(yesterday)) and _counts(days.get(before)) and not recent_freeze:
            StreakDay.objects.update_or_create(student=student, day=yesterday, defaults={"is_freeze": True})
    return row
