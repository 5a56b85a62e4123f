"""The operator's table of transferred days (the admin's twin): list, add or remove a day, and
show whether a date is a business day."""

from django.core.management.base import BaseCommand, CommandError

from qalan.core.calendar import is_business_day
from qalan.rights.management.commands.privacy_deadline import parse_iso_date
from qalan.rights.models import TransferredDay
from qalan.rights.services import transferred_day_remove, transferred_day_set


def _day(text: str):
    day = parse_iso_date(text)
    if day is None:
        raise CommandError(f"{text!r} is not a date in the form YYYY-MM-DD.")
    return day


class Command(BaseCommand):
    help = "Transferred days off and working days of Kazakhstan: list, add, remove, check DATE."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        listing = sub.add_parser("list")
        listing.add_argument("--year", type=int)
        add = sub.add_parser("add")
        add.add_argument("date")
        add.add_argument("kind", choices=TransferredDay.Kind.values)
        add.add_argument("--decree", required=True, help="The government decree that moved the day.")
        add.add_argument("--note", default="")
        remove = sub.add_parser("remove")
        remove.add_argument("date")
        check = sub.add_parser("check")
        check.add_argument("date")

    def handle(self, *args, action: str, **options):
        if action == "list":
            days = TransferredDay.objects.all()
            if options["year"]:
                days = days.filter(date__year=options["year"])
            for d in days:
                self.stdout.write(f"{d.date:%Y-%m-%d}\t{d.kind}\t{d.decree}")
        elif action == "add":
            # The operator at the console is the actor (None), as in the other commands.
            day, created = transferred_day_set(
                actor=None,
                day=_day(options["date"]),
                kind=options["kind"],
                decree=options["decree"],
                note=options["note"],
            )
            self.stdout.write(f"{day.date:%Y-%m-%d} {day.kind} {'added' if created else 'updated'}")
        elif action == "remove":
            if not transferred_day_remove(actor=None, day=_day(options["date"])):
                raise CommandError(f"{options['date']} is not in the table.")
            self.stdout.write(f"{options['date']} removed")
        else:
            day = _day(options["date"])
            self.stdout.write("business day" if is_business_day(day) else "day off")
