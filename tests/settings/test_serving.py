"""The production start, for real: gunicorn as the Dockerfile starts it, with QALAN_ENV=production,
on the machine's PostgreSQL and Redis.

/readyz answers 200 while the database and Redis answer, 503 while the database is gone or
silent, and 200 again when it is back, without restarting anything; the workers stay free
(/healthz keeps answering). The logs are JSON lines, and the access log holds no path, query
string or client address.

PostgreSQL (127.0.0.1:5432, user postgres, trust) and Redis (127.0.0.1:6379) run on this machine
and in CI; the test fails, never skips, without them.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest

from tests.settings.test_production import GOOD

ROOT = Path(__file__).resolve().parents[2]
PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres", "dbname": "postgres"}
REDIS_URL = os.environ.get("QALAN_SERVING_TEST_REDIS_URL", "redis://127.0.0.1:6379/12")
HTTPS = {"Host": "qalan.kz", "X-Forwarded-Proto": "https"}
ACCESS_FIELDS = ("method", "route", "status", "bytes", "duration_ms", "worker")


def dockerfile_cmd() -> list[str]:
    """The CMD of the Dockerfile (exec form): the test starts exactly what the image starts."""
    lines = [line for line in (ROOT / "Dockerfile").read_text().splitlines() if line.startswith("CMD ")]
    assert len(lines) == 1, "the Dockerfile has one CMD"
    return json.loads(lines[0].removeprefix("CMD "))


def dockerfile_healthcheck(port: int) -> list[str]:
    """The Dockerfile's HEALTHCHECK command (exec form), aimed at ``port``."""
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    line = next(line for line in text.splitlines() if line.startswith("HEALTHCHECK "))
    command = json.loads(line[line.index(" CMD ") + 5 :])
    assert command[0] == "python" and "http://127.0.0.1:8000/healthz" in command[-1]
    return [sys.executable, *command[1:-1], command[-1].replace(":8000/", f":{port}/")]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def admin_connection() -> psycopg.Connection:
    try:
        return psycopg.connect(**PG, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        pytest.fail(f"this test needs PostgreSQL at 127.0.0.1:5432 (user postgres): {exc}")


def production_env(tmp_path: Path, **changes: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(
            ("QALAN_", "DEBUG", "SECRET_KEY", "DATABASE_", "REDIS_URL", "DJANGO_", "WEB_CONCURRENCY", "STATIC_ROOT")
        )
    }
    env.update(GOOD)
    env.update(
        {
            "REDIS_URL": REDIS_URL,
            "ALLOWED_HOSTS": "qalan.kz",
            "QALAN_AUDIT_HEAD_FILE": str(tmp_path / "audit-head.json"),
            "MEDIA_ROOT": str(tmp_path / "media"),
            "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}",
        }
    )
    env.update(changes)
    return env


@pytest.fixture(scope="module")
def static_root(tmp_path_factory) -> Path:
    """The static files as the image builds them (deploy/collectstatic, production storage)."""
    root = tmp_path_factory.mktemp("static")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QALAN_", "DJANGO_"))}
    result = subprocess.run(
        [str(ROOT / "deploy" / "collectstatic")],
        cwd=ROOT,
        env={**env, "STATIC_ROOT": str(root), "PYTHON": sys.executable},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert (root / "staticfiles.json").exists()
    return root


@pytest.fixture
def database():
    """A database of this test's own, dropped afterwards."""
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        pytest.fail(f"this test needs Redis at {REDIS_URL}: {exc}")
    name = f"qalan_serving_{uuid.uuid4().hex[:10]}"
    with admin_connection() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield name
    with admin_connection() as conn:
        for candidate in (name, name + "_away"):
            conn.execute(f'DROP DATABASE IF EXISTS "{candidate}" WITH (FORCE)')


def request(port: int, path: str, headers: dict | None = None, timeout: float = 20) -> tuple[int, dict, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def wait_for(predicate, *, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while True:
        try:
            result = predicate()
        except OSError:
            result = None
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"not within {seconds} s: {what}")
        time.sleep(0.3)


@contextmanager
def gunicorn(env: dict[str, str], tmp_path: Path, name: str):
    """gunicorn started as the Dockerfile's CMD starts it; yields (port, stdout path, stderr path)."""
    port = free_port()
    command = dockerfile_cmd()
    assert command[0] == "gunicorn"
    stdout, stderr = tmp_path / f"{name}.out", tmp_path / f"{name}.err"
    with stdout.open("w") as out, stderr.open("w") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", *command[1:]],
            cwd=ROOT,
            env={**env, "QALAN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "2"},
            stdout=out,
            stderr=err,
        )
    try:

        def up():
            if process.poll() is not None:
                pytest.fail(f"gunicorn exited with {process.returncode}:\n{stderr.read_text()}")
            return request(port, "/healthz", timeout=5)[0] == 200

        wait_for(up, seconds=90, what="gunicorn answers /healthz")
        yield port, stdout, stderr
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=45)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def readyz(port: int, headers: dict | None = None) -> tuple[int, dict]:
    status, response_headers, body = request(port, "/readyz", headers)
    assert response_headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in response_headers
    return status, json.loads(body)


def json_lines(path: Path) -> list[dict]:
    """Every line of a log, each of which must be one JSON object."""
    entries = []
    for line in path.read_text().splitlines():
        if line.strip():
            try:
                entries.append(json.loads(line))
            except ValueError:
                pytest.fail(f"a log line of {path.name} is not JSON: {line!r}")
    return entries


def test_production_gunicorn_is_ready_reports_the_database_gone_and_recovers(database, static_root, tmp_path):
    env = production_env(
        tmp_path,
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{database}",
        # Workers keep their connections, as in production: after the database went away and
        # came back, the kept connection is found broken and replaced.
        DATABASE_CONN_MAX_AGE="60",
        STATIC_ROOT=str(static_root),
    )
    migrate = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert migrate.returncode == 0, migrate.stderr

    with gunicorn(env, tmp_path, "web") as (port, stdout, stderr):
        assert readyz(port, HTTPS) == (200, {"status": "ready", "checks": {"database": "ok", "redis": "ok"}})
        # A probe of the node's own address over plain HTTP, and the container's HEALTHCHECK.
        assert readyz(port)[0] == 200
        assert subprocess.run(dockerfile_healthcheck(port), timeout=30).returncode == 0
        # Production: plain HTTP is redirected, and pages render from the collected static files.
        status, headers, _ = request(port, "/accounts/login/", {"Host": "qalan.kz"})
        assert (status, headers["Location"]) == (301, "https://qalan.kz/accounts/login/")
        assert request(port, "/accounts/login/?next=/learn/&phone=%2B77011234567", HTTPS)[0] == 200
        request(port, "/privacy/guardian/secret-guardian-token-42/", HTTPS)

        # The database goes away (as in a restart: every connection cut, then nothing to connect to).
        with admin_connection() as conn:
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [database])
            conn.execute(f'ALTER DATABASE "{database}" RENAME TO "{database}_away"')
        status, body = wait_for(
            lambda: (answer := readyz(port, HTTPS))[0] == 503 and answer, seconds=20, what="/readyz says 503"
        )
        assert body == {"status": "unavailable", "checks": {"database": "unavailable", "redis": "ok"}}
        # A page that needs the database fails at once with an error, and no worker is stuck.
        assert request(port, "/api/v1/privacy/policy", HTTPS)[0] == 500
        for _ in range(4):
            assert request(port, "/healthz", timeout=5)[0] == 200

        # The database is back: the same workers serve again.
        with admin_connection() as conn:
            conn.execute(f'ALTER DATABASE "{database}_away" RENAME TO "{database}"')
        wait_for(lambda: readyz(port, HTTPS)[0] == 200, seconds=20, what="/readyz is 200 again")

    errors = json_lines(stderr)
    assert any(e["message"] == "readiness check failed: database (OperationalError)" for e in errors)
    assert any(e["logger"] == "gunicorn.error" and e["message"].startswith("Booting worker") for e in errors)
    access = [e for e in json_lines(stdout) if e["logger"] == "gunicorn.access"]
    assert {"method": "GET", "route": "accounts/login/", "status": 200} in [
        {k: e[k] for k in ("method", "route", "status")} for e in access
    ]
    assert any(e["route"] == "privacy/guardian/<str:token>/" for e in access)
    # Probes are not logged; no path, query string, token, phone or address is.
    written = json.dumps(access)
    for absent in ("healthz", "readyz", "?", "next=", "secret-guardian-token", "7701", "127.0.0.1"):
        assert absent not in written
    assert all(set(e) <= {"time", "level", "logger", "message", *ACCESS_FIELDS} for e in access)


def test_production_gunicorn_answers_503_soon_when_the_database_host_is_silent(tmp_path):
    """A database host that accepts nothing and answers nothing (a dead host, a firewall):
    connecting times out (QALAN_DB_CONNECT_TIMEOUT) instead of holding the worker."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(0)  # never accepted, never answered
        silent_port = silent.getsockname()[1]
        env = production_env(
            tmp_path,
            DATABASE_URL=f"postgres://postgres@127.0.0.1:{silent_port}/qalan",
            QALAN_DB_CONNECT_TIMEOUT="2",
        )
        with gunicorn(env, tmp_path, "silent") as (port, _stdout, stderr):
            started = time.monotonic()
            status, body = readyz(port, HTTPS)
            waited = time.monotonic() - started
            assert status == 503
            assert body["checks"] == {"database": "unavailable", "redis": "ok"}
            # Bounded by the connect timeout (2 s; libpq's minimum), far below gunicorn's 30 s.
            assert waited < 15
            assert request(port, "/healthz", timeout=5)[0] == 200
    assert any(e["message"].startswith("readiness check failed: database") for e in json_lines(stderr))


def test_production_celery_worker_and_beat_write_json_lines(tmp_path):
    """compose.yaml's worker and beat commands in production: every line they write is JSON."""
    import yaml

    services = yaml.safe_load((ROOT / "compose.yaml").read_text())["services"]
    env = production_env(tmp_path, DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres")
    queue = f"serving-test-{uuid.uuid4().hex[:10]}"
    runs = {
        "worker": [*services["worker"]["command"], "--pool=solo", "--queues", queue, "--without-heartbeat"],
        "beat": [*services["beat"]["command"][:-1], str(tmp_path / "celerybeat-schedule")],
    }
    ready = {"worker": "ready.", "beat": "beat: Starting..."}
    for name, command in runs.items():
        assert command[0] == "celery"
        stdout, stderr = tmp_path / f"{name}.out", tmp_path / f"{name}.err"
        with stdout.open("w") as out, stderr.open("w") as err:
            process = subprocess.Popen(
                [sys.executable, "-m", "celery", *command[1:]], cwd=ROOT, env=env, stdout=out, stderr=err
            )

        def started(process=process, name=name, stderr=stderr) -> bool:
            if process.poll() is not None:
                pytest.fail(f"celery {name} exited with {process.returncode}:\n{stderr.read_text()}")
            return ready[name] in stderr.read_text()

        try:
            wait_for(started, seconds=60, what=f"celery {name} starts")
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=60)
        entries = json_lines(stderr)
        assert any(e["logger"].startswith("celery") for e in entries)
        # No banner: what stdout holds are Celery's shutdown notices at most.
        assert "[config]" not in stdout.read_text() and "[tasks]" not in stdout.read_text()
