"""Celery app: Redis in production; tasks run in-process when no REDIS_URL is set."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qalan.settings")

app = Celery("qalan")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
