"""The database restarting loses no background work: every task is retried while it is away."""

import os
import socket
import subprocess
import sys
from pathlib import Path

from qalan.celery import DATABASE_AWAY, app

ROOT = Path(__file__).resolve().parents[1]


def test_every_task_of_qalan_retries_while_the_database_is_away():
    app.loader.import_default_modules()
    tasks = {name: task for name, task in app.tasks.items() if name.startswith("qalan.")}
    assert "qalan.notify.tasks.deliver_message" in tasks and "qalan.lifecycle.tasks.erasure_execute" in tasks
    for name, task in tasks.items():
        assert set(DATABASE_AWAY) <= set(task.autoretry_for), name
        assert task.retry_backoff and task.max_retries >= 10, name


def test_a_task_that_meets_no_database_is_scheduled_again_not_failed(tmp_path):
    """For real: a message delivery and the retention sweep against a closed port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QALAN_", "DATABASE_URL", "REDIS_URL"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "qalan.test_settings",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{port}/qalan",
            "QALAN_AUDIT_HEAD_FILE": str(tmp_path / "head.json"),
        }
    )
    script = (
        "import django; django.setup()\n"
        "from celery.exceptions import Retry\n"
        "from django.db import OperationalError\n"
        "from qalan.notify.tasks import deliver_message\n"
        "from qalan.lifecycle.tasks import retention_sweep\n"
        "for task, args in ((deliver_message, [1]), (retention_sweep, [])):\n"
        "    try:\n"
        "        task.apply(args=args)\n"
        "    except Retry as retry:\n"
        "        print(task.name, 'retry', isinstance(retry.exc, OperationalError))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == [
        "qalan.notify.tasks.deliver_message retry True",
        "qalan.lifecycle.tasks.retention_sweep retry True",
    ]
