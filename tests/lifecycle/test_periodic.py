"""Periodic jobs: Celery beat in production, the same schedule in-process under `make run`."""

import contextlib
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from io import StringIO
from pathlib import Path

from celery import shared_task
from celery.schedules import crontab
from django.conf import settings as django_settings
from django.core.management import call_command
from django.utils import timezone

from qalan.lifecycle.models import RequestLog
from qalan.lifecycle.periodic import run_due, schedule_entries

ROOT = Path(__file__).resolve().parents[2]
CALLS: list[str] = []


@shared_task(name="tests.lifecycle.record_call")
def record_call(label: str) -> None:
    CALLS.append(label)


def test_the_beat_schedule_names_the_lifecycle_jobs():
    tasks = {entry["task"] for entry in django_settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"qalan.lifecycle.tasks.retention_sweep", "qalan.lifecycle.tasks.erasure_run_due"} <= tasks


def test_run_periodic_once_runs_every_job_of_the_schedule_including_other_apps(db, settings):
    CALLS.clear()
    settings.CELERY_BEAT_SCHEDULE = {
        **settings.CELERY_BEAT_SCHEDULE,
        "someone-elses-job": {
            "task": "tests.lifecycle.record_call",
            "schedule": crontab(minute=0),
            "args": ("hourly",),
        },
    }
    RequestLog.objects.create(created_at=timezone.now() - timedelta(days=400), method="GET", status=200, duration_ms=1)
    out = StringIO()

    call_command("run_periodic", "--once", stdout=out)

    assert CALLS == ["hourly"]
    assert not RequestLog.objects.filter(created_at__lt=timezone.now() - timedelta(days=365)).exists()
    assert "lifecycle-retention: done" in out.getvalue() and "someone-elses-job: done" in out.getvalue()


def test_jobs_run_when_their_schedule_says_and_not_before(db, settings):
    CALLS.clear()
    settings.CELERY_BEAT_SCHEDULE = {
        "every-minute": {"task": "tests.lifecycle.record_call", "schedule": 60.0, "args": ("minute",)},
        "daily": {"task": "tests.lifecycle.record_call", "schedule": timedelta(days=1), "args": ("day",)},
    }
    entries = schedule_entries()
    assert run_due(entries) <= 60 and CALLS == []  # like beat: the first run is one period after start

    minute = next(e for e in entries if e.name == "every-minute")
    minute.last_run_at = timezone.now() - timedelta(seconds=61)
    run_due(entries)
    run_due(entries)
    assert CALLS == ["minute"]


def test_run_periodic_stops_when_the_process_that_started_it_ends():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "qalan.test_settings"}
    parent = subprocess.Popen(
        ["sh", "-c", f"{sys.executable} manage.py run_periodic >/dev/null 2>&1 & echo $!; sleep 4"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    child = int(parent.stdout.readline())
    parent.wait(timeout=60)
    try:
        for _ in range(150):
            if not _alive(child):
                break
            time.sleep(0.2)
        else:
            raise AssertionError("run_periodic kept running after make run's shell ended")
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(child, signal.SIGKILL)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"  # an exited process its new parent has not reaped yet
