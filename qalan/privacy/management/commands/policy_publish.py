from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from qalan.privacy.models import PolicyVersion
from qalan.privacy.services import policy_publish


class Command(BaseCommand):
    help = "Publish a draft Privacy Policy version; a material one is announced to every user."

    def add_arguments(self, parser):
        parser.add_argument("version")

    def handle(self, *args, version, **options):
        policy = PolicyVersion.objects.filter(version=version).first()
        if policy is None:
            raise CommandError(f"No policy version {version!r}. Create the draft in the admin first.")
        try:
            policy_publish(actor=None, policy=policy)
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None
        kind = "material: users are being notified" if policy.is_material else "minor"
        self.stdout.write(f"published {policy.version} ({kind}), takes effect {policy.effective_from.isoformat()}")
