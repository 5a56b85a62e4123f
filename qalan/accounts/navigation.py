"""Where each kind of user starts after signing in."""

from django.urls import reverse

from qalan.accounts.models import Role

START_PAGES = {
    Role.STUDENT: "learning:dashboard",
    Role.TEACHER: "learning:teacher_dashboard",
    Role.PARENT: "learning:children",
    Role.DPO: "rights:dpo_queue",
}


def start_page(user) -> str:
    return reverse(START_PAGES.get(user.role, "accounts:profile"))
