"""Block an account for a breach of the rules (P4.5.b): ``block_user USERNAME --reason spam --explanation ...``."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand

from qalan.lifecycle import services
from qalan.lifecycle.management.commands._common import command_error, user_by_username
from qalan.lifecycle.models import BlockReason


class Command(BaseCommand):
    help = "Block an account: it is signed out everywhere and sees the reason and how to contest it."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--reason", required=True, choices=BlockReason.values)
        parser.add_argument("--explanation", required=True, help="Shown to the person.")
        parser.add_argument("--by", help="Username of the staff member (recorded in the audit log).")

    def handle(self, *args, username, reason, explanation, by, **options):
        actor = user_by_username(by) if by else None
        try:
            block = services.account_block(
                actor=actor, user=user_by_username(username), reason=reason, explanation=explanation
            )
        except ValidationError as exc:
            raise command_error(exc) from None
        self.stdout.write(f"Blocked {username} (block #{block.pk}).")
