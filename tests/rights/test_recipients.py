"""The recipients register and the disclosure log; recipients are told of corrections and
deletions (P5.4, P5.5, P6.6, P7.4)."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from qalan.audit.models import AuditEvent
from qalan.core.inventory import LegalBasis, declarations
from qalan.rights import services
from qalan.rights.models import Disclosure, Recipient, RecipientNotice, RequestKind

pytestmark = pytest.mark.django_db


def record(dpo, user, recipient="authorities", **changes):
    fields = {
        "actor": dpo,
        "recipient": recipient,
        "user": user,
        "categories": ["identity", "contact"],
        "description": "Name and phone, on the request of the police",
        "legal_basis": LegalBasis.LAW,
        "basis_detail": "Request No. 12-34 of 01.06.2025",
    }
    fields.update(changes)
    return services.disclosure_record(**fields)


def test_every_recipient_code_named_by_the_inventory_is_in_the_register(db):
    # A code the register does not know could not be explained to the user (who, where, which
    # agreement). Free text (with spaces) is shown as written.
    from qalan.rights.report import IN_PLATFORM_RECIPIENTS

    codes = {name for d in declarations() for name in d.recipients if re.fullmatch(r"[a-z0-9_-]+", name)}
    known = set(Recipient.objects.values_list("slug", flat=True)) | set(IN_PLATFORM_RECIPIENTS)
    assert codes <= known, f"add these recipients to the register (admin or a data migration): {codes - known}"


def test_the_register_is_seeded_with_the_platforms_own_recipients(db):
    slugs = set(Recipient.objects.values_list("slug", flat=True))
    assert {"hosting", "sms_provider", "email_provider", "payment_gateway", "authorities"} <= slugs
    assert all(r.country for r in Recipient.objects.all())


def test_a_disclosure_records_what_to_whom_when_and_why(dpo, alice):
    disclosure = record(dpo, alice)
    assert disclosure.recipient.slug == "authorities" and disclosure.categories == ["contact", "identity"]
    event = AuditEvent.objects.get(event_type="disclosure.recorded")
    assert event.subject == alice and event.extra["recipient"] == "authorities"
    assert "phone" not in str(event.extra).lower()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"recipient": "nobody"}, "recipient"),
        ({"categories": []}, "categories"),
        ({"categories": ["none"]}, "categories"),
        ({"description": " "}, "description"),
        ({"legal_basis": "whim"}, "legal_basis"),
    ],
)
def test_a_disclosure_without_its_facts_is_refused(dpo, alice, changes, field):
    with pytest.raises(ValidationError) as error:
        record(dpo, alice, **changes)
    assert field in error.value.message_dict
    assert not Disclosure.objects.exists()


def test_an_answered_correction_tells_each_recipient_that_received_the_data(dpo, alice, sms_gateway):
    record(
        dpo,
        alice,
        recipient=sms_gateway,
        categories=["contact"],
        description="Phone for SMS",
        legal_basis=LegalBasis.CONTRACT,
    )
    record(dpo, alice)  # the authorities: no notice address in the register
    request = services.request_submit(actor=alice, kind=RequestKind.CORRECTION, description="My phone changed.")
    services.request_answer(actor=dpo, request=request, answer="We corrected your phone number.")
    notices = {n.recipient.slug: n for n in RecipientNotice.objects.filter(request=request)}
    assert set(notices) == {"sms_provider", "authorities"}
    assert notices["sms_provider"].message.recipient == "privacy@sms-gateway.example.kz"
    assert "corrected" in notices["sms_provider"].message.body
    assert alice.phone not in notices["sms_provider"].message.body  # references, never the data
    # A recipient without an address is recorded for the DPO to contact.
    assert notices["authorities"].message is None
    assert request.events.filter(action="recipients_notified").exists()


def test_an_answered_information_request_tells_no_recipient(dpo, alice, sms_gateway):
    record(
        dpo,
        alice,
        recipient=sms_gateway,
        categories=["contact"],
        description="Phone for SMS",
        legal_basis=LegalBasis.CONTRACT,
    )
    services.request_submit(actor=alice, kind=RequestKind.INFORMATION)
    assert not RecipientNotice.objects.exists()


def test_who_sees_my_data_lists_the_disclosures(client, dpo, alice):
    record(dpo, alice)
    client.force_login(alice)
    page = client.get(reverse("rights:who_sees")).content.decode()
    assert "Competent state bodies (on a lawful request)" in page
    assert "Request No. 12-34 of 01.06.2025" in page


def test_the_dpo_records_disclosures_on_the_web(dpo_client, alice):
    response = dpo_client.post(
        reverse("rights:dpo_disclosures"),
        {
            "recipient": Recipient.objects.get(slug="authorities").pk,
            "account_identifier": "alice",
            "categories": ["identity"],
            "description": "Name, on a court order",
            "legal_basis": LegalBasis.LAW,
            "basis_detail": "Court order 5-67",
            "inform_user": "on",
        },
    )
    assert response.status_code == 302
    assert Disclosure.objects.get().user == alice


def test_the_disclosure_log_is_for_the_dpo_only(client, alice):
    client.force_login(alice)
    assert client.get(reverse("rights:dpo_disclosures")).status_code == 404


def test_a_recipient_abroad_is_refused_without_its_safeguard(db):
    abroad = Recipient(slug="analytics_eu", name="Analytics EU", kind="provider", purpose="statistics", country="DE")
    with pytest.raises(ValidationError) as error:
        abroad.full_clean()
    assert "outside Kazakhstan needs its safeguard" in str(error.value)
    abroad.safeguard = "Standard contractual clauses; data pseudonymised before transfer"
    abroad.full_clean()
    abroad.save()
    assert Recipient.objects.get(slug="analytics_eu").outside_kazakhstan


def test_an_authority_request_needs_its_reference_and_the_person_is_told(dpo, alice):
    from qalan.notify.models import OutboxMessage

    facts = {
        "recipient": "authorities",
        "user": alice,
        "categories": ["identity", "contact"],
        "description": "Name and phone number of the account",
        "legal_basis": "law",
    }
    with pytest.raises(ValidationError) as error:
        services.disclosure_record(actor=dpo, **facts)
    assert "basis_detail" in error.value.message_dict
    assert not Disclosure.objects.exists()
    disclosure = services.disclosure_record(actor=dpo, basis_detail="Police request No. 12/345 of 20.11.2026", **facts)
    assert disclosure.user_informed
    told = OutboxMessage.objects.get(user=alice, channel="inapp", subject__contains="was given to")
    assert "12/345" in told.body


def test_when_the_law_forbids_telling_the_person_the_reason_is_recorded(dpo, alice):
    from qalan.notify.models import OutboxMessage

    facts = {
        "recipient": "authorities",
        "user": alice,
        "categories": ["identity"],
        "description": "Name",
        "legal_basis": "law",
        "basis_detail": "Court ruling 2-100/2026",
        "inform_user": False,
    }
    with pytest.raises(ValidationError) as error:
        services.disclosure_record(actor=dpo, **facts)
    assert "not_informed_reason" in error.value.message_dict
    disclosure = services.disclosure_record(actor=dpo, not_informed_reason="Criminal Procedure Code, art. 201", **facts)
    assert not disclosure.user_informed and disclosure.not_informed_reason.startswith("Criminal Procedure Code")
    assert not OutboxMessage.objects.filter(user=alice, subject__contains="was given to").exists()


@pytest.mark.parametrize("kind", ["other", "buyer", "advertiser"])
def test_no_recipient_outside_the_policys_cases_can_be_registered(db, kind):
    from django.db import IntegrityError, transaction

    outsider = Recipient(slug="data-broker", name="Data broker", kind=kind, purpose="resale", country="KZ")
    with pytest.raises(ValidationError):
        outsider.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        outsider.save()
    assert not Recipient.objects.filter(slug="data-broker").exists()


def test_data_goes_only_to_recipients_in_the_register(dpo, alice):
    with pytest.raises(ValidationError) as error:
        services.disclosure_record(
            actor=dpo,
            recipient="data-broker",
            user=alice,
            categories=["contact"],
            description="Phone list",
            legal_basis="consent",
        )
    assert "recipient" in error.value.message_dict
    assert not Disclosure.objects.exists()
