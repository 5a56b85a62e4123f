"""The accountant reads one archived record for a legal purpose (audited)."""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from qalan.lifecycle import selectors, services
from qalan.lifecycle.management.commands._common import command_error, user_by_username
from qalan.lifecycle.models import ArchivePurpose


class Command(BaseCommand):
    help = "Decrypt and print one archived record; only an accountant may, for a stated purpose (audited)."

    def add_arguments(self, parser):
        parser.add_argument("record_id", type=int)
        parser.add_argument("--by", required=True, help="Username of the accountant reading it.")
        parser.add_argument("--purpose", required=True, choices=ArchivePurpose.values)

    def handle(self, *args, record_id, by, purpose, **options):
        viewer = user_by_username(by, role="accountant")
        try:
            record = selectors.archive_record_get(viewer=viewer, record_id=record_id)
            content = services.archive_record_read(viewer=viewer, record=record, purpose=purpose)
        except Http404:
            raise CommandError(f"No archived record #{record_id}.") from None
        except ValidationError as exc:
            raise command_error(exc) from None
        self.stdout.write(json.dumps(content, ensure_ascii=False, indent=2, default=str))
