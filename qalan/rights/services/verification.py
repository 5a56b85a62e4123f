"""Identity verification of a data-subject request: one-time codes to the requester's contact
(hashed, bounded attempts), verification by staff, linking the request to an account, and the
duplicate check once the requester is known (P7.2)."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from qalan.notify.models import OutboxMessage
from qalan.notify.services import message_queue
from qalan.rights.models import (
    DataRequest,
    PowerOfAttorney,
    RequestKind,
    RequestStatus,
    VerificationMethod,
)
from qalan.rights.selectors import account_by_identifier
from qalan.rights.services._common import (
    AUTOMATED_KINDS,
    _audit,
    _event,
    _fmt,
    _notify_requester,
    _open_duplicate,
    _require_dpo,
)
from qalan.rights.services.handling import request_process_automated

CODE_TTL = timedelta(minutes=15)


CODE_MAX_ATTEMPTS = 5


def _mark_verified(request: DataRequest, *, actor, method: str) -> DataRequest:
    request.verified_at = timezone.now()
    request.verification_method = method
    request.verified_by = actor if getattr(actor, "pk", None) else None
    request.verification_code_hash = ""
    if request.status in (RequestStatus.RECEIVED, RequestStatus.VERIFYING):
        request.status = RequestStatus.IN_PROGRESS
    request.save()
    _event(request, actor=actor, action="verified", note=str(VerificationMethod(method).label))
    _audit(request, actor=actor, event="verified", method=method)
    return request


def _after_verification(request: DataRequest, *, actor) -> DataRequest:
    """A verified request: answered at once when the platform can, else told to the requester."""
    if request.kind in AUTOMATED_KINDS:
        request_process_automated(request=request)
        request.refresh_from_db()
    if request.is_open:
        _notify_requester(request, "verified", due=_fmt(request.due_on))
    return request


def _code_hash(request: DataRequest, code: str) -> str:
    return salted_hmac("qalan.request-code", f"{request.pk}:{code}", algorithm="sha256").hexdigest()


def _code_send(request: DataRequest, *, actor, channel: str) -> None:
    user = request.user
    use_email = channel == "email" and bool(user.email)
    code = f"{secrets.randbelow(10**6):06d}"
    request.verification_code_hash = _code_hash(request, code)
    request.verification_code_expires_at = timezone.now() + CODE_TTL
    request.verification_attempts = 0
    request.save(update_fields=["verification_code_hash", "verification_code_expires_at", "verification_attempts"])
    with translation.override(request.language or settings.LANGUAGE_CODE):
        text = _(
            "Qalan: code %(code)s confirms request #%(number)s about your personal data. "
            "If you did not make it, ignore this message and tell us."
        ) % {"code": code, "number": request.pk}
    message_queue(
        user=user,
        channel=OutboxMessage.Channel.EMAIL if use_email else OutboxMessage.Channel.SMS,
        recipient=user.email if use_email else user.phone,
        subject=_("Qalan: confirm your request"),
        body=text,
        kind=OutboxMessage.Kind.SECURITY,
        sensitive=True,
    )
    _event(request, actor=actor, action="code_sent", public=False, note="email" if use_email else "sms")
    _audit(request, actor=actor, event="code_sent", channel="email" if use_email else "sms")


def request_code_send(*, actor, request: DataRequest, channel: str = "sms") -> None:
    """Send (again) a code to the account's own phone or e-mail. Says nothing when no account
    matched: the requester must not learn whether one exists."""
    if not request.is_open or request.is_verified or request.user is None or request.by_representative:
        return
    with transaction.atomic():
        _code_send(request, actor=actor, channel=channel)


WRONG_CODE = gettext_noop("The code is wrong or has expired. Check the last message from Qalan, or ask for a new code.")


def request_verify_code(*, request: DataRequest, code: str, actor=None) -> DataRequest:
    """The requester proves control of the account's phone or e-mail."""
    wrong = ValidationError({"code": [_(WRONG_CODE)]})
    with transaction.atomic():
        request = DataRequest.objects.select_for_update().get(pk=request.pk)
        usable = (
            request.is_open
            and not request.is_verified
            and request.verification_code_hash
            and request.verification_code_expires_at
            and request.verification_code_expires_at > timezone.now()
            and request.verification_attempts < CODE_MAX_ATTEMPTS
        )
        if not usable or not (code or "").strip().isdigit():
            failed = True
        elif not constant_time_compare(_code_hash(request, code.strip()), request.verification_code_hash):
            request.verification_attempts += 1
            request.save(update_fields=["verification_attempts"])
            failed = True
        else:
            failed = False
    if failed:
        raise wrong
    method = VerificationMethod.CODE_SMS
    last_sent = request.events.filter(action="code_sent").order_by("-created_at", "-id").first()
    if last_sent is not None and last_sent.note == "email":
        method = VerificationMethod.CODE_EMAIL
    with transaction.atomic():
        duplicate = _open_duplicate(user=request.user, kind=request.kind, exclude_pk=request.pk)
        if duplicate is not None and duplicate.received_at < request.received_at:
            return _close_as_duplicate(request, first=duplicate, actor=actor)
        _mark_verified(request, actor=actor, method=method)
        _after_verification(request, actor=actor)
    request.refresh_from_db()
    return request


def _close_as_duplicate(request: DataRequest, *, first: DataRequest, actor) -> DataRequest:
    """A second open request of the same kind points to the first instead of running twice."""
    request.status = RequestStatus.WITHDRAWN
    request.closed_at = timezone.now()
    request.answer = _("This is the same as your open request #%(number)s, due by %(due)s. We answer it there.") % {
        "number": first.pk,
        "due": _fmt(first.due_on),
    }
    request.save()
    _event(request, actor=actor, action="duplicate", note=f"#{first.pk}")
    _audit(request, actor=actor, event="duplicate", first=first.pk)
    return request


def request_verify(*, actor, request: DataRequest, note: str) -> DataRequest:
    """The DPO confirms the requester's identity or authority after checking documents."""
    _require_dpo(actor)
    errors = {}
    if not request.is_open:
        errors["status"] = [_("This request is closed.")]
    elif request.is_verified:
        errors["status"] = [_("The requester is already verified.")]
    if not (note or "").strip():
        errors["note"] = [_("Write how you checked the identity (for example: ID card seen at the office).")]
    if request.user is None and request.kind not in (RequestKind.COMPLAINT, RequestKind.OTHER):
        errors["account_identifier"] = [_("Link the request to the person's account first.")]
    if request.by_representative and not PowerOfAttorney.objects.filter(request=request).exists():
        errors["power_of_attorney"] = [
            _("A representative's request stays in verification until the power of attorney is attached.")
        ]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        _event(request, actor=actor, action="checked", note=note.strip(), public=False)
        _mark_verified(request, actor=actor, method=VerificationMethod.STAFF)
        _after_verification(request, actor=actor)
    request.refresh_from_db()
    return request


def request_link_account(*, actor, request: DataRequest, account_identifier: str) -> DataRequest:
    """The DPO links an entered request to the account it is about."""
    _require_dpo(actor)
    user = account_by_identifier(account_identifier)
    if user is None:
        raise ValidationError(
            {"account_identifier": [_("No single active account has this username or phone. Check it.")]}
        )
    if request.is_verified or not request.is_open:
        raise ValidationError(
            {"status": [_("Only an open request that is not verified yet can be linked to an account.")]}
        )
    with transaction.atomic():
        request.user = user
        request.account_identifier = account_identifier.strip()[:40]
        request.save(update_fields=["user", "account_identifier"])
        _event(request, actor=actor, action="account_linked", public=False)
        _audit(request, actor=actor, event="account_linked")
    return request
