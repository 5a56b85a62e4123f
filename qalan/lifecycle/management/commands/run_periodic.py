"""Run the periodic jobs of CELERY_BEAT_SCHEDULE in this process (``make run`` starts it)."""

import os
import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from qalan.lifecycle.periodic import run_due, run_entry, schedule_entries


class Command(BaseCommand):
    help = "Run the periodic jobs (settings.CELERY_BEAT_SCHEDULE) in-process, like Celery beat without Redis."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run every job once now, then exit.")

    def handle(self, *args, **options):
        entries = schedule_entries()
        if options["once"]:
            failed = [entry.name for entry in entries if not run_entry(entry)]
            for entry in entries:
                self.stdout.write(f"{entry.name}: {'failed' if entry.name in failed else 'done'}")
            if failed:
                raise SystemExit(1)
            return
        self.stdout.write(f"Running {len(entries)} periodic job(s): {', '.join(e.name for e in entries)}")
        stop = []
        signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
        parent = os.getppid()
        while not stop:
            # A long-lived process: drop connections the database closed meanwhile (like a worker).
            close_old_connections()
            wait = run_due(entries)
            close_old_connections()
            # Stop with the process that started us (make run's shell), even if it could not
            # signal us: the parent changes when it exits.
            deadline = time.monotonic() + wait
            while not stop and time.monotonic() < deadline:
                if os.getppid() != parent:
                    return
                time.sleep(min(1.0, max(deadline - time.monotonic(), 0)))
