"""The header on a phone (390 x 844) and a laptop (1280 x 800): one line, no sideways scroll,
the daily places in sight, the rest (privacy centre, profile, sign-out, language) in a menu whose
entries are big enough to tap, in every interface language."""

import pytest
from playwright.sync_api import expect

from qalan.accounts.models import Role
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.browser

PHONE, LAPTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 800}


def _signed_in(chromium, live_server, username: str, viewport: dict, language: str):
    context = chromium.new_context(viewport=viewport, locale="en-US", base_url=live_server.url)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("main form").get_by_role("button").last.click()
    page.wait_for_load_state()
    page.locator(".cookie-banner button[value=reject]").click()
    page.wait_for_load_state()
    if language != "en":
        page.locator("header details.nav-menu summary").click()
        page.locator("header #language-select").select_option(language)
        with page.expect_navigation():
            page.locator("header form.lang-switch button").click()
    return context, page


@pytest.mark.parametrize("language", ["kk", "ru", "en", "uz"])
@pytest.mark.parametrize("role", [Role.STUDENT, Role.TEACHER, Role.PARENT])
def test_the_phone_header_is_one_line_and_the_menu_holds_the_rest(chromium, live_server, role, language):
    user = make_user(f"header-{role}-{language}", role=role)
    context, page = _signed_in(chromium, live_server, user.username, PHONE, language)
    try:
        header = page.locator("header.site-header")
        assert header.bounding_box()["height"] <= 72
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        # The privacy centre and sign-out are a tap away, not in a child's main line.
        centre = page.locator("header a[href='/privacy/centre/']")
        expect(centre).to_be_hidden()
        page.locator("header details.nav-menu summary").click()
        expect(centre).to_be_visible()
        for entry in page.locator("header .nav-menu-panel .nav-links > li:visible").all():
            box = entry.bounding_box()
            assert box["height"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
        summary = page.locator("header details.nav-menu summary").bounding_box()
        assert summary["height"] >= 44
    finally:
        context.close()


def test_a_student_sees_the_trainer_first_and_the_laptop_shows_two_daily_places(chromium, live_server):
    user = make_user("header-laptop")
    context, page = _signed_in(chromium, live_server, user.username, LAPTOP, "en")
    try:
        primary = page.locator("header .nav-primary a")
        expect(primary).to_have_count(2)
        expect(primary.first).to_have_text("Maths trainer")
        expect(primary.nth(1)).to_be_visible()
        assert page.locator("header.site-header").bounding_box()["height"] <= 72
    finally:
        context.close()


def test_messages_and_notifications_are_two_words_in_kazakh():
    from django.utils import translation

    with translation.override("kk"):
        assert translation.gettext("Messages") != translation.gettext("Notifications")
