"""The disclosure log and the notices to recipients after a correction or deletion (P5.4,
P6.6, P7.4)."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from qalan.accounts.models import User
from qalan.audit.services import audit_record
from qalan.core.inventory import Category, LegalBasis
from qalan.notify.models import OutboxMessage
from qalan.notify.services import message_queue
from qalan.rights.models import DataRequest, Disclosure, Recipient, RecipientNotice
from qalan.rights.services._common import _audit, _event


def disclosure_record(
    *,
    actor,
    recipient: Recipient | str,
    user: User,
    categories: list[str],
    description: str,
    legal_basis: str,
    basis_detail: str = "",
    disclosed_at: datetime | None = None,
    inform_user: bool = True,
    not_informed_reason: str = "",
) -> Disclosure:
    """Log that a recipient received someone's data: what, when, on which basis.

    For a state body (P5.4.e) the basis names its request, and the person is told what was
    given to whom unless the law forbids it, in which case the reason is recorded instead.
    """
    if isinstance(recipient, str):
        recipient = Recipient.objects.filter(slug=recipient).first()
    errors = {}
    if recipient is None or not recipient.active:
        errors["recipient"] = [_("Choose an active recipient from the register.")]
    unknown = [c for c in categories if c not in Category.values or c == Category.NONE]
    if not categories or unknown:
        errors["categories"] = [_("Choose the categories of data that were given.")]
    if not (description or "").strip():
        errors["description"] = [_("Describe what was given, without copying the data itself.")]
    if legal_basis not in LegalBasis.values:
        errors["legal_basis"] = [_("Choose the legal basis of the transfer.")]
    if recipient is not None and recipient.kind == Recipient.Kind.AUTHORITY and not (basis_detail or "").strip():
        errors["basis_detail"] = [_("For a state body, name its request: the body, the number and the date.")]
    if not inform_user and not (not_informed_reason or "").strip():
        errors["not_informed_reason"] = [_("Say which law forbids telling the person, or choose to inform them.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        disclosure = Disclosure.objects.create(
            recipient=recipient,
            user=user,
            categories=sorted(set(categories)),
            description=description.strip()[:300],
            legal_basis=legal_basis,
            basis_detail=(basis_detail or "").strip()[:300],
            disclosed_at=disclosed_at or timezone.now(),
            recorded_by=actor if getattr(actor, "pk", None) else None,
            user_informed=inform_user,
            not_informed_reason="" if inform_user else not_informed_reason.strip()[:300],
        )
        if inform_user and user is not None:
            _disclosure_tell(disclosure)
        audit_record(
            actor=actor if getattr(actor, "pk", None) else None,
            subject=user,
            event_type="disclosure.recorded",
            extra={"disclosure": disclosure.pk, "recipient": recipient.slug, "categories": disclosure.categories},
        )
    return disclosure


def _disclosure_tell(disclosure: Disclosure) -> None:
    """Tell the person, in their language, who received what and on which basis."""
    user = disclosure.user
    language = getattr(getattr(user, "profile", None), "language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        subject = _("Your personal data was given to %(recipient)s") % {"recipient": disclosure.recipient.name}
        body = _(
            "On %(date)s we gave %(recipient)s: %(what)s. Basis: %(basis)s. %(detail)s "
            "See every transfer under Privacy centre, Who sees my data. Questions: write to the operator."
        ) % {
            "date": disclosure.disclosed_at.strftime("%d.%m.%Y"),
            "recipient": disclosure.recipient.name,
            "what": disclosure.description,
            "basis": LegalBasis(disclosure.legal_basis).label,
            "detail": disclosure.basis_detail,
        }
    message_queue(user=user, channel=OutboxMessage.Channel.INAPP, subject=subject, body=body)
    if user.email:
        message_queue(user=user, channel=OutboxMessage.Channel.EMAIL, recipient=user.email, subject=subject, body=body)


def _recipients_of(user) -> list[tuple[Recipient, list[Disclosure]]]:
    """Each active recipient that received the person's data, with those disclosures."""
    grouped: dict[int, tuple[Recipient, list[Disclosure]]] = {}
    disclosures = Disclosure.objects.filter(user=user, recipient__active=True).select_related("recipient")
    for disclosure in disclosures.order_by("disclosed_at", "id"):
        grouped.setdefault(disclosure.recipient_id, (disclosure.recipient, []))[1].append(disclosure)
    return list(grouped.values())


def _recipient_notice_text(*, request: DataRequest, change: str, disclosures: list[Disclosure]) -> tuple[str, str]:
    values = {
        "operator": settings.QALAN_OPERATOR["name"],
        "number": request.pk,
        "references": ", ".join(f"#{d.pk} ({d.disclosed_at:%d.%m.%Y})" for d in disclosures),
        "email": settings.QALAN_OPERATOR["email"],
    }
    if change == RecipientNotice.Change.DELETION:
        subject = _("Personal data you received was deleted")
        body = _(
            "%(operator)s informs you that, at the request of the person (our request #%(number)s), their personal "
            "data was deleted. You received it from us in the transfers %(references)s. Please delete your copy "
            "and confirm it to %(email)s."
        )
    else:
        subject = _("Personal data you received was corrected")
        body = _(
            "%(operator)s informs you that, at the request of the person (our request #%(number)s), their personal "
            "data was corrected. You received it from us in the transfers %(references)s. Please ask us for the "
            "corrected data at %(email)s and update your copy."
        )
    return subject, body % values


def _recipients_tell(*, actor, request: DataRequest, change: str, recipients) -> list[RecipientNotice]:
    notices = []
    for recipient, disclosures in recipients:
        message = None
        if recipient.notify_email:
            with translation.override(settings.LANGUAGE_CODE):
                subject, body = _recipient_notice_text(request=request, change=change, disclosures=disclosures)
            message = message_queue(
                channel=OutboxMessage.Channel.EMAIL, recipient=recipient.notify_email, subject=subject, body=body
            )
        notices.append(
            RecipientNotice.objects.create(
                recipient=recipient,
                request=request,
                user=request.user,
                change=change,
                categories=sorted({c for d in disclosures for c in d.categories}),
                message=message,
            )
        )
    if notices:
        _event(request, actor=actor, action="recipients_notified", note=", ".join(n.recipient.name for n in notices))
        _audit(request, actor=actor, event="recipients_notified", recipients=[n.recipient.slug for n in notices])
    return notices


def recipients_notify(*, actor, request: DataRequest, change: str) -> list[RecipientNotice]:
    """Tell every recipient that received the person's data about its correction or deletion,
    and record each notice (P6.6, P7.4). The notice names our references, not the data; a
    recipient without an e-mail in the register is recorded for the DPO to contact."""
    if request.user is None:
        return []
    with transaction.atomic():
        return _recipients_tell(actor=actor, request=request, change=change, recipients=_recipients_of(request.user))
