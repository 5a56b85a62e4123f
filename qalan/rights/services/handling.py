"""The DPO's work on a request: assign, comment, extend (with the reason told to the requester),
answer, refuse on a legal ground; the requester's withdrawal; automated answers of the kinds the
platform can answer itself; reminders before due dates (P6, P7.3, P7.4)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from qalan.accounts.models import Role, User
from qalan.core.consent import ConsentChannel, ConsentPurpose
from qalan.notify.models import OutboxMessage
from qalan.notify.services import message_queue
from qalan.privacy.selectors import consent_in_force
from qalan.privacy.services import consent_withdraw
from qalan.rights.models import (
    OPEN_STATUSES,
    DataRequest,
    RecipientNotice,
    RequestChannel,
    RequestEvent,
    RequestKind,
    RequestStatus,
)
from qalan.rights.services._common import (
    AUTOMATED_KINDS,
    _audit,
    _close,
    _event,
    _fmt,
    _is_dpo,
    _made_signed_in,
    _notify_requester,
    _require_dpo,
    _require_open,
    _today,
    request_latest_due,
    site_url,
)
from qalan.rights.services.recipients import recipients_notify


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
