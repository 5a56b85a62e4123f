"""The periodic security self-test (issue 13, B9; P5.2.d): the deployment checks, the headers of
a real request and the last dependency audit, recorded (and audited) for the DPO, who sees the
latest result on the requests page."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from qalan.audit.models import AuditEvent
from qalan.rights.models import SecuritySelfTest
from qalan.rights.tasks import security_selftest

pytestmark = pytest.mark.django_db

PRODUCTION_LIKE = {
    "DEBUG": False,
    "SECURE_SSL_REDIRECT": True,
    "SECURE_HSTS_SECONDS": 31536000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
    "SECRET_KEY": "p" * 10 + "a3f9c1e7d5b2086f4e2c9a7b5d3f1e0c8a6b4d2f0e9c7a5b3d1",
}


def audit_file(tmp_path, *, status="ok", age=timedelta(hours=1)):
    path = tmp_path / "security-last.json"
    ran_at = (datetime.now(UTC) - age).isoformat(timespec="seconds")
    path.write_text(json.dumps({"ran_at": ran_at, "checks": {"pip-audit": status}, "exit_status": 0}))
    return path


@pytest.fixture
def production_like(settings, tmp_path, monkeypatch):
    # The browser tests' conftest switches Django's async safety off for their process; a
    # production server never does (deployment check async.E001).
    monkeypatch.delenv("DJANGO_ALLOW_ASYNC_UNSAFE", raising=False)
    for name, value in PRODUCTION_LIKE.items():
        setattr(settings, name, value)
    settings.QALAN_SECURITY_RESULT_FILE = audit_file(tmp_path)
    return settings


def test_a_production_configuration_passes_every_check_and_the_run_is_recorded(production_like):
    result = security_selftest()
    selftest = SecuritySelfTest.objects.get(pk=result["selftest"])
    assert selftest.checks == {"deploy": "ok", "headers": "ok", "dependencies": "ok"}, selftest.findings
    assert selftest.ok and result["ok"] and selftest.findings == ""
    event = AuditEvent.objects.get(event_type="security.selftest")
    assert event.extra["ok"] is True and event.extra["selftest"] == selftest.pk


def test_the_test_profile_is_not_deploy_safe_and_the_findings_say_why(settings, tmp_path):
    settings.QALAN_SECURITY_RESULT_FILE = tmp_path / "missing.json"
    selftest = SecuritySelfTest.objects.get(pk=security_selftest()["selftest"])
    assert not selftest.ok
    assert selftest.checks["deploy"] == "failed"
    assert any(line.startswith("deploy: security.W004") for line in selftest.finding_lines)  # no HSTS
    assert selftest.checks["headers"] == "ok"
    assert selftest.checks["dependencies"] == "unreachable"
    assert "no dependency audit on record" in selftest.findings


def test_a_weakened_policy_fails_the_header_check(production_like):
    production_like.QALAN_CSP = {**django_settings.QALAN_CSP, "script-src": ["'self'", "'unsafe-inline'"]}
    production_like.X_FRAME_OPTIONS = "SAMEORIGIN"
    selftest = SecuritySelfTest.objects.get(pk=security_selftest()["selftest"])
    assert selftest.checks["headers"] == "failed" and not selftest.ok
    assert "headers: Content-Security-Policy allows 'unsafe-inline'" in selftest.finding_lines
    assert "headers: X-Frame-Options is 'SAMEORIGIN', expected 'DENY'" in selftest.finding_lines


@pytest.mark.parametrize(
    ("status", "age", "expected", "words"),
    [
        ("unreachable", timedelta(hours=1), "unreachable", "ended unreachable"),
        ("failed", timedelta(hours=1), "failed", "ended failed"),
        ("ok", timedelta(days=9), "failed", "more than 8 days ago"),
    ],
)
def test_an_offline_failed_or_old_dependency_audit_is_a_finding(
    production_like, tmp_path, status, age, expected, words
):
    production_like.QALAN_SECURITY_RESULT_FILE = audit_file(tmp_path, status=status, age=age)
    selftest = SecuritySelfTest.objects.get(pk=security_selftest()["selftest"])
    assert selftest.checks["dependencies"] == expected and not selftest.ok
    assert words in selftest.findings


def test_the_dpo_sees_the_latest_result_on_the_requests_page(client, dpo, settings, tmp_path, english):
    settings.QALAN_SECURITY_RESULT_FILE = tmp_path / "missing.json"
    client.force_login(dpo)
    assert "The security self-test has not run yet." in client.get(reverse("rights:dpo_queue")).content.decode()
    security_selftest()
    page = client.get(reverse("rights:dpo_queue")).content.decode()
    assert "Some checks need attention" in page
    assert "Deployment settings: failed" in page and "Security headers: passed" in page
    assert "Dependency audit: could not run" in page
    assert "security.W004" in page


def test_the_self_test_runs_daily_from_the_beat_schedule():
    entry = django_settings.CELERY_BEAT_SCHEDULE["rights-security-selftest"]
    assert entry["task"] == "qalan.rights.tasks.security_selftest"
    assert entry["schedule"] == timedelta(hours=24)


def test_the_command_runs_it_now_and_fails_on_a_finding(production_like, settings, tmp_path):
    from io import StringIO

    from django.core.management import CommandError, call_command

    out = StringIO()
    call_command("security_selftest", stdout=out)
    assert "deploy: ok" in out.getvalue() and out.getvalue().strip().endswith(": ok")
    settings.QALAN_SECURITY_RESULT_FILE = tmp_path / "missing.json"
    with pytest.raises(CommandError, match="found problems"):
        call_command("security_selftest", stdout=StringIO())
    assert SecuritySelfTest.objects.count() == 2
