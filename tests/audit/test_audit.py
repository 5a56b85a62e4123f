"""Audit events are written in the transaction of the change and form a verifiable chain."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from qalan.accounts.models import User
from qalan.accounts.services import profile_update
from qalan.audit.models import AuditEvent
from qalan.audit.services import AuditOutsideTransaction, audit_record, audit_verify_chain

pytestmark = pytest.mark.django_db


def test_registration_is_audited_with_minimal_details(alice):
    event = AuditEvent.objects.get(event_type="account.registered", subject=alice)
    assert event.actor == alice
    assert event.extra == {"role": "student", "channel": "web", "minor": False}
    assert alice.phone not in str(event.extra)


def test_a_failed_change_leaves_no_audit_event(alice):
    before = AuditEvent.objects.count()
    with pytest.raises(ValidationError):
        profile_update(actor=alice, user=alice, data={"grade": 42})
    assert AuditEvent.objects.count() == before


def test_change_and_event_roll_back_together(alice):
    before = AuditEvent.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        profile_update(actor=alice, user=alice, data={"full_name": "Rolled Back"})
        raise RuntimeError("crash after the change")
    assert AuditEvent.objects.count() == before
    alice.profile.refresh_from_db()
    assert alice.profile.full_name == ""


def test_audit_outside_a_transaction_is_refused(alice):
    # Tests run inside a transaction; leave it to reproduce a service that forgot atomic().
    from django.db import connection

    connection.in_atomic_block, saved = False, connection.in_atomic_block
    try:
        with pytest.raises(AuditOutsideTransaction):
            audit_record(actor=alice, event_type="x")
    finally:
        connection.in_atomic_block = saved


def test_chain_verifies_and_detects_tampering(alice, bob, audit_head):
    assert audit_verify_chain() == []
    call_command("audit_verify")
    event = AuditEvent.objects.filter(subject=bob).first()
    AuditEvent.objects.filter(pk=event.pk).update(extra={"role": "admin"})
    problems = audit_verify_chain()
    assert any(f"event {event.pk}" in p for p in problems)
    with pytest.raises(CommandError):
        call_command("audit_verify")


def test_removing_an_event_breaks_the_chain(alice, bob):
    first = AuditEvent.objects.order_by("id").first()
    first.delete()
    assert audit_verify_chain()


def test_scrubbed_events_still_verify(alice, bob, audit_head):
    # Erasure removes people from events through a recorded scrub; the commitments stay.
    from qalan.audit.services import audit_forget_user

    with transaction.atomic():
        audit_forget_user(user=alice)
    assert not AuditEvent.objects.filter(subject=alice).exists()
    assert AuditEvent.objects.filter(event_type="audit.scrubbed").count() == 1
    assert audit_verify_chain() == []
    assert User.objects.filter(pk=alice.pk).exists()


def test_staff_access_to_workspaces_is_recorded_without_the_data(client, dpo, alice):
    from qalan.privacy.services import inquiry_submit

    inquiry_submit(user=alice, name="Alice", contact="alice@example.kz", topic="question", message="Secret question")
    client.force_login(dpo)
    assert client.get("/dpo/requests/").status_code == 200
    event = AuditEvent.objects.filter(event_type="staff.accessed").latest("id")
    assert event.actor == dpo and event.extra["route"] == "rights:dpo_queue" and event.extra["method"] == "GET"
    assert "Secret question" not in str(event.extra)


def test_ordinary_users_pages_are_not_recorded_as_staff_access(client, alice):
    client.force_login(alice)
    client.get("/accounts/profile/")
    client.get("/dpo/requests/")  # 404 for her: nothing to record
    assert not AuditEvent.objects.filter(event_type="staff.accessed").exists()


def test_the_admin_site_records_what_a_superuser_opened(client, db):
    from tests.conftest import make_user

    admin = make_user("root-admin", role="admin")
    victim = make_user("someone")
    client.force_login(admin)
    assert client.get(f"/admin/accounts/user/{victim.pk}/change/").status_code == 200
    event = AuditEvent.objects.filter(event_type="staff.accessed").latest("id")
    assert event.extra["objects"] == {"object_id": str(victim.pk)}
