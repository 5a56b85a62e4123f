"""Re-encrypt the archive under the newest key of QALAN_ARCHIVE_KEYS (after adding a key first)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from qalan.lifecycle.archive import archive_reencrypt
from qalan.lifecycle.models import ArchivedRecord


class Command(BaseCommand):
    help = "Re-encrypt every archived record with the first key of QALAN_ARCHIVE_KEYS; then old keys can go."

    def handle(self, *args, **options):
        count = 0
        ids = list(ArchivedRecord.objects.values_list("pk", flat=True))
        for start in range(0, len(ids), 500):
            with transaction.atomic():
                records = list(ArchivedRecord.objects.select_for_update().filter(pk__in=ids[start : start + 500]))
                for record in records:
                    record.payload = archive_reencrypt(record.payload)
                ArchivedRecord.objects.bulk_update(records, ["payload"])
                count += len(records)
        self.stdout.write(f"Re-encrypted {count} archived record(s) under the newest key.")
