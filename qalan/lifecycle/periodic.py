"""Celery beat's schedule, run in-process: ``make run`` has no Redis, yet periodic jobs must run.

Reads ``settings.CELERY_BEAT_SCHEDULE`` as beat does (numbers of seconds, timedeltas, crontab
and other celery schedules), so a job another app adds there runs here too, unchanged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from celery.schedules import maybe_schedule
from django.conf import settings
from django.utils import timezone

logger = logging.getLogger(__name__)


@dataclass
class Entry:
    name: str
    task: str
    schedule: object
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    last_run_at: datetime | None = None


def schedule_entries(now: datetime | None = None) -> list[Entry]:
    from qalan.celery import app

    now = now or timezone.now()
    entries = []
    for name, spec in sorted(getattr(settings, "CELERY_BEAT_SCHEDULE", {}).items()):
        entries.append(
            Entry(
                name=name,
                task=spec["task"],
                schedule=maybe_schedule(spec["schedule"], app=app),
                args=tuple(spec.get("args", ())),
                kwargs=dict(spec.get("kwargs", {})),
                # Like beat: the first run is one period after start-up.
                last_run_at=now,
            )
        )
    return entries


def run_entry(entry: Entry) -> bool:
    """Run one job in this process (eagerly, whatever the broker settings). False if it failed."""
    from qalan.celery import app

    app.loader.import_default_modules()
    entry.last_run_at = timezone.now()
    try:
        task = app.tasks[entry.task]
    except KeyError:
        logger.error("periodic job %s names an unknown task %s", entry.name, entry.task)
        return False
    result = task.apply(args=entry.args, kwargs=entry.kwargs)
    if result.failed():
        logger.error("periodic job %s failed: %s", entry.name, type(result.result).__name__)
        return False
    logger.info("periodic job %s done", entry.name)
    return True


def run_due(entries: list[Entry]) -> float:
    """Run the due jobs; return how many seconds to wait before the next check."""
    wait = 60.0
    for entry in entries:
        state = entry.schedule.is_due(entry.last_run_at)
        if state.is_due:
            run_entry(entry)
            state = entry.schedule.is_due(entry.last_run_at)
        wait = min(wait, max(state.next, 1.0))
    return wait
