"""Load the shipped content: the learning tasks (grades 4-7) and the trainer's data files."""

from collections import defaultdict

from django.core.management.base import BaseCommand, CommandError

from qalan.learning.content import content_load
from qalan.trainer.content.loader import load_all


class Command(BaseCommand):
    help = (
        "Load the shipped mathematics content: the learning topics and tasks, and the trainer's chapters, "
        "skills and templates from qalan/trainer/content/data (idempotent; safe in production)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Validate the trainer data files only; write nothing.")
        parser.add_argument(
            "--overwrite", action="store_true", help="Replace rows edited in the database with the files' version."
        )

    def handle(self, *args, check=False, overwrite=False, **options):
        collection = load_all()
        for error in collection.errors:
            self.stderr.write(f"error: {error}")
        if check:
            self.stdout.write(f"checked {len(collection.files)} files: {len(collection.errors)} errors")
            if collection.errors:
                raise CommandError(f"{len(collection.errors)} errors in the content files")
            return
        counts = content_load()
        self.stdout.write("learning content: " + ", ".join(f"{n} {what}" for what, n in counts.items()))
        from qalan.trainer.content.sync import sync

        report = sync(collection, overwrite=overwrite)
        by_grade = defaultdict(dict)
        for (grade, what), n in sorted(report.counts.items()):
            by_grade[grade][what] = n
        for grade, parts in sorted(by_grade.items()):
            changed = {w: n for w, n in parts.items() if not w.endswith("unchanged")}
            text = ", ".join(f"{n} {w}" for w, n in changed.items()) if changed else "unchanged"
            self.stdout.write(f"grade {grade}: {text}")
        for line in report.conflicts:
            self.stdout.write(f"conflict: {line}")
        for line in report.deactivated:
            self.stdout.write(f"deactivated: {line}")
        if not any(not w.endswith("unchanged") for (_g, w) in report.counts) and not report.deactivated:
            self.stdout.write("trainer content: unchanged")
        from qalan.learning.legacy import legacy_attempts_import

        self.stdout.write(f"history: {legacy_attempts_import()} earlier practice answers carried into the trainer")
        if collection.errors:
            bad = sorted({e.file for e in collection.errors})
            raise CommandError(f"{len(collection.errors)} errors; not loaded: {', '.join(bad)}")
