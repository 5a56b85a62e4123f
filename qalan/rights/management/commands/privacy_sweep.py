"""Run the rights app's periodic work now: automated answers left open, account deletions past
their cool-off, reminders to the DPO, and the breach register's reminders and alarms (the same
as the Celery beat tasks)."""

from django.core.management.base import BaseCommand

from qalan.rights.tasks import breach_sweep, rights_sweep


class Command(BaseCommand):
    help = (
        "Answer pending automated requests, run due account deletions, remind the DPO of due requests "
        "and of incidents whose notice to the authorised body is due or overdue."
    )

    def handle(self, *args, **options):
        result = rights_sweep()
        result["incidents_reminded"] = breach_sweep()["reminded"]
        self.stdout.write(", ".join(f"{key}: {value}" for key, value in result.items()))
