"""Support writes: opening a ticket, replying in its thread, closing it (P3.1.d)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from qalan.audit.services import audit_record
from qalan.core.contacts import normalize_kz_mobile
from qalan.core.sensitive import sensitive_check
from qalan.notify.models import OutboxMessage
from qalan.notify.services import message_queue
from qalan.support.models import DESCRIPTION_MAX, REPLY_MAX, Ticket, TicketReply
from qalan.support.selectors import is_support

SUBJECT_MAX = Ticket._meta.get_field("subject").max_length


def _contact_clean(contact: str) -> str:
    """An e-mail address (lower-cased) or a Kazakhstan mobile number in E.164."""
    contact = (contact or "").strip()
    message = _("Enter an e-mail address or a Kazakhstan mobile number where we can answer you.")
    if "@" in contact:
        try:
            validate_email(contact)
        except ValidationError:
            raise ValidationError({"contact": [message]}) from None
        return contact.lower()
    try:
        return normalize_kz_mobile(contact)
    except ValidationError:
        raise ValidationError({"contact": [message]}) from None


def _text_clean(*, field: str, text: str, limit: int, empty: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({field: [empty]})
    if len(text) > limit:
        raise ValidationError({field: [_("Shorten the text to %(limit)s characters at most.") % {"limit": limit}]})
    return text


def ticket_open(*, actor, contact: str, subject: str, description: str, confirm_sensitive: bool = False) -> Ticket:
    """Store a request to support. ``actor`` may be anonymous: the contact is then the only
    way to answer. Sensitive text is refused unless the writer confirms it (then confidential)."""
    errors = {}
    values = {}
    for name, clean in (
        ("contact", lambda: _contact_clean(contact)),
        (
            "subject",
            lambda: _text_clean(
                field="subject",
                text=subject,
                limit=SUBJECT_MAX,
                empty=_("Write in a few words what the request is about."),
            ),
        ),
        (
            "description",
            lambda: _text_clean(
                field="description",
                text=description,
                limit=DESCRIPTION_MAX,
                empty=_("Describe the problem so that support can help you."),
            ),
        ),
    ):
        try:
            values[name] = clean()
        except ValidationError as exc:
            errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    confidential = sensitive_check(
        field="description", text=f"{values['subject']}\n{values['description']}", confirmed=confirm_sensitive
    )
    user = actor if actor is not None and actor.is_authenticated else None
    with transaction.atomic():
        ticket = Ticket.objects.create(user=user, confidential=confidential, **values)
        audit_record(actor=user, subject=user, event_type="support.ticket_opened", extra={"ticket": ticket.pk})
    return ticket


def ticket_reply(*, actor, ticket: Ticket, body: str) -> TicketReply:
    """Add a message to the thread (support staff or the ticket's owner). A staff answer tells
    the owner that there is an answer, without its words outside the platform."""
    staff = is_support(actor)
    if not staff and (ticket.user_id is None or ticket.user_id != getattr(actor, "pk", None)):
        raise ValidationError({"ticket": [_("Only the author of the ticket and support staff can reply to it.")]})
    if ticket.status == Ticket.Status.CLOSED:
        raise ValidationError({"body": [_("This ticket is closed. Open a new ticket if you need more help.")]})
    body = _text_clean(field="body", text=body, limit=REPLY_MAX, empty=_("Write your reply before sending it."))
    with transaction.atomic():
        reply = TicketReply.objects.create(ticket=ticket, author=actor, body=body)
        ticket.status = Ticket.Status.ANSWERED if staff else Ticket.Status.OPEN
        ticket.save(update_fields=["status", "updated_at"])
        if staff:
            _answer_notice(ticket=ticket, reply=reply)
        audit_record(
            actor=actor,
            subject=ticket.user,
            event_type="support.ticket_replied",
            extra={"ticket": ticket.pk, "reply": reply.pk},
        )
    return reply


def _answer_notice(*, ticket: Ticket, reply: TicketReply) -> None:
    user = ticket.user
    if user is None:
        # Opened without an account: the contact is the only way to answer. The message is
        # marked sensitive so that the outbox forgets its words once delivered.
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("Answer to your support ticket #%(number)s") % {"number": ticket.pk}
        channel = OutboxMessage.Channel.EMAIL if "@" in ticket.contact else OutboxMessage.Channel.SMS
        message_queue(channel=channel, recipient=ticket.contact, subject=subject, body=reply.body, sensitive=True)
        return
    language = (
        getattr(getattr(user, "profile", None), "language", "") or translation.get_language() or settings.LANGUAGE_CODE
    )
    with translation.override(language):
        subject = _("There is an answer to your support ticket #%(number)s") % {"number": ticket.pk}
        body = _("Support answered your ticket #%(number)s. Sign in to Qalan and open Support to read it.") % {
            "number": ticket.pk
        }
    message_queue(user=user, channel=OutboxMessage.Channel.INAPP, subject=subject, body=body)
    if user.email:
        message_queue(user=user, channel=OutboxMessage.Channel.EMAIL, recipient=user.email, subject=subject, body=body)


def ticket_close(*, actor, ticket: Ticket) -> Ticket:
    """Close a ticket (support staff or its owner); closing twice changes nothing."""
    if not is_support(actor) and (ticket.user_id is None or ticket.user_id != getattr(actor, "pk", None)):
        raise ValidationError({"ticket": [_("Only the author of the ticket and support staff can close it.")]})
    if ticket.status == Ticket.Status.CLOSED:
        return ticket
    with transaction.atomic():
        ticket.status = Ticket.Status.CLOSED
        ticket.save(update_fields=["status", "updated_at"])
        audit_record(actor=actor, subject=ticket.user, event_type="support.ticket_closed", extra={"ticket": ticket.pk})
    return ticket
