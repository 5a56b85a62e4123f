"""Helpers shared by the rights services: deadlines, the request timeline and audit, notices
to the requester in their language, duplicate checks."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from qalan.accounts.models import Role
from qalan.audit.services import audit_record
from qalan.core.calendar import deadline_for
from qalan.core.consent import ConsentPurpose
from qalan.notify.models import OutboxMessage
from qalan.notify.services import message_queue
from qalan.rights.models import (
    DEADLINE_KIND,
    OPEN_STATUSES,
    DataRequest,
    RequestEvent,
    RequestKind,
    VerificationMethod,
)

# Kinds the platform answers by itself, without staff, as soon as the requester is verified.
AUTOMATED_KINDS = (RequestKind.INFORMATION, RequestKind.EXPORT, RequestKind.WITHDRAWAL, RequestKind.OBJECTION)


# Kinds whose request text must say what is wanted (the DPO cannot act on an empty request).
KINDS_NEEDING_DESCRIPTION = (
    RequestKind.CORRECTION,
    RequestKind.DELETION,
    RequestKind.COMPLAINT,
    RequestKind.RESTRICTION,
    RequestKind.OTHER,
)


def _today() -> date:
    return timezone.localdate()


def _due(kind: str, received: date) -> date:
    return deadline_for(DEADLINE_KIND.get(kind, "response"), received)


def request_latest_due(request: DataRequest) -> date:
    """No request waits longer than the policy's maximum (P7.3), extensions included."""
    return deadline_for("response", timezone.localdate(request.received_at))


def _is_dpo(user) -> bool:
    return user is not None and user.is_authenticated and user.has_role(Role.DPO)


def _require_dpo(actor) -> None:
    # Outsiders learn nothing, not even that the DPO workspace exists.
    if not _is_dpo(actor):
        raise Http404


def _event(request: DataRequest, *, actor, action: str, note: str = "", public: bool = True) -> RequestEvent:
    return RequestEvent.objects.create(
        request=request, actor=actor if getattr(actor, "pk", None) else None, action=action, note=note, public=public
    )


def _audit(request: DataRequest, *, actor, event: str, **extra: Any) -> None:
    audit_record(
        actor=actor if getattr(actor, "pk", None) else None,
        subject=request.user,
        event_type=f"request.{event}",
        extra={"request": request.pk, "kind": request.kind, **extra},
    )


def _fmt(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def site_url(path: str) -> str:
    return settings.QALAN_SITE_URL.rstrip("/") + path


def _contact_channel(contact: str) -> str:
    return OutboxMessage.Channel.EMAIL if "@" in contact else OutboxMessage.Channel.SMS


# Source texts of the notices to requesters; translated into the request's language when sent.
NOTICES = {
    "received": (
        gettext_noop("Qalan: your request #%(number)s was received"),
        gettext_noop(
            "We received your request #%(number)s: %(kind)s. We will answer by %(due)s at the latest. "
            "You can follow it in the privacy centre."
        ),
    ),
    "received_unverified": (
        gettext_noop("Qalan: your request #%(number)s was received"),
        gettext_noop(
            "We received your request #%(number)s: %(kind)s. Before we act on it or tell you anything about "
            "an account, we check that it is yours: enter the code we sent to the account's phone or e-mail, "
            "or, for a representative, send us the power of attorney."
        ),
    ),
    "verified": (
        gettext_noop("Qalan: request #%(number)s is in progress"),
        gettext_noop("Your identity is confirmed. We are working on request #%(number)s and will answer by %(due)s."),
    ),
    "extended": (
        gettext_noop("Qalan: more time is needed for request #%(number)s"),
        gettext_noop(
            "We need more time to answer request #%(number)s. The new date of the answer is %(due)s. "
            "The reasons: %(reason)s"
        ),
    ),
    "answered": (
        gettext_noop("Qalan: the answer to request #%(number)s"),
        gettext_noop("Request #%(number)s is answered. Read the answer: %(link)s"),
    ),
    "answered_outside": (
        gettext_noop("Qalan: the answer to request #%(number)s"),
        gettext_noop("The answer to request #%(number)s:\n\n%(answer)s"),
    ),
    "refused": (
        gettext_noop("Qalan: request #%(number)s is refused"),
        gettext_noop(
            "We refused request #%(number)s. The reasons: %(reason)s The legal ground: %(ground)s. "
            "If you disagree, you may complain to the authorized state body (%(authority)s) or to a court."
        ),
    ),
    "withdrawn": (
        gettext_noop("Qalan: request #%(number)s is withdrawn"),
        gettext_noop("Request #%(number)s is withdrawn. Nothing more will be done on it."),
    ),
    "deletion_scheduled": (
        gettext_noop("Qalan: your account will be deleted on %(date)s"),
        gettext_noop(
            "You asked to delete your Qalan account (request #%(number)s). It will be deleted on %(date)s. "
            "Until then you can cancel in the privacy centre: %(link)s"
        ),
    ),
    "deletion_cancelled": (
        gettext_noop("Qalan: the deletion of your account is cancelled"),
        gettext_noop("You cancelled the deletion of your account (request #%(number)s). Your account stays as it was."),
    ),
    "deletion_done": (
        gettext_noop("Qalan: your account was deleted"),
        gettext_noop(
            "Your Qalan account was deleted (request #%(number)s). Learning results are kept only anonymised, "
            "for statistics; payment records stay in the archive for the period the law requires."
        ),
    ),
}


def _made_signed_in(request: DataRequest) -> bool:
    """Made by the person in their own account: they read answers there. Everyone else (an
    outside requester, a representative, a letter) is answered at the contact they gave."""
    return request.user is not None and request.verification_method == VerificationMethod.SIGNED_IN


def _notify_requester(request: DataRequest, notice: str, **params: Any) -> None:
    """Tell the requester about a step, in the language of the request."""
    language = request.language or settings.LANGUAGE_CODE
    with translation.override(language):
        values = {"number": request.pk, "kind": str(RequestKind(request.kind).label), **params}
        subject_source, body_source = NOTICES[notice]
        subject, body = _(subject_source) % values, _(body_source) % values
    if _made_signed_in(request):
        message_queue(user=request.user, channel=OutboxMessage.Channel.INAPP, subject=subject, body=body)
        if request.user.email:
            message_queue(
                user=request.user,
                channel=OutboxMessage.Channel.EMAIL,
                recipient=request.user.email,
                subject=subject,
                body=body,
            )
        return
    if request.requester_contact:
        message_queue(
            user=request.user if not request.by_representative else None,
            channel=_contact_channel(request.requester_contact),
            recipient=request.requester_contact,
            subject=subject,
            body=body,
        )


def _open_duplicate(*, user, kind: str, consent_purpose: str = "", exclude_pk: int | None = None) -> DataRequest | None:
    if user is None:
        return None
    duplicates = DataRequest.objects.filter(user=user, kind=kind, status__in=OPEN_STATUSES)
    if consent_purpose:
        duplicates = duplicates.filter(consent_purpose=consent_purpose)
    if exclude_pk:
        duplicates = duplicates.exclude(pk=exclude_pk)
    return duplicates.order_by("received_at").first()


def _duplicate_error(existing: DataRequest) -> ValidationError:
    return ValidationError(
        {
            "kind": [
                ValidationError(
                    _(
                        "You already have an open request #%(number)s of this kind, due by %(due)s. "
                        "Follow it, or add to it, instead of starting a new one."
                    ),
                    code="duplicate",
                    params={"number": existing.pk, "due": _fmt(existing.due_on)},
                )
            ]
        }
    )


def _clean_request_fields(*, kind: str, description: str, consent_purpose: str) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if kind not in RequestKind.values:
        errors["kind"] = [_("Choose which right you want to exercise.")]
    elif kind in KINDS_NEEDING_DESCRIPTION and not (description or "").strip():
        errors["description"] = [_("Describe what you want us to do, and which data it is about.")]
    if consent_purpose and consent_purpose not in ConsentPurpose.values:
        errors["consent_purpose"] = [_("Choose one of the listed purposes.")]
    if kind == RequestKind.WITHDRAWAL and not consent_purpose:
        errors["consent_purpose"] = [_("Choose the consent you withdraw.")]
    elif kind not in (RequestKind.WITHDRAWAL, RequestKind.OBJECTION) and consent_purpose:
        errors["consent_purpose"] = [_("A consent is chosen only to withdraw it or to object.")]
    return errors


def _new_request(*, user, kind: str, channel: str, received: datetime, **fields: Any) -> DataRequest:
    received_on = timezone.localdate(received)
    due = _due(kind, received_on)
    return DataRequest.objects.create(
        user=user, kind=kind, channel=channel, received_at=received, due_on=due, original_due_on=due, **fields
    )


def _require_open(request: DataRequest) -> None:
    if not request.is_open:
        raise ValidationError(
            {"status": [_("This request is already closed: %(status)s.") % {"status": request.get_status_display()}]}
        )


def _close(request: DataRequest, *, actor, status: str) -> None:
    request.status = status
    request.closed_at = timezone.now()
    request.closed_by = actor if getattr(actor, "pk", None) else None
