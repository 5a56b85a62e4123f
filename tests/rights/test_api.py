"""The rights API (the mobile app's privacy centre and the DPO's tools): same rules as the web."""

import io
import zipfile

import pytest
from rest_framework.test import APIClient

from qalan.privacy.selectors import consent_in_force
from qalan.rights.models import DataRequest, RequestStatus
from tests.conftest import PASSWORD, token_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def dpo_api(dpo):
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(dpo)}")
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/privacy/my-data",
        "/api/v1/privacy/requests",
        "/api/v1/privacy/consents-and-objections",
        "/api/v1/privacy/restriction",
        "/api/v1/privacy/who-sees-my-data",
        "/api/v1/privacy/account-deletion",
        "/api/v1/dpo/requests",
    ],
)
def test_anonymous_callers_get_401(api, url):
    assert api.get(url).status_code == 401


def test_my_data_comes_from_the_inventory(alice_api):
    sections = alice_api.get("/api/v1/privacy/my-data").json()
    models = {s["model"] for s in sections}
    assert {"accounts.User", "accounts.Profile", "privacy.ConsentRecord"} <= models
    user = next(s for s in sections if s["model"] == "accounts.User")
    assert user["retention"] == "While the account exists"
    assert {"name": "SMS gateway", "country": "KZ"}.items() <= user["recipients"][0].items() or any(
        r["name"] == "SMS gateway" for r in user["recipients"]
    )


def test_an_information_request_from_the_app_is_answered_at_once(alice_api, alice):
    response = alice_api.post("/api/v1/privacy/requests", {"kind": "information"}, format="json")
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "answered" and body["channel"] == "app"
    assert "We process personal data about you." in body["answer"]
    assert [e["action"] for e in body["events"]][:2] == ["received", "verified"]


def test_a_duplicate_request_gets_the_one_error_shape(alice_api):
    alice_api.post("/api/v1/privacy/requests", {"kind": "correction", "description": "Fix my grade."}, format="json")
    response = alice_api.post(
        "/api/v1/privacy/requests", {"kind": "correction", "description": "Again."}, format="json"
    )
    assert response.status_code == 400
    body = response.json()
    first = DataRequest.objects.get()
    assert f"#{first.pk}" in body["message"] and body["errors"]["kind"]


def test_another_persons_request_is_404_in_the_api(alice_api, bob):
    other = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    other.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(bob)}")
    created = alice_api.post("/api/v1/privacy/requests", {"kind": "information"}, format="json").json()
    assert other.get(f"/api/v1/privacy/requests/{created['id']}").status_code == 404


def test_consents_carry_their_consequence_and_withdraw_at_once(alice_api, alice):
    consents = {c["purpose"]: c for c in alice_api.get("/api/v1/privacy/consents-and-objections").json()}
    assert consents["platform"]["withdrawable"] is False
    assert "learning materials" in consents["platform"]["consequence"]
    response = alice_api.post("/api/v1/privacy/consents-and-objections/disclosure/withdraw")
    assert response.status_code == 201 and response.json()["status"] == "answered"
    assert not consent_in_force(user=alice, purpose="disclosure")
    refused = alice_api.post("/api/v1/privacy/consents-and-objections/platform/withdraw")
    assert refused.status_code == 400 and "delete your account" in refused.json()["message"]


def test_restriction_is_set_through_the_api(alice_api, alice):
    assert alice_api.put("/api/v1/privacy/restriction", {"restricted": True}, format="json").json() == {
        "restricted": True
    }
    alice.profile.refresh_from_db()
    assert alice.profile.restrict_dissemination


@pytest.mark.parametrize("body_format", ["multipart", "json"])
def test_a_restriction_put_without_its_field_is_refused_and_changes_nothing(alice_api, alice, body_format):
    # Found by schemathesis: a form-encoded PUT without `restricted` was read as false and lifted it.
    alice_api.put("/api/v1/privacy/restriction", {"restricted": True}, format="json")
    response = alice_api.put("/api/v1/privacy/restriction", {}, format=body_format)
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"restricted"}
    alice.profile.refresh_from_db()
    assert alice.profile.restrict_dissemination


def test_the_export_downloads_through_the_api(alice_api):
    link = alice_api.post("/api/v1/privacy/export").json()
    response = alice_api.get(link["download_url"])
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert "manifest.json" in archive.namelist()


def test_account_deletion_through_the_api(alice_api, alice):
    wrong = alice_api.post("/api/v1/privacy/account-deletion", {"password": "nope", "confirm": True}, format="json")
    assert wrong.status_code == 400 and "password" in wrong.json()["errors"]
    created = alice_api.post("/api/v1/privacy/account-deletion", {"password": PASSWORD, "confirm": True}, format="json")
    assert created.status_code == 201 and created.json()["erasure_after"]
    assert alice_api.get("/api/v1/privacy/account-deletion").status_code == 200
    cancelled = alice_api.delete("/api/v1/privacy/account-deletion")
    assert cancelled.json()["status"] == "withdrawn"
    assert consent_in_force(user=alice, purpose="platform")


def test_a_public_request_is_confirmed_with_the_code(api, alice):
    response = api.post(
        "/api/v1/privacy/requests/public",
        {
            "kind": "information",
            "requester_name": "Alice",
            "requester_contact": "a@example.kz",
            "account_identifier": "alice",
        },
        format="json",
    )
    assert response.status_code == 202
    token = response.json()["verification_token"]
    wrong = api.post(
        "/api/v1/privacy/requests/public/verify", {"verification_token": token, "code": "999999"}, format="json"
    )
    assert wrong.status_code == 400
    from qalan.notify.models import OutboxMessage

    body = OutboxMessage.objects.filter(user=alice, channel="sms").last().body
    code = next(w for w in body.split() if w.isdigit() and len(w) == 6)
    ok = api.post("/api/v1/privacy/requests/public/verify", {"verification_token": token, "code": code}, format="json")
    assert ok.status_code == 200
    assert DataRequest.objects.get().status == RequestStatus.ANSWERED


def test_a_forged_verification_token_is_refused(api):
    response = api.post(
        "/api/v1/privacy/requests/public/verify", {"verification_token": "1:forged", "code": "123456"}, format="json"
    )
    assert response.status_code == 400 and response.json()["errors"]["code"]


def test_the_dpo_api_is_404_for_everyone_else(alice_api):
    assert alice_api.get("/api/v1/dpo/requests").status_code == 404
    assert alice_api.get("/api/v1/dpo/requests/board").status_code == 404


def test_the_dpo_works_a_request_through_the_api(dpo_api, alice_api):
    created = alice_api.post(
        "/api/v1/privacy/requests", {"kind": "correction", "description": "Fix my grade."}, format="json"
    ).json()
    queue = dpo_api.get("/api/v1/dpo/requests").json()
    assert [r["id"] for r in queue] == [created["id"]]
    refused = dpo_api.post(f"/api/v1/dpo/requests/{created['id']}/refuse", {"reason": ""}, format="json")
    assert refused.status_code == 400 and set(refused.json()["errors"]) == {"reason", "legal_ground"}
    answered = dpo_api.post(
        f"/api/v1/dpo/requests/{created['id']}/answer", {"answer": "Grade set to 7."}, format="json"
    )
    assert answered.status_code == 200 and answered.json()["status"] == "answered"
    assert dpo_api.get("/api/v1/dpo/requests/board").json()["answered_on_time"] == 1


def test_the_schema_documents_the_rights_endpoints(api):
    paths = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()["paths"]
    for path in (
        "/api/v1/privacy/requests",
        "/api/v1/privacy/export",
        "/api/v1/privacy/account-deletion",
        "/api/v1/dpo/requests",
    ):
        assert path in paths


def test_an_unassigned_request_is_null_where_the_schema_allows_null(dpo_api, alice_api, api):
    # Found by schemathesis: the queue answered `"assigned_to": null` where the schema said string.
    alice_api.post("/api/v1/privacy/requests", {"kind": "correction", "description": "Fix my grade."}, format="json")
    (queued,) = dpo_api.get("/api/v1/dpo/requests").json()
    assert queued["assigned_to"] is None
    components = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()["components"]
    request_out = components["schemas"]["DpoRequestOut"]["properties"]
    assert request_out["assigned_to"]["nullable"] is True
    assert request_out["username"]["nullable"] is True
