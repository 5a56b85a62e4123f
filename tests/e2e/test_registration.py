"""Registration, sign-in and the language switch, through a real browser.

Each test gets a fresh browser profile that asks for English (``locale="en-US"``) and a
database holding what migrations publish (the Privacy Policy 2025-05-01): see conftest.py.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from qalan.accounts.models import User
from qalan.privacy.models import ConsentRecord
from tests.conftest import make_user

pytestmark = pytest.mark.browser

USERNAME = "aruzhan"
PHONE = "+7 701 555 12 34"
PASSWORD = "Str0ng-pass-for-test"
POLICY_VERSION = "2025-05-01"
CONSENT_ERROR = "To register, tick the box to consent to the processing of your personal data."


# --- Steps a person takes -----------------------------------------------------------------


def fill_registration(page: Page, *, username: str, phone: str, password: str) -> None:
    page.fill("#id_username", username)
    page.fill("#id_phone", phone)
    page.select_option("#id_role", "student")
    page.fill("#id_birth_date", "2009-06-01")  # 17: old enough to consent alone
    page.fill("#id_password", password)
    page.fill("#id_password_confirm", password)


def submit_main_form(page: Page, button: str) -> None:
    """Press the page's own submit button (the header also has forms and buttons)."""
    page.locator("main form").get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state()


def sign_in(page: Page, *, username: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    submit_main_form(page, "Sign in")


def open_menu(page: Page) -> None:
    """A signed-in header keeps the rest of the places, sign-out and the language in its menu."""
    menu = page.locator("header details.nav-menu")
    if menu.count() and not menu.evaluate("el => el.open"):
        menu.locator("summary").click()


def sign_out_button(page: Page):
    open_menu(page)
    return page.locator("header form").get_by_role("button", name=re.compile(r"^Sign out"))


def switch_language(page: Page, code: str) -> None:
    open_menu(page)
    switch = page.locator("header form.lang-switch")
    switch.locator("#language-select").select_option(code)
    with page.expect_navigation():
        switch.locator("button[type=submit]").click()


def consent_field(page: Page):
    """The block that holds the consent checkbox, its label and its errors."""
    return page.locator(".field.checkbox", has=page.locator("#id_consent"))


# --- The journey --------------------------------------------------------------------------


def test_student_registers_with_consent_signs_out_signs_in_and_switches_to_kazakh(page: Page, artifacts_dir):
    # 1a. Registration without the consent box is refused, and nothing is stored.
    page.goto("/accounts/register/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#id_consent")).not_to_be_checked()
    fill_registration(page, username=USERNAME, phone=PHONE, password=PASSWORD)
    submit_main_form(page, "Register")

    expect(page).to_have_url(re.compile(r"/accounts/register/$"))
    expect(consent_field(page).locator(".errors")).to_have_text(CONSENT_ERROR)
    expect(page.get_by_text(CONSENT_ERROR)).to_be_visible()
    assert not User.objects.filter(username=USERNAME).exists()
    # What the person typed is kept; only the passwords must be typed again.
    expect(page.locator("#id_username")).to_have_value(USERNAME)
    expect(page.locator("#id_phone")).to_have_value(PHONE)
    expect(page.locator("#id_consent")).not_to_be_checked()
    page.screenshot(path=str(artifacts_dir / "register-consent-error.png"), full_page=True)

    # 1b. With the box ticked the account is created, consent is recorded, the profile opens.
    page.check("#id_consent")
    page.fill("#id_password", PASSWORD)
    page.fill("#id_password_confirm", PASSWORD)
    submit_main_form(page, "Register")

    # A new student lands on their learning dashboard.
    expect(page).to_have_url(re.compile(r"/learn/$"))
    expect(page.get_by_text("Welcome to Qalan! Your account is ready.")).to_be_visible()
    user = User.objects.get(username=USERNAME)
    consent = ConsentRecord.objects.get(user=user)
    assert consent.purpose == "platform"
    assert consent.action == ConsentRecord.Action.GIVEN
    assert consent.channel == "web"
    assert consent.policy_version.version == POLICY_VERSION

    # 2. Sign out from the header, then sign in again with the same credentials.
    sign_out_button(page).click()
    page.wait_for_load_state()
    expect(page.get_by_text("You have signed out.")).to_be_visible()
    expect(sign_out_button(page)).to_have_count(0)

    sign_in(page, username=USERNAME, password=PASSWORD)
    expect(page).to_have_url(re.compile(r"/learn/$"))
    expect(sign_out_button(page)).to_contain_text(USERNAME)

    # 3. Switch the interface to Kazakh: the page says so, and the choice is saved in the profile.
    switch_language(page, "kk")
    expect(page).to_have_url(re.compile(r"/learn/$"))
    expect(page.locator("html")).to_have_attribute("lang", "kk")
    expect(page.locator("#language-select")).to_have_value("kk")
    user.profile.refresh_from_db()
    assert user.profile.language == "kk"
    # The interface text itself is Kazakh now (needs the compiled catalogue in qalan/locale/kk).
    expect(page.locator('header a[href="/accounts/profile/"]')).not_to_have_text("My profile")

    # The Privacy Policy is reachable in the chosen language.
    page.goto("/privacy/")
    expect(page.locator("html")).to_have_attribute("lang", "kk")
    expect(page.locator(".policy-meta")).to_contain_text(POLICY_VERSION)
    expect(page.locator(".policy-meta")).to_contain_text("01.05.2025")
    expect(page.locator("article.policy-text")).to_contain_text("QALANKZ")


# --- Focused behaviours ---------------------------------------------------------------------


def test_policy_page_in_english_shows_date_and_version(page: Page):
    page.goto("/privacy/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(".policy-meta")).to_contain_text("Last updated: 01.05.2025")
    expect(page.locator(".policy-meta")).to_contain_text(f"Version {POLICY_VERSION}")
    expect(page.locator("article.policy-text")).to_contain_text("QALANKZ")


def test_wrong_password_shows_an_error_and_stays_on_sign_in(page: Page):
    make_user("yerlan")

    sign_in(page, username="yerlan", password="not-the-password-1")

    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    expect(page.locator(".form-errors")).to_contain_text("Wrong username or password")
    expect(page.locator("#id_username")).to_have_value("yerlan")
    expect(page.locator("#id_password")).to_have_value("")
    expect(sign_out_button(page)).to_have_count(0)
