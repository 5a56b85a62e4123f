"""Messages queued before ``OutboxMessage.about`` existed: link each to the other people its
subject or body names (by username or full name), so that their erasure reaches it."""

from django.db import migrations
from django.db.models import Q

MIN_LENGTH = 4


def backfill(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    Profile = apps.get_model("accounts", "Profile")
    OutboxMessage = apps.get_model("notify", "OutboxMessage")
    Through = OutboxMessage.about.through
    names = dict(Profile.objects.exclude(full_name="").values_list("user_id", "full_name"))
    for user_id, username in User.objects.values_list("pk", "username").iterator():
        values = [v for v in (username, names.get(user_id, "").strip()) if len(v) >= MIN_LENGTH]
        if not values:
            continue
        condition = Q(pk__in=[])
        for value in values:
            condition |= Q(body__icontains=value) | Q(subject__icontains=value)
        messages = OutboxMessage.objects.filter(condition).exclude(user_id=user_id).values_list("pk", flat=True)
        Through.objects.bulk_create(
            [Through(outboxmessage_id=pk, user_id=user_id) for pk in messages.iterator()], ignore_conflicts=True
        )


class Migration(migrations.Migration):
    dependencies = [
        ("notify", "0003_outboxmessage_about"),
        ("accounts", "0005_alter_user_phone"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
