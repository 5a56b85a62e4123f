from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from qalan.notify.models import Campaign
from qalan.notify.services import campaign_send


class Command(BaseCommand):
    help = "Send a newsletter (created in the admin) to the users who agreed to news and offers."

    def add_arguments(self, parser):
        parser.add_argument("campaign_id", type=int)

    def handle(self, *args, campaign_id, **options):
        campaign = Campaign.objects.filter(pk=campaign_id).first()
        if campaign is None:
            raise CommandError(f"No newsletter #{campaign_id}.")
        try:
            count = campaign_send(actor=None, campaign=campaign)
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None
        self.stdout.write(f"sent to {count} users")
