"""Celery for real: a worker process on the machine's Redis completes an erasure and a retention
sweep against the test database.

The worker is a separate process, so it needs the test database on PostgreSQL (an in-memory
SQLite database is invisible to it). Elsewhere the test is skipped; in CI (CI=true) a missing
PostgreSQL or Redis fails it instead.
"""

import os
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from celery import Celery
from django.db import connection
from django.utils import timezone

from qalan.accounts.models import User
from qalan.lifecycle.models import DestructionRecord, ErasureRun, RequestLog
from qalan.lifecycle.services import erasure_schedule
from tests.conftest import make_user

ROOT = Path(__file__).resolve().parents[2]
# Redis database 4 is this test's own: the worker's queue never mixes with anyone else's.
REDIS_URL = os.environ.get("QALAN_WORKER_TEST_REDIS_URL", "redis://127.0.0.1:6379/4")


def _unavailable(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI must run the real Celery worker test: {reason}")
    pytest.skip(reason)


def _database_url() -> str:
    db = connection.settings_dict
    auth = quote(db["USER"] or "")
    if db.get("PASSWORD"):
        auth += ":" + quote(db["PASSWORD"])
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker(migrated_data, tmp_path):
    if connection.vendor != "postgresql":
        _unavailable("the worker process needs the test database on PostgreSQL (set DATABASE_URL)")
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        _unavailable(f"Redis is not reachable at {REDIS_URL}: {exc}")
    queue = f"lifecycle-test-{uuid.uuid4().hex[:10]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "qalan.test_settings",
        "DATABASE_URL": _database_url(),
        "REDIS_URL": REDIS_URL,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    log = (tmp_path / "worker.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "qalan",
            "worker",
            "--pool=solo",
            "-Q",
            queue,
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel=INFO",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    producer = Celery("qalan-worker-test", broker=REDIS_URL)
    try:
        yield lambda task, *args: producer.send_task(task, args=args, queue=queue)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        producer.close()
        connection.close()
    if process.returncode not in (0, -15):
        print((tmp_path / "worker.log").read_text())


def _wait_for(condition, *, seconds: float = 120) -> bool:
    """Polls the database (a bound for a hung worker, not a performance limit)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


def test_a_real_worker_completes_an_erasure_and_a_retention_sweep(worker):
    person = make_user("worker-erased", email="worker.erased@example.kz")
    run = erasure_schedule(user=person, actor=None, not_before=timezone.now(), reason="worker test")
    old_log = RequestLog.objects.create(
        created_at=timezone.now() - timedelta(days=400), method="GET", status=200, duration_ms=1
    )

    worker("qalan.lifecycle.tasks.erasure_execute", run.pk)
    worker("qalan.lifecycle.tasks.retention_sweep")

    assert _wait_for(lambda: ErasureRun.objects.get(pk=run.pk).status == ErasureRun.Status.DONE), (
        "erasure did not finish"
    )
    assert not User.objects.filter(pk=person.pk).exists()
    assert _wait_for(lambda: not RequestLog.objects.filter(pk=old_log.pk).exists()), "retention did not run"
    assert _wait_for(lambda: DestructionRecord.objects.filter(model="lifecycle.RequestLog").exists())
