"""Sessions under issue 13, B8: signing in cycles the session key; a change of privilege (role,
staff or superuser flag, groups) ends every browser session and app token of the account,
whoever makes it; a password change, by the owner or in the administration site, revokes every
other session and every token."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from qalan.accounts.models import DeviceSession, Role
from qalan.accounts.services import user_set_role
from qalan.audit.models import AuditEvent
from tests.conftest import PASSWORD, make_user, token_for

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    browser = Client(HTTP_ACCEPT_LANGUAGE="en")
    response = browser.post(reverse("accounts:login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    if response["Location"] == reverse("accounts:login_otp"):
        # Staff pass the second factor (tests/accounts/test_otp.py proves that step; a code works
        # once, so a second sign-in in the same 30 seconds would need the next code).
        browser.force_login(user)
    return browser


def is_signed_in(browser: Client) -> bool:
    return browser.get(reverse("accounts:profile")).status_code == 200


def token_works(token: str) -> bool:
    return Client().get("/api/v1/auth/sessions", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200


def test_signing_in_gives_the_browser_a_new_session_key(alice):
    browser = Client(HTTP_ACCEPT_LANGUAGE="en")
    session = browser.session
    session["planted"] = "before sign-in"
    session.save()
    before = session.session_key
    browser.cookies["sessionid"] = before
    assert browser.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD}).status_code == 302
    after = browser.cookies["sessionid"].value
    assert after != before
    # The key a visitor had before signing in (perhaps one an attacker gave them) is dead.
    assert not Session.objects.filter(session_key=before).exists()
    assert is_signed_in(browser)


def test_a_role_change_ends_every_browser_session_and_app_token(alice):
    admin = make_user("root-admin", role=Role.ADMIN)
    browser, token = signed_in(alice), token_for(alice)
    assert is_signed_in(browser) and token_works(token)
    user_set_role(actor=admin, user=alice, role=Role.TEACHER)
    assert not is_signed_in(browser)
    assert not token_works(token)
    assert not DeviceSession.objects.filter(user=alice, revoked_at__isnull=True).exists()
    assert AuditEvent.objects.filter(subject_id=alice.pk, event_type="session.revoked_all").exists()
    # Signing in again works, in a fresh session with the new role.
    again = signed_in(alice)
    assert is_signed_in(again)


def test_the_staff_flag_set_by_a_plain_save_ends_the_sessions_too(alice):
    browser, token = signed_in(alice), token_for(alice)
    alice.is_staff = True
    alice.save()
    assert not is_signed_in(browser) and not token_works(token)


def test_joining_a_group_ends_the_sessions(alice):
    browser = signed_in(alice)
    alice.groups.add(Group.objects.create(name="helpers"))
    assert not is_signed_in(browser)


def test_a_change_that_is_no_privilege_keeps_the_sessions(alice):
    browser, token = signed_in(alice), token_for(alice)
    alice.email = "new-alice@example.kz"
    alice.save()
    user_set_role(actor=None, user=alice, role=Role.STUDENT)
    Group.objects.create(name="empty").user_set.clear()
    assert is_signed_in(browser) and token_works(token)


def test_a_password_set_in_the_administration_site_revokes_every_session_and_token(alice):
    admin = make_user("root-admin", role=Role.ADMIN)
    admin_browser = signed_in(admin)
    browser, token = signed_in(alice), token_for(alice)
    response = admin_browser.post(
        reverse("admin:auth_user_password_change", args=[alice.pk]),
        {"password1": "Admin-set-pass-2026", "password2": "Admin-set-pass-2026", "usable_password": "true"},
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("Admin-set-pass-2026")
    assert not is_signed_in(browser) and not token_works(token)
    assert not DeviceSession.objects.filter(user=alice, revoked_at__isnull=True).exists()
    assert is_signed_in(admin_browser)


def test_a_failed_password_form_in_the_administration_site_revokes_nothing(alice):
    admin_browser = signed_in(make_user("root-admin", role=Role.ADMIN))
    token = token_for(alice)
    response = admin_browser.post(
        reverse("admin:auth_user_password_change", args=[alice.pk]),
        {"password1": "Admin-set-pass-2026", "password2": "another", "usable_password": "true"},
    )
    assert response.status_code == 200
    assert token_works(token)


def test_an_admin_setting_their_own_password_stays_signed_in_in_this_browser_only(db):
    admin = make_user("root-admin", role=Role.ADMIN)
    here, elsewhere = signed_in(admin), signed_in(admin)
    token = token_for(admin)
    here.post(
        reverse("admin:auth_user_password_change", args=[admin.pk]),
        {"password1": "Admin-own-pass-2026", "password2": "Admin-own-pass-2026", "usable_password": "true"},
    )
    assert is_signed_in(here)
    assert not is_signed_in(elsewhere) and not token_works(token)


def test_a_password_change_by_the_owner_revokes_every_other_session_and_token(client, alice):
    token, other = token_for(alice), signed_in(alice)
    client.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD})
    client.post(reverse("accounts:password_change"), {"current_password": PASSWORD, "new_password": "Fresh-pass-2026"})
    assert is_signed_in(client)
    assert not is_signed_in(other) and not token_works(token)


def test_the_session_cookie_is_http_only_same_site_and_secure_where_configured(alice, settings):
    settings.SESSION_COOKIE_SECURE = True
    browser = signed_in(alice)
    cookie = browser.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and cookie["secure"]


def test_a_password_set_outside_the_services_ends_every_session_and_token(alice):
    """``manage.py changepassword`` and a shell save the user directly: whoever knew the old
    password keeps no app token and no browser."""
    browser, token = signed_in(alice), token_for(alice)
    alice.set_password("Shell-set-pass-2026")
    alice.save()
    assert not token_works(token) and not is_signed_in(browser)
    assert not DeviceSession.objects.filter(user=alice, revoked_at__isnull=True).exists()


def test_saving_the_user_without_a_new_password_ends_nothing(alice):
    token = token_for(alice)
    alice.email = "alice.new@example.kz"
    alice.save()
    assert token_works(token)
