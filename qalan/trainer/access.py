"""Who may open a skill: the single entitlement check of the trainer (billing will replace it).

The trainer sits below ``qalan.learning`` and must not import it, so the entitlement model is
read through the app registry, here and nowhere else.
"""

from django.apps import apps
from django.db.models import Q
from django.utils import timezone

from qalan.accounts.models import Role


def may_open(student, skill) -> bool:
    """May ``student`` practise ``skill``? Free active skills: any student; extended ones only
    with an extended entitlement in force (``learning.Entitlement``)."""
    if not (student.is_authenticated and student.has_role(Role.STUDENT) and skill.is_active):
        return False
    if not skill.is_extended:
        return True
    Entitlement = apps.get_model("learning", "Entitlement")
    now = timezone.now()
    return (
        Entitlement.objects.filter(user=student, kind="extended", revoked_at__isnull=True, starts_at__lte=now)
        .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
        .exists()
    )
