"""Privacy writes: consent ledger entries and messages to the DPO."""

from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qalan.audit.services import audit_record
from qalan.notify.models import OutboxMessage
from qalan.notify.services import message_queue
from qalan.privacy.models import ConsentPurpose, ConsentRecord, Inquiry
from qalan.privacy.selectors import consent_state, policy_current


class NoPolicyPublished(RuntimeError):
    """There is no policy version in force: consent cannot be tied to a text."""


def consent_give(*, user, actor, purpose: str, channel: str, evidence: dict[str, Any]) -> ConsentRecord:
    """Append a 'given' record tied to the policy version in force (P2.1.a)."""
    if purpose not in ConsentPurpose.values:
        raise ValueError(f"unknown consent purpose {purpose!r}")
    policy = policy_current()
    if policy is None:
        raise NoPolicyPublished("no Privacy Policy version is in force")
    with transaction.atomic():
        record = ConsentRecord.objects.create(
            user=user,
            purpose=purpose,
            action=ConsentRecord.Action.GIVEN,
            policy_version=policy,
            channel=channel,
            evidence=evidence,
            acted_by=actor,
            created_at=timezone.now(),
        )
        audit_record(
            actor=actor,
            subject=user,
            event_type="consent.given",
            extra={"purpose": purpose, "policy_version": policy.version, "channel": channel},
        )
    return record


def consent_withdraw(*, user, actor, purpose: str, channel: str, evidence: dict[str, Any] | None = None) -> ConsentRecord:
    """Append a 'withdrawn' record; the processing it covers stops at once (readers check
    ``consent_in_force``)."""
    if purpose not in ConsentPurpose.values:
        raise ValueError(f"unknown consent purpose {purpose!r}")
    policy = policy_current()
    if policy is None:
        raise NoPolicyPublished("no Privacy Policy version is in force")
    with transaction.atomic():
        record = ConsentRecord.objects.create(
            user=user,
            purpose=purpose,
            action=ConsentRecord.Action.WITHDRAWN,
            policy_version=policy,
            channel=channel,
            evidence=evidence or {},
            acted_by=actor,
            created_at=timezone.now(),
        )
        audit_record(actor=actor, subject=user, event_type="consent.withdrawn", extra={"purpose": purpose, "channel": channel})
    return record


def inquiry_submit(*, user, name: str, contact: str, topic: str, message: str, language: str = "") -> Inquiry:
    """Store a message to the operator and alert the DPO (P7.1, P10.3).

    The alert carries only the number of the message: its content stays on the platform.
    """
    from qalan.accounts.models import Role, User

    with transaction.atomic():
        inquiry = Inquiry.objects.create(
            user=user if user is not None and user.is_authenticated else None,
            name=name.strip(),
            contact=contact.strip(),
            topic=topic,
            message=message.strip(),
            language=language,
        )
        alert = _("New message to the data protection officer: #%(number)s. Open the DPO inbox to read it.") % {
            "number": inquiry.pk
        }
        for dpo in User.objects.filter(role=Role.DPO, is_active=True):
            message_queue(user=dpo, channel=OutboxMessage.Channel.INAPP, subject=alert, body=alert)
        if settings.QALAN_DPO_EMAIL:
            message_queue(
                channel=OutboxMessage.Channel.EMAIL,
                recipient=settings.QALAN_DPO_EMAIL,
                subject=alert,
                body=alert,
            )
        audit_record(
            actor=inquiry.user, subject=inquiry.user, event_type="inquiry.submitted", extra={"inquiry": inquiry.pk, "topic": topic}
        )
    return inquiry


def cookie_choice_record(*, user, choice, channel: str = "web") -> list[ConsentRecord]:
    """For a signed-in user, write the cookie choice into the consent ledger (only changes)."""
    from qalan.privacy.cookies import OPTIONAL
    from qalan.privacy.selectors import consent_in_force

    if user is None or not user.is_authenticated:
        return []
    records = []
    evidence = {"source": "cookie settings", "choice": choice.as_dict()}
    for purpose in OPTIONAL:
        wanted = getattr(choice, purpose)
        latest = consent_state(user=user, purpose=purpose)
        if latest is None and not wanted:
            continue  # never given: nothing to withdraw
        if consent_in_force(user=user, purpose=purpose) == wanted and latest is not None:
            continue
        change = consent_give if wanted else consent_withdraw
        records.append(change(user=user, actor=user, purpose=purpose, channel=channel, evidence=evidence))
    return records
