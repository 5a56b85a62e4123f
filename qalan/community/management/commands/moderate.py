"""The moderation queue from the shell: list open reports, hide or dismiss one, unhide content."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from qalan.community.models import Comment, Message, Report
from qalan.community.selectors import MODERATOR_ROLES
from qalan.community.services import content_unhide, report_resolve


class Command(BaseCommand):
    help = (
        "moderate list | moderate hide REPORT_ID --as USERNAME | moderate dismiss REPORT_ID --as USERNAME | "
        "moderate unhide-comment ID --as USERNAME | moderate unhide-message ID --as USERNAME"
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["list", "hide", "dismiss", "unhide-comment", "unhide-message"])
        parser.add_argument("target", nargs="?", type=int)
        parser.add_argument(
            "--as", dest="moderator", help="Username of the support or admin account that acts (audited)"
        )

    def handle(self, *args, action, target, moderator, **options):
        if action == "list":
            for report in Report.objects.filter(outcome=Report.Outcome.OPEN).order_by("created_at"):
                kind = f"comment {report.comment_id}" if report.comment_id else f"message {report.message_id}"
                self.stdout.write(f"#{report.pk} {report.created_at:%Y-%m-%d %H:%M} {report.reason} {kind}")
            return
        if target is None:
            raise CommandError("give the id of the report, comment or message")
        actor = get_user_model().objects.filter(username__iexact=moderator or "", role__in=MODERATOR_ROLES).first()
        if actor is None:
            raise CommandError("--as must name a support or admin account")
        if action in ("hide", "dismiss"):
            report = Report.objects.filter(pk=target, outcome=Report.Outcome.OPEN).first()
            if report is None:
                raise CommandError(f"no open report #{target}")
            report_resolve(actor=actor, report=report, hide=action == "hide")
        else:
            model = Comment if action == "unhide-comment" else Message
            item = model.objects.filter(pk=target).first()
            if item is None:
                raise CommandError(f"no {model.__name__.lower()} #{target}")
            content_unhide(actor=actor, **{model.__name__.lower(): item})
        self.stdout.write("done")
