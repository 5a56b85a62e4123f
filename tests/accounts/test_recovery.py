"""Password recovery by a one-time code through the outbox (P4.1.a)."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from qalan.accounts.models import DeviceSession, RecoveryCode
from qalan.notify.models import OutboxMessage
from tests.conftest import token_for

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "Another-str0ng-pass"


def last_code(channel="sms") -> str:
    message = OutboxMessage.objects.filter(channel=channel).order_by("-id").first()
    return re.search(r"\b(\d{6})\b", message.body).group(1)


def request_code(api, identifier="alice", channel="sms"):
    return api.post("/api/v1/auth/recovery", {"identifier": identifier, "channel": channel}, format="json")


def confirm(api, code, identifier="alice", password=NEW_PASSWORD):
    return api.post(
        "/api/v1/auth/recovery/confirm",
        {"identifier": identifier, "code": code, "new_password": password},
        format="json",
    )


def test_code_goes_by_sms_and_is_stored_only_hashed(api, alice, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert request_code(api).status_code == 202
    sms = OutboxMessage.objects.get(channel="sms")
    assert sms.recipient == alice.phone
    assert sms.status == "sent"
    code = last_code()
    record = RecoveryCode.objects.get(user=alice)
    assert code not in record.code_hash
    assert record.expires_at - record.created_at == timedelta(minutes=15)


def test_code_by_email_when_the_account_has_one(api, alice):
    request_code(api, channel="email")
    email = OutboxMessage.objects.get(channel="email")
    assert email.recipient == "alice@example.kz"


def test_phone_number_works_as_identifier(api, alice):
    request_code(api, identifier="8 " + alice.phone[2:])
    assert RecoveryCode.objects.filter(user=alice).exists()


def test_right_code_sets_the_password_and_signs_out_every_device(api, alice):
    token_for(alice)
    request_code(api)
    response = confirm(api, last_code())
    assert response.status_code == 200
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)
    assert not DeviceSession.objects.filter(user=alice, revoked_at__isnull=True).exists()
    # One use only.
    assert confirm(api, last_code(), password="Yet-another-pass-9").status_code == 400


def test_wrong_code_is_refused_and_changes_nothing(api, alice):
    request_code(api)
    code = last_code()
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    response = confirm(api, wrong)
    assert response.status_code == 400
    assert "wrong or has expired" in response.json()["errors"]["code"][0]
    alice.refresh_from_db()
    assert not alice.check_password(NEW_PASSWORD)


def test_code_dies_after_five_wrong_tries(api, alice):
    request_code(api)
    code = last_code()
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    for _ in range(5):
        confirm(api, wrong)
    assert confirm(api, code).status_code == 400


def test_expired_code_is_refused(api, alice):
    request_code(api)
    RecoveryCode.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert confirm(api, last_code()).status_code == 400


def test_weak_new_password_is_refused_and_code_stays_usable(api, alice):
    request_code(api)
    response = confirm(api, last_code(), password="123")
    assert response.status_code == 400
    assert "new_password" in response.json()["errors"]
    assert confirm(api, last_code()).status_code == 200


def test_at_most_three_codes_an_hour(api, alice):
    for _ in range(5):
        assert request_code(api).status_code == 202
    assert RecoveryCode.objects.filter(user=alice).count() == 3
    assert OutboxMessage.objects.filter(channel="sms").count() == 3


def test_unknown_account_gets_the_same_answer_and_nothing_is_sent(api, alice):
    known = request_code(api)
    unknown = request_code(api, identifier="nobody-here")
    assert unknown.status_code == known.status_code == 202
    assert unknown.json() == known.json()
    assert OutboxMessage.objects.filter(channel="sms").count() == 1


def test_shared_phone_gets_the_list_of_usernames_not_a_code(api, db):
    from tests.conftest import make_user

    make_user("sister", phone="+77017770001")
    make_user("brother", phone="+77017770001")
    request_code(api, identifier="+7 701 777 00 01")
    message = OutboxMessage.objects.get()
    assert "brother" in message.body and "sister" in message.body
    assert not RecoveryCode.objects.exists()


def test_successful_recovery_lifts_a_login_lockout(client, api, alice):
    for _ in range(5):
        client.post(reverse("accounts:login"), {"username": "alice", "password": "wrong"})
    request_code(api)
    confirm(api, last_code())
    response = client.post(reverse("accounts:login"), {"username": "alice", "password": NEW_PASSWORD})
    assert response.status_code == 302


def test_web_recovery_flow_keeps_the_identifier_out_of_the_url(client, alice):
    response = client.post(reverse("accounts:recovery_request"), {"identifier": alice.phone, "channel": "sms"})
    assert response.status_code == 302
    assert alice.phone not in response["Location"] and "7701" not in response["Location"]
    page = client.get(response["Location"]).content.decode()
    assert "valid for 15 minutes" in page
    wrong = client.post(reverse("accounts:recovery_confirm"), {"code": "000000", "new_password": NEW_PASSWORD})
    if last_code() != "000000":
        assert "wrong or has expired" in wrong.content.decode()
    done = client.post(reverse("accounts:recovery_confirm"), {"code": last_code(), "new_password": NEW_PASSWORD})
    assert done.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)


def test_code_body_is_wiped_after_delivery_in_production_mode(api, alice, settings, django_capture_on_commit_callbacks):
    settings.QALAN_OUTBOX_KEEP_SENSITIVE = False
    with django_capture_on_commit_callbacks(execute=True):
        request_code(api)
    assert OutboxMessage.objects.get().status == "sent"
    assert not re.search(r"\d{6}", OutboxMessage.objects.get().body)


def test_a_code_spent_by_a_request_running_at_the_same_time_is_refused(api, alice, monkeypatch):
    """Two requests with the same code: the other spends it between our check and our spend."""
    from qalan.accounts.services import recovery as services

    request_code(api)
    code = last_code()
    real_matches = services.code_matches

    def matches_while_another_request_spends(**kwargs):
        result = real_matches(**kwargs)
        RecoveryCode.objects.filter(user=alice).update(used_at=timezone.now())
        return result

    monkeypatch.setattr(services, "code_matches", matches_while_another_request_spends)
    response = confirm(api, code)
    assert response.status_code == 400 and "code" in response.json()["errors"]
    alice.refresh_from_db()
    assert not alice.check_password(NEW_PASSWORD)


def test_a_code_works_once(api, alice):
    request_code(api)
    code = last_code()
    assert confirm(api, code).status_code == 200
    again = confirm(api, code, password="Yet-another-str0ng-pass")
    assert again.status_code == 400
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)


def test_a_weak_new_password_does_not_spend_the_code(api, alice):
    request_code(api)
    code = last_code()
    assert confirm(api, code, password="123").status_code == 400
    assert RecoveryCode.objects.get(user=alice).used_at is None
    assert confirm(api, code).status_code == 200
