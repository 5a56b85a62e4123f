"""Legal holds from the shell: ``legal_hold list``, ``legal_hold place``, ``legal_hold release``."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from qalan.lifecycle import services
from qalan.lifecycle.management.commands._common import command_error, user_by_username
from qalan.lifecycle.models import LegalHold


class Command(BaseCommand):
    help = "List, place or release legal holds (they suspend erasure and retention of the held data)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("list", help="Show holds in force and ended ones.")
        place = sub.add_parser("place", help="Hold one user's data or a whole data set.")
        place.add_argument("--user", help="Username to hold.")
        place.add_argument("--dataset", help="Model label of a data set, e.g. lifecycle.RequestLog.")
        place.add_argument("--reason", required=True)
        place.add_argument("--until", required=True, help="End date, YYYY-MM-DD.")
        place.add_argument("--by", help="Username of the DPO placing it (recorded in the audit log).")
        release = sub.add_parser("release", help="Release a hold.")
        release.add_argument("hold_id", type=int)
        release.add_argument("--by", help="Username of the DPO releasing it.")

    def handle(self, *args, action, **options):
        actor = user_by_username(options["by"], role="dpo") if options.get("by") else None
        try:
            if action == "list":
                self._list()
            elif action == "place":
                self._place(actor, options)
            else:
                hold = LegalHold.objects.filter(pk=options["hold_id"]).first()
                if hold is None:
                    raise CommandError(f"No legal hold #{options['hold_id']}. See: legal_hold list")
                services.legal_hold_release(actor=actor, hold=hold)
                self.stdout.write(f"Legal hold #{hold.pk} released.")
        except ValidationError as exc:
            raise command_error(exc) from None

    def _list(self):
        for hold in LegalHold.objects.select_related("user").order_by("released_at", "-created_at"):
            target = hold.user.username if hold.user else (hold.dataset or "(account deleted)")
            state = "active" if hold.is_active else "ended"
            self.stdout.write(f"#{hold.pk:<5} {state:7} until {hold.ends_on}  {target}: {hold.reason[:80]}")

    def _place(self, actor, options):
        try:
            until = date.fromisoformat(options["until"])
        except ValueError:
            raise CommandError("--until must be a date written YYYY-MM-DD.") from None
        user = user_by_username(options["user"]) if options.get("user") else None
        hold = services.legal_hold_place(
            actor=actor, user=user, dataset=options.get("dataset") or "", reason=options["reason"], ends_on=until
        )
        self.stdout.write(f"Legal hold #{hold.pk} placed until {hold.ends_on}.")
