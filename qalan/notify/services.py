"""Queueing and delivering messages. Callers queue; delivery runs after commit (Celery).

A message is queued in the database first; handing it to Celery after the commit is only the
fast path. When the broker cannot take it (Redis away), the message stays queued and the
periodic ``outbox_sweep`` sends it, so a committed message is never lost."""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from qalan.audit.services import audit_record
from qalan.core import hooks
from qalan.notify.models import Campaign, NotificationPreference, OutboxMessage
from qalan.notify.sms import SmsError, sms_backend

logger = logging.getLogger(__name__)

SCRUBBED_BODY = "[removed after delivery]"
# Queued messages older than this are sent by the sweep (the task after commit did not run).
SWEEP_AFTER = timedelta(minutes=2)
SWEEP_BATCH = 200
UNSUBSCRIBE_SALT = "qalan.notify.unsubscribe"
UNSUBSCRIBE_MAX_AGE = 365 * 24 * 3600


def message_queue(
    *,
    channel: str,
    body: str,
    user=None,
    recipient: str = "",
    subject: str = "",
    kind: str = OutboxMessage.Kind.SERVICE,
    sensitive: bool = False,
    headers: dict | None = None,
    about=(),
) -> OutboxMessage | None:
    """Queue one message. Service and security messages always go out; marketing only with
    the user's consent in force and the channel switched on (P4.3.a, P4.3.b) — otherwise
    nothing is queued and None is returned.

    ``about``: every other person whose details (name, username, contact) the text holds, so
    that their erasure reaches this copy (``Copy`` in ``qalan/notify/privacy.py``)."""
    if kind == OutboxMessage.Kind.MARKETING and not marketing_allowed(user=user, channel=channel):
        return None
    message = OutboxMessage.objects.create(
        user=user,
        channel=channel,
        kind=kind,
        recipient=recipient,
        subject=subject,
        body=body,
        sensitive=sensitive,
        headers=headers or {},
        status=OutboxMessage.Status.SENT if channel == OutboxMessage.Channel.INAPP else OutboxMessage.Status.QUEUED,
        sent_at=timezone.now() if channel == OutboxMessage.Channel.INAPP else None,
    )
    people = [person for person in about if person is not None and person != user]
    if people:
        message.about.add(*people)
    if message.status == OutboxMessage.Status.QUEUED:
        from qalan.notify.tasks import deliver_message

        transaction.on_commit(lambda: _hand_to_worker(deliver_message, message.pk))
    return message


def _hand_to_worker(task, message_id: int) -> None:
    try:
        task.delay(message_id)
    except Exception as exc:  # the broker's errors (kombu, redis, OSError) differ by transport
        # The message is safe in the outbox; the sweep sends it. No content, no address here.
        logger.warning("outbox: message %s stays queued for the sweep (%s)", message_id, type(exc).__name__)


def outbox_sweep(*, now=None) -> int:
    """Send the messages still queued a while after they were written (the broker was down
    when they were committed, or a worker died): each at most once, oldest first."""
    cutoff = (now or timezone.now()) - SWEEP_AFTER
    pending = list(
        OutboxMessage.objects.filter(status=OutboxMessage.Status.QUEUED, created_at__lte=cutoff)
        .order_by("created_at", "id")
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    )
    sent = 0
    for message_id in pending:
        message = message_deliver(message_id=message_id)
        sent += bool(message and message.status == OutboxMessage.Status.SENT)
    return sent


def message_deliver(*, message_id: int) -> OutboxMessage | None:
    """Send one queued message; safe to run twice (a sent message is left alone)."""
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.status == OutboxMessage.Status.SENT:
            return message
        try:
            if message.channel == OutboxMessage.Channel.EMAIL:
                EmailMessage(
                    subject=message.subject, body=message.body, to=[message.recipient], headers=message.headers or None
                ).send()
            elif message.channel == OutboxMessage.Channel.SMS:
                sms_backend().send(to=message.recipient, text=message.body)
        except (SmsError, OSError) as exc:
            message.status = OutboxMessage.Status.FAILED
            message.error = str(exc)[:200]
        else:
            message.status = OutboxMessage.Status.SENT
            message.sent_at = timezone.now()
            if message.sensitive and not settings.QALAN_OUTBOX_KEEP_SENSITIVE:
                message.body = SCRUBBED_BODY
        message.save(update_fields=["status", "error", "sent_at", "body"])
        return message


def preference_for(user) -> NotificationPreference:
    preference, _created = NotificationPreference.objects.get_or_create(user=user)
    return preference


def marketing_consent(user) -> bool:
    # The consent ledger is the privacy app's; it answers through the core hook.
    return hooks.ask(hooks.consent_in_force, sender="notify", default=False, user=user, purpose="marketing")


def marketing_allowed(*, user, channel: str) -> bool:
    if user is None or not marketing_consent(user):
        return False
    preference = preference_for(user)
    return {
        OutboxMessage.Channel.EMAIL: preference.marketing_email and bool(user.email),
        OutboxMessage.Channel.SMS: preference.marketing_sms,
        OutboxMessage.Channel.INAPP: True,
    }[channel]


def preference_update(
    *, actor, user, marketing: bool, marketing_email: bool, marketing_sms: bool, security_email: bool
) -> NotificationPreference:
    """The preference centre: marketing consent goes to the ledger, channels to preferences."""
    with transaction.atomic():
        preference = preference_for(user)
        preference.marketing_email = marketing_email
        preference.marketing_sms = marketing_sms
        preference.security_email = security_email
        preference.save()
        if marketing != marketing_consent(user):
            hooks.consent_change_requested.send(
                sender="notify",
                user=user,
                actor=actor,
                purpose="marketing",
                given=marketing,
                channel="web",
                evidence={"source": "preference centre"},
            )
        audit_record(actor=actor, subject=user, event_type="notify.preferences_updated", extra={"marketing": marketing})
    return preference


def unsubscribe_token(user) -> str:
    return signing.dumps({"u": user.pk, "p": "marketing"}, salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_user(token: str):
    """The user a marketing unsubscribe token names; raises signing.BadSignature when the
    token is forged or older than a year."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=UNSUBSCRIBE_MAX_AGE)
    user = get_user_model().objects.filter(pk=data.get("u")).first()
    if user is None or data.get("p") != "marketing":
        raise signing.BadSignature("unknown user")
    return user


def unsubscribe(*, token: str, via: str):
    """One-click unsubscribe (RFC 8058): withdraw marketing consent without signing in."""
    user = unsubscribe_user(token)
    if marketing_consent(user):
        hooks.consent_change_requested.send(
            sender="notify",
            user=user,
            actor=user,
            purpose="marketing",
            given=False,
            channel="web",
            evidence={"source": via},
        )
    return user


def unsubscribe_url(user) -> str:
    return settings.QALAN_SITE_URL.rstrip("/") + reverse("notify:unsubscribe", args=[unsubscribe_token(user)])


def campaign_send(*, actor, campaign: Campaign) -> int:
    """Send a newsletter by e-mail to users who consented to marketing, each with a personal
    one-click unsubscribe link and the List-Unsubscribe headers."""
    if campaign.sent_at is not None:
        raise ValidationError({"campaign": [gettext("This newsletter was already sent.")]})
    consenting = hooks.ask(hooks.consent_holders, sender="notify", default=[], purpose="marketing")
    users = (
        get_user_model().objects.filter(pk__in=consenting, is_active=True).exclude(email="").select_related("profile")
    )
    sent = 0
    with transaction.atomic():
        for user in users.iterator(chunk_size=500):
            if (user.profile.language or settings.LANGUAGE_CODE) != campaign.language:
                continue
            link = unsubscribe_url(user)
            with translation.override(campaign.language):
                footer = gettext(
                    "You receive this because you agreed to news from Qalan. Unsubscribe with one click: %(link)s"
                ) % {"link": link}
            queued = message_queue(
                user=user,
                channel=OutboxMessage.Channel.EMAIL,
                recipient=user.email,
                subject=campaign.subject,
                body=f"{campaign.body}\n\n--\n{footer}",
                kind=OutboxMessage.Kind.MARKETING,
                headers={"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
            )
            sent += queued is not None
        campaign.sent_at = timezone.now()
        campaign.recipients = sent
        campaign.save(update_fields=["sent_at", "recipients"])
        audit_record(
            actor=actor, event_type="notify.campaign_sent", extra={"campaign": campaign.pk, "recipients": sent}
        )
    return sent


def security_notice(*, user, event: str, **params) -> None:
    """Tell the user about a security-relevant event in their language (always sent: P4.3.a)."""
    # The user's saved language, else the one they are using right now.
    language = (
        getattr(getattr(user, "profile", None), "language", "") or translation.get_language() or settings.LANGUAGE_CODE
    )
    with translation.override(language):
        subject, body = _security_text(event, params)
    message_queue(
        user=user, channel=OutboxMessage.Channel.INAPP, subject=subject, body=body, kind=OutboxMessage.Kind.SECURITY
    )
    if user.email and preference_for(user).security_email:
        message_queue(
            user=user,
            channel=OutboxMessage.Channel.EMAIL,
            recipient=user.email,
            subject=subject,
            body=body,
            kind=OutboxMessage.Kind.SECURITY,
        )
    if event == "phone_changed" and params.get("old_phone"):
        message_queue(
            user=user,
            channel=OutboxMessage.Channel.SMS,
            recipient=params["old_phone"],
            body=body,
            kind=OutboxMessage.Kind.SECURITY,
        )


def _security_text(event: str, params: dict) -> tuple[str, str]:
    not_you = gettext("If this was not you, change your password now and sign out the other devices in your profile.")
    if event == "new_device":
        return (
            gettext("New sign-in to your Qalan account"),
            gettext("Your account was signed in from a new device: %(device)s.")
            % {"device": params.get("device") or gettext("unknown device")}
            + " "
            + not_you,
        )
    if event == "password_changed":
        return gettext("Your Qalan password was changed"), gettext(
            "The password of your account was changed."
        ) + " " + not_you
    if event == "phone_changed":
        return (
            gettext("The phone number of your Qalan account was changed"),
            gettext("The phone number of your account was changed to one ending in %(last)s.")
            % {"last": params.get("new_phone", "")[-2:]}
            + " "
            + not_you,
        )
    if event == "otp_enabled":
        return gettext("Two-factor sign-in is on"), gettext(
            "Two-factor sign-in was turned on for your account; other devices were signed out."
        ) + " " + not_you
    if event == "otp_disabled":
        return gettext("Two-factor sign-in is off"), gettext(
            "Two-factor sign-in was turned off for your account."
        ) + " " + not_you
    if event == "otp_locked":
        return gettext("Wrong sign-in codes for your Qalan account"), gettext(
            "Someone entered your password and then wrong two-factor codes several times, so sign-in "
            "is blocked for a while. If this was not you, change your password now."
        )
    raise ValueError(f"unknown security event {event!r}")
