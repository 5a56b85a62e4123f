"""Erasure is complete (P5.1.a, P5.1.b, P5.1.e): a person seeded into every declared model,
their files and logs included, leaves nothing identifying behind, outside the encrypted archive."""

from pathlib import Path

from django.conf import settings

from qalan.audit.services import audit_verify_chain
from qalan.core import inventory
from qalan.lifecycle.archive import archive_decrypt
from qalan.lifecycle.models import ArchivedRecord, ErasureRun
from qalan.lifecycle.services import erasure_run
from tests.lifecycle.conftest import BOLAT, ZHANAR
from tests.lifecycle.seeding import files_holding, leftovers


def _files_of(user) -> list[str]:
    """Storage paths of every uploaded file in the person's rows, across declared models."""
    from django.db import models

    paths = []
    for declaration in inventory.declarations():
        for model_field in declaration.model_class._meta.concrete_fields:
            if isinstance(model_field, models.FileField):
                for name in declaration.rows_for(user).values_list(model_field.attname, flat=True):
                    if name:
                        paths.append(model_field.storage.path(name))
    return paths


def _rows_per_model(user) -> dict[str, set]:
    return {d.model: set(d.rows_for(user).values_list("pk", flat=True)) for d in inventory.declarations()}


def test_every_declared_model_can_be_seeded_with_a_person(seeded):
    _zhanar, _bolat, failures = seeded
    assert not failures, (
        "These declared models could not be seeded; make the generic seeder fill them or add an entry to "
        f"tests/lifecycle/seeding.py SEED_OVERRIDES: {failures}"
    )


def test_erasure_leaves_no_trace_of_the_person_in_any_table_or_file(seeded):
    zhanar, _bolat, failures = seeded
    assert not failures
    assert leftovers(ZHANAR), "the seeding did not store the person's identifying strings"
    files = _files_of(zhanar)
    assert files and all(Path(path).exists() for path in files), "the seeding stored no file"

    run = erasure_run(user=zhanar, actor=None, reason="completeness test", skip_cool_off=True)

    assert run.status == ErasureRun.Status.DONE
    assert leftovers(ZHANAR) == []
    assert files_holding(ZHANAR, settings.MEDIA_ROOT) == []
    assert [path for path in files if Path(path).exists()] == []
    assert not type(zhanar).objects.filter(pk=zhanar.pk).exists()


def test_erasure_does_not_touch_other_peoples_rows(seeded):
    zhanar, bolat, _failures = seeded
    zhanar_rows = _rows_per_model(zhanar)
    before = {model: rows - zhanar_rows[model] for model, rows in _rows_per_model(bolat).items()}

    erasure_run(user=zhanar, actor=None, reason="bystander test", skip_cool_off=True)

    after = _rows_per_model(bolat)
    lost = {model: rows - after[model] for model, rows in before.items() if rows - after[model]}
    assert lost == {}, f"erasing one person removed rows of another: {lost}"
    assert leftovers(BOLAT), "the bystander's own data must stay"


def test_archive_keeps_the_consent_ledger_encrypted_with_who_it_was_about(seeded):
    zhanar, _bolat, _failures = seeded
    consents = zhanar.consents.count()
    assert consents

    erasure_run(user=zhanar, actor=None, reason="archive test", skip_cool_off=True)

    archived = ArchivedRecord.objects.filter(model="privacy.ConsentRecord")
    assert archived.count() >= consents
    assert all(ZHANAR.username not in record.payload for record in archived)
    content = archive_decrypt(archived.first().payload)
    assert content["subject"]["username"] == ZHANAR.username
    assert content["record"]["purpose"]


def test_audit_chain_still_verifies_after_erasure_and_keeps_the_facts(seeded):
    zhanar, _bolat, _failures = seeded
    from qalan.audit.models import AuditEvent

    registered = AuditEvent.objects.filter(event_type="account.registered", subject=zhanar).count()
    erasure_run(user=zhanar, actor=None, reason="audit test", skip_cool_off=True)

    assert audit_verify_chain() == []
    scrubbed = AuditEvent.objects.filter(event_type="account.registered", scrubbed=True, subject=None, actor=None)
    assert scrubbed.count() >= registered
    assert all(event.extra == {} for event in scrubbed)
