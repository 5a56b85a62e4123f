"""Celery app: Redis in production; tasks run in-process when no REDIS_URL is set."""

import os

from celery import Celery, Task
from django.db import InterfaceError, OperationalError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qalan.settings")

# The database restarting or failing over: the connection is refused, cut or times out.
DATABASE_AWAY = (OperationalError, InterfaceError)


class QalanTask(Task):
    """Every task is retried while the database is away (a restart, a failover), with backoff up
    to 5 minutes between tries for about half an hour, instead of failing once and leaving its
    work undone (a queued message never sent, a batch of a policy announcement never told).
    The tasks are safe to run again (each says how)."""

    autoretry_for = DATABASE_AWAY
    retry_backoff = True
    retry_backoff_max = 300
    max_retries = 15


app = Celery("qalan", task_cls=QalanTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
