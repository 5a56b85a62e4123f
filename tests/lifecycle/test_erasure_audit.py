"""Erasure scrubs the person's audit events through chained ``audit.scrubbed`` records, end to
end (issue 13, A1/A2): after erasing a child who used Qalan through the services,
``audit_verify`` passes and the scrubbed events hold nothing of the child; forging a scrubbed
event's actor, subject or details afterwards, or deleting a scrub record, makes it fail."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Q

from qalan.audit.models import AuditEvent
from qalan.audit.services import audit_verify_chain
from qalan.core import inventory
from qalan.lifecycle.models import ErasureRun
from qalan.lifecycle.services import erasure_run
from tests.audit.conftest import anchor_head
from tests.lifecycle.test_erasure_reach import CHILD, CHILD_WORDS, world  # noqa: F401  (the fixture)


@pytest.fixture
def erased(world):  # noqa: F811
    """The child's audit events (ids) before the erasure, and the world after it."""
    child = world["child"]
    values = [v.lower() for v in inventory.identifiers(child)]
    events = list(AuditEvent.objects.filter(Q(actor=child) | Q(subject=child)).values_list("pk", flat=True))
    assert len(events) >= 10, "the services audited the child's actions"
    run = erasure_run(user=child, actor=None, reason="audit end to end", skip_cool_off=True)
    assert run.status == ErasureRun.Status.DONE
    # The test's transaction never commits, so the after-commit head writes are done here.
    anchor_head()
    return {"world": world, "events": events, "child_id": child.pk, "values": values}


def _verify_fails() -> None:
    with pytest.raises(CommandError):
        call_command("audit_verify")
    assert audit_verify_chain() != []


def test_after_erasure_the_chain_verifies_and_the_scrubbed_events_hold_nothing_of_the_child(erased, capsys):
    call_command("audit_verify")
    assert "audit chain intact" in capsys.readouterr().out

    events = AuditEvent.objects.filter(pk__in=erased["events"])
    assert events.count() == len(erased["events"]), "the facts stay"
    assert all(event.scrubbed for event in events)
    assert not events.filter(Q(actor_id=erased["child_id"]) | Q(subject_id=erased["child_id"])).exists()
    for event in events:
        text = json.dumps([event.event_type, event.extra], ensure_ascii=False).lower()
        assert not [v for v in erased["values"] if v in text], f"event {event.pk} still names the child"
    # Each of them is named by a scrub record of the chain, which itself names nobody.
    named = set()
    for record in AuditEvent.objects.filter(event_type="audit.scrubbed"):
        assert record.actor_id is None and record.subject_id is None
        named |= {int(pk) for pk in record.extra["events"]}
        text = json.dumps(record.extra, ensure_ascii=False).lower()
        assert not [v for v in (*erased["values"], *(w.lower() for w in CHILD_WORDS), CHILD.email) if v in text]
    assert set(erased["events"]) <= named


def _a_scrubbed_event_of_the_child_acting_on_the_teacher(erased):
    teacher = erased["world"]["teacher"]
    event = AuditEvent.objects.filter(pk__in=erased["events"], subject=teacher, actor=None).first()
    assert event is not None, "the child's message to the teacher is audited with the teacher as subject"
    return event


@pytest.mark.parametrize("forged", ["actor", "subject", "extra"])
def test_forging_a_scrubbed_event_after_erasure_fails_verification(erased, forged):
    parent = erased["world"]["parent"]
    emptied = AuditEvent.objects.filter(
        pk__in=erased["events"], **{f"{forged}__isnull": True} if forged != "extra" else {}
    )
    event = emptied.order_by("pk").first()
    assert event is not None
    AuditEvent.objects.filter(pk=event.pk).update(
        **{forged: {"note": "made up afterwards"} if forged == "extra" else parent}
    )
    _verify_fails()


def test_swapping_the_person_a_scrub_kept_fails_verification(erased):
    event = _a_scrubbed_event_of_the_child_acting_on_the_teacher(erased)
    AuditEvent.objects.filter(pk=event.pk).update(subject=erased["world"]["parent"])
    _verify_fails()


@pytest.mark.parametrize("which", ["first", "last"])
def test_deleting_a_scrub_record_fails_verification(erased, which):
    records = AuditEvent.objects.filter(event_type="audit.scrubbed").order_by("pk")
    assert records.exists()
    record = records.first() if which == "first" else records.last()
    AuditEvent.objects.filter(pk=record.pk).delete()
    _verify_fails()
