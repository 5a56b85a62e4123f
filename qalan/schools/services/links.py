"""Links between a parent and a child: an invitation code sent or shown, confirmed by the other
side (with the consent text for the contact), and ended by either side."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language, gettext_noop, ngettext
from django.utils.translation import gettext as _

from qalan.accounts.models import Role
from qalan.audit.services import audit_record
from qalan.core.contacts import normalize_kz_mobile
from qalan.notify.models import OutboxMessage
from qalan.notify.services import message_queue
from qalan.schools.codes import code_digest, code_display, code_new, code_normalise
from qalan.schools.models import (
    LinkInvitation,
    ParentLink,
    ThirdPartyConfirmation,
)
from qalan.schools.services.classes import WRONG_CODE, User

CONTACT_CONSENT_TEXT = gettext_noop(
    "I confirm that the owner of this phone number or e-mail agreed that I give it to Qalan to send them this code."
)


# --- Parent <-> child links (P3.3) -------------------------------------------------------

LINK_ROLES = (Role.PARENT, Role.STUDENT)


def _contact_parse(contact: str) -> tuple[str, str]:
    """A phone number or an e-mail address -> (channel, normalised recipient)."""
    contact = (contact or "").strip()
    if "@" in contact:
        try:
            validate_email(contact)
        except ValidationError:
            raise ValidationError(
                {"contact": [_("Enter a valid e-mail address or a Kazakhstan mobile number.")]}
            ) from None
        return OutboxMessage.Channel.EMAIL, contact
    try:
        return OutboxMessage.Channel.SMS, normalize_kz_mobile(contact)
    except ValidationError:
        raise ValidationError({"contact": [_("Enter a valid e-mail address or a Kazakhstan mobile number.")]}) from None


def link_invitation_create(*, actor, contact: str = "", contact_consent: bool = False) -> tuple[LinkInvitation, str]:
    """A one-time code (valid a week) that the other side enters to confirm the link.

    With a contact, we also send the code there, but only after the creator confirms that the
    contact's owner agreed (P3.5); the contact is kept only in the outbox message.
    """
    if not actor.has_role(*LINK_ROLES):
        raise ValidationError({"__all__": [_("Only parent and student accounts can be linked.")]})
    channel = recipient = ""
    if (contact or "").strip():
        channel, recipient = _contact_parse(contact)
        if not contact_consent:
            raise ValidationError(
                {
                    "contact_consent": [
                        _(
                            "Confirm that the owner of this contact agreed, or leave the contact empty and pass the code on yourself."
                        )
                    ]
                }
            )
    code = code_new(8)
    with transaction.atomic():
        invitation = LinkInvitation.objects.create(
            created_by=actor,
            code_digest=code_digest(purpose="link", code=code),
            sent_to_contact=bool(recipient),
            expires_at=timezone.now() + timedelta(days=settings.QALAN_LINK_CODE_DAYS),
        )
        if recipient:
            ThirdPartyConfirmation.objects.create(
                kind=ThirdPartyConfirmation.Kind.CONTACT,
                entered_by=actor,
                statement=CONTACT_CONSENT_TEXT,
                language=get_language() or "",
            )
            text = ngettext(
                "%(name)s invites you to link your Qalan accounts. Sign in to Qalan, open Family links and enter "
                "the code %(code)s. It is valid for %(days)s day.",
                "%(name)s invites you to link your Qalan accounts. Sign in to Qalan, open Family links and enter "
                "the code %(code)s. It is valid for %(days)s days.",
                settings.QALAN_LINK_CODE_DAYS,
            ) % {"name": _first_name(actor), "code": code_display(code), "days": settings.QALAN_LINK_CODE_DAYS}
            message_queue(
                channel=channel, recipient=recipient, subject=_("Link your Qalan accounts"), body=text, about=[actor]
            )
        audit_record(
            actor=actor,
            subject=actor,
            event_type="link.code_created",
            extra={"invitation": invitation.pk, "sent_to_contact": bool(recipient), "channel": channel},
        )
    return invitation, code_display(code)


def _first_name(user) -> str:
    full = (user.profile.full_name or "").split()
    return full[0] if full else user.username


def link_confirm(*, actor, code: str) -> ParentLink:
    """The other side enters the code: a parent and a student account become linked."""
    if not actor.has_role(*LINK_ROLES):
        raise ValidationError({"code": [_("Only parent and student accounts can be linked.")]})
    wrong = ValidationError({"code": [WRONG_CODE]})
    if not code_normalise(code):
        raise ValidationError({"code": [_("Enter the code you received.")]})
    with transaction.atomic():
        invitation = (
            LinkInvitation.objects.select_for_update()
            .select_related("created_by")
            .filter(
                code_digest=code_digest(purpose="link", code=code), used_at__isnull=True, expires_at__gt=timezone.now()
            )
            .first()
        )
        if invitation is None:
            raise wrong
        creator = invitation.created_by
        if creator.pk == actor.pk:
            raise ValidationError(
                {"code": [_("This is your own code. Give it to your parent or child to enter in their account.")]}
            )
        if creator.role == actor.role or not creator.is_active:
            raise ValidationError(
                {"code": [_("A code links a parent with a child: it must be entered in the other person's account.")]}
            )
        parent, child = (creator, actor) if creator.role == Role.PARENT else (actor, creator)
        if ParentLink.objects.filter(parent=parent, child=child, ended_at__isnull=True).exists():
            raise ValidationError({"code": [_("Your accounts are already linked.")]})
        link = ParentLink.objects.create(parent=parent, child=child)
        invitation.used_at = timezone.now()
        invitation.link = link
        invitation.save(update_fields=["used_at", "link"])
        for subject in (parent, child):
            audit_record(actor=actor, subject=subject, event_type="link.created", extra={"link": link.pk})
    return link


def link_end(*, actor, link: ParentLink) -> ParentLink:
    """Either side ends the link; the parent stops seeing the child's activity at once."""
    if actor.pk not in (link.parent_id, link.child_id):
        raise ValidationError({"__all__": [_("You can only remove your own links.")]})
    with transaction.atomic():
        link.ended_at = timezone.now()
        link.save(update_fields=["ended_at"])
        for subject_id in (link.parent_id, link.child_id):
            audit_record(actor=actor, subject=User(pk=subject_id), event_type="link.ended", extra={"link": link.pk})
    return link
