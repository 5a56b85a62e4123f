"""Data-subject requests: one state machine for every right, deadlines, verification, answers
(P6.1-P6.5, P7.2-P7.4)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.utils import timezone

from qalan.audit.models import AuditEvent
from qalan.core.calendar import deadline_for
from qalan.notify.models import OutboxMessage
from qalan.rights import services
from qalan.rights.models import DataRequest, RequestChannel, RequestKind, RequestStatus, VerificationMethod
from tests.conftest import make_user
from tests.rights.conftest import messages_to

pytestmark = pytest.mark.django_db


def pdf(name="poa.pdf", data=b"%PDF-1.4 power of attorney for Alice"):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def audit_types(request) -> list[str]:
    return list(
        AuditEvent.objects.filter(extra__request=request.pk).order_by("id").values_list("event_type", flat=True)
    )


def paper_request(dpo, **changes) -> DataRequest:
    fields = {
        "actor": dpo,
        "kind": RequestKind.CORRECTION,
        "channel": RequestChannel.PAPER,
        "requester_name": "Alice Aliyeva",
        "requester_contact": "alice@example.kz",
        "account_identifier": "alice",
        "description": "My school is wrong: it is School No. 5.",
    }
    fields.update(changes)
    return services.request_enter(**fields)


# --- Receiving ------------------------------------------------------------------------------


def test_a_signed_in_users_request_is_verified_and_due_in_business_days(alice):
    request = services.request_submit(actor=alice, kind=RequestKind.CORRECTION, description="Fix my grade: 7, not 6.")
    assert request.status == RequestStatus.IN_PROGRESS
    assert request.verification_method == VerificationMethod.SIGNED_IN
    assert request.due_on == deadline_for("correction", timezone.localdate())
    assert audit_types(request) == ["request.received", "request.verified"]


def test_the_requester_is_told_the_request_was_received_with_its_due_date(alice):
    request = services.request_submit(actor=alice, kind=RequestKind.COMPLAINT, description="A teacher shared my marks.")
    inapp = messages_to(alice, channel=OutboxMessage.Channel.INAPP)
    assert inapp and f"#{request.pk}" in inapp[-1].body
    assert request.due_on.strftime("%d.%m.%Y") in inapp[-1].body
    # alice has an e-mail address, so the notice also goes there.
    assert messages_to(alice, channel=OutboxMessage.Channel.EMAIL, recipient="alice@example.kz")


def test_a_second_open_request_of_the_same_kind_points_to_the_first(alice):
    first = services.request_submit(actor=alice, kind=RequestKind.CORRECTION, description="Fix my grade.")
    with pytest.raises(ValidationError) as error:
        services.request_submit(actor=alice, kind=RequestKind.CORRECTION, description="Fix my grade, please!")
    item = error.value.error_dict["kind"][0]
    assert item.code == "duplicate" and item.params["number"] == first.pk
    assert f"#{first.pk}" in error.value.messages[0]
    assert DataRequest.objects.filter(user=alice).count() == 1


def test_a_request_without_a_description_is_refused_with_a_clear_message(alice):
    with pytest.raises(ValidationError) as error:
        services.request_submit(actor=alice, kind=RequestKind.CORRECTION, description="  ")
    assert "Describe what you want us to do" in error.value.message_dict["description"][0]
    assert not DataRequest.objects.exists()


def test_a_paper_request_runs_from_the_day_it_was_received(dpo, alice):
    received = timezone.localdate() - timedelta(days=3)
    request = paper_request(dpo, received_on=received)
    assert request.status == RequestStatus.VERIFYING
    assert request.user == alice and request.created_by == dpo
    assert request.due_on == deadline_for("correction", received)


def test_a_paper_request_cannot_be_received_in_the_future(dpo, alice):
    with pytest.raises(ValidationError) as error:
        paper_request(dpo, received_on=timezone.localdate() + timedelta(days=1))
    assert "received_on" in error.value.message_dict


def test_only_the_dpo_enters_requests(alice, bob):
    with pytest.raises(Http404):
        paper_request(bob)


# --- Verification ---------------------------------------------------------------------------


def test_an_outside_requester_gets_a_code_on_the_accounts_own_phone(alice):
    request = services.request_submit_public(
        kind=RequestKind.INFORMATION,
        requester_name="Alice",
        requester_contact="someone@example.kz",
        account_identifier="alice",
    )
    assert request.status == RequestStatus.VERIFYING and not request.is_verified
    sms = messages_to(alice, channel=OutboxMessage.Channel.SMS)
    assert len(sms) == 1 and sms[0].recipient == alice.phone and f"#{request.pk}" in sms[0].body
    # The contact the requester gave learns nothing about the account.
    to_contact = messages_to(recipient="someone@example.kz")
    assert len(to_contact) == 1
    assert alice.phone not in to_contact[0].body and "alice" not in to_contact[0].body.lower()


def test_an_unknown_account_looks_exactly_like_a_known_one_to_the_requester(alice):
    known = services.request_submit_public(
        kind=RequestKind.INFORMATION, requester_name="A", requester_contact="a@example.kz", account_identifier="alice"
    )
    unknown = services.request_submit_public(
        kind=RequestKind.INFORMATION,
        requester_name="B",
        requester_contact="b@example.kz",
        account_identifier="nobody-here",
    )
    assert unknown.user is None and unknown.status == known.status
    known_body = messages_to(recipient="a@example.kz")[0].body.replace(f"#{known.pk}", "#N")
    unknown_body = messages_to(recipient="b@example.kz")[0].body.replace(f"#{unknown.pk}", "#N")
    assert known_body == unknown_body


def _code_from_sms(user) -> str:
    body = messages_to(user, channel=OutboxMessage.Channel.SMS)[-1].body
    return next(word for word in body.split() if word.isdigit() and len(word) == 6)


def test_the_right_code_verifies_and_an_automated_request_is_answered_at_once(alice):
    request = services.request_submit_public(
        kind=RequestKind.INFORMATION,
        requester_name="Alice",
        requester_contact="alice.home@example.kz",
        account_identifier="alice",
    )
    services.request_verify_code(request=request, code=_code_from_sms(alice))
    request.refresh_from_db()
    assert request.status == RequestStatus.ANSWERED
    assert request.verification_method == VerificationMethod.CODE_SMS
    answer = messages_to(recipient="alice.home@example.kz")[-1]
    assert 'LLP "QALANKZ"' in answer.body and "Accounts" not in answer.subject


def test_a_wrong_code_discloses_nothing_and_five_tries_use_it_up(alice):
    request = services.request_submit_public(
        kind=RequestKind.INFORMATION, requester_name="X", requester_contact="x@example.kz", account_identifier="alice"
    )
    good = _code_from_sms(alice)
    wrong = "000000" if good != "000000" else "111111"
    for _ in range(5):
        with pytest.raises(ValidationError):
            services.request_verify_code(request=request, code=wrong)
    with pytest.raises(ValidationError):
        services.request_verify_code(request=request, code=good)
    request.refresh_from_db()
    assert request.status == RequestStatus.VERIFYING and not request.answer
    assert len(messages_to(recipient="x@example.kz")) == 1  # only the notice of receipt


def test_an_unverified_request_cannot_be_answered(dpo, alice):
    request = paper_request(dpo, kind=RequestKind.INFORMATION, description="")
    with pytest.raises(ValidationError) as error:
        services.request_answer(actor=dpo, request=request, answer="Here is all we hold: ...")
    assert "Verify the requester's identity first" in error.value.messages[0]
    request.refresh_from_db()
    assert request.is_open and not request.answer


def test_a_representative_without_a_document_stays_in_verification(dpo, alice):
    request = paper_request(dpo, by_representative=True, requester_name="Saule, mother of Alice")
    with pytest.raises(ValidationError) as error:
        services.request_verify(actor=dpo, request=request, note="Called the mother.")
    assert "power_of_attorney" in error.value.message_dict
    request.refresh_from_db()
    assert request.status == RequestStatus.VERIFYING
    services.power_of_attorney_attach(actor=dpo, request=request, upload=pdf())
    services.request_verify(actor=dpo, request=request, note="Notarised power of attorney checked.")
    request.refresh_from_db()
    assert request.status == RequestStatus.IN_PROGRESS and request.verification_method == VerificationMethod.STAFF


def test_an_online_representative_must_attach_the_document(alice):
    with pytest.raises(ValidationError) as error:
        services.request_submit_public(
            kind=RequestKind.DELETION,
            requester_name="Saule",
            requester_contact="saule@example.kz",
            account_identifier="alice",
            description="Delete my daughter's account.",
            by_representative=True,
        )
    assert "power_of_attorney" in error.value.message_dict
    assert not DataRequest.objects.exists()


def test_a_verified_duplicate_from_outside_points_to_the_open_request(alice):
    first = services.request_submit(actor=alice, kind=RequestKind.CORRECTION, description="Fix my grade.")
    second = services.request_submit_public(
        kind=RequestKind.CORRECTION,
        requester_name="Alice",
        requester_contact="a@example.kz",
        account_identifier="alice",
        description="Fix my grade.",
    )
    services.request_verify_code(request=second, code=_code_from_sms(alice))
    second.refresh_from_db()
    assert second.status == RequestStatus.WITHDRAWN and f"#{first.pk}" in second.answer
    first.refresh_from_db()
    assert first.is_open


# --- Answering, refusing, extending -------------------------------------------------------


def _verified_paper_request(dpo, **changes):
    request = paper_request(dpo, **changes)
    return services.request_verify(actor=dpo, request=request, note="ID card seen at the office.")


def test_the_dpo_answers_in_writing_and_the_requester_is_told(dpo, alice):
    request = _verified_paper_request(dpo)
    services.request_answer(actor=dpo, request=request, answer="We corrected your school to School No. 5.")
    request.refresh_from_db()
    assert request.status == RequestStatus.ANSWERED and request.closed_by == dpo and request.answered_on_time
    told = messages_to(recipient="alice@example.kz")[-1]
    assert "School No. 5" in told.body
    assert "request.answered" in audit_types(request)


def test_a_refusal_without_reasons_cannot_be_saved(dpo, alice):
    request = _verified_paper_request(dpo)
    with pytest.raises(ValidationError) as error:
        services.request_refuse(actor=dpo, request=request, reason=" ", legal_ground="")
    assert set(error.value.message_dict) == {"reason", "legal_ground"}
    request.refresh_from_db()
    assert request.is_open


def test_a_refusal_states_its_ground_and_names_the_authority(dpo, alice, settings):
    request = _verified_paper_request(dpo, kind=RequestKind.DELETION, description="Delete my payment history.")
    services.request_refuse(
        actor=dpo,
        request=request,
        reason="Payments must be kept five years.",
        legal_ground="Law on Accounting, art. 17",
    )
    request.refresh_from_db()
    assert request.status == RequestStatus.REFUSED
    body = messages_to(recipient="alice@example.kz")[-1].body
    assert "Law on Accounting, art. 17" in body and "Ministry of Digital Development" in body


def test_an_extension_needs_reasons_and_tells_the_requester(dpo, alice):
    request = _verified_paper_request(dpo)
    until = request.due_on + timedelta(days=3)
    with pytest.raises(ValidationError) as error:
        services.request_extend(actor=dpo, request=request, until=until, reason="")
    assert "reason" in error.value.message_dict
    services.request_extend(actor=dpo, request=request, until=until, reason="We wait for the school's records.")
    request.refresh_from_db()
    assert request.status == RequestStatus.EXTENDED and request.due_on == until
    assert request.original_due_on < until
    body = messages_to(recipient="alice@example.kz")[-1].body
    assert "We wait for the school's records." in body and until.strftime("%d.%m.%Y") in body


def test_no_extension_goes_past_twenty_business_days(dpo, alice):
    request = _verified_paper_request(dpo)
    latest = deadline_for("response", timezone.localdate(request.received_at))
    with pytest.raises(ValidationError) as error:
        services.request_extend(actor=dpo, request=request, until=latest + timedelta(days=1), reason="Busy.")
    assert "20 business days" in error.value.messages[0]
    services.request_extend(actor=dpo, request=request, until=latest, reason="Records are archived.")


def test_a_closed_request_changes_no_more(dpo, alice):
    request = _verified_paper_request(dpo)
    services.request_answer(actor=dpo, request=request, answer="Done.")
    request.refresh_from_db()
    with pytest.raises(ValidationError):
        services.request_refuse(actor=dpo, request=request, reason="x", legal_ground="y")
    with pytest.raises(ValidationError):
        services.request_withdraw(actor=alice, request=request)


def test_assign_only_to_a_dpo_and_comments_stay_internal(dpo, alice, bob):
    request = _verified_paper_request(dpo)
    with pytest.raises(ValidationError):
        services.request_assign(actor=dpo, request=request, assignee=bob)
    services.request_assign(actor=dpo, request=request, assignee=dpo)
    services.request_comment(actor=dpo, request=request, note="Ask the school first.")
    assert not request.events.get(action="comment").public
    # The audit trail records that a comment was made, never its words.
    comment = AuditEvent.objects.get(event_type="request.commented")
    assert "Ask the school" not in str(comment.extra)


def test_every_step_is_audited_and_told(dpo, alice):
    request = paper_request(dpo)
    services.request_verify(actor=dpo, request=request, note="ID card seen.")
    services.request_extend(actor=dpo, request=request, until=request.due_on + timedelta(days=1), reason="More time.")
    services.request_answer(actor=dpo, request=request, answer="Corrected.")
    assert audit_types(request) == ["request.entered", "request.verified", "request.extended", "request.answered"]
    # Received, in progress, extended, answered: four notices to the requester.
    assert len(messages_to(recipient="alice@example.kz")) == 4


# --- Power of attorney --------------------------------------------------------------------


def test_the_power_of_attorney_is_stored_encrypted_and_only_the_dpo_reads_it(dpo, alice, bob):
    request = paper_request(dpo, by_representative=True, power_of_attorney=pdf())
    stored = bytes(request.power_of_attorney.content)
    assert b"power of attorney for Alice" not in stored
    with pytest.raises(Http404):
        services.power_of_attorney_open(viewer=bob, request=request)
    document, content = services.power_of_attorney_open(viewer=dpo, request=request)
    assert content == b"%PDF-1.4 power of attorney for Alice" and document.content_type == "application/pdf"
    assert "request.poa_read" in audit_types(request)


def test_a_rotated_key_still_opens_old_documents(dpo, alice, settings):
    from cryptography.fernet import Fernet

    request = paper_request(dpo, by_representative=True, power_of_attorney=pdf())
    settings.QALAN_FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), *settings.QALAN_FIELD_ENCRYPTION_KEYS]
    _document, content = services.power_of_attorney_open(viewer=dpo, request=request)
    assert content.startswith(b"%PDF")


def test_only_pdf_or_images_are_accepted_as_a_power_of_attorney(dpo, alice):
    with pytest.raises(ValidationError) as error:
        paper_request(
            dpo,
            by_representative=True,
            power_of_attorney=SimpleUploadedFile("x.exe", b"MZ", content_type="application/x-msdownload"),
        )
    assert "power_of_attorney" in error.value.message_dict


# --- Reminders ----------------------------------------------------------------------------


def test_the_dpo_is_reminded_of_requests_due_soon_once_a_day(dpo, alice):
    request = _verified_paper_request(dpo)
    DataRequest.objects.filter(pk=request.pk).update(due_on=timezone.localdate() + timedelta(days=1))
    assert services.requests_remind_due() == 1
    assert services.requests_remind_due() == 0
    reminder = messages_to(dpo, channel=OutboxMessage.Channel.INAPP)[-1]
    assert f"#{request.pk}" in reminder.body


def test_an_overdue_request_is_flagged_to_its_assignee(dpo, alice):
    other_dpo = make_user("otto-dpo", role="dpo")
    request = _verified_paper_request(dpo)
    services.request_assign(actor=dpo, request=request, assignee=other_dpo)
    DataRequest.objects.filter(pk=request.pk).update(due_on=timezone.localdate() - timedelta(days=2))
    services.requests_remind_due()
    assert "overdue" in messages_to(other_dpo, channel=OutboxMessage.Channel.INAPP)[-1].body
    assert not [m for m in messages_to(dpo, channel=OutboxMessage.Channel.INAPP) if "overdue" in m.body]


def test_the_periodic_sweep_answers_automated_requests_left_open(alice):
    from qalan.rights.tasks import rights_sweep

    request = services.request_submit(actor=alice, kind=RequestKind.INFORMATION)
    # As after a crash between receipt and answer:
    DataRequest.objects.filter(pk=request.pk).update(status=RequestStatus.IN_PROGRESS, answer="", closed_at=None)
    assert rights_sweep()["automated"] == 1
    request.refresh_from_db()
    assert request.status == RequestStatus.ANSWERED


def test_consent_is_withdrawn_by_a_letter_to_the_operator(dpo, alice):
    from qalan.privacy.models import ConsentRecord
    from qalan.privacy.selectors import consent_in_force

    request = paper_request(dpo, kind=RequestKind.WITHDRAWAL, consent_purpose="disclosure", description="")
    assert consent_in_force(user=alice, purpose="disclosure")  # nothing before the identity check
    services.request_verify(actor=dpo, request=request, note="Signed letter, ID card copy compared.")
    request.refresh_from_db()
    assert request.status == RequestStatus.ANSWERED
    assert not consent_in_force(user=alice, purpose="disclosure")
    record = ConsentRecord.objects.filter(user=alice, purpose="disclosure").latest("created_at")
    assert record.channel == "operator" and record.evidence["request"] == request.pk


def test_a_withdrawal_must_name_the_consent(dpo, alice):
    with pytest.raises(ValidationError) as error:
        paper_request(dpo, kind=RequestKind.WITHDRAWAL, description="")
    assert "consent_purpose" in error.value.message_dict
