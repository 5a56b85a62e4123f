"""Retention sweeps (P4.6, P5.1.a, P5.1.d, P5.1.e): rules from the inventory, batches, holds,
dry run, destruction records, and start-up refusal of rules that break the policy."""

import os
import subprocess
import sys
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from qalan.accounts.models import DeviceSession, RecoveryCode, User
from qalan.core import inventory
from qalan.core.inventory import RETENTION_DEFAULT_DAYS, retention_clock
from qalan.lifecycle.models import ArchivedRecord, DestructionRecord, ErasureRun, InactivityNotice, RequestLog
from qalan.lifecycle.retention import retention_rules, retention_run
from qalan.lifecycle.services import erasure_run_due, legal_hold_place
from qalan.notify.models import OutboxMessage
from qalan.privacy.models import Inquiry

ROOT = Path(__file__).resolve().parents[2]


def _log(days_old: int, **fields) -> RequestLog:
    return RequestLog.objects.create(
        created_at=timezone.now() - timedelta(days=days_old),
        method="GET",
        route="me",
        status=200,
        duration_ms=3,
        **fields,
    )


def _old_message(user, days_old: int) -> OutboxMessage:
    message = OutboxMessage.objects.create(user=user, channel="inapp", body="hello", status="sent")
    OutboxMessage.objects.filter(pk=message.pk).update(created_at=timezone.now() - timedelta(days=days_old))
    return message


def test_server_logs_older_than_a_year_are_deleted_and_younger_ones_kept(db):
    old, young = _log(366), _log(300)

    retention_run()

    assert not RequestLog.objects.filter(pk=old.pk).exists()
    assert RequestLog.objects.filter(pk=young.pk).exists()


def test_destruction_records_name_rule_model_count_and_date_never_the_person(alice):
    _old_message(alice, 400)
    _old_message(alice, 500)

    retention_run()

    record = DestructionRecord.objects.get(model="notify.OutboxMessage")
    assert (record.rule, record.action, record.count) == ("logs_one_year", "deleted", 2)
    assert record.recorded_at and record.cutoff
    assert not any(f.is_relation for f in DestructionRecord._meta.concrete_fields)
    assert "alice" not in str(DestructionRecord.objects.values_list())


def test_dry_run_reports_and_changes_nothing(db):
    old = _log(400)
    out = StringIO()

    call_command("run_retention", "--dry-run", stdout=out)

    assert RequestLog.objects.filter(pk=old.pk).exists()
    assert not DestructionRecord.objects.exists()
    assert "lifecycle.RequestLog" in out.getvalue() and "Dry run: nothing changed" in out.getvalue()


def test_run_retention_command_deletes_and_reports(db):
    _log(400)
    out = StringIO()
    call_command("run_retention", stdout=out)
    assert "Retention did act on 1 row(s)" in out.getvalue()
    assert not RequestLog.objects.exists()


def test_retention_works_in_short_batches(db, settings):
    settings.QALAN_LIFECYCLE_BATCH_SIZE = 2
    for _ in range(5):
        _log(400)

    retention_run()

    record = DestructionRecord.objects.get(model="lifecycle.RequestLog", action="deleted")
    assert (record.count, record.batches) == (5, 3)


def test_a_legal_hold_on_a_data_set_suspends_its_retention_and_says_so(dpo):
    hold_logs = _log(400)
    legal_hold_place(
        actor=dpo,
        dataset="lifecycle.RequestLog",
        reason="Security incident 2025-11: credential stuffing",
        ends_on=timezone.localdate() + timedelta(days=60),
    )
    out = StringIO()

    call_command("run_retention", stdout=out)

    assert RequestLog.objects.filter(pk=hold_logs.pk).exists()
    record = DestructionRecord.objects.get(model="lifecycle.RequestLog", rule="logs_one_year")
    assert (record.count, record.held) == (0, 1)
    assert "lifecycle.RequestLog" in out.getvalue()


def test_a_legal_hold_on_a_user_keeps_their_expired_rows_only(alice, bob, dpo):
    kept = _old_message(alice, 400)
    gone = _old_message(bob, 400)
    legal_hold_place(
        actor=dpo, user=alice, reason="Dispute about messages sent", ends_on=timezone.localdate() + timedelta(days=5)
    )

    retention_run()

    assert OutboxMessage.objects.filter(pk=kept.pk).exists()
    assert not OutboxMessage.objects.filter(pk=gone.pk).exists()
    assert DestructionRecord.objects.get(model="notify.OutboxMessage").held == 1


def test_an_ended_hold_no_longer_keeps_anything(alice, dpo):
    message = _old_message(alice, 400)
    hold = legal_hold_place(actor=dpo, user=alice, reason="Dispute about messages sent", ends_on=timezone.localdate())
    retention_run(now=timezone.now() + timedelta(days=2))
    hold.refresh_from_db()
    assert not hold.is_active or not OutboxMessage.objects.filter(pk=message.pk).exists()
    assert not OutboxMessage.objects.filter(pk=message.pk).exists()


def test_ip_addresses_of_the_request_log_are_shortened_after_the_configured_days(db, settings):
    settings.QALAN_REQUEST_LOG_IP_DAYS = 7
    old = _log(8, ip_address="203.0.113.77")
    old6 = _log(8, ip_address="2001:db8:abcd:12:1:2:3:4")
    fresh = _log(1, ip_address="203.0.113.78")

    retention_run()

    old.refresh_from_db(), old6.refresh_from_db(), fresh.refresh_from_db()
    assert (old.ip_address, old.ip_truncated) == ("203.0.113.0", True)
    assert old6.ip_address == "2001:db8:abcd::"
    assert (fresh.ip_address, fresh.ip_truncated) == ("203.0.113.78", False)
    assert DestructionRecord.objects.get(action="ip_truncated").count == 2


def test_expired_recovery_codes_and_ended_sessions_are_removed(alice):
    now = timezone.now()
    expired_code = RecoveryCode.objects.create(
        user=alice, code_hash="x", channel="sms", expires_at=now - timedelta(days=2)
    )
    live_code = RecoveryCode.objects.create(
        user=alice, code_hash="y", channel="sms", expires_at=now + timedelta(minutes=10)
    )
    idle = DeviceSession.objects.create(
        user=alice, kind="app", token_hash="a" * 64, last_used_at=now - timedelta(days=100)
    )
    revoked = DeviceSession.objects.create(
        user=alice, kind="app", token_hash="b" * 64, revoked_at=now - timedelta(days=3)
    )
    live = DeviceSession.objects.create(user=alice, kind="app", token_hash="c" * 64)

    retention_run()

    assert set(RecoveryCode.objects.values_list("pk", flat=True)) == {live_code.pk}
    remaining = set(DeviceSession.objects.values_list("pk", flat=True))
    assert live.pk in remaining and not {idle.pk, revoked.pk, expired_code.pk} & remaining


def test_requests_to_the_dpo_are_anonymised_after_three_years_and_counted_once(alice):
    inquiry = Inquiry.objects.create(
        user=alice, name="Alice A", contact="alice@example.kz", topic="question", message="Hi"
    )
    Inquiry.objects.filter(pk=inquiry.pk).update(created_at=timezone.now() - timedelta(days=3 * 365 + 5))

    retention_run()
    retention_run()

    inquiry.refresh_from_db()
    assert (inquiry.user, inquiry.name, inquiry.contact, inquiry.message) == (None, "", "", "")
    assert inquiry.topic == "question"  # the statistic stays
    assert DestructionRecord.objects.filter(model="privacy.Inquiry", action="anonymised").count() == 1


def test_archived_records_are_destroyed_when_their_legal_period_ends(db):
    expired = ArchivedRecord.objects.create(
        model="privacy.ConsentRecord",
        record_id="1",
        retention="until_withdrawn",
        keep_until=timezone.localdate() - timedelta(days=1),
        username_key="k",
        payload="x",
    )
    kept = ArchivedRecord.objects.create(
        model="privacy.ConsentRecord",
        record_id="2",
        retention="until_withdrawn",
        keep_until=timezone.localdate() + timedelta(days=1),
        username_key="k",
        payload="x",
    )

    retention_run()

    assert list(ArchivedRecord.objects.values_list("pk", flat=True)) == [kept.pk]
    assert not ArchivedRecord.objects.filter(pk=expired.pk).exists()
    assert DestructionRecord.objects.get(rule="archive_period_over").count == 1


def _make_inactive(user, months: int = 25):
    long_ago = timezone.now() - timedelta(days=months * 31)
    User.objects.filter(pk=user.pk).update(date_joined=long_ago, last_login=long_ago)
    DeviceSession.objects.filter(user=user).update(last_used_at=long_ago, created_at=long_ago)


def test_an_inactive_account_is_notified_then_erased_after_the_grace_period(alice, django_capture_on_commit_callbacks):
    from qalan.accounts.models import Profile

    Profile.objects.filter(user=alice).update(language="en")  # the notice speaks the person's language
    _make_inactive(alice)

    with django_capture_on_commit_callbacks(execute=True):
        retention_run()

    notice = InactivityNotice.objects.get(user=alice)
    email = OutboxMessage.objects.get(user=alice, channel="email", body__contains="has not been used for 24 months")
    assert email.recipient == "alice@example.kz"
    assert User.objects.filter(pk=alice.pk).exists()  # never deleted without notice first

    retention_run()  # before the grace period: nothing more
    assert InactivityNotice.objects.filter(user=alice).count() == 1
    assert not ErasureRun.objects.filter(user=alice).exists()

    later = notice.erase_after + timedelta(minutes=1)
    retention_run(now=later)
    erasure_run_due(now=later)
    assert not User.objects.filter(pk=alice.pk).exists()
    assert ErasureRun.objects.get(reason="inactivity").status == ErasureRun.Status.DONE


def test_an_inactive_user_who_comes_back_keeps_the_account(alice, client):
    _make_inactive(alice)
    retention_run()
    notice = InactivityNotice.objects.get(user=alice)

    client.post("/accounts/login/", {"username": "alice", "password": "correct-horse-battery-42"})
    retention_run(now=notice.erase_after + timedelta(days=1))
    erasure_run_due(now=notice.erase_after + timedelta(days=1))

    notice.refresh_from_db()
    assert notice.returned_at is not None
    assert User.objects.filter(pk=alice.pk).exists()


def test_staff_accounts_are_never_swept_for_inactivity(dpo):
    _make_inactive(dpo)
    retention_run()
    assert not InactivityNotice.objects.exists()


def test_every_time_bound_declaration_has_a_retention_clock():
    missing = [
        d.model
        for d in inventory.declarations()
        if d.retention in RETENTION_DEFAULT_DAYS and retention_clock(d) is None
    ]
    assert missing == [], f"name the date retention counts from: Declaration(retention_field=...) in {missing}"
    assert {r.declaration.model for r in retention_rules()} >= {"lifecycle.RequestLog", "notify.OutboxMessage"}


@pytest.mark.parametrize(
    ("variable", "value", "complaint"),
    [
        ("QALAN_RETENTION_PAYMENTS_DAYS", "1000", "payments_five_years keeps data 1000 days, less than its minimum"),
        ("QALAN_RETENTION_LOGS_DAYS", "400", "logs_one_year keeps data 400 days, more than its maximum"),
    ],
)
def test_a_retention_rule_that_breaks_the_policy_is_refused_at_start_up(variable, value, complaint):
    env = {**os.environ, variable: value}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "Refusing retention rules that break the Privacy Policy" in result.stderr
    assert complaint in result.stderr
