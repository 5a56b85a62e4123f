"""The reference deployment's files agree with each other and with the settings: compose.yaml's
services, deploy/env.example against what production requires, the Dockerfile against
gunicorn.conf.py. (Docker itself does not run here; tests/settings/test_serving.py starts the
Dockerfile's CMD for real.)"""

import re
import runpy
import subprocess
import sys

import yaml
from cryptography.fernet import Fernet

from tests.settings.test_production import GOOD, ROOT, run_manage
from tests.settings.test_serving import dockerfile_cmd

COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text())
SERVICES = COMPOSE["services"]


def env_example() -> dict[str, str]:
    values = {}
    for line in (ROOT / "deploy" / "env.example").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, sep, value = line.partition("=")
            assert sep, f"not NAME=value: {line!r}"
            values[name.strip()] = value
    return values


def test_compose_runs_web_worker_beat_postgres_and_redis():
    assert {"web", "worker", "beat", "postgres", "redis", "migrate"} <= set(SERVICES)
    assert SERVICES["postgres"]["image"] == "postgres:15"
    assert SERVICES["redis"]["image"] == "redis:7"
    assert SERVICES["web"]["command"] == dockerfile_cmd()
    assert SERVICES["worker"]["command"][:5] == ["celery", "-A", "qalan", "--quiet", "worker"]
    assert SERVICES["beat"]["command"][:5] == ["celery", "-A", "qalan", "--quiet", "beat"]
    for name in ("web", "worker", "beat", "migrate"):
        service = SERVICES[name]
        assert service["image"] == "qalan:latest" and service["env_file"] == "deploy/env"
        assert service["environment"]["REDIS_URL"] == "redis://redis:6379/0"
        assert service["environment"]["DATABASE_URL"].startswith("postgres://qalan:${POSTGRES_PASSWORD")
        # Uploads and the audit head are shared by every process that writes them.
        assert {"media:/var/lib/qalan/media", "audit:/var/lib/qalan/audit"} <= set(service["volumes"])
    for name in ("web", "worker", "beat"):
        assert SERVICES[name]["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}
    assert set(COMPOSE["volumes"]) >= {"postgres", "redis", "media", "audit", "beat"}


def test_the_example_env_holds_every_setting_production_requires():
    example = env_example()
    provided = set(example) | set(SERVICES["web"]["environment"])
    required = set(GOOD) | {"REDIS_URL", "ALLOWED_HOSTS", "QALAN_SITE_URL", "POSTGRES_PASSWORD"}
    required |= {"EMAIL_HOST", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD", "QALAN_SMS_API_URL", "QALAN_SMS_API_KEY"}
    assert required - provided == set()
    assert example["QALAN_ENV"] == "production" and example["QALAN_DATA_REGION"] == "KZ"
    # No real secret: every secret is a placeholder.
    for name in ("SECRET_KEY", "QALAN_FIELD_ENCRYPTION_KEYS", "QALAN_ARCHIVE_KEYS", "QALAN_AUDIT_KEY"):
        assert example[name] == "change-me"
    assert example["POSTGRES_PASSWORD"] == "change-me" and example["EMAIL_HOST_PASSWORD"] == "change-me"


def test_every_name_in_the_example_env_is_read_by_something():
    sources = "".join(
        path.read_text()
        for path in (
            *sorted((ROOT / "qalan" / "settings").glob("*.py")),
            ROOT / "qalan" / "env.py",
            ROOT / "gunicorn.conf.py",
        )
    )
    for name in env_example():
        if name == "POSTGRES_PASSWORD":
            assert "${POSTGRES_PASSWORD" in (ROOT / "compose.yaml").read_text()
        elif name not in {"FORWARDED_ALLOW_IPS"}:  # read by gunicorn.conf.py and by gunicorn itself
            assert f'"{name}"' in sources, f"{name} in deploy/env.example is read by no setting"
    assert '"FORWARDED_ALLOW_IPS"' in (ROOT / "gunicorn.conf.py").read_text()


def test_the_example_env_filled_in_passes_check_deploy():
    """Replace each change-me with a valid value, add what compose.yaml sets: production starts."""
    values = env_example()
    for name, value in values.items():
        if value == "change-me":
            values[name] = Fernet.generate_key().decode() if name.endswith("_KEYS") else "x" * 30 + name.lower() * 3
    compose_env = {
        name: value.replace("${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in deploy/env}", values["POSTGRES_PASSWORD"])
        for name, value in SERVICES["web"]["environment"].items()
    }
    values.update(compose_env)
    changes = dict.fromkeys(GOOD) | values
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **changes)
    assert result.returncode == 0, result.stderr + result.stdout


def test_the_dockerfile_starts_gunicorn_with_the_repository_config():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert dockerfile_cmd() == ["gunicorn", "--config", "gunicorn.conf.py"]
    assert re.search(r"^FROM python:3\.11-slim\b", dockerfile, re.M)
    assert re.search(r"^USER qalan$", dockerfile, re.M), "the server runs as an unprivileged user"
    assert "pip install -r requirements.lock" in dockerfile
    assert "compilemessages" in dockerfile and "RUN deploy/collectstatic" in dockerfile
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert config["wsgi_app"] == "qalan.wsgi:application"
    assert config["logger_class"] == "qalan.web.accesslog.JsonLogger"
    exposed = re.search(r"^EXPOSE (\d+)$", dockerfile, re.M).group(1)
    bind = re.search(r"^\s+QALAN_BIND=(\S+)", dockerfile, re.M).group(1)
    assert bind == f"0.0.0.0:{exposed}"
    assert f"http://127.0.0.1:{exposed}/healthz" in dockerfile  # HEALTHCHECK
    assert SERVICES["web"]["ports"] == [f"127.0.0.1:{exposed}:{exposed}"]


def test_gunicorn_config_reads_its_environment():
    code = (
        "import runpy, json; c = runpy.run_path('gunicorn.conf.py'); "
        "print(json.dumps({k: c[k] for k in ('bind', 'workers', 'threads', 'worker_class', 'timeout', "
        "'graceful_timeout', 'max_requests', 'max_requests_jitter', 'forwarded_allow_ips')}))"
    )

    def config(**env):
        result = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 0, result.stderr
        return yaml.safe_load(result.stdout)

    default = config()
    assert default["bind"] == ["0.0.0.0:8000"]
    assert 3 <= default["workers"] <= 8
    assert (default["worker_class"], default["timeout"], default["graceful_timeout"]) == ("sync", 30, 30)
    assert default["max_requests"] > 0 and default["max_requests_jitter"] > 0
    assert default["forwarded_allow_ips"] == "127.0.0.1,::1"
    changed = config(
        QALAN_BIND="127.0.0.1:9000", WEB_CONCURRENCY="3", QALAN_WEB_THREADS="4", FORWARDED_ALLOW_IPS="10.0.0.0/8"
    )
    assert changed["bind"] == ["127.0.0.1:9000"]
    assert (changed["workers"], changed["threads"], changed["worker_class"]) == (3, 4, "gthread")
    assert changed["forwarded_allow_ips"] == "10.0.0.0/8"
