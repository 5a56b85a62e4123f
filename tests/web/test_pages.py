"""Site-wide pages and protections."""

import logging

import pytest
from django.urls import reverse

from qalan.web.logging import scrub

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url", ["/", "/privacy/", "/contact/", "/accounts/register/", "/accounts/login/", "/accounts/recover/"]
)
def test_public_pages_render_in_the_layout_with_footer(client, url):
    page = client.get(url).content.decode()
    assert 'class="site-footer"' in page and "QALANKZ" in page
    assert 'name="language"' in page  # the language switch


@pytest.mark.parametrize("url", ["/accounts/profile/", "/accounts/devices/", "/accounts/password/"])
def test_personal_pages_require_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_navigation_depends_on_the_role(client, alice, dpo):
    client.force_login(alice)
    assert reverse("privacy:dpo_inbox") not in client.get("/").content.decode()
    client.force_login(dpo)
    assert reverse("privacy:dpo_inbox") in client.get("/").content.decode()


def test_language_switch_sets_the_language_and_saves_it_in_the_profile(client, alice):
    client.force_login(alice)
    response = client.post(reverse("set_language"), {"language": "kk", "next": "/privacy/"})
    assert response.status_code == 302 and response["Location"] == "/privacy/"
    alice.profile.refresh_from_db()
    assert alice.profile.language == "kk"
    assert '<html lang="kk">' in client.get("/privacy/").content.decode()


def test_saved_language_applies_on_a_new_browser(client, alice):
    alice.profile.language = "ru"
    alice.profile.save()
    client.force_login(alice)
    assert '<html lang="ru">' in client.get("/").content.decode()


def test_language_switch_refuses_foreign_redirects_and_unknown_languages(client):
    response = client.post(reverse("set_language"), {"language": "de", "next": "https://evil.example/"})
    assert response["Location"] == "/"
    assert "django_language" not in response.cookies


def test_dev_outbox_is_hidden_outside_development(client):
    assert client.get("/dev/outbox/").status_code == 404


def test_dev_outbox_shows_messages_in_development(client, settings, alice):
    settings.DEBUG = True
    client.post(reverse("accounts:recovery_request"), {"identifier": "alice", "channel": "sms"})
    page = client.get("/dev/outbox/").content.decode()
    assert "recovery code" in page


def test_healthz(client):
    assert client.get("/healthz").json() == {"status": "ok"}


def test_security_headers(client):
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_a_first_visit_sets_only_the_strictly_necessary_csrf_cookie(client):
    # The CSRF token protects the forms on every page (the language switch included).
    response = client.get("/")
    assert set(response.cookies) <= {"csrftoken"}
    assert response.cookies["csrftoken"]["samesite"] == "Lax"


def test_log_filter_masks_phones_and_emails():
    assert scrub("login +77011234567 by a@b.kz") == "login [phone] by [email]"
    assert scrub("call 8 (701) 123-45-67") == "call [phone]"
    assert scrub("2026-11-26 16:41:05.8") == "2026-11-26 16:41:05.8"


def test_failed_sign_in_logs_no_username_or_ip(client, alice, caplog):
    caplog.set_level(logging.DEBUG)
    client.post(reverse("accounts:login"), {"username": "alice", "password": "wrong"})
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "alice" not in text
    assert "127.0.0.1" not in text
