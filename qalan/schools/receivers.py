"""What the schools app answers through ``qalan.core.hooks``: a parent's linked child and the
schools that are separate operators for a person (P10.4)."""

from django.dispatch import receiver

from qalan.core import hooks
from qalan.schools.selectors import child_get, separate_operators_for


@receiver(hooks.guardian_child)
def guardian_child(sender, *, viewer, child_id, **kwargs):
    return child_get(viewer=viewer, child_id=child_id)


@receiver(hooks.separate_operators)
def separate_operators(sender, *, viewer, **kwargs):
    return separate_operators_for(viewer=viewer)
