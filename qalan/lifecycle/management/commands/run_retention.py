"""Apply the retention rules once: ``run_retention [--dry-run]``."""

from django.core.management.base import BaseCommand

from qalan.lifecycle.retention import retention_rules, retention_run


class Command(BaseCommand):
    help = (
        "Apply the retention rules of the data inventory once: delete or anonymise expired rows in batches, "
        "shorten old IP addresses, destroy archive records past their period, notify and erase inactive "
        "accounts; write destruction records. Legal holds are respected."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only report what would happen; change nothing.")
        parser.add_argument("--rules", action="store_true", help="List the rules in force and exit.")

    def handle(self, *args, dry_run, rules, **options):
        if rules:
            for rule in retention_rules():
                self.stdout.write(
                    f"{rule.name:22} {rule.declaration.model:32} {rule.action:10} older than {rule.cutoff:%Y-%m-%d %H:%M}"
                )
            return
        report = retention_run(dry_run=dry_run)
        verb = "would" if dry_run else "did"
        self.stdout.write(f"{'rule':22} {'model':32} {'action':16} {'count':>8} {'held':>6}")
        for outcome in report.outcomes:
            if outcome.count or outcome.held:
                self.stdout.write(
                    f"{outcome.rule:22} {outcome.model:32} {outcome.action:16} {outcome.count:8} {outcome.held:6}"
                )
        self.stdout.write(
            self.style.SUCCESS(
                f"Retention {verb} act on {report.total} row(s)." + (" Dry run: nothing changed." if dry_run else "")
            )
        )
