"""Create or update the shipped learning content (mathematics, grades 4-7, in kk / ru / en)."""

from django.core.management.base import BaseCommand

from qalan.learning.content import content_load


class Command(BaseCommand):
    help = "Load the shipped mathematics topics, tasks and tests (idempotent; safe in production)."

    def handle(self, *args, **options):
        counts = content_load()
        self.stdout.write("content: " + ", ".join(f"{n} {what}" for what, n in counts.items()))
