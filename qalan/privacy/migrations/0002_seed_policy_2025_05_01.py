"""Publish the Privacy Policy of 01.05.2025 as the first policy version (P9.1)."""

from datetime import date
from pathlib import Path

from django.db import migrations

TEXT = Path(__file__).resolve().parent.parent / "policies" / "2025-05-01.en.txt"


def publish(apps, schema_editor):
    PolicyVersion = apps.get_model("privacy", "PolicyVersion")
    PolicyVersion.objects.get_or_create(
        version="2025-05-01",
        defaults={
            "last_updated": date(2025, 5, 1),
            "effective_from": date(2025, 5, 1),
            "language": "en",
            "body": TEXT.read_text(encoding="utf-8"),
            "is_material": True,
        },
    )


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_initial")]
    operations = [migrations.RunPython(publish, migrations.RunPython.noop)]
