"""Two-factor sign-in (TOTP, issue 13 B6): enrolment, the second sign-in step on the web and the
API, replay, lockout, recovery codes, the staff gate, the demo command."""

import pyotp
import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from qalan.accounts import services, totp
from qalan.accounts.middleware import OTP_VERIFIED_KEY
from qalan.accounts.models import DeviceSession, OTPRecoveryCode, Role, TOTPDevice
from qalan.audit.models import AuditEvent
from qalan.notify.models import OutboxMessage
from tests.conftest import PASSWORD, TEST_OTP_SECRET, api_as, make_user

pytestmark = pytest.mark.django_db


def code(step_offset: int = 0, secret: str = TEST_OTP_SECRET) -> str:
    return totp.code_at(secret, totp.step_now() + step_offset)


def web_password(client, username, password=PASSWORD):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def web_code(client, value):
    return client.post(reverse("accounts:login_otp"), {"code": value})


def api_login(api, username, **extra):
    return api.post("/api/v1/auth/token", {"username": username, "password": PASSWORD, **extra}, format="json")


@pytest.fixture
def sam(db):
    """Support staff with an authenticator (TEST_OTP_SECRET)."""
    return make_user("sam-support", role=Role.SUPPORT)


@pytest.fixture
def newcomer(db):
    """A DPO whose account has no authenticator yet."""
    return make_user("nora-dpo", role=Role.DPO, otp=False)


@pytest.fixture
def teacher(db):
    return make_user("tim-teacher", role=Role.TEACHER)


def enrol(client, user) -> tuple[str, list[str]]:
    """Enrol through the page as a person would: read the secret, type the app's code."""
    page = client.get(reverse("accounts:otp"))
    assert page.status_code == 200
    secret = services.otp_secret(TOTPDevice.objects.get(user=user))
    confirmed = client.post(reverse("accounts:otp"), {"code": pyotp.TOTP(secret).now()})
    assert confirmed.status_code == 200
    return secret, list(confirmed.context["codes"])


# --- Enrolment -------------------------------------------------------------------------------


def test_enrolment_shows_a_local_svg_qr_code_and_the_secret_in_groups(client, teacher):
    client.force_login(teacher)
    page = client.get(reverse("accounts:otp"))
    html = page.content.decode()
    device = TOTPDevice.objects.get(user=teacher)
    secret = services.otp_secret(device)
    assert "<svg" in html and "http" not in page.context["qr_svg"].replace("http://www.w3.org/2000/svg", "")
    assert totp.secret_groups(secret) in html
    assert not device.confirmed
    # Stored encrypted: the secret does not appear in the row.
    assert secret not in device.secret_encrypted


def test_enrolment_is_confirmed_by_a_code_and_shows_recovery_codes_once(client, teacher):
    client.force_login(teacher)
    _secret, codes = enrol(client, teacher)
    device = TOTPDevice.objects.get(user=teacher)
    assert device.confirmed
    assert len(codes) == 10 and len(set(codes)) == 10
    stored = list(OTPRecoveryCode.objects.filter(user=teacher).values_list("code_hash", flat=True))
    assert len(stored) == 10 and not any(c in h or c.replace("-", "") in h for c in codes for h in stored)
    # Shown once: the settings page now shows the state, not the codes.
    again = client.get(reverse("accounts:otp")).content.decode()
    assert codes[0] not in again and "10 recovery codes are left" in again
    assert AuditEvent.objects.filter(event_type="otp.enabled", subject=teacher.pk).exists()


def test_a_wrong_enrolment_code_turns_nothing_on(client, teacher):
    client.force_login(teacher)
    client.get(reverse("accounts:otp"))
    response = client.post(reverse("accounts:otp"), {"code": "000000"})
    assert response.status_code == 200 and "The code is wrong" in response.content.decode()
    assert not TOTPDevice.objects.get(user=teacher).confirmed
    assert not OTPRecoveryCode.objects.exists()


def test_enrolment_signs_out_the_other_browsers_and_apps(client, teacher):
    other = api_as(teacher)
    assert other.get("/api/v1/me").status_code == 200
    client.force_login(teacher)
    enrol(client, teacher)
    assert other.get("/api/v1/me").status_code == 401
    assert client.get(reverse("accounts:profile")).status_code == 200


# --- Staff without two-factor sign-in -------------------------------------------------------


def test_staff_without_two_factor_reach_only_enrolment(client, newcomer):
    client.force_login(newcomer)
    for path in [reverse("accounts:profile"), "/staff/support/", "/dpo/requests/", "/admin/"]:
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == reverse("accounts:otp"), path
    assert client.get(reverse("accounts:otp")).status_code == 200
    assert client.get(reverse("privacy:policy")).status_code == 200
    assert client.post(reverse("accounts:logout")).status_code == 302


def test_staff_without_two_factor_can_do_nothing_with_the_api(newcomer):
    response = api_login(api_as(None), "nora-dpo")
    assert response.status_code == 403 and response.json()["code"] == "otp_enrolment_required"
    assert not DeviceSession.objects.filter(user=newcomer).exists()
    # A token from before (issued when the role was given) is good for signing out only.
    api = api_as(newcomer)
    response = api.get("/api/v1/me")
    assert response.status_code == 403
    assert response.json()["code"] == "otp_enrolment_required" and response.json()["message"]
    assert api.post("/api/v1/auth/logout").status_code == 204


def test_staff_enrol_after_the_password_and_then_work(client, newcomer):
    response = web_password(client, "nora-dpo")
    assert response.status_code == 302 and response["Location"] == reverse("accounts:otp")
    enrol(client, newcomer)
    assert client.session[OTP_VERIFIED_KEY] is True
    assert client.get("/dpo/requests/").status_code == 200


# --- The web's second step --------------------------------------------------------------------


def test_web_sign_in_asks_for_the_code_before_the_session_is_signed_in(client, sam):
    response = web_password(client, "sam-support")
    assert response.status_code == 302 and response["Location"] == reverse("accounts:login_otp")
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("accounts:profile")).status_code == 302  # not signed in yet
    assert not DeviceSession.objects.filter(user=sam).exists()
    key_before = client.session.session_key

    wrong = web_code(client, "123456" if code() != "123456" else "654321")
    assert wrong.status_code == 200 and "The code is wrong" in wrong.content.decode()
    assert "_auth_user_id" not in client.session

    right = web_code(client, code())
    assert right.status_code == 302
    assert client.session.session_key != key_before  # a new session key at the real sign-in
    assert client.session[OTP_VERIFIED_KEY] is True
    assert client.get("/staff/support/").status_code == 200
    assert DeviceSession.objects.filter(user=sam, kind="web", revoked_at__isnull=True).count() == 1


def test_the_code_step_keeps_where_the_person_was_going(client, sam):
    client.post(reverse("accounts:login") + "?next=/staff/support/", {"username": "sam-support", "password": PASSWORD})
    response = web_code(client, code())
    assert response["Location"] == "/staff/support/"


def test_a_half_finished_sign_in_expires(client, sam, settings):
    settings.QALAN_OTP_PENDING_SECONDS = -1
    web_password(client, "sam-support")
    response = web_code(client, code())
    assert response.status_code == 302 and response["Location"] == reverse("accounts:login")
    assert "_auth_user_id" not in client.session


def test_a_code_without_the_password_step_signs_nobody_in(client, sam):
    response = web_code(client, code())
    assert response.status_code == 302 and response["Location"] == reverse("accounts:login")


def test_a_staff_session_that_skipped_the_code_is_signed_out(sam):
    """A sign-in that checked only the password (e.g. a form other than ours) gets nowhere."""
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(sam)
    session = client.session
    del session[OTP_VERIFIED_KEY]  # what the password-only sign-in leaves
    session.save()
    response = client.get("/staff/support/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    assert "_auth_user_id" not in client.session


def test_the_admin_site_signs_in_through_the_two_steps(client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login") + "?next=")


def test_a_web_code_works_once(client, sam):
    used = code()
    web_password(client, "sam-support")
    assert web_code(client, used).status_code == 302
    other = Client(HTTP_ACCEPT_LANGUAGE="en")
    web_password(other, "sam-support")
    replay = web_code(other, used)
    assert replay.status_code == 200 and "already used" in replay.content.decode()
    assert "_auth_user_id" not in other.session


# --- The API contract -------------------------------------------------------------------------


def test_api_token_needs_the_code_of_a_staff_account(sam):
    api = api_as(None)
    missing = api_login(api, "sam-support")
    assert missing.status_code == 401
    assert missing.json()["code"] == "otp_required" and "otp" in missing.json()["errors"]
    wrong = api_login(api, "sam-support", otp="000000" if code() != "000000" else "111111")
    assert wrong.status_code == 401 and wrong.json()["code"] == "otp_invalid"
    assert not DeviceSession.objects.filter(user=sam).exists()
    right = api_login(api, "sam-support", otp=code())
    assert right.status_code == 200 and right.json()["token"].startswith("qln_")
    token = right.json()["token"]
    me = api_as(None)
    me.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert me.get("/api/v1/me").json()["user"]["username"] == "sam-support"


def test_api_refuses_a_replayed_code_and_an_older_one(sam):
    api = api_as(None)
    assert api_login(api, "sam-support", otp=code(+1)).status_code == 200
    for value in (code(+1), code(0)):
        response = api_login(api, "sam-support", otp=value)
        assert response.status_code == 401 and response.json()["code"] == "otp_invalid"
        assert "already used" in response.json()["message"]


def test_api_accepts_a_recovery_code_once(sam):
    codes = services.otp_recovery_codes_renew(actor=sam, user=sam, code=code())
    api = api_as(None)
    assert api_login(api, "sam-support", otp=codes[0].upper()).status_code == 200
    again = api_login(api, "sam-support", otp=codes[0])
    assert again.status_code == 401 and again.json()["code"] == "otp_invalid"
    assert OTPRecoveryCode.objects.filter(user=sam, used_at__isnull=True).count() == 9


def test_the_token_schema_documents_the_otp_field(client):
    schema = client.get("/api/schema/?format=json").json()
    login = schema["components"]["schemas"]["LoginInRequest"]["properties"]
    assert "otp" in login and "otp_required" in login["otp"]["description"]
    responses = schema["paths"]["/api/v1/auth/token"]["post"]["responses"]
    assert "401" in responses


def test_students_get_a_token_without_a_code(alice):
    assert api_login(api_as(None), "alice").status_code == 200


# --- Recovery codes ---------------------------------------------------------------------------


def test_a_recovery_code_signs_in_on_the_web_once(client, sam):
    codes = services.otp_recovery_codes_renew(actor=sam, user=sam, code=code())
    web_password(client, "sam-support")
    response = web_code(client, codes[3])
    assert response.status_code == 302
    other = Client(HTTP_ACCEPT_LANGUAGE="en")
    web_password(other, "sam-support")
    assert web_code(other, codes[3]).status_code == 200
    assert "_auth_user_id" not in other.session


def test_a_recovery_code_spent_by_a_request_at_the_same_time_is_refused(sam, monkeypatch):
    """Two requests with one code: the other spends it between our check and our spend."""
    codes = services.otp_recovery_codes_renew(actor=sam, user=sam, code=code())
    real_matches = totp.recovery_code_matches

    def matches_while_another_request_spends(value, stored):
        result = real_matches(value, stored)
        if result:
            OTPRecoveryCode.objects.filter(code_hash=stored).update(used_at="2026-01-01T00:00:00Z")
        return result

    monkeypatch.setattr(totp, "recovery_code_matches", matches_while_another_request_spends)
    with pytest.raises(Exception) as refused:
        services.otp_verify(user=sam, code=codes[0])
    assert "otp" in refused.value.message_dict
    assert OTPRecoveryCode.objects.filter(user=sam, used_at__isnull=True).count() == 9


# --- Lockout ----------------------------------------------------------------------------------


def wrong_code() -> str:
    current = {code(offset) for offset in (-1, 0, 1)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in current)


def test_wrong_codes_lock_the_sign_in_like_wrong_passwords_and_raise_an_alarm(sam, settings):
    api = api_as(None)
    statuses = [api_login(api, "sam-support", otp=wrong_code()).status_code for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert statuses[:-1] == [401] * (settings.AXES_FAILURE_LIMIT - 1)
    assert statuses[-1] == 429
    locked = api_login(api, "sam-support", otp=code())
    assert locked.status_code == 429  # even the right password and code wait
    assert not DeviceSession.objects.filter(user=sam).exists()
    # The alarm: the owner is told, the audit trail has it, the device counts the failures.
    assert OutboxMessage.objects.filter(user=sam, kind="security", subject__icontains="codes").exists()
    assert AuditEvent.objects.filter(event_type="otp.locked", subject=sam.pk).exists()
    assert TOTPDevice.objects.get(user=sam).failures == settings.AXES_FAILURE_LIMIT


def test_web_wrong_codes_lock_the_sign_in(client, sam, settings):
    web_password(client, "sam-support")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert web_code(client, wrong_code()).status_code == 200
    locked = web_code(client, wrong_code())
    assert locked.status_code == 429 and "Too many wrong codes" in locked.content.decode()
    again = Client(HTTP_ACCEPT_LANGUAGE="en")
    assert web_password(again, "sam-support").status_code == 429


# --- Optional for everyone else ---------------------------------------------------------------


def test_a_teacher_signs_in_with_the_password_alone_until_they_turn_it_on(client, teacher):
    response = web_password(client, "tim-teacher")
    assert response.status_code == 302 and response["Location"] != reverse("accounts:login_otp")
    secret, _codes = enrol(client, teacher)
    client.post(reverse("accounts:logout"))
    assert web_password(client, "tim-teacher")["Location"] == reverse("accounts:login_otp")
    assert api_login(api_as(None), "tim-teacher").json()["code"] == "otp_required"
    assert web_code(client, code(+1, secret=secret)).status_code == 302


def test_a_teacher_can_turn_it_off_with_a_code_and_staff_cannot(client, teacher, sam):
    client.force_login(teacher)
    _secret, codes = enrol(client, teacher)
    response = client.post(reverse("accounts:otp"), {"code": codes[0], "action": "disable"})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=teacher).exists()
    assert api_login(api_as(None), "tim-teacher").status_code == 200

    staff = Client(HTTP_ACCEPT_LANGUAGE="en")
    staff.force_login(sam)
    refused = staff.post(reverse("accounts:otp"), {"code": code(), "action": "disable"})
    assert refused.status_code == 200 and "cannot be turned off" in refused.content.decode()
    assert TOTPDevice.objects.get(user=sam).confirmed


# --- Demo and the otp_code command ------------------------------------------------------------


def test_otp_code_prints_the_current_code(sam, capsys):
    call_command("otp_code", "SAM-support")
    assert capsys.readouterr().out.strip() in {code(-1), code(0), code(1)}


def test_otp_code_is_refused_in_production(sam, settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        call_command("otp_code", "sam-support")


def test_seed_demo_enrols_the_demo_staff_with_the_demo_secret(settings, capsys):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("seed_demo")
    for username in ("demo-dpo", "demo-support", "demo-admin"):
        device = TOTPDevice.objects.get(user__username=username)
        assert device.confirmed and services.otp_secret(device) == settings.QALAN_DEMO_OTP_SECRET
    assert not TOTPDevice.objects.filter(user__username__in=["demo-teacher", "demo-student"]).exists()
    capsys.readouterr()
    call_command("otp_code", "demo-dpo")
    printed = capsys.readouterr().out.strip()
    assert printed in {code(offset, secret=settings.QALAN_DEMO_OTP_SECRET) for offset in (-1, 0, 1)}
    response = api_as(None).post(
        "/api/v1/auth/token", {"username": "demo-dpo", "password": "qalan-demo-2025", "otp": printed}, format="json"
    )
    assert response.status_code == 200


def test_the_two_factor_texts_are_translated():
    with translation.override("en"):
        english = [str(services.OTP_WRONG), str(services.OTP_REPLAYED)]
    for language in ("kk", "ru", "uz"):
        with translation.override(language):
            assert [str(services.OTP_WRONG), str(services.OTP_REPLAYED)] != english
            assert all(a != b for a, b in zip([str(services.OTP_WRONG), str(services.OTP_REPLAYED)], english))
