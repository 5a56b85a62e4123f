"""Lift the block of an account: ``unblock_user USERNAME``."""

from django.core.management.base import BaseCommand, CommandError

from qalan.lifecycle import selectors, services
from qalan.lifecycle.management.commands._common import user_by_username


class Command(BaseCommand):
    help = "Lift the active block of an account."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--by", help="Username of the staff member (recorded in the audit log).")

    def handle(self, *args, username, by, **options):
        actor = user_by_username(by) if by else None
        block = selectors.active_block(user_by_username(username))
        if block is None:
            raise CommandError(f"{username} is not blocked.")
        services.account_unblock(actor=actor, block=block)
        self.stdout.write(f"Lifted block #{block.pk} of {username}.")
