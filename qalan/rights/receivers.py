"""What the rights app answers through ``qalan.core.hooks``."""

from django.dispatch import receiver

from qalan.core import hooks
from qalan.rights.selectors import account_deletion_pending


@receiver(hooks.erasure_cool_off_ends)
def privacy_centre_cool_off(sender, *, user, **kwargs):
    """When the cool-off of a "delete my account" request made in the privacy centre ends."""
    pending = account_deletion_pending(viewer=user)
    return getattr(pending, "erasure_after", None)
