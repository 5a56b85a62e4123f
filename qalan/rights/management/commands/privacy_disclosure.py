"""Record a disclosure (what went to whom, when, on which basis) or list the log: the command-line
twin of the DPO workspace's disclosure page (P5.4.e, P5.4.f)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from qalan.accounts.models import User
from qalan.core.inventory import Category, LegalBasis
from qalan.rights import selectors, services


class Command(BaseCommand):
    help = "Record that a recipient received someone's data, or list the disclosure log (--as a DPO)."

    def add_arguments(self, parser):
        parser.add_argument("--as", dest="actor", required=True, help="Username of the acting data protection officer.")
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("list")
        sub.add_parser("recipients", help="The register of recipients.")
        record = sub.add_parser("record")
        record.add_argument(
            "--recipient", required=True, help="The recipient's code in the register (e.g. authorities)."
        )
        record.add_argument("--account", required=True, help="Username or phone of the person.")
        record.add_argument(
            "--categories",
            required=True,
            help="Comma-separated: " + ", ".join(c for c in Category.values if c != "none"),
        )
        record.add_argument("--description", required=True, help="What was given (not the data itself).")
        record.add_argument("--basis", choices=LegalBasis.values, required=True)
        record.add_argument("--detail", default="", help="E.g. the authority's request number and date.")
        record.add_argument(
            "--not-informed",
            default="",
            metavar="LAW",
            help="Do not tell the person, because this law forbids it (by default the person is told).",
        )

    def handle(self, *args, actor: str, action: str, **options):
        user = User.objects.filter(username__iexact=actor).first()
        if user is None:
            raise CommandError(f"No account with username {actor!r}.")
        try:
            if action == "recipients":
                for r in selectors.recipients_register():
                    self.stdout.write(
                        f"{r.slug}\t{r.name}\t{r.country}\t{r.agreement or '-'}\t{'active' if r.active else 'inactive'}"
                    )
            elif action == "list":
                for d in selectors.disclosure_log(viewer=user)[:500]:
                    self.stdout.write(
                        f"#{d.pk}\t{d.disclosed_at:%Y-%m-%d}\t{d.recipient.slug}\t{d.user.username if d.user else '-'}\t"
                        f"{','.join(d.categories)}\t{d.legal_basis}\t{d.description}"
                    )
            else:
                person = selectors.account_find(viewer=user, identifier=options["account"])
                if person is None:
                    raise CommandError(f"No single active account has the username or phone {options['account']!r}.")
                disclosure = services.disclosure_record(
                    actor=user,
                    recipient=options["recipient"],
                    user=person,
                    categories=[c.strip() for c in options["categories"].split(",") if c.strip()],
                    description=options["description"],
                    legal_basis=options["basis"],
                    basis_detail=options["detail"],
                    inform_user=not options["not_informed"],
                    not_informed_reason=options["not_informed"],
                )
                self.stdout.write(f"disclosure #{disclosure.pk} recorded")
        except Http404:
            raise CommandError(f"{user.username} is not a data protection officer.") from None
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None
