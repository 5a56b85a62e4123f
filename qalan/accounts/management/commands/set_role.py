from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from qalan.accounts.models import Role, User
from qalan.accounts.services import user_set_role


class Command(BaseCommand):
    help = "Give an account a role (student, teacher, parent, support, dpo, accountant, admin)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("role", choices=Role.values)

    def handle(self, *args, username, role, **options):
        user = User.objects.filter(username__iexact=username).first()
        if user is None:
            raise CommandError(f"No account with username {username!r}.")
        try:
            user_set_role(actor=None, user=user, role=role)
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None
        self.stdout.write(f"{user.username}: role {role}")
