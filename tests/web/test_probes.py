"""/healthz (the process is up) and /readyz (database and Redis answer), as balancers use them."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from qalan.lifecycle.models import RequestLog
from qalan.web import probes

ROOT = Path(__file__).resolve().parents[2]


def closed_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(autouse=True)
def _fresh_redis_clients():
    probes._redis_client.cache_clear()
    yield
    probes._redis_client.cache_clear()


def test_healthz_answers_without_touching_the_database(client):
    # No db fixture: any query would raise here.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_readyz_is_ready_when_the_database_answers_and_no_redis_is_configured(client, db, settings):
    settings.REDIS_URL = None
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "checks": {"database": "ok", "redis": "not_configured"}}
    assert response["Cache-Control"] == "no-store"


def test_readyz_is_unavailable_when_redis_does_not_answer(client, db, settings):
    port = closed_port()
    settings.REDIS_URL = f"redis://:hunter2@127.0.0.1:{port}/0"
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "checks": {"database": "ok", "redis": "unavailable"}}
    body = response.content.decode()
    assert "127.0.0.1" not in body and str(port) not in body and "hunter2" not in body


def test_readyz_checks_redis_when_it_answers(client, db, settings):
    import redis

    url = os.environ.get("QALAN_PROBE_TEST_REDIS_URL", "redis://127.0.0.1:6379/11")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        pytest.fail(f"Redis must be reachable at {url} for this test (CI has it): {exc}")
    settings.REDIS_URL = url
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "redis": "ok"}


def test_readyz_is_unavailable_when_the_database_cannot_be_reached(tmp_path):
    """A real connection attempt to a closed port, in a process of its own (the test database
    stays where it is)."""
    port = closed_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QALAN_", "DATABASE_URL", "REDIS_URL"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "qalan.test_settings",
            "DATABASE_URL": f"postgres://postgres:s3cret@127.0.0.1:{port}/qalan",
            "QALAN_AUDIT_HEAD_FILE": str(tmp_path / "head.json"),
        }
    )
    script = (
        "import django, json; django.setup()\n"
        "from django.test import Client\n"
        "response = Client().get('/readyz')\n"
        "print(json.dumps({'status': response.status_code, 'body': response.content.decode()}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["status"] == 503
    assert json.loads(answer["body"]) == {
        "status": "unavailable",
        "checks": {"database": "unavailable", "redis": "not_configured"},
    }
    assert str(port) not in answer["body"] and "s3cret" not in answer["body"]
    # The log says which check failed and how, without the address or the password.
    assert "readiness check failed: database (OperationalError)" in result.stderr
    assert "s3cret" not in result.stderr


def test_probes_pass_the_host_check_and_the_https_redirect(client, db, settings):
    """A balancer probes the node's own address over plain HTTP: neither a 400 for the Host
    header nor a redirect to HTTPS, while every other page keeps both rules."""
    settings.ALLOWED_HOSTS = ["qalan.kz"]
    settings.SECURE_SSL_REDIRECT = True
    settings.REDIS_URL = None
    assert client.get("/healthz", HTTP_HOST="10.0.0.7:8000").status_code == 200
    assert client.get("/readyz", HTTP_HOST="10.0.0.7:8000").status_code == 200
    assert client.get("/accounts/login/", HTTP_HOST="10.0.0.7:8000").status_code == 400
    assert client.get("/accounts/login/", HTTP_HOST="qalan.kz").status_code == 301


def test_probes_set_no_cookie_touch_no_session_and_are_not_in_the_request_log(client, alice, settings):
    settings.REDIS_URL = None
    client.force_login(alice)
    for path in ("/healthz", "/readyz"):
        response = client.get(path)
        assert response.status_code == 200
        assert not response.cookies
        assert "Vary" not in response
    assert not RequestLog.objects.exists()


def test_probes_only_answer_get_and_head(client, db, settings):
    settings.REDIS_URL = None
    assert client.head("/readyz").status_code == 200
    assert client.post("/readyz").status_code == 405
    assert client.post("/healthz").status_code == 405
