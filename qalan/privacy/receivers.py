"""The privacy app's answers to the core hooks (``qalan.core.hooks``): consent is captured at
registration, changed for the outbox's preference centre, and asked about by lower apps."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from qalan.core import hooks
from qalan.core.consent import ConsentPurpose
from qalan.privacy import selectors, services
from qalan.privacy.models import PolicyVersion


@receiver(hooks.account_registered)
def consent_at_registration(sender, *, user, channel, minor, guardian_contact, evidence, **kwargs):
    """No account without consent (P2.1.a, P3.1.a); a minor's waits for the parent (P3.5)."""
    if minor:
        services.guardian_request_create(
            child=user, contact=guardian_contact, evidence={**evidence, "guardian_agreed": True}
        )
    else:
        services.consent_give(
            user=user, actor=user, purpose=ConsentPurpose.PLATFORM, channel=channel, evidence=evidence
        )


@receiver(hooks.consent_change_requested)
def consent_change(sender, *, user, actor, purpose, given, channel, evidence, **kwargs):
    change = services.consent_give if given else services.consent_withdraw
    change(user=user, actor=actor, purpose=purpose, channel=channel, evidence=evidence)


@receiver(hooks.consent_in_force)
def consent_in_force(sender, *, user, purpose, **kwargs) -> bool:
    return selectors.consent_in_force(user=user, purpose=purpose)


@receiver(hooks.consent_holders)
def consent_holders(sender, *, purpose, **kwargs):
    return selectors.consent_holders(purpose=purpose)


@receiver(hooks.policy_current)
def policy_current(sender, **kwargs):
    return selectors.policy_current()


@receiver(post_save, sender=PolicyVersion)
@receiver(post_delete, sender=PolicyVersion)
def policy_memo_clear(sender, **kwargs):
    """A published, edited or deleted version is seen by this process's next request."""
    selectors.policy_memo_clear()
