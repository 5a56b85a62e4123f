"""The erasure engine and its contract ``erase_user USERNAME --now`` (P5.1.a, P5.1.b, P1.b)."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from qalan.accounts.models import User
from qalan.audit.models import AuditEvent
from qalan.core import inventory
from qalan.core.inventory import Erasure
from qalan.lifecycle import erasure as engine
from qalan.lifecycle.models import ErasureRun, ErasureStep
from qalan.lifecycle.services import (
    erasure_cancel,
    erasure_execute,
    erasure_run,
    erasure_run_due,
    erasure_schedule,
    legal_hold_place,
)
from tests.conftest import token_for
from tests.lifecycle.conftest import ZHANAR
from tests.lifecycle.seeding import leftovers


def _erase(username, *args):
    out = StringIO()
    call_command("erase_user", username, *args, stdout=out)
    return out.getvalue()


def test_erase_user_now_prints_what_was_deleted_anonymised_and_archived_per_category(alice):
    output = _erase("alice", "--now")

    assert not User.objects.filter(username="alice").exists()
    assert "Erased account alice" in output
    assert "category" in output and "deleted" in output and "archived" in output
    identity = next(line for line in output.splitlines() if line.startswith("identity"))
    assert identity.split()[1] != "0"
    assert "privacy.ConsentRecord: archived 1 row(s)" in output
    assert "accounts.Profile: deleted 1 row(s)" in output


def test_erase_user_refuses_an_unknown_username_and_changes_nothing(alice):
    runs = ErasureRun.objects.count()
    with pytest.raises(CommandError, match="No account with the username 'nobody'"):
        _erase("nobody", "--now")
    assert ErasureRun.objects.count() == runs
    assert User.objects.filter(username="alice").exists()


def test_erase_user_refuses_a_user_under_legal_hold_and_changes_nothing(alice, dpo):
    hold = legal_hold_place(
        actor=dpo, user=alice, reason="Dispute about a paid olympiad", ends_on=timezone.localdate() + timedelta(days=30)
    )
    events = AuditEvent.objects.count()

    with pytest.raises(CommandError, match=f"legal hold until .* \\(hold number #{hold.pk}\\)"):
        _erase("alice", "--now")

    alice.refresh_from_db()
    assert alice.is_active and alice.has_usable_password()
    assert AuditEvent.objects.count() == events
    assert not ErasureRun.objects.filter(user=alice).exists()


def test_erase_user_without_now_respects_the_cool_off_and_now_skips_it(alice):
    first = _erase("alice")
    assert "scheduled for" in first and "--now" in first
    run = ErasureRun.objects.get(user=alice)
    assert run.status == ErasureRun.Status.SCHEDULED and run.not_before > timezone.now()

    with pytest.raises(CommandError, match="cool-off until"):
        _erase("alice")
    with pytest.raises(ValidationError, match="cool-off"):
        erasure_run(user=alice, actor=None, reason="operator")
    assert User.objects.filter(pk=alice.pk).exists()

    _erase("alice", "--now")
    run.refresh_from_db()
    assert run.status == ErasureRun.Status.DONE and run.user is None
    assert not User.objects.filter(pk=alice.pk).exists()


def test_scheduled_erasure_runs_only_after_its_cool_off_and_can_be_cancelled(alice, bob):
    later = erasure_schedule(user=alice, actor=alice, not_before=timezone.now() + timedelta(days=7))
    due = erasure_schedule(user=bob, actor=bob, not_before=timezone.now() - timedelta(minutes=1))
    assert erasure_schedule(user=alice, actor=alice) == later  # scheduling twice: the same run

    assert erasure_run_due() == [due.pk]
    assert not User.objects.filter(pk=bob.pk).exists()
    assert User.objects.filter(pk=alice.pk).exists()

    cancelled = erasure_cancel(user=alice, actor=alice)
    assert cancelled.status == ErasureRun.Status.CANCELLED
    assert erasure_run_due(now=timezone.now() + timedelta(days=8)) == []
    assert User.objects.filter(pk=alice.pk).exists()


def test_erasure_is_idempotent(alice):
    run = erasure_run(user=alice, actor=None, reason="operator")
    steps = list(ErasureStep.objects.filter(run=run).values_list("model", "action", "rows"))

    assert erasure_execute(run_id=run.pk) is None  # a finished run is not run again
    assert list(ErasureStep.objects.filter(run=run).values_list("model", "action", "rows")) == steps
    with pytest.raises(ValidationError, match="no such account"):
        erasure_run(user=alice, actor=None, reason="operator")


def test_a_crashed_erasure_resumes_to_completion(seeded, monkeypatch):
    zhanar, _bolat, _failures = seeded
    real = engine.delete_with_files
    calls = {"n": 0}

    def crash_on_the_fifth_batch(queryset):
        calls["n"] += 1
        if calls["n"] == 5:
            raise ConnectionError("the database went away")
        return real(queryset)

    monkeypatch.setattr(engine, "delete_with_files", crash_on_the_fifth_batch)
    with pytest.raises(ConnectionError):
        erasure_run(user=zhanar, actor=None, reason="crash test", skip_cool_off=True)
    run = ErasureRun.objects.get(user=zhanar, reason="crash test")
    assert run.status == ErasureRun.Status.RUNNING and run.last_error == "ConnectionError"
    done_before = run.steps.filter(done=True).count()
    assert done_before >= 1
    assert not User.objects.get(pk=zhanar.pk).is_active  # locked at once: nobody signs in mid-erasure

    monkeypatch.setattr(engine, "delete_with_files", real)
    assert erasure_run_due() == [run.pk]

    run.refresh_from_db()
    assert run.status == ErasureRun.Status.DONE and run.attempts == 2
    assert leftovers(ZHANAR) == []


def test_a_run_held_by_a_killed_worker_is_resumed_after_its_lease(alice):
    run = erasure_schedule(user=alice, actor=None, not_before=timezone.now())
    ErasureRun.objects.filter(pk=run.pk).update(
        status=ErasureRun.Status.RUNNING, lease_until=timezone.now() + timedelta(minutes=5)
    )
    assert erasure_execute(run_id=run.pk) is None  # another worker owns it
    assert erasure_run_due() == []

    ErasureRun.objects.filter(pk=run.pk).update(lease_until=timezone.now() - timedelta(seconds=1))
    assert erasure_run_due() == [run.pk]
    assert not User.objects.filter(pk=alice.pk).exists()


def test_a_hold_placed_during_a_run_pauses_it_until_released(alice, dpo, monkeypatch):
    from qalan.lifecycle.services import legal_hold_release

    holder = {}
    real = engine._step_execute

    def place_hold_midway(run, record, step, user):
        if not holder and step.label == "notify.OutboxMessage":
            holder["hold"] = legal_hold_place(
                actor=dpo,
                user=user,
                reason="Evidence for a complaint",
                ends_on=timezone.localdate() + timedelta(days=3),
            )
        return real(run, record, step, user)

    monkeypatch.setattr(engine, "_step_execute", place_hold_midway)
    run = erasure_run(user=alice, actor=None, reason="operator")
    assert run.status == ErasureRun.Status.HELD and run.held_by == holder["hold"]
    assert User.objects.filter(pk=alice.pk).exists()
    assert erasure_run_due() == []

    legal_hold_release(actor=dpo, hold=holder["hold"])
    assert erasure_run_due() == [run.pk]
    assert not User.objects.filter(pk=alice.pk).exists()


def test_learning_and_communication_rows_survive_only_anonymised(seeded):
    zhanar, _bolat, _failures = seeded
    kept = {
        d.model: list(d.rows_for(zhanar).values_list("pk", flat=True))
        for d in inventory.declarations()
        if d.erasure == Erasure.ANONYMISE and d.subjects
    }
    assert any(kept.values())

    erasure_run(user=zhanar, actor=None, reason="operator")

    for model, pks in kept.items():
        declaration = inventory.entry_for(model)
        rows = declaration.model_class._default_manager.filter(pk__in=pks)
        assert rows.count() == len(pks), f"{model}: anonymised rows must stay for statistics"
        for link in engine._user_fks(declaration.model_class):
            assert not rows.filter(**{f"{link.name}__isnull": False}).exists(), (
                f"{model}.{link.name} still names a person"
            )


def test_erasure_signs_out_every_device_and_token(alice, client):
    token = token_for(alice)
    client.force_login(alice)
    assert client.get("/accounts/profile/").status_code == 200

    erasure_run(user=alice, actor=None, reason="operator")

    from rest_framework.test import APIClient

    api = APIClient(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert api.get("/api/v1/me").status_code == 401
    response = client.get("/accounts/profile/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_every_declaration_can_be_carried_out_by_the_engine():
    """A declaration that anonymises or scrubs must leave rows that can outlive their person:
    its links to users are nullable (SET_NULL), or erasure could not keep the row."""
    from django.db import models

    problems = []
    for declaration in inventory.declarations():
        if declaration.erasure not in (Erasure.ANONYMISE, Erasure.SCRUB):
            continue
        for link in engine._user_fks(declaration.model_class):
            if declaration.rule_for(link.name) != inventory.FieldRule.KEEP and not link.null:
                problems.append(f"{declaration.model}.{link.name} is not nullable")
            elif link.null and link.remote_field.on_delete is models.CASCADE:
                problems.append(f"{declaration.model}.{link.name} cascades: use on_delete=SET_NULL")
    assert problems == []


def test_erasure_is_audited_without_naming_the_person(alice):
    run = erasure_run(user=alice, actor=None, reason="operator")

    events = AuditEvent.objects.filter(event_type__startswith="erasure.", extra__run=run.pk)
    assert set(events.values_list("event_type", flat=True)) >= {
        "erasure.requested",
        "erasure.started",
        "erasure.completed",
    }
    assert all(e.subject_id is None for e in events)
    assert "alice" not in str(list(events.values_list("extra", flat=True)))


def test_a_privacy_centre_deletion_in_its_cool_off_is_respected_unless_now(alice):
    from qalan.rights.services import account_deletion_request

    account_deletion_request(actor=alice, password="correct-horse-battery-42")

    with pytest.raises(CommandError, match="cool-off until"):
        _erase("alice")
    with pytest.raises(ValidationError, match="cool-off"):
        erasure_run(user=alice, actor=None, reason="operator")
    assert User.objects.filter(pk=alice.pk).exists()

    _erase("alice", "--now")
    assert not User.objects.filter(pk=alice.pk).exists()
