"""Every response carries the browser security headers (issue 13, B8): a Content-Security-Policy
without 'unsafe-inline', no framing, nosniff, a referrer policy, COOP and a Permissions-Policy;
and the pages we render hold no inline script, event handler or style attribute for it to block."""

import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from qalan.accounts.models import Role
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, list[str]]:
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def test_a_page_carries_the_content_security_policy_and_the_other_headers(client):
    response = client.get(reverse("web:home"))
    csp = policy(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"] and csp["form-action"] == ["'self'"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]


def test_api_responses_and_errors_carry_the_policy_too(client, api):
    assert "frame-ancestors 'none'" in api.get("/api/v1/me")["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in client.get("/no-such-page/")["Content-Security-Policy"]


class InlineFinder(HTMLParser):
    """Collects what a strict CSP blocks: inline scripts, event handler and style attributes,
    and <style> elements without a nonce."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        if tag == "script" and "src" not in names and names.get("type", "") not in ("application/json",):
            self.found.append(f"inline <script> ({self.getpos()})")
        if tag == "style" and not names.get("nonce"):
            self.found.append(f"<style> without a nonce ({self.getpos()})")
        for name in names:
            if name == "style" or re.fullmatch(r"on[a-z]+", name):
                self.found.append(f"{name}= on <{tag}> ({self.getpos()})")


def inline_content(html: str) -> list[str]:
    finder = InlineFinder()
    finder.feed(html)
    return finder.found


@pytest.mark.parametrize(
    ("role", "pages"),
    [
        (
            Role.STUDENT,
            [
                "web:home",
                "trainer:home",
                "learning:dashboard",
                "learning:catalogue",
                "schools:classes",
                "accounts:profile",
                "rights:centre",
                "notify:inbox",
                "community:inbox",
            ],
        ),
        (Role.TEACHER, ["learning:teacher_dashboard", "schools:classes", "accounts:devices"]),
        (Role.DPO, ["rights:dpo_queue", "rights:dpo_incidents", "rights:dpo_disclosures", "privacy:dpo_inbox"]),
    ],
)
def test_the_main_pages_have_nothing_inline_for_the_policy_to_block(client, role, pages):
    client.force_login(make_user(f"inline-{role}", role=role))
    for name in pages:
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        assert inline_content(response.content.decode()) == [], name


def test_the_incident_notice_keeps_its_inline_style_under_this_responses_nonce(client, dpo):
    from qalan.rights.services.breaches import incident_record

    incident = incident_record(
        actor=dpo,
        people=(),
        summary="Backup copy left readable",
        description="A backup was readable without a password for two days.",
        discovered_at=timezone.now() - timedelta(hours=1),
        categories=["identity"],
        affected_count=3,
        measures="Deleted.",
    )
    client.force_login(dpo)
    first = client.get(reverse("rights:dpo_incident_notice", args=[incident.pk]))
    second = client.get(reverse("rights:dpo_incident_notice", args=[incident.pk]))
    nonces = []
    for response in (first, second):
        nonce = re.search(r'<style nonce="([^"]+)">', response.content.decode()).group(1)
        assert f"'nonce-{nonce}'" in policy(response)["style-src"]
        nonces.append(nonce)
    assert nonces[0] != nonces[1]
    # A page that uses no nonce does not announce one.
    assert policy(client.get(reverse("rights:dpo_queue")))["style-src"] == ["'self'"]


def test_the_api_docs_run_their_script_from_a_file(client):
    response = client.get(reverse("api-docs"))
    assert response.status_code == 200
    assert inline_content(response.content.decode()) == []
    script = client.get(reverse("api-docs") + "?script=")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()


def test_only_the_development_browsable_api_may_use_inline_styles(client, alice):
    client.force_login(alice)
    browsable = client.get("/api/v1/me", HTTP_ACCEPT="text/html")
    assert "'unsafe-inline'" in policy(browsable)["style-src"]
    assert policy(browsable)["script-src"] == ["'self'"]
    assert "unsafe-inline" not in client.get("/api/v1/me")["Content-Security-Policy"]


def test_djangos_technical_error_pages_under_debug_alone_may_inline(client, settings):
    assert "unsafe-inline" not in client.get("/no-such-page/")["Content-Security-Policy"]
    settings.DEBUG = True
    debug_404 = policy(client.get("/no-such-page/"))
    assert "'unsafe-inline'" in debug_404["script-src"] and "'unsafe-inline'" in debug_404["style-src"]
    assert "unsafe-inline" not in client.get(reverse("web:home"))["Content-Security-Policy"]
