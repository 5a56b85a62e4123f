"""Helpers shared by the lifecycle commands."""

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from qalan.accounts.models import User


def user_by_username(username: str, *, role: str | None = None) -> User:
    user = User.objects.filter(username__iexact=(username or "").strip()).first()
    if user is None:
        raise CommandError(f"No account with the username {username!r}. Check the spelling (usernames ignore case).")
    if role is not None and not user.has_role(role):
        raise CommandError(f"{user.username} does not have the {role} role (see manage.py set_role).")
    return user


def command_error(exc: ValidationError) -> CommandError:
    return CommandError(" ".join(str(m) for m in exc.messages))
