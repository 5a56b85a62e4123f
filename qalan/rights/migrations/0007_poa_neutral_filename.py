"""Stored powers of attorney lose the uploaded file's name (it often carried a person's name);
the new name says only what the document is."""

from django.db import migrations

EXTENSIONS = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}


def forwards(apps, schema_editor):
    PowerOfAttorney = apps.get_model("rights", "PowerOfAttorney")
    for content_type, extension in EXTENSIONS.items():
        PowerOfAttorney.objects.filter(content_type=content_type).update(filename="power-of-attorney" + extension)
    PowerOfAttorney.objects.exclude(content_type__in=EXTENSIONS).update(filename="power-of-attorney")


class Migration(migrations.Migration):
    dependencies = [("rights", "0006_breach_register")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
