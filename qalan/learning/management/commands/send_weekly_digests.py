"""Queue this week's digest to every parent linked to a child (safe to run twice)."""

from django.core.management.base import BaseCommand

from qalan.learning.services import digest_send_weekly


class Command(BaseCommand):
    help = "Queue the weekly digest of children's activity to every linked parent (at most once a week each)."

    def handle(self, *args, **options):
        sent = digest_send_weekly()
        self.stdout.write(f"weekly digests queued: {sent}")
