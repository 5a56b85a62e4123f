"""The life of a data-subject request: receipt (online, outside, entered by staff), identity
verification, the representative's power of attorney, the DPO's work (assign, comment, extend,
answer, refuse), automated answers, and reminders before due dates (P6, P7.2-P7.4)."""

from __future__ import annotations

import secrets
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from qalan.accounts.models import Role, User
from qalan.core.consent import ConsentChannel, ConsentPurpose
from qalan.notify.models import OutboxMessage
from qalan.notify.services import message_queue
from qalan.privacy.selectors import consent_in_force
from qalan.privacy.services import consent_withdraw
from qalan.rights import crypto
from qalan.rights.models import (
    OPEN_STATUSES,
    DataRequest,
    PowerOfAttorney,
    RecipientNotice,
    RequestChannel,
    RequestEvent,
    RequestKind,
    RequestStatus,
    VerificationMethod,
)
from qalan.rights.selectors import account_by_identifier
from qalan.rights.services._common import (
    AUTOMATED_KINDS,
    _audit,
    _clean_request_fields,
    _close,
    _duplicate_error,
    _event,
    _fmt,
    _is_dpo,
    _made_signed_in,
    _new_request,
    _notify_requester,
    _open_duplicate,
    _require_dpo,
    _require_open,
    _today,
    request_latest_due,
    site_url,
)
from qalan.rights.services.recipients import recipients_notify

CODE_TTL = timedelta(minutes=15)


CODE_MAX_ATTEMPTS = 5


POA_CONTENT_TYPES = {"application/pdf", "image/jpeg", "image/png"}


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


def _poa_check(upload) -> None:
    content_type = getattr(upload, "content_type", "") or ""
    if content_type not in POA_CONTENT_TYPES:
        raise ValidationError(_("Attach the document as a PDF, JPEG or PNG file."))
    if upload.size > settings.QALAN_POA_MAX_BYTES:
        raise ValidationError(
            _("The file is too large. Attach at most %(mb)s MB.")
            % {"mb": settings.QALAN_POA_MAX_BYTES // (1024 * 1024)}
        )


def _poa_store(request: DataRequest, *, upload, actor) -> PowerOfAttorney:
    _poa_check(upload)
    data = upload.read()
    PowerOfAttorney.objects.filter(request=request).delete()
    document = PowerOfAttorney.objects.create(
        request=request,
        filename=(getattr(upload, "name", "") or "document")[-200:],
        content_type=upload.content_type,
        size=len(data),
        content=crypto.encrypt(data),
        uploaded_by=actor if getattr(actor, "pk", None) else None,
    )
    _event(request, actor=actor, action="power_of_attorney_attached")
    _audit(request, actor=actor, event="poa_attached", size=len(data))
    return document


def power_of_attorney_attach(*, actor, request: DataRequest, upload) -> PowerOfAttorney:
    _require_dpo(actor)
    try:
        _poa_check(upload)
    except ValidationError as exc:
        raise ValidationError({"power_of_attorney": exc.messages}) from None
    with transaction.atomic():
        if not request.by_representative:
            request.by_representative = True
            request.save(update_fields=["by_representative"])
        return _poa_store(request, upload=upload, actor=actor)


def power_of_attorney_open(*, viewer, request: DataRequest) -> tuple[PowerOfAttorney, bytes]:
    """Decrypt the document for the DPO; every read is recorded."""
    _require_dpo(viewer)
    document = PowerOfAttorney.objects.filter(request=request).first()
    if document is None:
        raise Http404
    with transaction.atomic():
        _event(request, actor=viewer, action="power_of_attorney_read", public=False)
        _audit(request, actor=viewer, event="poa_read")
    return document, crypto.decrypt(document.content)


def request_assign(*, actor, request: DataRequest, assignee: User | None) -> DataRequest:
    _require_dpo(actor)
    _require_open(request)
    if assignee is not None and not _is_dpo(assignee):
        raise ValidationError({"assignee": [_("Assign the request to a data protection officer.")]})
    with transaction.atomic():
        request.assigned_to = assignee
        request.save(update_fields=["assigned_to"])
        _event(request, actor=actor, action="assigned", public=False, note=assignee.username if assignee else "")
        _audit(request, actor=actor, event="assigned", assignee=assignee.pk if assignee else None)
    return request


def request_comment(*, actor, request: DataRequest, note: str) -> RequestEvent:
    """An internal note of the DPO (never shown to the requester)."""
    _require_dpo(actor)
    if not (note or "").strip():
        raise ValidationError({"note": [_("Write the comment.")]})
    with transaction.atomic():
        event = _event(request, actor=actor, action="comment", note=note.strip(), public=False)
        _audit(request, actor=actor, event="commented")
    return event


def request_extend(*, actor, request: DataRequest, until: date, reason: str) -> DataRequest:
    """Move the due date, with reasons the requester is told (P7.3); never past the maximum."""
    _require_dpo(actor)
    _require_open(request)
    errors = {}
    if not (reason or "").strip():
        errors["reason"] = [_("Write the reasons for the extension: the requester is told them.")]
    latest = request_latest_due(request)
    if until is None or until <= request.due_on:
        errors["until"] = [_("Choose a date after the current due date, %(due)s.") % {"due": _fmt(request.due_on)}]
    elif until > latest:
        errors["until"] = [
            ngettext(
                "A request must be answered within %(days)s business day: choose %(latest)s or earlier.",
                "A request must be answered within %(days)s business days: choose %(latest)s or earlier.",
                settings.QALAN_REQUEST_DEADLINES["response"],
            )
            % {"days": settings.QALAN_REQUEST_DEADLINES["response"], "latest": _fmt(latest)}
        ]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        previous = request.due_on
        request.due_on = until
        request.extension_reason = reason.strip()
        if request.status == RequestStatus.IN_PROGRESS:
            request.status = RequestStatus.EXTENDED
        request.reminded_on = None
        request.save()
        _event(request, actor=actor, action="extended", note=reason.strip())
        _audit(request, actor=actor, event="extended", previous=previous.isoformat(), until=until.isoformat())
        _notify_requester(request, "extended", due=_fmt(until), reason=reason.strip())
    return request


def _answer_link(request: DataRequest) -> str:
    return site_url(reverse("rights:request_detail", args=[request.pk]))


def _answer_save(request: DataRequest, *, actor, answer: str, automated: bool = False) -> DataRequest:
    _close(request, actor=actor, status=RequestStatus.ANSWERED)
    request.answer = answer
    request.save()
    _event(request, actor=actor, action="answered")
    _audit(request, actor=actor, event="answered", on_time=request.answered_on_time, automated=automated)
    if request.kind in (RequestKind.CORRECTION, RequestKind.DELETION) and request.user is not None:
        change = (
            RecipientNotice.Change.DELETION
            if request.kind == RequestKind.DELETION
            else RecipientNotice.Change.CORRECTION
        )
        recipients_notify(actor=actor, request=request, change=change)
    if _made_signed_in(request):
        _notify_requester(request, "answered", link=_answer_link(request))
    else:
        _notify_requester(request, "answered_outside", answer=answer)
    return request


def request_answer(*, actor, request: DataRequest, answer: str) -> DataRequest:
    """The written answer (P7.4): the information, or the measures taken."""
    _require_dpo(actor)
    _require_open(request)
    if not request.is_verified:
        raise ValidationError(
            {"status": [_("Verify the requester's identity first: nothing is disclosed to an unverified requester.")]}
        )
    if not (answer or "").strip():
        raise ValidationError({"answer": [_("Write the answer: the information asked for, or the measures taken.")]})
    with transaction.atomic():
        return _answer_save(request, actor=actor, answer=answer.strip())


def request_refuse(*, actor, request: DataRequest, reason: str, legal_ground: str) -> DataRequest:
    """A reasoned refusal with its legal ground (P6.2, P7.4); the requester is told where to complain."""
    _require_dpo(actor)
    _require_open(request)
    errors = {}
    if not (reason or "").strip():
        errors["reason"] = [_("Write the reasons for the refusal: a refusal without reasons cannot be saved.")]
    if not (legal_ground or "").strip():
        errors["legal_ground"] = [_("Name the legal ground of the refusal (the law and its article).")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        _close(request, actor=actor, status=RequestStatus.REFUSED)
        request.refusal_reason = reason.strip()
        request.refusal_ground = legal_ground.strip()
        request.save()
        _event(request, actor=actor, action="refused", note=reason.strip())
        _audit(request, actor=actor, event="refused", on_time=request.answered_on_time)
        _notify_requester(
            request,
            "refused",
            reason=reason.strip(),
            ground=legal_ground.strip(),
            authority=str(settings.QALAN_OPERATOR["authority"]),
        )
    return request


def request_withdraw(*, actor, request: DataRequest) -> DataRequest:
    """The requester (or the DPO for them) withdraws an open request. Withdrawing an account
    deletion during its cool-off cancels the deletion."""
    _require_open(request)
    if request.is_account_deletion:
        from qalan.rights.services.centre import account_deletion_cancel

        return account_deletion_cancel(actor=actor, request=request)
    with transaction.atomic():
        _close(request, actor=actor, status=RequestStatus.WITHDRAWN)
        request.save()
        _event(request, actor=actor, action="withdrawn")
        _audit(request, actor=actor, event="withdrawn")
        _notify_requester(request, "withdrawn")
    return request


def request_process_automated(*, request: DataRequest) -> bool:
    """Answer a verified request of an automated kind without staff (P6.1, P6.3). Returns
    whether it was answered."""
    if request.kind not in AUTOMATED_KINDS or not request.is_open or not request.is_verified or request.user is None:
        return False
    from qalan.rights.report import information_report_text

    with transaction.atomic():
        request = DataRequest.objects.select_for_update().get(pk=request.pk)
        if not request.is_open:
            return False
        user = request.user
        if request.kind == RequestKind.INFORMATION:
            with translation.override(request.language or settings.LANGUAGE_CODE):
                answer = information_report_text(user)
        elif request.kind == RequestKind.EXPORT:
            # The copy itself is built when downloaded, behind the account's sign-in.
            with translation.override(request.language or settings.LANGUAGE_CODE):
                answer = ngettext(
                    "Your copy is ready. Sign in and open Privacy centre, Download: the ZIP file is built at once "
                    "and its link works for %(minutes)s minute.",
                    "Your copy is ready. Sign in and open Privacy centre, Download: the ZIP file is built at once "
                    "and its link works for %(minutes)s minutes.",
                    settings.QALAN_EXPORT_LINK_MINUTES,
                ) % {"minutes": settings.QALAN_EXPORT_LINK_MINUTES}
        elif request.consent_purpose and request.consent_purpose != ConsentPurpose.PLATFORM:
            if consent_in_force(user=user, purpose=request.consent_purpose):
                consent_withdraw(
                    user=user,
                    actor=user,
                    purpose=request.consent_purpose,
                    channel=ConsentChannel.APP
                    if request.channel == RequestChannel.APP
                    else (ConsentChannel.WEB if request.channel == RequestChannel.WEB else ConsentChannel.OPERATOR),
                    evidence={"request": request.pk, "kind": request.kind},
                )
            with translation.override(request.language or settings.LANGUAGE_CODE):
                answer = _(
                    "From %(date)s we no longer process your data for this purpose: %(purpose)s. "
                    "You can give the consent again at any time in the privacy centre."
                ) % {"date": _fmt(_today()), "purpose": str(ConsentPurpose(request.consent_purpose).label)}
        else:
            # An objection without a consent purpose needs the DPO's judgement.
            return False
        _answer_save(request, actor=None, answer=answer, automated=True)
    return True


def requests_process_pending() -> int:
    """Safety net of the periodic task: automated requests still open (e.g. after a crash)."""
    pending = DataRequest.objects.filter(
        kind__in=AUTOMATED_KINDS, status__in=OPEN_STATUSES, verified_at__isnull=False, user__isnull=False
    ).exclude(kind=RequestKind.OBJECTION, consent_purpose="")
    return sum(1 for request in pending if request_process_automated(request=request))


def requests_remind_due(*, today: date | None = None) -> int:
    """Remind the DPO (the assignee, else every DPO) of open requests due soon or overdue, once
    a day per request. Returns the number of requests reminded."""
    from qalan.core.calendar import add_business_days

    today = today or _today()
    horizon = add_business_days(today, settings.QALAN_REQUEST_REMINDER_DAYS)
    due = (
        DataRequest.objects.filter(status__in=OPEN_STATUSES, due_on__lte=horizon)
        .exclude(reminded_on=today)
        .select_related("assigned_to")
    )
    dpos = list(User.objects.filter(role=Role.DPO, is_active=True))
    count = 0
    for request in due:
        with transaction.atomic():
            overdue = request.due_on < today
            text = (
                _("Request #%(number)s is overdue: it was due on %(due)s. Answer it or record an extension.")
                if overdue
                else _("Request #%(number)s is due on %(due)s. Answer it, or extend with reasons.")
            ) % {"number": request.pk, "due": _fmt(request.due_on)}
            for dpo in [request.assigned_to] if request.assigned_to_id else dpos:
                message_queue(user=dpo, channel=OutboxMessage.Channel.INAPP, subject=text, body=text)
            DataRequest.objects.filter(pk=request.pk).update(reminded_on=today)
            _event(request, actor=None, action="reminder", public=False, note="overdue" if overdue else "due soon")
            _audit(request, actor=None, event="reminded", overdue=overdue)
        count += 1
    return count
