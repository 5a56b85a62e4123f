"""Print the current two-factor code of an account (development only: refused in production)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from qalan.accounts import totp
from qalan.accounts.models import TOTPDevice
from qalan.accounts.services import otp_secret


class Command(BaseCommand):
    help = "Print the current two-factor sign-in code of USERNAME (development and test only)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        if settings.PRODUCTION:
            raise CommandError("otp_code refuses to run in production (QALAN_ENV=production): codes are secrets.")
        device = TOTPDevice.objects.filter(user__username__iexact=username).first()
        if device is None:
            raise CommandError(f"{username} has no two-factor device (set one up at /accounts/2fa/).")
        self.stdout.write(totp.code_now(otp_secret(device)))
