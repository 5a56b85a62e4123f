"""Create the demo accounts of the contract (idempotent; refused in production)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from qalan.accounts.models import Role, TOTPDevice, User
from qalan.accounts.services import otp_enrol_with_secret, otp_required, user_register, user_set_role
from qalan.core.consent import ConsentChannel
from qalan.privacy.services import guardian_consent_confirm

# Bandit B105: the published demo password; refused in production.
DEMO_PASSWORD = "qalan-demo-2025"  # nosec B105

# username, role, phone, full name, grade, age. Order matters: demo-parent consents for
# demo-student (12, under the consent age); demo-student2 (15) consents alone.
DEMO_ACCOUNTS = [
    ("demo-teacher", Role.TEACHER, "+77010000003", "Gulnara Demo", None, None),
    ("demo-parent", Role.PARENT, "+77010000004", "Saule Demo", None, None),
    ("demo-student", Role.STUDENT, "+77010000001", "Aruzhan Demo", 6, 12),
    ("demo-student2", Role.STUDENT, "+77010000002", "Timur Demo", 6, 15),
    ("demo-dpo", Role.DPO, "+77010000005", "Data Protection Officer (demo)", None, None),
    ("demo-support", Role.SUPPORT, "+77010000006", "Support (demo)", None, None),
    ("demo-admin", Role.ADMIN, "+77010000007", "Administrator (demo)", None, None),
]


class Command(BaseCommand):
    help = "Create the demo school's accounts (password qalan-demo-2025). Never runs in production."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError(
                "seed_demo refuses to run in production (QALAN_ENV=production): demo accounts have a public password."
            )
        created = 0
        with transaction.atomic():
            for username, role, phone, full_name, grade, age in DEMO_ACCOUNTS:
                if User.objects.filter(username__iexact=username).exists():
                    self._enrol_staff(User.objects.get(username__iexact=username))
                    continue
                self_service = role in (Role.STUDENT, Role.TEACHER, Role.PARENT)
                today = timezone.localdate()
                birth_date = today.replace(year=today.year - age, day=1) if age else None
                minor = bool(age) and age < settings.QALAN_GUARDIAN_CONSENT_AGE
                parent = User.objects.get(username="demo-parent") if minor else None
                user = user_register(
                    username=username,
                    phone=phone,
                    password=DEMO_PASSWORD,
                    role=role if self_service else Role.STUDENT,
                    consent=True,
                    channel=ConsentChannel.OPERATOR,
                    evidence={"source": "seed_demo"},
                    birth_date=birth_date,
                    guardian_contact=parent.phone if parent else "",
                    guardian_agreed=minor,
                )
                if minor:
                    guardian_consent_confirm(
                        request=user.guardian_requests.get(),
                        guardian_name="Saule Demo",
                        relationship="parent",
                        consent=True,
                        guardian=parent,
                    )
                if not self_service:
                    user_set_role(actor=None, user=user, role=role)
                user.profile.full_name = full_name
                user.profile.grade = grade
                user.profile.school = "Qalan Demo School" if role in (Role.STUDENT, Role.TEACHER) else ""
                user.profile.save()
                self._enrol_staff(user)
                created += 1
        self.stdout.write(f"demo accounts: {created} created, {len(DEMO_ACCOUNTS) - created} already present")

    def _enrol_staff(self, user: User) -> None:
        """Staff need two-factor sign-in: the demo staff share the public demo secret
        (settings.QALAN_DEMO_OTP_SECRET; `manage.py otp_code USERNAME` prints the code)."""
        if otp_required(user) and not TOTPDevice.objects.filter(user=user, confirmed_at__isnull=False).exists():
            otp_enrol_with_secret(actor=None, user=user, secret=settings.QALAN_DEMO_OTP_SECRET)
