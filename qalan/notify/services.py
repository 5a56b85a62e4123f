"""Queueing and delivering messages. Callers queue; delivery runs after commit (Celery)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from qalan.notify.models import OutboxMessage
from qalan.notify.sms import SmsError, sms_backend

SCRUBBED_BODY = "[removed after delivery]"


def message_queue(
    *,
    channel: str,
    body: str,
    user=None,
    recipient: str = "",
    subject: str = "",
    kind: str = OutboxMessage.Kind.SERVICE,
    sensitive: bool = False,
) -> OutboxMessage:
    message = OutboxMessage.objects.create(
        user=user,
        channel=channel,
        kind=kind,
        recipient=recipient,
        subject=subject,
        body=body,
        sensitive=sensitive,
        status=OutboxMessage.Status.SENT if channel == OutboxMessage.Channel.INAPP else OutboxMessage.Status.QUEUED,
        sent_at=timezone.now() if channel == OutboxMessage.Channel.INAPP else None,
    )
    if message.status == OutboxMessage.Status.QUEUED:
        from qalan.notify.tasks import deliver_message

        transaction.on_commit(lambda: deliver_message.delay(message.pk))
    return message


def message_deliver(*, message_id: int) -> OutboxMessage | None:
    """Send one queued message; safe to run twice (a sent message is left alone)."""
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.status == OutboxMessage.Status.SENT:
            return message
        try:
            if message.channel == OutboxMessage.Channel.EMAIL:
                EmailMessage(subject=message.subject, body=message.body, to=[message.recipient]).send()
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
