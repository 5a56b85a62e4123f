"""Self-service of the privacy centre: consents and objections, restriction of dissemination,
the export download link, and the deletion of the account with its cool-off (P2.2.a, P6.2,
P6.3, P6.5)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from qalan.accounts.models import User
from qalan.audit.services import audit_record
from qalan.core.consent import ConsentChannel, ConsentPurpose
from qalan.notify.services import message_queue
from qalan.privacy.selectors import consent_in_force
from qalan.privacy.services import consent_give, consent_withdraw
from qalan.rights.models import (
    OPEN_STATUSES,
    DataExport,
    DataRequest,
    RecipientNotice,
    RequestChannel,
    RequestKind,
    RequestStatus,
    VerificationMethod,
)
from qalan.rights.services._common import (
    NOTICES,
    _audit,
    _close,
    _contact_channel,
    _duplicate_error,
    _event,
    _fmt,
    _new_request,
    _notify_requester,
    _open_duplicate,
    _require_dpo,
    _today,
    site_url,
)
from qalan.rights.services.recipients import _recipients_of, _recipients_tell
from qalan.rights.services.requests import request_submit
from qalan.rights.services.verification import _mark_verified


def consent_withdraw_by_user(*, actor: User, purpose: str, channel: str = RequestChannel.WEB) -> DataRequest:
    """Withdraw one consent, or object to marketing, at once (P2.2.a, P6.3). The platform
    consent cannot be withdrawn here: without it the account cannot be used, so the user is
    led to account deletion instead."""
    if purpose not in ConsentPurpose.values:
        raise ValidationError({"purpose": [_("Choose one of the listed purposes.")]})
    if purpose == ConsentPurpose.PLATFORM:
        raise ValidationError(
            {"purpose": [_("Without this consent the account cannot be used. To withdraw it, delete your account.")]}
        )
    if not consent_in_force(user=actor, purpose=purpose):
        raise ValidationError({"purpose": [_("This consent is not in force: there is nothing to withdraw.")]})
    kind = RequestKind.OBJECTION if purpose == ConsentPurpose.MARKETING else RequestKind.WITHDRAWAL
    return request_submit(actor=actor, kind=kind, channel=channel, consent_purpose=purpose)


def consent_give_by_user(*, actor: User, purpose: str, channel: str = ConsentChannel.WEB) -> None:
    """Give a consent (again) from the privacy centre."""
    if purpose not in ConsentPurpose.values or purpose == ConsentPurpose.PLATFORM:
        raise ValidationError({"purpose": [_("Choose one of the listed purposes.")]})
    if consent_in_force(user=actor, purpose=purpose):
        return
    consent_give(user=actor, actor=actor, purpose=purpose, channel=channel, evidence={"form": "privacy centre"})


def dissemination_restrict(*, actor: User, user: User, restricted: bool) -> None:
    """Forbid (or allow again) showing the user's data to other users (P6.5)."""
    if actor.pk != user.pk:
        _require_dpo(actor)
    profile = user.profile
    if profile.restrict_dissemination == restricted:
        return
    with transaction.atomic():
        profile.restrict_dissemination = restricted
        profile.save(update_fields=["restrict_dissemination", "updated_at"])
        audit_record(
            actor=actor,
            subject=user,
            event_type="privacy.dissemination_restricted" if restricted else "privacy.dissemination_allowed",
        )


def _export_token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def export_create(*, actor: User, user: User) -> tuple[DataExport, str]:
    """A fresh download link for the user's own ZIP; the raw token is shown once."""
    if actor.pk != user.pk:
        raise Http404
    raw = secrets.token_urlsafe(32)
    with transaction.atomic():
        export = DataExport.objects.create(
            user=user,
            token_hash=_export_token_hash(raw),
            expires_at=timezone.now() + timedelta(minutes=settings.QALAN_EXPORT_LINK_MINUTES),
        )
        audit_record(actor=actor, subject=user, event_type="export.link_created", extra={"export": export.pk})
    return export, raw


def export_open(*, viewer: User, token: str) -> DataExport:
    """The viewer's own export of a token (anyone else's is 404). A live one is counted and
    recorded as downloaded; the caller refuses an expired one."""
    export = DataExport.objects.filter(token_hash=_export_token_hash(token or ""), user=viewer).first()
    if export is None:
        raise Http404
    if not export.is_live:
        return export
    with transaction.atomic():
        DataExport.objects.filter(pk=export.pk).update(
            download_count=export.download_count + 1, last_downloaded_at=timezone.now()
        )
        audit_record(actor=viewer, subject=viewer, event_type="export.downloaded", extra={"export": export.pk})
    export.refresh_from_db()
    return export


def account_deletion_request(
    *, actor: User, password: str, channel: str = RequestChannel.WEB, confirm: bool = True
) -> DataRequest:
    """Ask to delete the account: the password again, then a cool-off during which the user can
    cancel; the erasure runs after it (P6.2, P2.2.a). Withdraws the platform consent."""
    errors = {}
    if not confirm:
        errors["confirm"] = [_("Tick the box to confirm that you read what deletion means.")]
    if not actor.check_password(password or ""):
        errors["password"] = [_("The password is wrong. Type your current password to confirm it is you.")]
    if errors:
        raise ValidationError(errors)
    existing = _open_duplicate(user=actor, kind=RequestKind.DELETION)
    if existing is not None and existing.is_account_deletion:
        raise _duplicate_error(existing)
    with transaction.atomic():
        request = _new_request(
            user=actor,
            kind=RequestKind.DELETION,
            channel=channel,
            received=timezone.now(),
            requester_name=(actor.profile.full_name or actor.username),
            requester_contact=actor.email or actor.phone,
            description=_("Delete my account and my data."),
            erasure_after=timezone.now() + timedelta(days=settings.QALAN_DELETION_COOLOFF_DAYS),
            language=actor.profile.language or translation.get_language() or "",
        )
        _event(request, actor=actor, action="received")
        _audit(request, actor=actor, event="received", channel=channel, account=True)
        _mark_verified(request, actor=actor, method=VerificationMethod.SIGNED_IN)
        if consent_in_force(user=actor, purpose=ConsentPurpose.PLATFORM):
            consent_withdraw(
                user=actor,
                actor=actor,
                purpose=ConsentPurpose.PLATFORM,
                channel=ConsentChannel.APP if channel == RequestChannel.APP else ConsentChannel.WEB,
                evidence={"request": request.pk, "form": "delete my account"},
            )
        _event(request, actor=actor, action="erasure_scheduled", note=request.erasure_after.isoformat())
        _notify_requester(
            request,
            "deletion_scheduled",
            date=_fmt(timezone.localdate(request.erasure_after)),
            link=site_url(reverse("rights:delete_account")),
        )
    return request


def account_deletion_cancel(*, actor: User, request: DataRequest) -> DataRequest:
    """Cancel during the cool-off: the account stays and the platform consent is given again."""
    if not request.is_account_deletion:
        raise ValidationError({"status": [_("This is not an account deletion.")]})
    if not request.is_open or request.erasure_after <= timezone.now():
        raise ValidationError({"status": [_("The cool-off period is over: the deletion can no longer be cancelled.")]})
    with transaction.atomic():
        _close(request, actor=actor, status=RequestStatus.WITHDRAWN)
        request.save()
        if not consent_in_force(user=request.user, purpose=ConsentPurpose.PLATFORM):
            consent_give(
                user=request.user,
                actor=actor,
                purpose=ConsentPurpose.PLATFORM,
                channel=ConsentChannel.WEB,
                evidence={"request": request.pk, "form": "deletion cancelled"},
            )
        _event(request, actor=actor, action="erasure_cancelled")
        _audit(request, actor=actor, event="erasure_cancelled")
        _notify_requester(request, "deletion_cancelled")
    return request


def account_deletions_due() -> list[DataRequest]:
    """Account deletions whose cool-off is over (including any whose erasure finished but whose
    answer was not written yet: their person is already gone)."""
    return list(
        DataRequest.objects.filter(
            kind=RequestKind.DELETION,
            status__in=OPEN_STATUSES,
            erasure_after__isnull=False,
            erasure_after__lte=timezone.now(),
        ).select_related("user")
    )


def _waiting(request: DataRequest, action: str, note: str = "") -> None:
    """Record once why a due deletion has not run yet (the engine is missing, a legal hold)."""
    if not request.events.filter(action=action).exists():
        with transaction.atomic():
            _event(request, actor=None, action=action, public=False, note=note)


def account_deletion_execute(*, request: DataRequest) -> bool:
    """Erase the account of a deletion whose cool-off is over, then write the answer and tell
    every recipient that received the data (P6.6, P7.4). The recipients are looked up before the
    erasure scrubs the disclosure log. Returns False while the request must wait: the engine is
    not there, or a legal hold stops it; the periodic sweep tries again."""
    from qalan.rights.erasure import erasure_available, erasure_run_for_request

    if not request.is_account_deletion or not request.is_open or request.erasure_after > timezone.now():
        return False
    user = request.user
    recipients, contact = [], request.requester_contact
    if user is not None:
        if not erasure_available():
            _waiting(request, "waiting_for_erasure")
            return False
        recipients = _recipients_of(user)
        contact = user.email or user.phone
        try:
            run = erasure_run_for_request(actor=None, user=user, request=request)
        except ValidationError as exc:
            _waiting(request, "erasure_held", note="; ".join(exc.messages))
            return False
        if getattr(run, "status", "done") != "done":
            _waiting(request, "erasure_held", note=str(getattr(run, "status", "")))
            return False
        request.refresh_from_db()
    language = request.language or settings.LANGUAGE_CODE
    with transaction.atomic():
        with translation.override(language):
            answer = _(
                "Your account and your personal data were deleted on %(date)s. Learning results are kept only "
                "anonymised, for statistics. Payment records stay in the archive for the period the law requires, "
                "without other use."
            ) % {"date": _fmt(_today())}
            values = {"number": request.pk}
            subject, body = _(NOTICES["deletion_done"][0]) % values, _(NOTICES["deletion_done"][1]) % values
        _close(request, actor=None, status=RequestStatus.ANSWERED)
        request.answer = answer
        request.save()
        _event(request, actor=None, action="answered")
        _audit(request, actor=None, event="answered", on_time=request.answered_on_time, automated=True)
        _recipients_tell(actor=None, request=request, change=RecipientNotice.Change.DELETION, recipients=recipients)
        if contact:
            # Not tied to the account (which is gone); wiped after delivery in production.
            message_queue(
                channel=_contact_channel(contact), recipient=contact, subject=subject, body=body, sensitive=True
            )
    return True
