"""The policy as a versioned document (P9.1); operator contact and the DPO (P7.1, P10.3)."""

import pytest
from django.urls import reverse

from qalan.notify.models import OutboxMessage
from qalan.privacy.models import Inquiry, PolicyVersion
from qalan.privacy.selectors import policy_current

pytestmark = pytest.mark.django_db


def test_seed_policy_is_version_2025_05_01_with_the_full_text():
    policy = policy_current()
    assert policy.version == "2025-05-01"
    assert policy.last_updated.isoformat() == "2025-05-01"
    assert policy.body.startswith("Qalan Platform Privacy Policy")
    assert "QALANKZ" in policy.body and "10.5." in policy.body


def test_policy_page_shows_text_and_last_updated_date_in_the_layout(client):
    page = client.get("/privacy/").content.decode()
    assert "Last updated: 01.05.2025" in page
    assert "Version 2025-05-01" in page
    assert "27 Edil Yergozhin St." in page
    assert 'class="site-header"' in page  # rendered in the site layout


def test_policy_page_in_every_language(client):
    for language in ("kk", "ru", "en", "uz"):
        response = client.get("/privacy/", HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200
        assert f'<html lang="{language}">' in response.content.decode()


def test_newer_version_becomes_current_and_old_one_stays_readable(client):
    from datetime import date

    from django.utils import timezone

    PolicyVersion.objects.create(
        version="2026-09-01",
        last_updated=date(2026, 9, 1),
        effective_from=date(2026, 9, 1),
        body="New text",
        is_material=True,
        published_at=timezone.now(),
    )
    assert policy_current().version == "2026-09-01"
    page = client.get("/privacy/").content.decode()
    assert "Last updated: 01.09.2026" in page
    old = client.get(reverse("privacy:policy_version", args=["2025-05-01"]))
    assert "Last updated: 01.05.2025" in old.content.decode()


def test_future_version_is_not_current_yet(client):
    from datetime import date

    from django.utils import timezone

    PolicyVersion.objects.create(
        version="2099-01-01",
        last_updated=date(2099, 1, 1),
        effective_from=date(2099, 1, 1),
        body="Future",
        published_at=timezone.now(),
    )
    PolicyVersion.objects.create(
        version="2098-01-01", last_updated=date(2098, 1, 1), effective_from=date(2098, 1, 1), body="Draft"
    )
    assert policy_current().version == "2025-05-01"
    # Announced in advance: readable, marked as taking effect later. A draft is not readable.
    assert (
        "Takes effect on 01.01.2099"
        in client.get(reverse("privacy:policy_version", args=["2099-01-01"])).content.decode()
    )
    assert client.get(reverse("privacy:policy_version", args=["2098-01-01"])).status_code == 404


def test_unknown_policy_version_is_404(client):
    assert client.get(reverse("privacy:policy_version", args=["1999-01-01"])).status_code == 404


def test_api_serves_the_current_policy_and_the_operator(api):
    body = api.get("/api/v1/privacy/policy").json()
    assert body["version"] == "2025-05-01" and body["last_updated"] == "2025-05-01"
    operator = api.get("/api/v1/privacy/operator").json()
    assert operator["name"] == 'LLP "QALANKZ"'
    assert operator["email"] == "qalan.education@gmail.com"
    assert "Almaty" in operator["address"]
    assert operator["data_region"] == "KZ"


def test_contact_page_shows_the_operator_details_and_the_authority(client):
    page = client.get(reverse("privacy:contact")).content.decode()
    assert "QALANKZ" in page
    assert "050000, Republic of Kazakhstan, Almaty, 27 Edil Yergozhin St., Office 41" in page
    assert "qalan.education@gmail.com" in page
    assert "Ministry of Digital Development" in page
    assert "person responsible for the protection of personal data" in page


def test_contact_form_reaches_the_dpo_without_copying_the_message_out(client, dpo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("privacy:contact"),
            {
                "name": "Saule",
                "contact": "saule@example.kz",
                "topic": "question",
                "message": "What do you store about my son?",
            },
        )
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.message == "What do you store about my son?"
    in_app = OutboxMessage.objects.get(user=dpo, channel="inapp")
    assert f"#{inquiry.pk}" in in_app.body
    email = OutboxMessage.objects.get(channel="email")
    assert "my son" not in email.body and "saule" not in email.body.lower()
    client.force_login(dpo)
    inbox = client.get(reverse("privacy:dpo_inbox")).content.decode()
    assert "What do you store about my son?" in inbox


@pytest.mark.parametrize(
    "data",
    [
        {"name": "", "contact": "x@example.kz", "topic": "question", "message": "Hi"},
        {"name": "A", "contact": "x@example.kz", "topic": "no-such-topic", "message": "Hi"},
        {"name": "A", "contact": "x@example.kz", "topic": "question", "message": ""},
    ],
)
def test_contact_form_bad_input_shows_errors_and_stores_nothing(client, data):
    response = client.post(reverse("privacy:contact"), data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Inquiry.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_contact_api(api, dpo):
    response = api.post(
        "/api/v1/privacy/contact",
        {"name": "A", "contact": "+77010001122", "topic": "complaint", "message": "Hi"},
        format="json",
    )
    assert response.status_code == 201
    assert Inquiry.objects.get().topic == "complaint"
    assert api.post("/api/v1/privacy/contact", {"name": "A"}, format="json").status_code == 400


def test_dpo_inbox_is_404_for_everyone_else(client, alice, bob):
    assert client.get(reverse("privacy:dpo_inbox")).status_code == 302  # anonymous: sign in first
    client.force_login(alice)
    assert client.get(reverse("privacy:dpo_inbox")).status_code == 404


def test_disclosure_is_in_force_after_registration_until_withdrawn(alice):
    from qalan.privacy.selectors import consent_in_force, disclosure_allowed
    from qalan.privacy.services import consent_withdraw

    assert consent_in_force(user=alice, purpose="platform")
    assert disclosure_allowed(student=alice)
    assert not consent_in_force(user=alice, purpose="marketing")
    consent_withdraw(user=alice, actor=alice, purpose="disclosure", channel="web")
    assert not disclosure_allowed(student=alice)


def test_consent_api_lists_gives_and_withdraws(alice_api, alice):
    states = {s["purpose"]: s["in_force"] for s in alice_api.get("/api/v1/privacy/consents").json()}
    assert states["platform"] and states["disclosure"] and not states["marketing"]
    body = alice_api.post("/api/v1/privacy/consents/marketing", {"action": "give"}, format="json").json()
    assert {s["purpose"]: s["in_force"] for s in body}["marketing"]
    alice_api.post("/api/v1/privacy/consents/marketing", {"action": "withdraw"}, format="json")
    from qalan.privacy.models import ConsentRecord

    assert list(ConsentRecord.objects.filter(user=alice, purpose="marketing").values_list("action", "channel")) == [
        ("withdrawn", "app"),
        ("given", "app"),
    ]


def test_consent_for_an_unknown_purpose_is_refused_and_changes_nothing(alice_api, alice):
    from qalan.privacy.models import ConsentRecord

    before = ConsentRecord.objects.count()
    response = alice_api.post("/api/v1/privacy/consents/selling", {"action": "give"}, format="json")
    assert response.status_code == 400
    assert "Unknown purpose" in response.json()["message"]
    assert alice_api.post("/api/v1/privacy/consents/marketing", {"action": "maybe"}, format="json").status_code == 400
    assert ConsentRecord.objects.count() == before


def test_platform_consent_is_not_withdrawn_by_a_bare_switch(alice_api, alice):
    from qalan.privacy.selectors import consent_in_force

    response = alice_api.post("/api/v1/privacy/consents/platform", {"action": "withdraw"}, format="json")
    assert response.status_code == 400
    assert "account-deletion" in response.json()["message"]
    assert consent_in_force(user=alice, purpose="platform")
