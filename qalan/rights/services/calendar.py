"""The operator's table of transferred days: every change moves request deadlines, so each is
audited with what it was before."""

from datetime import date

from django.db import transaction

from qalan.audit.services import audit_record
from qalan.rights.models import TransferredDay


def transferred_day_set(*, actor, day: date, kind: str, decree: str, note: str = "") -> tuple[TransferredDay, bool]:
    """Add a transferred day or change one; returns the day and whether it was new."""
    with transaction.atomic():
        before = TransferredDay.objects.select_for_update().filter(date=day).first()
        old = {"kind": before.kind, "decree": before.decree} if before else None
        record, created = TransferredDay.objects.update_or_create(
            date=day, defaults={"kind": kind, "decree": decree, "note": note}
        )
        audit_record(
            actor=actor,
            event_type="calendar.day_added" if created else "calendar.day_changed",
            extra={"date": day.isoformat(), "kind": kind, "decree": decree, "before": old},
        )
    return record, created


def transferred_day_remove(*, actor, day: date) -> bool:
    """Remove a transferred day; False when the table had none for that date."""
    with transaction.atomic():
        record = TransferredDay.objects.select_for_update().filter(date=day).first()
        if record is None:
            return False
        audit_record(
            actor=actor,
            event_type="calendar.day_removed",
            extra={"date": day.isoformat(), "before": {"kind": record.kind, "decree": record.decree}},
        )
        record.delete()
    return True
