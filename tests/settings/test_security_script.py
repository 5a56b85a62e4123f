"""`make security` (scripts/security.py, issue 13 B9): one line per check, an unreachable
advisory database is reported and never passes silently, bandit finds nothing in qalan/."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def security(*args: str, tmp_path: Path, **env_changes: str) -> subprocess.CompletedProcess:
    # The browser tests' conftest sets DJANGO_ALLOW_ASYNC_UNSAFE for this process; a deployment
    # never has it (check --deploy rightly refuses it), so the script runs without it.
    env = {k: v for k, v in os.environ.items() if k not in ("SECURITY_OFFLINE_OK", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env["QALAN_SECURITY_RESULT_FILE"] = str(tmp_path / "security-last.json")
    env.update(env_changes)
    return subprocess.run(
        [sys.executable, "scripts/security.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def offline(tmp_path: Path) -> dict:
    """No advisory database: every request goes to a closed port, and no cached answer helps."""
    return {
        "HTTPS_PROXY": "http://127.0.0.1:9",
        "HTTP_PROXY": "http://127.0.0.1:9",
        "https_proxy": "http://127.0.0.1:9",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }


def test_an_unreachable_advisory_database_fails_the_run_and_says_so(tmp_path):
    result = security("--only", "pip-audit", tmp_path=tmp_path, **offline(tmp_path))
    assert result.returncode == 2, result.stdout + result.stderr
    assert "security: pip-audit unreachable" in result.stdout
    assert "pip-audit: advisory database unreachable" in result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("security: INCOMPLETE")
    recorded = json.loads((tmp_path / "security-last.json").read_text())
    assert recorded["checks"] == {"pip-audit": "unreachable"} and recorded["exit_status"] == 2


def test_an_accepted_offline_run_passes_but_still_says_what_did_not_run(tmp_path):
    result = security("--only", "pip-audit", tmp_path=tmp_path, SECURITY_OFFLINE_OK="1", **offline(tmp_path))
    assert result.returncode == 0
    assert "security: pip-audit unreachable" in result.stdout
    assert "pip-audit: advisory database unreachable" in result.stdout
    assert "passed OFFLINE" in result.stdout.strip().splitlines()[-1]


def test_bandit_finds_nothing_in_qalan_and_check_deploy_passes(tmp_path):
    result = security("--only", "bandit", "check-deploy", tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "security: bandit ok" in result.stdout
    assert "security: check-deploy ok" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "security: all 2 checks passed"
