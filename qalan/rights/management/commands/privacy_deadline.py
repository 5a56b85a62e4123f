"""Contract: ``privacy_deadline KIND YYYY-MM-DD`` prints, as its last line, the ISO due date of a
request of KIND received that day (Kazakhstan business days; the day of receipt not counted)."""

import re
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from qalan.core.calendar import DEADLINE_KINDS, deadline_days, deadline_for


def parse_iso_date(text: str) -> date | None:
    """Only the calendar form YYYY-MM-DD (fromisoformat alone would also take 20250320 or week dates)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text or ""):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


class Command(BaseCommand):
    help = (
        "Print the due date of a request received on a date: KIND is information (6.1), correction or "
        "deletion (6.2), or response (7.3, any request). The last line is the ISO date."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=DEADLINE_KINDS)
        parser.add_argument("received", help="The day the request was received, as YYYY-MM-DD.")

    def handle(self, *args, kind: str, received: str, **options):
        day = parse_iso_date(received)
        if day is None:
            raise CommandError(
                f"{received!r} is not a date in the form YYYY-MM-DD (for example 2025-03-20). Give the day the request was received."
            )
        due = deadline_for(kind, day)
        self.stdout.write(
            f"{kind}: {deadline_days(kind)} business days of Kazakhstan after {day.isoformat()} "
            "(the day of receipt is not counted)"
        )
        self.stdout.write(due.isoformat())
