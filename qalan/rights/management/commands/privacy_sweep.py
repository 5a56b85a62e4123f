"""Run the rights app's periodic work now: automated answers left open, account deletions past
their cool-off, reminders to the DPO (the same as the Celery beat task)."""

from django.core.management.base import BaseCommand

from qalan.rights.tasks import rights_sweep


class Command(BaseCommand):
    help = "Answer pending automated requests, run due account deletions, remind the DPO of due requests."

    def handle(self, *args, **options):
        result = rights_sweep()
        self.stdout.write(", ".join(f"{key}: {value}" for key, value in result.items()))
