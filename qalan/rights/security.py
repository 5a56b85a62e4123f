"""The periodic security self-test (issue 13, B9; P5.2.d): the checks that can run inside the
platform, recorded for the DPO.

- ``deploy``: Django's deployment checks (what ``manage.py check --deploy`` reports) under the
  settings this process runs with;
- ``headers``: a request to the home page through the whole middleware stack carries the
  security headers (CSP without inline code, no framing, nosniff, referrer, COOP, permissions,
  HSTS where configured);
- ``dependencies``: the last ``make security`` run on this installation
  (``settings.QALAN_SECURITY_RESULT_FILE``): its dependency audit passed, not long ago.

The findings are technical (check ids, setting and header names), never about a person.
"""

import json
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core import checks
from django.db import transaction
from django.test import Client
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qalan.audit.services import audit_record
from qalan.rights.models import SecuritySelfTest

OK, FAILED, UNREACHABLE = "ok", "failed", "unreachable"
CHECKS = {
    "deploy": _("Deployment settings"),
    "headers": _("Security headers"),
    "dependencies": _("Dependency audit"),
}
STATUS_LABELS = {
    OK: pgettext_lazy("security check status", "passed"),
    FAILED: pgettext_lazy("security check status", "failed"),
    UNREACHABLE: pgettext_lazy("security check status", "could not run"),
}
# A dependency audit older than this no longer vouches for the installed packages.
AUDIT_MAX_AGE = timedelta(days=8)


def check_deploy() -> list[str]:
    messages = checks.run_checks(include_deployment_checks=True)
    silenced = set(settings.SILENCED_SYSTEM_CHECKS)
    return [
        f"{message.id}: {message.msg}"
        for message in messages
        if message.level >= checks.WARNING and message.id not in silenced
    ]


def _host() -> str:
    hosts = [host.lstrip(".") for host in settings.ALLOWED_HOSTS if host != "*"]
    return hosts[0] if hosts else "localhost"


def check_headers() -> list[str]:
    """What a browser gets from the home page, asked over HTTPS as production serves it."""
    response = Client(HTTP_HOST=_host()).get("/", secure=True)
    headers = response.headers
    problems = []
    if response.status_code != 200:
        problems.append(f"GET / answered {response.status_code}")
    csp = headers.get("Content-Security-Policy", "")
    if not csp:
        problems.append("Content-Security-Policy is missing")
    for directive in ("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"):
        if csp and directive not in csp:
            problems.append(f"Content-Security-Policy lacks {directive}")
    for unsafe in ("'unsafe-inline'", "'unsafe-eval'"):
        if unsafe in csp:
            problems.append(f"Content-Security-Policy allows {unsafe}")
    expected = {
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
    }
    for name, value in expected.items():
        if headers.get(name) != value:
            problems.append(f"{name} is {headers.get(name)!r}, expected {value!r}")
    for name in ("Referrer-Policy", "Permissions-Policy"):
        if not headers.get(name):
            problems.append(f"{name} is missing")
    if settings.SECURE_HSTS_SECONDS and "Strict-Transport-Security" not in headers:
        problems.append("Strict-Transport-Security is missing")
    return problems


def check_dependencies(now: datetime) -> tuple[str, list[str]]:
    path = Path(settings.QALAN_SECURITY_RESULT_FILE)
    try:
        result = json.loads(path.read_text())
        ran_at = datetime.fromisoformat(result["ran_at"])
        status = result["checks"]["pip-audit"]
    except FileNotFoundError:
        return UNREACHABLE, ["no dependency audit on record: run `make security` on this installation"]
    except (OSError, ValueError, KeyError, TypeError):
        return FAILED, [f"the record of the last `make security` run ({path.name}) is unreadable"]
    when = ran_at.strftime("%Y-%m-%d %H:%M UTC")
    if status != OK:
        state = UNREACHABLE if status == UNREACHABLE else FAILED
        return state, [f"the dependency audit of {when} ended {status}"]
    if now - ran_at > AUDIT_MAX_AGE:
        return FAILED, [f"the last dependency audit ran on {when}, more than {AUDIT_MAX_AGE.days} days ago"]
    return OK, []


def security_selftest_run() -> SecuritySelfTest:
    """Run the checks, record the result (audited) and return it."""
    now = timezone.now()
    statuses, findings = {}, []
    for name, run in (("deploy", check_deploy), ("headers", check_headers)):
        problems = run()
        statuses[name] = FAILED if problems else OK
        findings += [f"{name}: {problem}" for problem in problems]
    statuses["dependencies"], problems = check_dependencies(now)
    findings += [f"dependencies: {problem}" for problem in problems]
    ok = all(status == OK for status in statuses.values())
    with transaction.atomic():
        selftest = SecuritySelfTest.objects.create(
            ran_at=now, environment=settings.QALAN_ENV, ok=ok, checks=statuses, findings="\n".join(findings)
        )
        audit_record(
            actor=None,
            event_type="security.selftest",
            extra={"selftest": selftest.pk, "ok": ok, "checks": statuses, "findings": len(findings)},
        )
    return selftest


def security_selftest_latest() -> dict | None:
    """The newest result for the DPO workspace: the checks with their translated labels."""
    selftest = SecuritySelfTest.objects.first()
    if selftest is None:
        return None
    return {
        "run": selftest,
        "checks": [
            {"label": CHECKS.get(name, name), "status": status, "status_label": STATUS_LABELS.get(status, status)}
            for name, status in selftest.checks.items()
        ],
        "findings": selftest.finding_lines,
    }
