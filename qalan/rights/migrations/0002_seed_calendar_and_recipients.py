"""Seed the transferred days of the government's decrees and the platform's own recipients.

Transferred days (Labour Code art. 85 p. 3; five-day week). The ``holidays`` package already
knows the moved days off up to 2025 but not the Saturdays and Sundays that became working days,
so both halves of each transfer are stored here. 2026: the published calendar shows only the
statutory carry-overs of holidays falling on a weekend (which the package computes), and no
decree moving a day; the operator adds any later decree in the admin.
"""

from datetime import date

from django.db import migrations

TRANSFERS = [
    # (day off, working day, decree)
    (date(2023, 7, 7), date(2023, 7, 1), "Government Decree No. 326 of 2023 (Capital Day)"),
    (date(2024, 5, 8), date(2024, 5, 4), "Government Decree No. 109 of 2024 (Defender of the Fatherland and Victory days)"),
    (date(2025, 1, 3), date(2025, 1, 5), "Government Decree No. 436 of 2024 (New Year 2025)"),
]

RECIPIENTS = [
    {
        "slug": "hosting",
        "name": "Hosting provider (data centre in Kazakhstan)",
        "kind": "provider",
        "purpose": "Stores the platform's databases, files and backups; acts only on our instructions.",
        "country": "KZ",
        "agreement": "Data processing agreement",
    },
    {
        "slug": "sms_provider",
        "name": "SMS gateway",
        "kind": "provider",
        "purpose": "Delivers SMS: recovery codes and service notices (phone number and message text).",
        "country": "KZ",
        "agreement": "Data processing agreement",
    },
    {
        "slug": "email_provider",
        "name": "E-mail delivery provider",
        "kind": "provider",
        "purpose": "Delivers e-mail: codes, notices and answers to requests (address and message text).",
        "country": "KZ",
        "agreement": "Data processing agreement",
    },
    {
        "slug": "payment_gateway",
        "name": "Bank and payment gateway",
        "kind": "payment",
        "purpose": "Processes payments for extended access: name, amount and card details (5.4).",
        "country": "KZ",
        "agreement": "Acquiring agreement",
    },
    {
        "slug": "authorities",
        "name": "Competent state bodies (on a lawful request)",
        "kind": "authority",
        "purpose": "Lawful requests of competent authorities: the minimum data the law requires (4.4, 5.4).",
        "country": "KZ",
        "agreement": "",
    },
]


def seed(apps, schema_editor):
    TransferredDay = apps.get_model("rights", "TransferredDay")
    Recipient = apps.get_model("rights", "Recipient")
    for day_off, working_day, decree in TRANSFERS:
        TransferredDay.objects.get_or_create(date=day_off, defaults={"kind": "day_off", "decree": decree})
        TransferredDay.objects.get_or_create(date=working_day, defaults={"kind": "working_day", "decree": decree})
    for row in RECIPIENTS:
        Recipient.objects.get_or_create(slug=row["slug"], defaults=row)


class Migration(migrations.Migration):
    dependencies = [("rights", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
