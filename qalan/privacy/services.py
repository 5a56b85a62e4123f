"""Privacy writes: consent ledger entries and messages to the DPO."""

from typing import Any

from django.conf import settings
from django.db import transaction
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from qalan.audit.services import audit_record
from qalan.notify.models import OutboxMessage
from qalan.notify.services import message_queue
from qalan.privacy.models import ConsentPurpose, ConsentRecord, Inquiry, PolicyNotice, PolicyVersion
from qalan.privacy.selectors import consent_state, policy_current


class NoPolicyPublished(RuntimeError):
    """There is no policy version in force: consent cannot be tied to a text."""


def consent_give(
    *, user, actor, purpose: str, channel: str, evidence: dict[str, Any], policy: PolicyVersion | None = None
) -> ConsentRecord:
    """Append a 'given' record tied to a policy version: the one in force unless the person
    accepted a specific (e.g. announced, upcoming) one (P2.1.a, P2.1.b)."""
    if purpose not in ConsentPurpose.values:
        raise ValueError(f"unknown consent purpose {purpose!r}")
    policy = policy or policy_current()
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


# --- Policy versions (P9.1-P9.3, P2.1.b) --------------------------------------------------


def policy_publish(*, actor, policy: PolicyVersion) -> PolicyVersion:
    """Publish a draft. A material change is announced to every user (e-mail or in-app, in
    batches through the task queue) and shown as a notice until they accept or keep using the
    platform after it takes effect."""
    errors = {}
    if policy.is_published:
        errors["version"] = [_("This version is already published.")]
    if policy.effective_from < timezone.localdate():
        errors["effective_from"] = [_("A new version cannot take effect in the past. Choose today or a later date.")]
    if policy.last_updated > policy.effective_from:
        errors["last_updated"] = [_("The last-updated date cannot be after the date the version takes effect.")]
    if not policy.body.strip():
        errors["body"] = [_("The text of the policy is empty.")]
    if policy.is_material and not policy.summary_of_changes.strip():
        errors["summary_of_changes"] = [_("Describe what changed: users are told about a material change.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        policy.published_at = timezone.now()
        policy.save(update_fields=["published_at"])
        audit_record(
            actor=actor, event_type="policy.published", extra={"version": policy.version, "material": policy.is_material}
        )
        if policy.is_material:
            from qalan.privacy.tasks import policy_announce_batch

            transaction.on_commit(lambda: policy_announce_batch.delay(policy.pk, 0))
    return policy


def policy_announce_batch(*, policy_id: int, after_user_id: int) -> int | None:
    """Tell the next batch of users about a material change; returns the last user id done, or
    None when everyone was told. Safe to repeat: a user is told once per version."""
    from qalan.accounts.models import User

    policy = PolicyVersion.objects.get(pk=policy_id)
    users = list(User.objects.filter(pk__gt=after_user_id, is_active=True).select_related("profile").order_by("pk")[: settings.QALAN_POLICY_ANNOUNCE_BATCH])
    if not users:
        return None
    already = set(
        PolicyNotice.objects.filter(policy=policy, user__in=users, announced_at__isnull=False).values_list("user_id", flat=True)
    )
    now = timezone.now()
    with transaction.atomic():
        for user in users:
            if user.pk in already:
                continue
            _policy_tell(user=user, policy=policy)
            PolicyNotice.objects.update_or_create(user=user, policy=policy, defaults={"announced_at": now})
    return users[-1].pk


def _policy_tell(*, user, policy: PolicyVersion) -> None:
    language = getattr(getattr(user, "profile", None), "language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        subject = _("Qalan's Privacy Policy changes on %(date)s") % {"date": policy.effective_from.strftime("%d.%m.%Y")}
        body = _(
            "We have updated the Privacy Policy (version %(version)s). What changed: %(summary)s\n\n"
            "It takes effect on %(date)s. Read it and accept it on the site or in the app. If you keep "
            "using Qalan after that date, you agree to the new version. If you do not agree, you can "
            "tell us why and delete your account."
        ) % {"version": policy.version, "summary": policy.summary_of_changes, "date": policy.effective_from.strftime("%d.%m.%Y")}
    if user.email:
        message_queue(user=user, channel=OutboxMessage.Channel.EMAIL, recipient=user.email, subject=subject, body=body)
    message_queue(user=user, channel=OutboxMessage.Channel.INAPP, subject=subject, body=body)


def policy_notice_shown(*, user, policy: PolicyVersion, channel: str) -> PolicyNotice:
    """Remember when the notice first reached the user's screen (needed before continued use
    can count as consent: never silently)."""
    notice, _created = PolicyNotice.objects.get_or_create(user=user, policy=policy)
    if notice.first_shown_at is None:
        notice.first_shown_at = timezone.now()
        notice.shown_channel = channel
        notice.save(update_fields=["first_shown_at", "shown_channel"])
    return notice


def policy_accept(*, user, policy: PolicyVersion, channel: str, how: str = "accepted") -> ConsentRecord:
    """Record consent to a policy version, with the notice that was shown (P2.1.b, P9.3)."""
    notice = policy_notice_shown(user=user, policy=policy, channel=channel)
    with transaction.atomic():
        record = consent_give(
            user=user,
            actor=user,
            purpose=ConsentPurpose.PLATFORM,
            channel=channel,
            policy=policy,
            evidence={
                "how": how,
                "notice_first_shown_at": notice.first_shown_at.isoformat(),
                "notice_channel": notice.shown_channel,
                "announced_at": notice.announced_at.isoformat() if notice.announced_at else None,
            },
        )
        notice.resolved_at = timezone.now()
        notice.save(update_fields=["resolved_at"])
    return record


def policy_continued_use(*, user, policy: PolicyVersion, channel: str) -> ConsentRecord | None:
    """Continued use after the effective date counts as consent (P9.3), but only once the
    notice was shown on an earlier visit."""
    if policy.effective_from > timezone.localdate():
        return None
    notice = PolicyNotice.objects.filter(user=user, policy=policy, first_shown_at__isnull=False).first()
    if notice is None or notice.resolved_at is not None:
        return None
    return policy_accept(user=user, policy=policy, channel=channel, how="continued_use")
