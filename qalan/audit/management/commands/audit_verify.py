from django.core.management.base import BaseCommand, CommandError

from qalan.audit.services import audit_chain_check


class Command(BaseCommand):
    help = (
        "Verify the keyed hash chain of audit events, its scrub records and its head file; "
        "exits non-zero when events were altered, forged, inserted or removed."
    )

    def handle(self, *args, **options):
        report = audit_chain_check()
        for problem in report.problems:
            self.stderr.write(problem)
        if report.problems:
            raise CommandError(
                f"{len(report.problems)} problem(s) in the audit chain ({report.checked} events checked)"
            )
        head = f"head: event {report.head['id']}" if report.head else "no events yet"
        self.stdout.write(f"audit chain intact: {report.checked} events checked ({head})")
