"""Cookie banner and settings (P8.2, P8.3, P3.2.c); click-to-load videos (P8.4)."""

import pytest
from django.template import Context, Template
from django.urls import reverse

from qalan.analytics.models import DailyRouteCount
from qalan.privacy.cookies import COOKIE_NAME, CookieChoice
from qalan.privacy.models import ConsentRecord
from qalan.privacy.selectors import consent_in_force

pytestmark = pytest.mark.django_db


def test_first_visit_shows_the_banner_and_no_optional_script(client):
    page = client.get("/").content.decode()
    assert 'class="cookie-banner"' in page
    assert 'value="accept"' in page and 'value="reject"' in page and reverse("privacy:cookies") in page
    assert "analytics.js" not in page


def test_reject_all_hides_the_banner_and_loads_nothing_optional(client):
    response = client.post(reverse("privacy:cookies"), {"action": "reject", "next": "/privacy/"})
    assert response["Location"] == "/privacy/"
    assert CookieChoice.decode(response.cookies[COOKIE_NAME].value) == CookieChoice.all(False)
    page = client.get("/").content.decode()
    assert 'class="cookie-banner"' not in page and "analytics.js" not in page


def test_accept_all_loads_analytics(client):
    client.post(reverse("privacy:cookies"), {"action": "accept"})
    assert "analytics.js" in client.get("/").content.decode()


def test_configure_by_category(client):
    client.post(reverse("privacy:cookies"), {"action": "save", "analytics": "on"})
    choice = CookieChoice.decode(client.cookies[COOKIE_NAME].value)
    assert choice == CookieChoice(preferences=False, analytics=True, advertising=False)
    page = client.get(reverse("privacy:cookies")).content.decode()
    assert 'id="cookie-analytics" checked' in page
    assert 'id="cookie-preferences" checked' not in page


def test_every_page_links_to_the_settings_in_the_footer(client):
    client.post(reverse("privacy:cookies"), {"action": "reject"})
    for url in ["/", "/privacy/", "/contact/", "/accounts/login/"]:
        assert reverse("privacy:cookies") in client.get(url).content.decode()


def test_signed_in_choice_goes_into_the_consent_ledger(client, alice):
    client.force_login(alice)
    client.post(reverse("privacy:cookies"), {"action": "accept"})
    assert consent_in_force(user=alice, purpose="analytics")
    assert ConsentRecord.objects.filter(user=alice, purpose="analytics", action="given").count() == 1
    client.post(reverse("privacy:cookies"), {"action": "save", "preferences": "on"})
    assert not consent_in_force(user=alice, purpose="analytics")
    assert consent_in_force(user=alice, purpose="preferences")
    # Saving the same choice again writes nothing new.
    before = ConsentRecord.objects.count()
    client.post(reverse("privacy:cookies"), {"action": "save", "preferences": "on"})
    assert ConsentRecord.objects.count() == before


def test_reject_without_earlier_consent_writes_no_withdrawals(client, alice):
    client.force_login(alice)
    client.post(reverse("privacy:cookies"), {"action": "reject"})
    assert not ConsentRecord.objects.filter(user=alice, action="withdrawn").exists()


def test_foreign_redirect_after_saving_is_refused(client):
    response = client.post(reverse("privacy:cookies"), {"action": "reject", "next": "https://evil.example/"})
    assert response["Location"] == reverse("privacy:cookies")


@pytest.mark.parametrize("raw", ["", "garbage", "1.11.20260101x", "2.000.20260101", "1.0a0.2026"])
def test_unreadable_choice_cookie_means_ask_again(client, raw):
    client.cookies[COOKIE_NAME] = raw
    assert 'class="cookie-banner"' in client.get("/").content.decode()


def test_language_cookie_lasts_only_the_session_without_preference_consent(client):
    response = client.post(reverse("set_language"), {"language": "ru", "next": "/"})
    assert response.cookies["django_language"]["max-age"] == ""
    client.post(reverse("privacy:cookies"), {"action": "save", "preferences": "on"})
    response = client.post(reverse("set_language"), {"language": "ru", "next": "/"})
    assert int(response.cookies["django_language"]["max-age"]) == 365 * 24 * 3600


def test_analytics_collects_counts_only_with_consent(client):
    client.post("/analytics/collect", '{"path": "/privacy/"}', content_type="application/json")
    assert not DailyRouteCount.objects.exists()
    client.post(reverse("privacy:cookies"), {"action": "accept"})
    client.post("/analytics/collect", '{"path": "/privacy/"}', content_type="application/json")
    client.post("/analytics/collect", '{"path": "/privacy/"}', content_type="application/json")
    client.post("/analytics/collect", '{"path": "/no/such/page"}', content_type="application/json")
    assert list(DailyRouteCount.objects.values_list("route", "count")) == [("privacy:policy", 2)]


def test_analytics_refuses_malformed_input(client):
    client.post(reverse("privacy:cookies"), {"action": "accept"})
    assert client.post("/analytics/collect", "not json", content_type="application/json").status_code == 400
    assert not DailyRouteCount.objects.exists()


def test_youtube_embed_is_a_placeholder_until_clicked():
    html = Template("{% load embeds %}{% youtube 'dQw4w9WgXcQ' 'Fractions' %}").render(Context())
    assert "<iframe" not in html
    assert 'data-embed-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"' in html
    assert "youtube.com/" not in html.replace("youtube-nocookie.com", "")
    assert Template("{% load embeds %}{% youtube 'bad id\"><script>' %}").render(Context()) == ""
