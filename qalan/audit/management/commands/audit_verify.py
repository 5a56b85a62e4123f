from django.core.management.base import BaseCommand, CommandError

from qalan.audit.services import audit_verify_chain


class Command(BaseCommand):
    help = "Verify the hash chain of audit events; exits non-zero when it was tampered with."

    def handle(self, *args, **options):
        problems = audit_verify_chain()
        for problem in problems:
            self.stderr.write(problem)
        if problems:
            raise CommandError(f"{len(problems)} problem(s) in the audit chain")
        self.stdout.write("audit chain intact")
