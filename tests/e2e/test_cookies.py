"""The cookie banner really gates (P8.3, P8.4, P3.2.c): a real Chromium records every request
and cookie before and after the visitor's choice."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from qalan.analytics.models import DailyRouteCount
from qalan.privacy.models import ConsentRecord
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.browser

PAGES = ["/", "/privacy/", "/contact/", "/accounts/login/", "/accounts/register/"]
NECESSARY = {"csrftoken", "sessionid", "qalan_cookies", "django_language"}


class Traffic:
    """Every request the page makes; requests to other hosts are recorded and answered
    locally (the sandbox has no network, and nothing must leave anyway)."""

    def __init__(self, page: Page, own_host: str):
        self.own_host = own_host
        self.urls: list[str] = []
        page.on("request", lambda request: self.urls.append(request.url))
        page.route(lambda url: urlsplit(url).netloc != own_host, lambda route: route.fulfill(status=204, body=""))

    def foreign(self) -> list[str]:
        return [u for u in self.urls if urlsplit(u).netloc != self.own_host and not u.startswith("data:")]


@pytest.fixture
def video(settings):
    settings.QALAN_INTRO_VIDEO_ID = "dQw4w9WgXcQ"


def test_nothing_leaves_the_site_and_only_necessary_cookies_exist_before_a_choice(page: Page, live_server, video):
    traffic = Traffic(page, urlsplit(live_server.url).netloc)
    for path in PAGES:
        page.goto(path)
        expect(page.locator(".cookie-banner")).to_be_visible()
    assert traffic.foreign() == []
    assert not any(u.endswith("/static/web/analytics.js") for u in traffic.urls)
    assert {c["name"] for c in page.context.cookies()} <= {"csrftoken"}

    # The video placeholder requests nothing until pressed, then only the privacy-enhanced host.
    page.goto("/")
    expect(page.get_by_role("button", name="Load the video")).to_be_visible()
    assert traffic.foreign() == []
    page.get_by_role("button", name="Load the video").click()
    page.wait_for_timeout(500)
    hosts = {urlsplit(u).netloc for u in traffic.foreign()}
    assert hosts == {"www.youtube-nocookie.com"}


def test_accepting_analytics_loads_the_first_party_script_and_counts_the_visit(page: Page, live_server):
    traffic = Traffic(page, urlsplit(live_server.url).netloc)
    page.goto("/privacy/")
    page.locator(".cookie-banner").get_by_role("button", name="Accept all").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".cookie-banner")).to_have_count(0)
    assert any(u.endswith("/static/web/analytics.js") for u in traffic.urls)
    assert traffic.foreign() == []
    names = {c["name"] for c in page.context.cookies()}
    assert "qalan_cookies" in names and names <= NECESSARY
    assert DailyRouteCount.objects.filter(route="privacy:policy", count__gte=1).exists()


def test_rejecting_keeps_optional_scripts_off_and_the_choice_can_be_changed_from_the_footer(page: Page, live_server):
    user = make_user("cookie-user")
    traffic = Traffic(page, urlsplit(live_server.url).netloc)
    page.goto("/accounts/login/")
    page.locator(".cookie-banner").get_by_role("button", name="Reject all").click()
    page.fill("#id_username", "cookie-user")
    page.fill("#id_password", PASSWORD)
    page.locator("main form").get_by_role("button", name="Sign in").click()
    page.goto("/")
    assert not any(u.endswith("/static/web/analytics.js") for u in traffic.urls)

    page.locator("footer").get_by_role("link", name="Cookie settings").click()
    page.check("#cookie-analytics")
    page.get_by_role("button", name="Save my choice").click()
    page.goto("/")
    page.wait_for_load_state("networkidle")
    assert any(u.endswith("/static/web/analytics.js") for u in traffic.urls)
    assert ConsentRecord.objects.filter(user=user, purpose="analytics", action="given").exists()
    assert traffic.foreign() == []
