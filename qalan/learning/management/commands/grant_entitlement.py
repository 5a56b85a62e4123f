"""Grant or revoke access to extended content (what staff do in the admin, from the shell)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from qalan.learning.models import Entitlement
from qalan.learning.services import entitlement_grant, entitlement_revoke


class Command(BaseCommand):
    help = "Grant extended content to USERNAME (--days N, --reason TEXT), or --revoke their active entitlements."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--reason", default="", help="Why, e.g. 'school licence' (required to grant)")
        parser.add_argument("--days", type=int, default=None, help="Length of access; no end when omitted")
        parser.add_argument("--revoke", action="store_true", help="Revoke the user's active entitlements instead")

    def handle(self, *args, username, reason, days, revoke, **options):
        user = get_user_model().objects.filter(username__iexact=username).first()
        if user is None:
            raise CommandError(f"no account with the username {username!r}")
        if revoke:
            active = Entitlement.objects.filter(user=user, revoked_at__isnull=True)
            for entitlement in active:
                entitlement_revoke(actor=None, entitlement=entitlement)
            self.stdout.write(f"revoked: {len(active)}")
            return
        try:
            entitlement = entitlement_grant(actor=None, user=user, reason=reason, days=days)
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None
        until = entitlement.ends_at.isoformat() if entitlement.ends_at else "no end"
        self.stdout.write(f"granted extended content to {user.username} until {until}")
