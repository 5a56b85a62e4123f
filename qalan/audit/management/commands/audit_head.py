from django.core.management.base import BaseCommand, CommandError

from qalan.audit.head import head_path, head_read
from qalan.audit.services import audit_head_reset


class Command(BaseCommand):
    help = (
        "Show the head of the audit chain kept outside the database; --reset re-anchors it on the "
        "last event after a deliberate restore (refused while the chain does not verify; recorded)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="write the head from the table's last event")

    def handle(self, *args, **options):
        if options["reset"]:
            try:
                event = audit_head_reset()
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
            self.stdout.write(f"audit head reset to event {event.pk} in {head_path()}")
            return
        try:
            head = head_read()
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{head_path()}: " + (f"event {head['id']} hash {head['hash']}" if head else "no head yet"))
