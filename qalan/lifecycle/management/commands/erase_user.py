"""Erase one account as the inventory declares (operator): ``erase_user USERNAME --now``."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from qalan.lifecycle import selectors, services
from qalan.lifecycle.management.commands._common import command_error, user_by_username
from qalan.lifecycle.models import ErasureRun

PAST = {
    "delete": "deleted",
    "anonymise": "anonymised",
    "scrub": "scrubbed",
    "archive": "archived",
    "detach": "detached",
}


class Command(BaseCommand):
    help = (
        "Erase an account: delete, anonymise or archive its data as the inventory declares. Without --now "
        "the erasure is scheduled after the cool-off; --now skips the cool-off. Legal holds are respected."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--now", action="store_true", help="Skip the cool-off and erase at once.")
        parser.add_argument("--reason", default="operator", help="Why (no personal data), e.g. 'support ticket 42'.")

    def handle(self, *args, username, now, reason, **options):
        user = user_by_username(username)
        try:
            if not now:
                return self._schedule(user, reason)
            run = services.erasure_run(user=user, actor=None, reason=reason, skip_cool_off=True)
        except ValidationError as exc:
            raise command_error(exc) from None
        if run.status == ErasureRun.Status.HELD:
            raise CommandError(
                f"Erasure #{run.pk} paused: legal hold #{run.held_by_id} was placed while it ran. "
                "It resumes when the hold ends."
            )
        self.stdout.write(self.style.SUCCESS(f"Erased account {username} (erasure #{run.pk})."))
        self._print_summary(run)

    def _schedule(self, user, reason):
        holds = selectors.holds_blocking_erasure(user)
        if holds:
            raise CommandError(services._hold_message(holds))
        until = services.cool_off_ends(user)
        if until is not None:
            raise CommandError(
                f"{user.username}'s deletion is in its cool-off until {timezone.localtime(until):%Y-%m-%d %H:%M}. "
                "Run again with --now to skip the cool-off."
            )
        run = services.erasure_schedule(user=user, actor=None, reason=reason)
        self.stdout.write(
            f"Erasure #{run.pk} of {user.username} scheduled for {timezone.localtime(run.not_before):%Y-%m-%d %H:%M} "
            "(after the cool-off). Run again with --now to erase at once."
        )

    def _print_summary(self, run):
        summary = services.erasure_summary(run)
        width = max((len(c) for c in summary), default=10)
        self.stdout.write(f"{'category'.ljust(width)}  deleted  anonymised  scrubbed  archived  detached")
        for category in sorted(summary):
            counts = summary[category]
            self.stdout.write(
                f"{category.ljust(width)}  {counts.get('delete', 0):7}  {counts.get('anonymise', 0):10}  "
                f"{counts.get('scrub', 0):8}  {counts.get('archive', 0):8}  {counts.get('detach', 0):8}"
            )
        for step in run.steps.order_by("position"):
            if step.rows or step.files:
                files = f", {step.files} file(s) removed from storage" if step.files else ""
                self.stdout.write(f"  {step.model}: {PAST[step.action]} {step.rows} row(s){files}")
