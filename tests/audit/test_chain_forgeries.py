"""Each way of rewriting the audit chain without its key is caught by ``audit_verify``: an
altered event, an altered actor, subject or details on a scrubbed event, a scrub nobody
recorded, removed events (in the middle or at the end), and appended or forged events."""

import hashlib
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone

from qalan.audit import chain
from qalan.audit.head import head_read
from qalan.audit.models import AuditEvent
from qalan.audit.services import audit_forget_user, audit_record, audit_verify_chain
from tests.audit.conftest import anchor_head
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def _verify_fails(match: str | None = None) -> None:
    with pytest.raises(CommandError):
        call_command("audit_verify")
    if match is not None:
        assert any(match in problem for problem in audit_verify_chain()), audit_verify_chain()


@pytest.fixture
def scrubbed(alice, bob, audit_head):
    """Alice's events after a recorded scrub: one of them (alice acts on bob) keeps bob."""
    with transaction.atomic():
        shared = audit_record(actor=alice, subject=bob, event_type="link.created", extra={"link": 1})
        audit_forget_user(user=alice)
    anchor_head()
    shared.refresh_from_db()
    assert shared.actor_id is None and shared.subject_id == bob.pk and shared.scrubbed
    assert audit_verify_chain() == []
    return shared


def test_a_clean_chain_verifies_and_says_how_many_events_it_checked(alice, bob, audit_head, capsys):
    call_command("audit_verify")
    out = capsys.readouterr().out
    assert f"{AuditEvent.objects.count()} events checked" in out


def test_an_empty_chain_verifies(db, capsys):
    AuditEvent.objects.all().delete()
    call_command("audit_verify")
    assert "0 events checked" in capsys.readouterr().out


def test_an_altered_actor_on_a_scrubbed_event_is_caught(scrubbed, bob):
    AuditEvent.objects.filter(pk=scrubbed.pk).update(actor=bob)
    _verify_fails(f"event {scrubbed.pk}: actor was changed after the event was scrubbed")


def test_an_altered_subject_on_a_scrubbed_event_is_caught(scrubbed, alice):
    AuditEvent.objects.filter(pk=scrubbed.pk).update(subject=alice)
    _verify_fails(f"event {scrubbed.pk}: subject was changed")


def test_altered_details_on_a_scrubbed_event_are_caught(scrubbed):
    AuditEvent.objects.filter(pk=scrubbed.pk).update(extra={"link": 2, "role": "admin"})
    _verify_fails(f"event {scrubbed.pk}: extra was changed after the event was scrubbed")


def test_removing_a_field_the_scrub_kept_is_caught(scrubbed):
    # The scrub removed alice (the actor), not bob: emptying the subject needs its own record.
    AuditEvent.objects.filter(pk=scrubbed.pk).update(subject=None)
    _verify_fails(f"event {scrubbed.pk}: subject was emptied without a scrub record")


def test_marking_an_event_scrubbed_does_not_hide_a_forged_actor(alice, bob, audit_head):
    # The old hole: scrubbed=True made the verifier skip the content.
    event = AuditEvent.objects.filter(subject=bob).first()
    AuditEvent.objects.filter(pk=event.pk).update(scrubbed=True, actor=alice, extra={"role": "admin"})
    _verify_fails(f"event {event.pk}: actor was changed")


def test_an_unrecorded_scrub_is_caught(alice, audit_head):
    event = AuditEvent.objects.filter(subject=alice).first()
    AuditEvent.objects.filter(pk=event.pk).update(actor=None, subject=None, extra={}, scrubbed=True)
    _verify_fails(f"event {event.pk}: subject was emptied without a scrub record")


@pytest.mark.parametrize(
    "change",
    [
        {"event_type": "account.deleted"},
        {"created_at": timezone.now()},
        {"extra": {"role": "admin"}},
        {"actor_digest": "0" * 64},
        {"key_id": "other"},
    ],
    ids=["type", "time", "details", "commitment", "key-id"],
)
def test_an_altered_event_is_caught(alice, bob, audit_head, change):
    event = AuditEvent.objects.filter(subject=bob).first()
    AuditEvent.objects.filter(pk=event.pk).update(**change)
    _verify_fails(f"event {event.pk}")


def test_deleting_the_last_events_is_caught_by_the_head(alice, bob, audit_head):
    last = AuditEvent.objects.order_by("-id").first()
    AuditEvent.objects.filter(pk=last.pk).delete()
    assert audit_verify_chain() != []
    _verify_fails(f"the audit head names event {last.pk}, which the chain does not hold")


def test_a_missing_head_file_fails_while_there_are_events(alice, audit_head, settings):
    settings.QALAN_AUDIT_HEAD_FILE = settings.QALAN_AUDIT_HEAD_FILE.with_name("elsewhere.json")
    _verify_fails("no audit head")


def test_a_head_that_disagrees_with_its_event_is_caught(alice, audit_head, settings):
    head = head_read()
    settings.QALAN_AUDIT_HEAD_FILE.write_text(json.dumps({"id": head["id"], "hash": "f" * 64}))
    _verify_fails(f"event {head['id']}: its hash differs from the one the audit head recorded")


def test_deleting_an_event_in_the_middle_is_caught(alice, bob, audit_head):
    events = list(AuditEvent.objects.order_by("id"))
    middle = events[len(events) // 2]
    AuditEvent.objects.filter(pk=middle.pk).delete()
    _verify_fails("does not follow the event before it")


def _forge(*, prev: AuditEvent, key: bytes, event_type="role.changed", extra=None, subject=None) -> AuditEvent:
    """An event appended by someone with write access to the table and a key of their own."""
    created_at = timezone.now()
    values = {"actor": None, "subject": getattr(subject, "pk", None), "extra": extra or {"role": "admin"}}
    digests = tuple(chain.field_digest(key, prev_hash=prev.hash, name=n, value=values[n]) for n in chain.COVERED_FIELDS)
    return AuditEvent.objects.create(
        created_at=created_at,
        actor_id=None,
        subject_id=values["subject"],
        event_type=event_type,
        extra=values["extra"],
        key_id=prev.key_id,
        actor_digest=digests[0],
        subject_digest=digests[1],
        extra_digest=digests[2],
        prev_hash=prev.hash,
        hash=chain.event_hash(
            key, key_id=prev.key_id, prev_hash=prev.hash, created_at=created_at, event_type=event_type, digests=digests
        ),
    )


def test_an_appended_event_with_a_made_up_hash_is_caught(alice, audit_head):
    last = AuditEvent.objects.order_by("-id").first()
    # The unkeyed SHA-256 of the old chain: anyone could compute it.
    material = "|".join([last.hash, timezone.now().isoformat(), "role.changed", "x"])
    forged = AuditEvent.objects.create(
        created_at=timezone.now(),
        event_type="role.changed",
        subject=alice,
        extra={"role": "admin"},
        key_id=last.key_id,
        actor_digest=hashlib.sha256(b"a").hexdigest(),
        subject_digest=hashlib.sha256(b"s").hexdigest(),
        extra_digest=hashlib.sha256(b"e").hexdigest(),
        prev_hash=last.hash,
        hash=hashlib.sha256(material.encode()).hexdigest(),
    )
    _verify_fails(f"event {forged.pk}: its hash does not match")


def test_an_appended_event_sealed_with_a_guessed_key_is_caught(alice, audit_head):
    forged = _forge(prev=AuditEvent.objects.order_by("-id").first(), key=b"guessed", subject=alice)
    _verify_fails(f"event {forged.pk}: its hash does not match")


def test_a_forged_scrub_record_does_not_excuse_an_emptied_event(alice, bob, audit_head):
    target = AuditEvent.objects.filter(subject=bob).first()
    AuditEvent.objects.filter(pk=target.pk).update(actor=None, subject=None, extra={})
    forged = _forge(
        prev=AuditEvent.objects.order_by("-id").first(),
        key=b"guessed",
        event_type="audit.scrubbed",
        extra={"events": {str(target.pk): ["actor", "subject", "extra"]}},
    )
    problems = audit_verify_chain()
    assert any(f"event {forged.pk}: its hash" in p for p in problems)
    assert any(f"event {target.pk}: subject was emptied without a scrub record" in p for p in problems)


def test_the_right_key_verifies_what_it_sealed(alice, audit_head, settings):
    # Control for the two tests above: the same forgery with the real key passes, so it is
    # the key (not some other detail of the forged row) that the verifier relies on.
    forged = _forge(prev=AuditEvent.objects.order_by("-id").first(), key=chain.key_for(chain.current_key_id()))
    anchor_head()
    assert audit_verify_chain() == []
    assert forged.pk


def test_a_user_deleted_outside_erasure_leaves_a_verifiable_chain(alice, bob, audit_head):
    carol = make_user("carol")
    with transaction.atomic():
        link = audit_record(actor=carol, subject=bob, event_type="link.created", extra={"link": 3})
    anchor_head()
    carol.delete()
    scrub = AuditEvent.objects.filter(event_type="audit.scrubbed").latest("id")
    assert scrub.extra["events"][str(link.pk)] == ["actor"]
    link.refresh_from_db()
    assert link.actor_id is None and link.subject_id == bob.pk
    assert audit_verify_chain() == []


def test_keys_rotate_and_old_events_verify_with_the_old_key(alice, audit_head, settings):
    old_id = chain.current_key_id()
    settings.QALAN_AUDIT_KEYS = {**settings.QALAN_AUDIT_KEYS, "k2": "a-new-key-for-the-rotation-test-0123456789"}
    settings.QALAN_AUDIT_KEY_ID = "k2"
    with transaction.atomic():
        event = audit_record(actor=alice, event_type="after.rotation")
    anchor_head()
    assert event.key_id == "k2"
    assert audit_verify_chain() == []
    settings.QALAN_AUDIT_KEYS = {"k2": settings.QALAN_AUDIT_KEYS["k2"]}
    _verify_fails(f"key {old_id!r}")


def test_audit_record_costs_one_read_and_one_insert(alice, django_assert_num_queries):
    from django.db import connection

    # PostgreSQL also takes the chain's advisory lock (SQLite serialises writes itself).
    with transaction.atomic(), django_assert_num_queries(3 if connection.vendor == "postgresql" else 2):
        audit_record(actor=alice, subject=alice, event_type="x.happened", extra={"n": 1})


def test_the_head_follows_each_commit(alice, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        event = audit_record(actor=alice, event_type="x.happened")
    assert head_read() == {"id": event.pk, "hash": event.hash}
    # An older event's late callback never moves the head back.
    from qalan.audit.head import head_advance

    head_advance(event.pk - 1, "0" * 64)
    assert head_read()["id"] == event.pk


def test_extra_is_stored_as_it_reads_back(alice, audit_head):
    with transaction.atomic():
        event = audit_record(actor=alice, event_type="x.happened", extra={"ids": (1, 2), 3: timezone.now().date()})
    anchor_head()
    assert AuditEvent.objects.get(pk=event.pk).extra == event.extra
    assert audit_verify_chain() == []


def test_the_head_can_be_reset_only_on_a_chain_that_verifies(alice, audit_head, settings, capsys):
    last = AuditEvent.objects.order_by("-id").first()
    AuditEvent.objects.filter(pk=last.pk).delete()  # a restore that lost the newest event
    _verify_fails("events were removed from the end")
    call_command("audit_head", "--reset")
    assert AuditEvent.objects.filter(event_type="audit.head_reset").exists()
    assert audit_verify_chain() == []
    AuditEvent.objects.filter(pk=AuditEvent.objects.order_by("id").first().pk).update(event_type="forged")
    with pytest.raises(CommandError, match="does not verify"):
        call_command("audit_head", "--reset")
