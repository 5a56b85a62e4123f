"""Run the periodic security self-test now and print its result (the Celery beat task
``rights-security-selftest`` does the same every day); exits non-zero on a finding."""

from django.core.management.base import BaseCommand, CommandError

from qalan.rights.security import security_selftest_run


class Command(BaseCommand):
    help = "Run the security self-test (deployment checks, security headers, last dependency audit) and record it."

    def handle(self, *args, **options):
        selftest = security_selftest_run()
        for name, status in selftest.checks.items():
            self.stdout.write(f"{name}: {status}")
        for line in selftest.finding_lines:
            self.stdout.write(f"    {line}")
        if not selftest.ok:
            raise CommandError(f"security self-test #{selftest.pk} found problems")
        self.stdout.write(f"security self-test #{selftest.pk}: ok")
