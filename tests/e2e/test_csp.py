"""The Content-Security-Policy in Chromium (issue 13, B8): the main pages of a student, a teacher
and a DPO load with no policy violation, reported neither as a `securitypolicyviolation` event
nor on the console; a violation planted on purpose is caught, so the listener works."""

import pytest
from django.urls import reverse

from qalan.accounts.models import Role
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.browser

# Registered before any page script: collects every violation the page reports.
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__violations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""

PAGES = {
    Role.STUDENT: [
        "trainer:home",
        "learning:dashboard",
        "learning:catalogue",
        "rights:centre",
        "accounts:profile",
        "notify:inbox",
    ],
    Role.TEACHER: ["learning:teacher_dashboard", "schools:classes", "accounts:devices"],
    Role.DPO: ["rights:dpo_queue", "rights:dpo_incidents", "rights:dpo_disclosures", "privacy:dpo_inbox", "api-docs"],
}


def _browser(chromium, live_server, username: str):
    context = chromium.new_context(locale="en-US", base_url=live_server.url)
    context.set_default_timeout(10_000)
    context.add_init_script(LISTEN)
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(reverse("accounts:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("main form").get_by_role("button").last.click()
    page.wait_for_load_state()
    page.locator(".cookie-banner button[value=accept]").click()
    page.wait_for_load_state()
    return context, page, console


def _violations(page, console) -> list[str]:
    reported = page.evaluate("window.__violations")
    return reported + [text for text in console if "Content Security Policy" in text]


@pytest.mark.parametrize("role", [Role.STUDENT, Role.TEACHER, Role.DPO])
def test_the_main_pages_load_without_a_policy_violation(chromium, live_server, role):
    user = make_user(f"csp-{role}", role=role)
    context, page, console = _browser(chromium, live_server, user.username)
    try:
        for name in PAGES[role]:
            page.goto(reverse(name))
            page.wait_for_load_state("networkidle")
            assert _violations(page, console) == [], name
    finally:
        context.close()


def test_the_administration_site_loads_without_a_policy_violation(chromium, live_server):
    admin = make_user("csp-admin", role=Role.ADMIN)
    context, page, console = _browser(chromium, live_server, admin.username)
    try:
        for url in (
            reverse("admin:index"),
            reverse("admin:accounts_user_changelist"),
            reverse("admin:accounts_user_change", args=[admin.pk]),
            reverse("admin:accounts_user_add"),
            reverse("admin:auth_user_password_change", args=[admin.pk]),
        ):
            page.goto(url)
            page.wait_for_load_state("networkidle")
            assert _violations(page, console) == [], url
    finally:
        context.close()


def test_a_planted_inline_script_and_style_are_blocked_and_reported(chromium, live_server):
    user = make_user("csp-planted")
    context, page, console = _browser(chromium, live_server, user.username)
    try:
        page.goto(reverse("accounts:profile"))
        page.evaluate(
            """() => {
              const script = document.createElement("script");
              script.textContent = "window.__ran = true";
              document.body.appendChild(script);
              const div = document.createElement("div");
              div.setAttribute("style", "color: red");
              document.body.appendChild(div);
            }"""
        )
        page.wait_for_timeout(200)
        assert page.evaluate("window.__ran === undefined")
        violations = _violations(page, console)
        assert any(v.startswith("script-src") for v in violations), violations
        assert any(v.startswith("style-src") for v in violations), violations
    finally:
        context.close()
