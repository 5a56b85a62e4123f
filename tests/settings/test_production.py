"""The production profile refuses unsafe configuration (P5.2.a, P5.2.c) and passes check --deploy."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD = {
    "QALAN_ENV": "production",
    "SECRET_KEY": "k" * 20 + "9f3c1d7e5b2a8064ffeeddccbbaa99887766554433",
    "DATABASE_URL": "postgres://qalan@127.0.0.1:5432/qalan",
    "QALAN_DATA_REGION": "KZ",
    # The production's own key for encrypted documents (powers of attorney, qalan.rights).
    "QALAN_FIELD_ENCRYPTION_KEYS": "SPCQFG0mjQcK7YEBUUKScuK_SK0eN5VeNCUf-LKDigA=",
    # The production's own archive key (qalan.lifecycle).
    "QALAN_ARCHIVE_KEYS": "Hq8m1zjX3dK0u7u6yQm5b1S3c9Jt2Qe7Rz4Wp0Lk2aE=",
    # The production's own key of the audit chain (qalan.audit).
    "QALAN_AUDIT_KEY": "7c1f0e9a4b2d8e6f3a5c7b9d1e0f2a4c",
}


def run_manage(*args: str, **env_changes: str | None) -> subprocess.CompletedProcess:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(
            ("QALAN_", "DEBUG", "SECRET_KEY", "DATABASE_URL", "DJANGO_ALLOW_ASYNC", "DJANGO_SETTINGS_MODULE")
        )
    }
    env.update(GOOD)
    for key, value in env_changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_on_production_profile_has_no_warnings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("changes", "complaint"),
    [
        ({"SECRET_KEY": None}, "SECRET_KEY"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY"),
        ({"DEBUG": "true"}, "DEBUG must be off"),
        ({"DATABASE_URL": "sqlite:////tmp/qalan.sqlite3"}, "PostgreSQL"),
        ({"DATABASE_URL": None}, "PostgreSQL"),
        ({"QALAN_SECURE_COOKIES": "false"}, "HTTPS-only"),
        ({"SECURE_SSL_REDIRECT": "false"}, "plain HTTP"),
        ({"QALAN_DATA_REGION": "DE"}, "QALAN_DATA_REGION must be KZ"),
        ({"QALAN_ARCHIVE_KEYS": None}, "QALAN_ARCHIVE_KEYS"),
        ({"QALAN_AUDIT_KEY": None}, "QALAN_AUDIT_KEY"),
        ({"QALAN_AUDIT_KEY": "short"}, "QALAN_AUDIT_KEY"),
        (
            {"QALAN_AUDIT_OLD_KEYS": "dev:qalan-development-and-test-audit-key-public-never-for-production"},
            "QALAN_AUDIT_KEY",
        ),
    ],
)
def test_production_refuses_unsafe_setting(changes, complaint):
    result = run_manage("check", **changes)
    assert result.returncode != 0
    assert "Refusing to start in production" in result.stderr
    assert complaint in result.stderr


def test_secret_key_file_is_read_and_unreadable_file_fails(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text(GOOD["SECRET_KEY"] + "\n")
    assert (
        run_manage(
            "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=None, SECRET_KEY_FILE=str(secret)
        ).returncode
        == 0
    )
    result = run_manage("check", SECRET_KEY=None, SECRET_KEY_FILE=str(tmp_path / "missing"))
    assert result.returncode != 0
    assert "SECRET_KEY_FILE points to an unreadable file" in result.stderr


def test_seed_demo_is_refused_in_production():
    result = run_manage("seed_demo")
    assert result.returncode != 0
    assert "refuses to run in production" in result.stderr
