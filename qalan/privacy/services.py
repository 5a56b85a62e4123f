"""Privacy writes: consent ledger entries and messages to the DPO."""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from qalan.audit.services import audit_record
from qalan.core.contacts import guardian_contact_clean
from qalan.core.sensitive import sensitive_check
from qalan.notify.models import OutboxMessage
from qalan.notify.services import message_queue
from qalan.privacy.models import (
    ConsentPurpose,
    ConsentRecord,
    GuardianConsentRequest,
    Inquiry,
    PolicyNotice,
    PolicyVersion,
)
from qalan.privacy.selectors import consent_state, platform_consent_forget, policy_current


class NoPolicyPublished(RuntimeError):
    """There is no policy version in force: consent cannot be tied to a text."""


def consent_give(
    *,
    user,
    actor,
    purpose: str,
    channel: str,
    evidence: dict[str, Any],
    policy: PolicyVersion | None = None,
    acted_as: str = ConsentRecord.ActedAs.SELF,
) -> ConsentRecord:
    """Append a 'given' record tied to a policy version: the one in force unless the person
    accepted a specific (e.g. announced, upcoming) one (P2.1.a, P2.1.b)."""
    if purpose not in ConsentPurpose.values:
        raise ValueError(f"unknown consent purpose {purpose!r}")
    policy = policy or policy_current()
    if policy is None:
        raise NoPolicyPublished("no Privacy Policy version is in force")
    platform_consent_forget(user)
    with transaction.atomic():
        record = ConsentRecord.objects.create(
            user=user,
            purpose=purpose,
            action=ConsentRecord.Action.GIVEN,
            policy_version=policy,
            channel=channel,
            evidence=evidence,
            acted_as=acted_as,
            acted_by=actor,
            created_at=timezone.now(),
        )
        audit_record(
            actor=actor,
            subject=user,
            event_type="consent.given",
            extra={"purpose": purpose, "policy_version": policy.version, "channel": channel, "acted_as": acted_as},
        )
    return record


def consent_withdraw(
    *, user, actor, purpose: str, channel: str, evidence: dict[str, Any] | None = None
) -> ConsentRecord:
    """Append a 'withdrawn' record; the processing it covers stops at once (readers check
    ``consent_in_force``)."""
    if purpose not in ConsentPurpose.values:
        raise ValueError(f"unknown consent purpose {purpose!r}")
    policy = policy_current()
    if policy is None:
        raise NoPolicyPublished("no Privacy Policy version is in force")
    platform_consent_forget(user)
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
        audit_record(
            actor=actor, subject=user, event_type="consent.withdrawn", extra={"purpose": purpose, "channel": channel}
        )
    return record


def inquiry_submit(
    *, user, name: str, contact: str, topic: str, message: str, language: str = "", confirm_sensitive: bool = False
) -> Inquiry:
    """Store a message to the operator and alert the DPO (P7.1, P10.3).

    The alert carries only the number of the message: its content stays on the platform.
    """
    from qalan.accounts.models import Role, User

    confidential = sensitive_check(field="message", text=message, confirmed=confirm_sensitive)
    with transaction.atomic():
        inquiry = Inquiry.objects.create(
            user=user if user is not None and user.is_authenticated else None,
            name=name.strip(),
            contact=contact.strip(),
            topic=topic,
            message=message.strip(),
            language=language,
            confidential=confidential,
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
            actor=inquiry.user,
            subject=inquiry.user,
            event_type="inquiry.submitted",
            extra={"inquiry": inquiry.pk, "topic": topic},
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
            actor=actor,
            event_type="policy.published",
            extra={"version": policy.version, "material": policy.is_material},
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
    users = list(
        User.objects.filter(pk__gt=after_user_id, is_active=True)
        .select_related("profile")
        .order_by("pk")[: settings.QALAN_POLICY_ANNOUNCE_BATCH]
    )
    if not users:
        return None
    already = set(
        PolicyNotice.objects.filter(policy=policy, user__in=users, announced_at__isnull=False).values_list(
            "user_id", flat=True
        )
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
        ) % {
            "version": policy.version,
            "summary": policy.summary_of_changes,
            "date": policy.effective_from.strftime("%d.%m.%Y"),
        }
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


# --- Children under the consent age -------------------------------------------------------


GUARDIAN_SALT = "qalan.privacy.guardian"


def guardian_request_create(*, child, contact: str, evidence: dict[str, Any]) -> GuardianConsentRequest:
    """Ask the parent (phone or e-mail given by the child) to confirm and consent. The child's
    account stays unusable until then."""
    from qalan.core.tokens import code_hash, code_new

    now = timezone.now()
    code = code_new()
    with transaction.atomic():
        GuardianConsentRequest.objects.filter(child=child, confirmed_at__isnull=True).update(expires_at=now)
        request = GuardianConsentRequest.objects.create(
            child=child,
            contact=contact,
            code_hash=code_hash(user_id=child.pk, code=code),
            created_at=now,
            expires_at=now + timedelta(days=settings.QALAN_GUARDIAN_LINK_DAYS),
        )
        token = signing.dumps({"r": request.pk}, salt=GUARDIAN_SALT)
        link = settings.QALAN_SITE_URL.rstrip("/") + reverse("privacy:guardian_confirm", args=[token])
        text = ngettext(
            "Your child registered on Qalan as %(username)s and needs your consent to use it. "
            "Open %(link)s or enter the code %(code)s on qalan.kz/privacy/guardian/. Valid %(days)s day.",
            "Your child registered on Qalan as %(username)s and needs your consent to use it. "
            "Open %(link)s or enter the code %(code)s on qalan.kz/privacy/guardian/. Valid %(days)s days.",
            settings.QALAN_GUARDIAN_LINK_DAYS,
        ) % {"username": child.username, "link": link, "code": code, "days": settings.QALAN_GUARDIAN_LINK_DAYS}
        is_email = "@" in contact
        message_queue(
            channel=OutboxMessage.Channel.EMAIL if is_email else OutboxMessage.Channel.SMS,
            recipient=contact,
            subject=_("Your child asks for your consent on Qalan"),
            body=text,
            sensitive=True,
            about=[child],
        )
        audit_record(
            actor=child,
            subject=child,
            event_type="guardian.requested",
            extra={"request": request.pk, "evidence": evidence.get("form", "")},
        )
    return request


def guardian_request_from_token(token: str) -> GuardianConsentRequest:
    """The open request a link names; ValidationError when forged, expired or already used."""
    invalid = ValidationError(
        _("This link is not valid or has expired. Ask your child to send a new request from their account.")
    )
    try:
        data = signing.loads(token, salt=GUARDIAN_SALT, max_age=settings.QALAN_GUARDIAN_LINK_DAYS * 24 * 3600)
    except signing.BadSignature:
        raise invalid from None
    request = GuardianConsentRequest.objects.select_related("child").filter(pk=data.get("r")).first()
    if request is None or request.confirmed_at is not None or request.expires_at <= timezone.now():
        raise invalid
    return request


def guardian_request_from_code(*, username: str, code: str) -> GuardianConsentRequest:
    from qalan.accounts.models import User
    from qalan.core.tokens import code_matches

    wrong = ValidationError({"code": [_("The username or the code is wrong, or the code has expired.")]})
    child = User.objects.filter(username__iexact=(username or "").strip()).first()
    if child is None:
        raise wrong
    with transaction.atomic():
        request = (
            GuardianConsentRequest.objects.select_for_update()
            .filter(child=child, confirmed_at__isnull=True, expires_at__gt=timezone.now())
            .order_by("-created_at")
            .first()
        )
        if request is None or request.attempts >= settings.QALAN_RECOVERY_MAX_ATTEMPTS:
            raise wrong
        if not code_matches(user_id=child.pk, code=(code or "").strip(), stored_hash=request.code_hash):
            request.attempts += 1
            request.save(update_fields=["attempts"])
            matched = False
        else:
            matched = True
    if not matched:
        raise wrong
    return request


def guardian_consent_confirm(
    *, request: GuardianConsentRequest, guardian_name: str, relationship: str, consent: bool, guardian=None
) -> ConsentRecord:
    """The parent confirms and consents on the child's behalf; the account becomes usable."""
    errors = {}
    if not (guardian_name or "").strip():
        errors["guardian_name"] = [_("Enter your full name.")]
    if relationship not in ("parent", "representative"):
        errors["relationship"] = [_("Choose whether you are the parent or the legal representative.")]
    if not consent:
        errors["consent"] = [_("To let your child use Qalan, tick the box to give your consent.")]
    if errors:
        raise ValidationError(errors)
    from qalan.core.contacts import mask_phone

    guardian = guardian if guardian is not None and guardian.is_authenticated else None
    with transaction.atomic():
        locked = GuardianConsentRequest.objects.select_for_update().get(pk=request.pk)
        if locked.confirmed_at is not None:
            raise ValidationError(_("This request was already answered."))
        locked.confirmed_at = timezone.now()
        locked.guardian_name = guardian_name.strip()[:150]
        locked.guardian = guardian
        locked.save(update_fields=["confirmed_at", "guardian_name", "guardian"])
        contact = locked.contact if "@" in locked.contact else mask_phone(locked.contact)
        record = consent_give(
            user=locked.child,
            actor=guardian,
            purpose=ConsentPurpose.PLATFORM,
            channel="web",
            acted_as=ConsentRecord.ActedAs.REPRESENTATIVE,
            evidence={
                "request": locked.pk,
                "relationship": relationship,
                "guardian_name": locked.guardian_name,
                "contact": contact,
            },
        )
        message_queue(
            user=locked.child,
            channel=OutboxMessage.Channel.INAPP,
            subject=_("Your parent gave consent"),
            body=_("Your parent or legal representative gave consent. You can use Qalan now."),
        )
    return record


def guardian_request_resend(*, child, contact: str) -> GuardianConsentRequest:
    """Send the request again (possibly to a corrected contact); at most 3 an hour."""
    try:
        contact = guardian_contact_clean(contact)
    except ValidationError as exc:
        raise ValidationError({"guardian_contact": exc.messages}) from None
    recent = GuardianConsentRequest.objects.filter(
        child=child, created_at__gte=timezone.now() - timedelta(hours=1)
    ).count()
    if recent >= settings.QALAN_RECOVERY_MAX_PER_HOUR:
        raise ValidationError({"guardian_contact": [_("Too many requests were sent. Try again in an hour.")]})
    return guardian_request_create(child=child, contact=contact, evidence={"form": "resend"})
