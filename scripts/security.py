#!/usr/bin/env python
"""`make security`: the security self-test (issue 13, B9; P5.2.d). Four checks, one line each:

    security: pip-audit ok|failed|unreachable    known vulnerabilities in requirements.lock
    security: bandit ok|failed                   static analysis of qalan/ (pyproject [tool.bandit])
    security: check-deploy ok|failed             `manage.py check --deploy` under the production profile
    security: routes ok|failed                   the route x persona matrix (tests/test_routes.py)

then a summary line. Exit status: 0 when every check passed, 1 when one failed.

The dependency audit needs the advisory database (PyPI's JSON API). When it cannot be reached,
or it answers without auditing a dependency (pip-audit then still says "No known
vulnerabilities found"), the check is `unreachable` and the line
"pip-audit: advisory database unreachable" is printed. That is a failure (exit 2) unless
SECURITY_OFFLINE_OK=1, which accepts it for this run: the line and a summary naming the
unaudited dependencies are printed either way, so an offline run never looks like a clean one.

Without QALAN_ENV=production in the environment, check --deploy runs the production profile
with throwaway secrets (as tests/settings/test_production.py does): it proves the settings, not
a particular server. Run it on the server, with the real environment, to check that server.

The result is written to var/security-last.json; the periodic self-test reports its age and
outcome to the DPO (qalan.rights.security).

    scripts/security.py [--only NAME ...]
"""

import argparse
import json
import os
import secrets
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# Where the last result is kept for the periodic self-test (settings.QALAN_SECURITY_RESULT_FILE).
RESULT_FILE = Path(os.environ.get("QALAN_SECURITY_RESULT_FILE") or ROOT / "var" / "security-last.json")
OK, FAILED, UNREACHABLE = "ok", "failed", "unreachable"
NETWORK_ERRORS = ("ConnectionError", "NameResolutionError", "Max retries exceeded", "Timeout", "SSLError")


def run(args: list[str], *, env: dict | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def check_pip_audit() -> tuple[str, list[str]]:
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "audit.json"
        result = run(
            [
                str(BIN / "pip-audit"),
                "--requirement",
                "requirements.lock",
                # The lock pins the whole tree: audit exactly it, without resolving or installing.
                "--no-deps",
                "--disable-pip",
                "--progress-spinner",
                "off",
                "--format",
                "json",
                "--output",
                str(report),
            ],
            timeout=300,
        )
        data = json.loads(report.read_text()) if report.exists() and report.stat().st_size else None
    if data is None:
        if any(marker in result.stderr for marker in NETWORK_ERRORS):
            return UNREACHABLE, ["pip-audit: advisory database unreachable (network error)"]
        return FAILED, ["pip-audit did not produce a report:", *result.stderr.strip().splitlines()[-5:]]
    dependencies = data.get("dependencies", [])
    vulnerable = [d for d in dependencies if d.get("vulns")]
    skipped = [d for d in dependencies if d.get("skip_reason")]
    details = [
        f"{d['name']} {d['version']}: {v['id']} (fixed in {', '.join(v.get('fix_versions', [])) or 'no release'})"
        for d in vulnerable
        for v in d["vulns"]
    ]
    if vulnerable:
        return FAILED, details
    if skipped or not dependencies:
        names = ", ".join(sorted(d["name"] for d in skipped)[:10]) + (" ..." if len(skipped) > 10 else "")
        return UNREACHABLE, [
            "pip-audit: advisory database unreachable",
            f"{len(skipped)} of {len(dependencies)} dependencies could not be audited: {names}",
        ]
    return OK, [f"{len(dependencies)} dependencies, no known vulnerabilities"]


def check_bandit() -> tuple[str, list[str]]:
    result = run(
        [
            str(BIN / "bandit"),
            *("-q", "-r", "qalan", "-c", "pyproject.toml"),
            *("-f", "custom", "--msg-template", "{relpath}:{line}: {test_id} [{severity}] {msg}"),
        ],
    )
    findings = [line for line in result.stdout.splitlines() if line.strip()]
    if result.returncode == 0:
        return OK, []
    return FAILED, findings or result.stderr.strip().splitlines()[-5:]


def production_env() -> tuple[dict, str]:
    env = dict(os.environ)
    if env.get("QALAN_ENV") == "production":
        return env, "this environment"
    env = {k: v for k, v in env.items() if not k.startswith(("QALAN_", "DEBUG", "SECRET_KEY", "DATABASE_URL"))}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(
        {
            "QALAN_ENV": "production",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "DATABASE_URL": "postgres://qalan@127.0.0.1:5432/qalan",
            "QALAN_FIELD_ENCRYPTION_KEYS": fernet_key(),
            "QALAN_ARCHIVE_KEYS": fernet_key(),
            "QALAN_AUDIT_KEY": secrets.token_urlsafe(48),
            "QALAN_AUDIT_HEAD_FILE": str(Path(tempfile.gettempdir()) / "qalan-security-audit-head.json"),
        }
    )
    return env, "the production profile with throwaway secrets"


def fernet_key() -> str:
    from cryptography.fernet import Fernet

    return Fernet.generate_key().decode()


def check_deploy() -> tuple[str, list[str]]:
    env, where = production_env()
    result = run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], env=env)
    lines = [f"settings: {where}"]
    if result.returncode == 0:
        return OK, lines
    return FAILED, lines + (result.stderr + result.stdout).strip().splitlines()[-20:]


def check_routes() -> tuple[str, list[str]]:
    result = run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_routes.py"], timeout=1200)
    last = result.stdout.strip().splitlines()[-1:] if result.stdout.strip() else []
    if result.returncode == 0:
        return OK, last
    return FAILED, result.stdout.strip().splitlines()[-20:]


CHECKS = {"pip-audit": check_pip_audit, "bandit": check_bandit, "check-deploy": check_deploy, "routes": check_routes}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=list(CHECKS), help="run only these checks")
    args = parser.parse_args(argv)
    names = args.only or list(CHECKS)
    offline_ok = os.environ.get("SECURITY_OFFLINE_OK") == "1"
    results = {}
    for name in names:
        try:
            status, details = CHECKS[name]()
        except (OSError, subprocess.TimeoutExpired) as exc:
            status, details = FAILED, [f"{name} could not run: {exc.__class__.__name__}: {exc}"]
        results[name] = {"status": status, "details": details}
        print(f"security: {name} {status}", flush=True)
        for line in details:
            print(f"    {line}", flush=True)

    failed = [n for n, r in results.items() if r["status"] == FAILED]
    unreachable = [n for n, r in results.items() if r["status"] == UNREACHABLE]
    if failed:
        summary, code = f"security: FAILED ({', '.join(failed)})", 1
    elif unreachable and not offline_ok:
        summary, code = (
            f"security: INCOMPLETE ({', '.join(unreachable)} unreachable; "
            "SECURITY_OFFLINE_OK=1 accepts an offline run)",
            2,
        )
    elif unreachable:
        summary, code = f"security: passed OFFLINE, {', '.join(unreachable)} did not run (SECURITY_OFFLINE_OK=1)", 0
    else:
        summary, code = f"security: all {len(results)} checks passed", 0
    print(summary)
    RESULT_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULT_FILE.write_text(
        json.dumps(
            {
                "ran_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "checks": {n: r["status"] for n, r in results.items()},
                "summary": summary,
                "exit_status": code,
            },
            indent=2,
        )
        + "\n"
    )
    return code


if __name__ == "__main__":
    sys.exit(main())
