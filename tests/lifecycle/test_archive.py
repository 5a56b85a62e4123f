"""Archive mode (P5.1.c, P5.1.e): no active processing, readable only by the accountant role for
its legal purpose, each read audited; keys rotate."""

from io import StringIO

import pytest
from django.core.management import call_command

from qalan.accounts.models import Role
from qalan.audit.models import AuditEvent
from qalan.lifecycle.models import ArchivedRecord
from qalan.lifecycle.services import erasure_run
from tests.conftest import make_user


@pytest.fixture
def accountant(db):
    return make_user("aigul-accountant", role=Role.ACCOUNTANT)


@pytest.fixture
def archived(alice):
    erasure_run(user=alice, actor=None, reason="operator")
    return ArchivedRecord.objects.filter(model="privacy.ConsentRecord").first()


def test_the_accountant_finds_a_persons_records_by_username_or_phone(client, accountant, archived):
    client.force_login(accountant)
    page = client.get("/archive/", {"person": "ALICE"}).content.decode()
    assert f"/archive/{archived.pk}/" in page
    assert f"/archive/{archived.pk}/" not in client.get("/archive/", {"person": "someone-else"}).content.decode()


def test_reading_a_record_needs_a_purpose_and_is_audited(client, accountant, archived):
    client.force_login(accountant)
    form = client.get(f"/archive/{archived.pk}/").content.decode()
    assert "alice" not in form  # nothing is shown before the purpose is stated

    page = client.post(f"/archive/{archived.pk}/", {"purpose": "tax"}).content.decode()

    assert "alice" in page and "platform" in page
    event = AuditEvent.objects.get(event_type="archive.read")
    assert (event.actor, event.extra) == (accountant, {"record": archived.pk, "purpose": "tax"})


def test_nobody_but_the_accountant_sees_the_archive(client, dpo, bob, archived):
    for person in (dpo, bob):
        client.force_login(person)
        assert client.get("/archive/").status_code == 404
        assert client.post(f"/archive/{archived.pk}/", {"purpose": "tax"}).status_code == 404
    assert not AuditEvent.objects.filter(event_type="archive.read").exists()


def test_archive_read_command_prints_the_record_for_an_accountant_only(accountant, dpo, archived):
    out = StringIO()
    call_command("archive_read", str(archived.pk), "--by", "aigul-accountant", "--purpose", "dispute", stdout=out)
    assert '"username": "alice"' in out.getvalue()
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="accountant role"):
        call_command("archive_read", str(archived.pk), "--by", "dana-dpo", "--purpose", "dispute")


def test_keys_rotate_and_old_records_stay_readable(archived, settings):
    from cryptography.fernet import Fernet

    from qalan.lifecycle.archive import archive_decrypt

    old_keys = list(settings.QALAN_ARCHIVE_KEYS)
    new_key = Fernet.generate_key().decode()
    settings.QALAN_ARCHIVE_KEYS = [new_key, *old_keys]
    assert archive_decrypt(archived.payload)["subject"]["username"] == "alice"

    call_command("archive_rotate_keys", stdout=StringIO())
    settings.QALAN_ARCHIVE_KEYS = [new_key]
    archived.refresh_from_db()
    assert archive_decrypt(archived.payload)["subject"]["username"] == "alice"


def test_payment_like_records_stay_archived_at_least_five_years_then_are_destroyed(alice, monkeypatch):
    """P5.1.c with a model declared as payments are (archive, five years): the fact of extended
    access is taken as that model when it exists, the consent ledger otherwise."""
    import dataclasses
    from datetime import timedelta

    from django.apps import apps
    from django.utils import timezone

    from qalan.core import inventory
    from qalan.core.inventory import Erasure, Retention
    from qalan.lifecycle.retention import retention_run

    label = (
        "learning.Entitlement" if apps.all_models.get("learning", {}).get("entitlement") else "privacy.ConsentRecord"
    )
    original = inventory.entry_for(label)
    payments = dataclasses.replace(original, erasure=Erasure.ARCHIVE, retention=Retention.PAYMENTS_FIVE_YEARS)
    monkeypatch.setitem(inventory._registry.entries, label.lower(), payments)
    if not payments.rows_for(alice).exists():
        from tests.lifecycle.conftest import ZHANAR
        from tests.lifecycle.seeding import Seeder

        Seeder(alice, ZHANAR).seed(payments.model_class)

    erasure_run(user=alice, actor=None, reason="operator")

    record = ArchivedRecord.objects.filter(model=payments.model).first()
    assert record is not None
    assert record.keep_until >= timezone.localdate() + timedelta(days=5 * 365 + 1)
    retention_run(now=timezone.now() + timedelta(days=4 * 365))
    assert ArchivedRecord.objects.filter(pk=record.pk).exists()
    retention_run(now=timezone.now() + timedelta(days=5 * 366 + 2))
    assert not ArchivedRecord.objects.filter(pk=record.pk).exists()
