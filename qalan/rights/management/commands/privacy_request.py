"""The DPO's actions on data-subject requests from the command line, the same as the workspace:
list, show, enter, assign, comment, verify, link, code, answer, refuse, extend, withdraw."""

from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from qalan.accounts.models import User
from qalan.rights import selectors, services
from qalan.rights.management.commands.privacy_deadline import parse_iso_date
from qalan.rights.models import RequestChannel, RequestKind

CONTENT_TYPES = {".pdf": "application/pdf", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}


def _date(text: str) -> date:
    day = parse_iso_date(text)
    if day is None:
        raise CommandError(f"{text!r} is not a date in the form YYYY-MM-DD.")
    return day


class Command(BaseCommand):
    help = "Work on data-subject requests as a data protection officer (--as USERNAME)."

    def add_arguments(self, parser):
        parser.add_argument("--as", dest="actor", required=True, help="Username of the acting data protection officer.")
        sub = parser.add_subparsers(dest="action", required=True)
        listing = sub.add_parser("list", help="The queue, soonest due first.")
        listing.add_argument("--show", choices=selectors.QUEUE_FILTERS, default="open")
        listing.add_argument("--kind", choices=RequestKind.values, default="")
        sub.add_parser("board", help="The SLA board: open, due soon, overdue, answered on time.")
        show = sub.add_parser("show", help="One request with its timeline.")
        show.add_argument("id", type=int)
        enter = sub.add_parser("enter", help="Enter a request received by e-mail or on paper.")
        enter.add_argument("--channel", choices=[RequestChannel.EMAIL, RequestChannel.PAPER], required=True)
        enter.add_argument("--kind", choices=RequestKind.values, required=True)
        enter.add_argument("--name", required=True, help="Full name of the requester.")
        enter.add_argument("--contact", required=True, help="E-mail or phone for the answer.")
        enter.add_argument("--account", default="", help="Username or phone of the account it is about.")
        enter.add_argument("--received", default="", help="Day of receipt, YYYY-MM-DD (default today).")
        enter.add_argument("--description", default="")
        enter.add_argument("--data", default="", help="The data concerned.")
        enter.add_argument("--purpose", default="", help="The consent withdrawn or objected to.")
        enter.add_argument("--representative", action="store_true")
        enter.add_argument("--power-of-attorney", default="", help="Path of the scanned document (PDF, JPEG, PNG).")
        for name, helptext in [
            ("assign", "Assign to a DPO (omit --to to clear)."),
            ("comment", "Add an internal comment."),
            ("verify", "Confirm identity after checking documents."),
            ("link", "Link to an account."),
            ("code", "Send a code to the account's own phone or e-mail."),
            ("answer", "Send the written answer."),
            ("refuse", "Send a reasoned refusal."),
            ("extend", "Move the due date, with reasons."),
            ("withdraw", "Mark as withdrawn by the requester."),
        ]:
            action = sub.add_parser(name, help=helptext)
            action.add_argument("id", type=int)
            if name == "assign":
                action.add_argument("--to", default="")
            if name in ("comment", "verify"):
                action.add_argument("--note", required=True)
            if name == "link":
                action.add_argument("--account", required=True)
            if name == "code":
                action.add_argument("--channel", choices=["sms", "email"], default="sms")
            if name == "answer":
                action.add_argument("--text", default="", help="The answer (or --file).")
                action.add_argument("--file", default="", help="Read the answer from this UTF-8 file.")
            if name == "refuse":
                action.add_argument("--reason", required=True)
                action.add_argument("--ground", required=True, help="The legal ground.")
            if name == "extend":
                action.add_argument("--until", required=True, help="New due date, YYYY-MM-DD.")
                action.add_argument("--reason", required=True)

    def handle(self, *args, actor: str, action: str, **options):
        user = User.objects.filter(username__iexact=actor).first()
        if user is None:
            raise CommandError(f"No account with username {actor!r}.")
        try:
            getattr(self, f"do_{action}")(user, options)
        except Http404:
            raise CommandError(
                f"{user.username} is not a data protection officer, or request #{options.get('id')} does not exist."
            ) from None
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None

    def _request(self, actor, options):
        return selectors.request_for_dpo(viewer=actor, request_id=options["id"])

    def do_list(self, actor, options):
        for r in selectors.requests_for_dpo(viewer=actor, show=options["show"], kind=options["kind"])[:500]:
            self.stdout.write(
                f"#{r.pk}\tdue {r.due_on:%Y-%m-%d}\t{r.kind}\t{r.status}\t{r.requester_name}\t{r.assigned_to or '-'}"
            )

    def do_board(self, actor, options):
        board = selectors.sla_board(viewer=actor)
        for key in ("open", "verifying", "due_soon", "overdue", "answered_on_time", "answered_late"):
            self.stdout.write(f"{key}: {board[key]}")

    def do_show(self, actor, options):
        r = self._request(actor, options)
        self.stdout.write(
            f"#{r.pk} {r.kind} {r.status} via {r.channel}; received {r.received_at:%Y-%m-%d}; due {r.due_on:%Y-%m-%d}"
        )
        self.stdout.write(
            f"requester: {r.requester_name} <{r.requester_contact}>{' (representative)' if r.by_representative else ''}"
        )
        self.stdout.write(f"account: {r.user.username if r.user else '-'}; verified: {r.verification_method or 'no'}")
        if r.description:
            self.stdout.write(f"request: {r.description}")
        for event in r.events.select_related("actor").order_by("created_at", "id"):
            who = event.actor.username if event.actor else "system"
            self.stdout.write(
                f"  {event.created_at:%Y-%m-%d %H:%M} {event.action} ({who}){': ' + event.note if event.note else ''}"
            )

    def do_enter(self, actor, options):
        upload = None
        if options["power_of_attorney"]:
            path = Path(options["power_of_attorney"])
            if not path.is_file():
                raise CommandError(f"{path} is not a readable file.")
            upload = SimpleUploadedFile(
                path.name, path.read_bytes(), content_type=CONTENT_TYPES.get(path.suffix.lower(), "")
            )
        created = services.request_enter(
            actor=actor,
            kind=options["kind"],
            channel=options["channel"],
            requester_name=options["name"],
            requester_contact=options["contact"],
            account_identifier=options["account"],
            description=options["description"],
            data_concerned=options["data"],
            by_representative=options["representative"],
            power_of_attorney=upload,
            consent_purpose=options["purpose"],
            received_on=_date(options["received"]) if options["received"] else None,
        )
        self.stdout.write(f"request #{created.pk} entered; due {created.due_on:%Y-%m-%d}")

    def do_assign(self, actor, options):
        assignee = None
        if options["to"]:
            assignee = selectors.dpo_users(viewer=actor).filter(username__iexact=options["to"]).first()
            if assignee is None:
                raise CommandError(f"{options['to']!r} is not a data protection officer.")
        services.request_assign(actor=actor, request=self._request(actor, options), assignee=assignee)
        self.stdout.write("assigned")

    def do_comment(self, actor, options):
        services.request_comment(actor=actor, request=self._request(actor, options), note=options["note"])
        self.stdout.write("comment added")

    def do_verify(self, actor, options):
        r = services.request_verify(actor=actor, request=self._request(actor, options), note=options["note"])
        self.stdout.write(f"verified; status {r.status}")

    def do_link(self, actor, options):
        services.request_link_account(
            actor=actor, request=self._request(actor, options), account_identifier=options["account"]
        )
        self.stdout.write("linked")

    def do_code(self, actor, options):
        services.request_code_send(actor=actor, request=self._request(actor, options), channel=options["channel"])
        self.stdout.write("a code was sent if the request has an unverified account")

    def do_answer(self, actor, options):
        text = options["text"]
        if options["file"]:
            try:
                text = Path(options["file"]).read_text(encoding="utf-8")
            except OSError as exc:
                raise CommandError(f"cannot read {options['file']}: {exc}") from None
        r = services.request_answer(actor=actor, request=self._request(actor, options), answer=text)
        self.stdout.write(f"answered; on time: {'yes' if r.answered_on_time else 'no'}")

    def do_refuse(self, actor, options):
        services.request_refuse(
            actor=actor, request=self._request(actor, options), reason=options["reason"], legal_ground=options["ground"]
        )
        self.stdout.write("refused")

    def do_extend(self, actor, options):
        r = services.request_extend(
            actor=actor, request=self._request(actor, options), until=_date(options["until"]), reason=options["reason"]
        )
        self.stdout.write(f"due {r.due_on:%Y-%m-%d}")

    def do_withdraw(self, actor, options):
        services.request_withdraw(actor=actor, request=self._request(actor, options))
        self.stdout.write("withdrawn")
