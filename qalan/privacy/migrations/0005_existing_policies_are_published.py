from django.db import migrations
from django.db.models import F


def publish_existing(apps, schema_editor):
    # Versions that existed before drafts did were all public.
    apps.get_model("privacy", "PolicyVersion").objects.filter(published_at__isnull=True).update(published_at=F("created_at"))


class Migration(migrations.Migration):
    dependencies = [("privacy", "0004_policy_publication")]
    operations = [migrations.RunPython(publish_existing, migrations.RunPython.noop)]
