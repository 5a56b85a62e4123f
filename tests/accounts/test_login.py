"""Sign-in on the web and the API, the shared lockout (P4.5.a), and device sessions (P3.2.a)."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from qalan.accounts.models import DeviceSession
from qalan.core.tokens import token_hash
from tests.conftest import PASSWORD, token_for

pytestmark = pytest.mark.django_db


def web_login(client, username="alice", password=PASSWORD):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def api_login(api, username="alice", password=PASSWORD, **extra):
    return api.post("/api/v1/auth/token", {"username": username, "password": password, **extra}, format="json")


def test_web_login_opens_a_browser_device_session(client, alice):
    response = web_login(client, username="ALICE")  # usernames are case-insensitive
    assert response.status_code == 302
    session = DeviceSession.objects.get(user=alice, kind="web")
    assert session.revoked_at is None
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_web_wrong_password_says_what_to_do(client, alice):
    response = web_login(client, password="nope")
    assert response.status_code == 200
    assert "Wrong username or password" in response.content.decode()
    assert not DeviceSession.objects.exists()


def test_web_logout_revokes_the_device_session(client, alice):
    web_login(client)
    client.post(reverse("accounts:logout"))
    assert DeviceSession.objects.get(user=alice).revoked_at is not None
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_revoking_a_browser_session_signs_that_browser_out(client, alice, alice_api):
    web_login(client)
    web = DeviceSession.objects.get(user=alice, kind="web")
    assert alice_api.delete(f"/api/v1/auth/sessions/{web.pk}").status_code == 204
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_api_login_returns_a_token_stored_only_as_a_hash(api, alice):
    response = api_login(api, device_name="Galaxy A54", platform="android", app_version="1.4.0")
    assert response.status_code == 200
    token = response.json()["token"]
    session = DeviceSession.objects.get(pk=response.json()["session_id"])
    assert session.token_hash == token_hash(token)
    assert token not in session.token_hash
    assert (session.device_name, session.platform, session.app_version) == ("Galaxy A54", "android", "1.4.0")
    assert session.ip_address == "127.0.0.1"


def test_api_wrong_password_is_400_with_message(api, alice):
    response = api_login(api, password="nope")
    assert response.status_code == 400
    assert "Wrong username or password" in response.json()["message"]


def test_user_lists_and_revokes_own_devices(api, alice):
    first = api_login(api, device_name="phone").json()
    second = api_login(api, device_name="tablet").json()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {first['token']}")
    listed = api.get("/api/v1/auth/sessions").json()
    assert {d["device_name"] for d in listed} == {"phone", "tablet"}
    assert [d["current"] for d in listed if d["device_name"] == "phone"] == [True]
    assert "token_hash" not in listed[0]
    assert api.delete(f"/api/v1/auth/sessions/{second['session_id']}").status_code == 204
    other = APIClient().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {second['token']}")
    assert other.status_code == 401
    assert other["WWW-Authenticate"] == "Bearer"


def test_a_user_cannot_see_or_revoke_another_users_device(api, alice, bob):
    bobs = DeviceSession.objects.get(pk=api_login(api, username="bob").json()["session_id"])
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(alice)}")
    assert api.delete(f"/api/v1/auth/sessions/{bobs.pk}").status_code == 404
    assert all(d["id"] != bobs.pk for d in api.get("/api/v1/auth/sessions").json())
    bobs.refresh_from_db()
    assert bobs.revoked_at is None


def test_api_logout_revokes_the_token(api, alice):
    token = api_login(api).json()["token"]
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert api.post("/api/v1/auth/logout").status_code == 204
    assert api.get("/api/v1/me").status_code == 401


@pytest.mark.parametrize("header", ["Bearer", "Bearer a b", "Bearer qln_forged", "Token abc"])
def test_malformed_or_forged_tokens_are_refused(api, alice, header):
    response = api.get("/api/v1/me", HTTP_AUTHORIZATION=header)
    assert response.status_code in (401, 403)
    assert response.json()["message"]


def test_anonymous_api_requests_get_401(api):
    assert api.get("/api/v1/me").status_code == 401


# --- Lockout: the same rule for the web and the API ---------------------------------------


def test_web_locks_the_username_after_five_wrong_passwords(client, alice):
    for _ in range(4):
        assert web_login(client, password="wrong").status_code == 200
    locked = web_login(client, password="wrong")
    assert locked.status_code == 429
    assert "Too many wrong passwords" in locked.content.decode()
    # Even the right password is refused during the lockout.
    assert web_login(client).status_code == 429
    assert not DeviceSession.objects.exists()


def test_api_locks_the_username_after_five_wrong_passwords(api, alice):
    for _ in range(4):
        assert api_login(api, password="wrong").status_code == 400
    locked = api_login(api, password="wrong")
    assert locked.status_code == 429
    assert "Too many wrong passwords" in locked.json()["message"]
    assert int(locked["Retry-After"]) == 15 * 60
    assert api_login(api).status_code == 429


def test_failures_on_web_and_api_count_together(client, api, alice):
    for _ in range(3):
        web_login(client, password="wrong")
    api_login(api, password="wrong")
    assert api_login(api, password="wrong").status_code == 429
    assert web_login(client).status_code == 429


def test_lockout_of_one_username_does_not_block_another(client, alice, bob):
    for _ in range(5):
        web_login(client, password="wrong")
    assert web_login(client, username="bob").status_code == 302


def test_lockout_message_is_translated(alice):
    api = APIClient(HTTP_ACCEPT_LANGUAGE="kk")
    for _ in range(5):
        response = api_login(api, password="wrong")
    assert response.status_code == 429
    assert "Too many" not in response.json()["message"]


# --- The lockout counts per canonical username (sign-in ignores case) ----------------------


def test_web_case_variants_of_a_username_share_one_lockout(client, alice):
    for variant in ["alice", "Alice", "ALICE", "aLiCe"]:
        assert web_login(client, username=variant, password="wrong").status_code == 200
    assert web_login(client, username="AlIcE", password="wrong").status_code == 429
    # Locked under every spelling, even with the right password.
    for variant in ["alice", "ALICE", " Alice "]:
        assert web_login(client, username=variant).status_code == 429
    assert not DeviceSession.objects.exists()


def test_api_case_variants_of_a_username_share_one_lockout(api, alice):
    for variant in ["alice", "Alice", "ALICE", "aLiCe"]:
        assert api_login(api, username=variant, password="wrong").status_code == 400
    assert api_login(api, username="AlIcE", password="wrong").status_code == 429
    for variant in ["alice", "ALICE", "Alice"]:
        assert api_login(api, username=variant).status_code == 429
    assert not DeviceSession.objects.exists()


def test_web_and_api_case_variants_count_together(client, api, alice):
    for _ in range(2):
        web_login(client, username="ALICE", password="wrong")
    for _ in range(3):
        api_login(api, username="Alice", password="wrong")
    assert web_login(client, username="alice").status_code == 429
    assert api_login(api, username="aLICE").status_code == 429


def test_a_successful_sign_in_under_another_case_resets_the_count(client, alice):
    for _ in range(4):
        web_login(client, username="ALICE", password="wrong")
    assert web_login(client, username="alice").status_code == 302
    client.post(reverse("accounts:logout"))
    for _ in range(4):
        assert web_login(client, username="Alice", password="wrong").status_code == 200
