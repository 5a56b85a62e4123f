"""Receipt of a data-subject request: online by a signed-in user, from outside (a parent or a
representative without an account, with a power of attorney), or entered by staff from a letter;
the signed link by which an outside requester follows it (P6, P7.2). Verification, the DPO's work
and reminders are in the sibling modules ``verification``, ``attorney`` and ``handling``."""

from __future__ import annotations

from datetime import date, datetime

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from qalan.accounts.models import User
from qalan.rights.models import (
    DataRequest,
    RequestChannel,
    RequestStatus,
    VerificationMethod,
)
from qalan.rights.selectors import account_by_identifier
from qalan.rights.services._common import (
    AUTOMATED_KINDS,
    _audit,
    _clean_request_fields,
    _duplicate_error,
    _event,
    _fmt,
    _new_request,
    _notify_requester,
    _open_duplicate,
    _require_dpo,
    _today,
)
from qalan.rights.services.attorney import _poa_check, _poa_store
from qalan.rights.services.handling import request_process_automated
from qalan.rights.services.verification import _code_send, _mark_verified


def request_submit(
    *,
    actor: User,
    kind: str,
    channel: str = RequestChannel.WEB,
    description: str = "",
    data_concerned: str = "",
    consent_purpose: str = "",
    language: str = "",
) -> DataRequest:
    """A signed-in user's own request (online or in the app). Being signed in is the identity
    check, so the request goes straight to work; automated kinds are answered at once."""
    errors = _clean_request_fields(kind=kind, description=description, consent_purpose=consent_purpose)
    if channel not in (RequestChannel.WEB, RequestChannel.APP):
        errors["channel"] = [_("Online requests come from the website or the app.")]
    if errors:
        raise ValidationError(errors)
    existing = _open_duplicate(user=actor, kind=kind, consent_purpose=consent_purpose)
    if existing is not None:
        raise _duplicate_error(existing)
    profile = getattr(actor, "profile", None)
    with transaction.atomic():
        request = _new_request(
            user=actor,
            kind=kind,
            channel=channel,
            received=timezone.now(),
            requester_name=(profile.full_name if profile else "") or actor.username,
            requester_contact=actor.email or actor.phone,
            description=(description or "").strip(),
            data_concerned=(data_concerned or "").strip(),
            consent_purpose=consent_purpose,
            language=language or (profile.language if profile else "") or translation.get_language() or "",
        )
        _event(request, actor=actor, action="received")
        _audit(request, actor=actor, event="received", channel=channel)
        _mark_verified(request, actor=actor, method=VerificationMethod.SIGNED_IN)
        if request.kind in AUTOMATED_KINDS:
            request_process_automated(request=request)
        if request.kind not in AUTOMATED_KINDS or request.is_open:
            _notify_requester(request, "received", due=_fmt(request.due_on))
    request.refresh_from_db()
    return request


def _clean_outside_fields(*, requester_name: str, requester_contact: str, by_representative: bool, poa) -> dict:
    errors: dict[str, list[str]] = {}
    if not (requester_name or "").strip():
        errors["requester_name"] = [_("Write the requester's full name.")]
    if not (requester_contact or "").strip():
        errors["requester_contact"] = [_("Write an e-mail address or phone number for the answer.")]
    if poa is not None:
        try:
            _poa_check(poa)
        except ValidationError as exc:
            errors["power_of_attorney"] = exc.messages
    return errors


def request_submit_public(
    *,
    kind: str,
    requester_name: str,
    requester_contact: str,
    account_identifier: str,
    description: str = "",
    data_concerned: str = "",
    by_representative: bool = False,
    power_of_attorney=None,
    consent_purpose: str = "",
    code_channel: str = "sms",
    language: str = "",
    channel: str = RequestChannel.WEB,
) -> DataRequest:
    """A request from someone who is not signed in. Nothing about any account is disclosed
    until they prove control of the account's phone or e-mail (a code), or, for a
    representative, until the DPO has checked the power of attorney."""
    errors = _clean_request_fields(kind=kind, description=description, consent_purpose=consent_purpose)
    errors.update(
        _clean_outside_fields(
            requester_name=requester_name,
            requester_contact=requester_contact,
            by_representative=by_representative,
            poa=power_of_attorney,
        )
    )
    if not (account_identifier or "").strip():
        errors["account_identifier"] = [_("Write the username or the phone number of the account.")]
    if by_representative and power_of_attorney is None:
        errors["power_of_attorney"] = [_("Attach the power of attorney or other document that gives you authority.")]
    if errors:
        raise ValidationError(errors)
    user = account_by_identifier(account_identifier)
    with transaction.atomic():
        request = _new_request(
            user=user,
            kind=kind,
            channel=channel,
            received=timezone.now(),
            status=RequestStatus.VERIFYING,
            requester_name=requester_name.strip(),
            requester_contact=requester_contact.strip(),
            by_representative=by_representative,
            account_identifier=account_identifier.strip()[:40],
            description=(description or "").strip(),
            data_concerned=(data_concerned or "").strip(),
            consent_purpose=consent_purpose,
            language=language or translation.get_language() or "",
        )
        _event(request, actor=None, action="received")
        if power_of_attorney is not None:
            _poa_store(request, upload=power_of_attorney, actor=None)
        _audit(request, actor=None, event="received", channel=channel, representative=by_representative)
        _notify_requester(request, "received_unverified")
        if user is not None and not by_representative:
            _code_send(request, actor=None, channel=code_channel)
    return request


def request_enter(
    *,
    actor: User,
    kind: str,
    channel: str,
    requester_name: str,
    requester_contact: str,
    account_identifier: str = "",
    description: str = "",
    data_concerned: str = "",
    by_representative: bool = False,
    power_of_attorney=None,
    consent_purpose: str = "",
    received_on: date | None = None,
    inquiry=None,
) -> DataRequest:
    """Staff enter a request that came by e-mail or on paper (P7.2). Its deadline runs from the
    day it was received, not the day it was typed in."""
    _require_dpo(actor)
    errors = _clean_request_fields(kind=kind, description=description, consent_purpose=consent_purpose)
    errors.update(
        _clean_outside_fields(
            requester_name=requester_name,
            requester_contact=requester_contact,
            by_representative=by_representative,
            poa=power_of_attorney,
        )
    )
    if channel not in (RequestChannel.EMAIL, RequestChannel.PAPER):
        errors["channel"] = [_("Staff enter requests that came by e-mail or on paper.")]
    today = _today()
    received_on = received_on or today
    if received_on > today:
        errors["received_on"] = [_("The day of receipt cannot be in the future.")]
    user = account_by_identifier(account_identifier) if account_identifier else None
    if account_identifier and user is None:
        errors["account_identifier"] = [
            _(
                "No single active account has this username or phone. Check it, or leave it empty if the person has no account."
            )
        ]
    if errors:
        raise ValidationError(errors)
    existing = _open_duplicate(user=user, kind=kind, consent_purpose=consent_purpose)
    if existing is not None:
        raise _duplicate_error(existing)
    received = timezone.now()
    if received_on != today:
        received = timezone.make_aware(datetime.combine(received_on, datetime.min.time().replace(hour=12)))
    with transaction.atomic():
        request = _new_request(
            user=user,
            kind=kind,
            channel=channel,
            received=received,
            status=RequestStatus.VERIFYING,
            requester_name=requester_name.strip(),
            requester_contact=requester_contact.strip(),
            by_representative=by_representative,
            account_identifier=(account_identifier or "").strip()[:40],
            description=(description or "").strip(),
            data_concerned=(data_concerned or "").strip(),
            consent_purpose=consent_purpose,
            created_by=actor,
            inquiry=inquiry,
            language=(user.profile.language if user is not None and hasattr(user, "profile") else "") or "",
        )
        _event(request, actor=actor, action="received", note=str(RequestChannel(channel).label))
        if power_of_attorney is not None:
            _poa_store(request, upload=power_of_attorney, actor=actor)
        _audit(request, actor=actor, event="entered", channel=channel, representative=by_representative)
        _notify_requester(request, "received_unverified")
    return request


# Bandit B105: a signing salt (namespace), not a secret.
PUBLIC_TOKEN_SALT = "qalan.rights.public-request"  # nosec B105


PUBLIC_TOKEN_MAX_AGE = 7 * 24 * 3600


def public_token(request: DataRequest) -> str:
    """What an outside requester holds to confirm their request (never the bare number, which
    anyone could guess)."""
    return signing.dumps({"request": request.pk}, salt=PUBLIC_TOKEN_SALT)


def request_from_public_token(token: str) -> DataRequest:
    """Raises ``BadSignature`` for a forged, expired or unknown token."""
    data = signing.loads(token, salt=PUBLIC_TOKEN_SALT, max_age=PUBLIC_TOKEN_MAX_AGE)
    request = DataRequest.objects.filter(pk=data.get("request")).first()
    if request is None:
        raise signing.BadSignature("unknown request")
    return request
