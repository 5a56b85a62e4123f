"""Legal holds (P4.5.c): the DPO holds a user's data or a data set with a reason and an end
date; a hold suspends erasure and retention and is shown wherever it blocks something."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from qalan.audit.models import AuditEvent
from qalan.lifecycle.models import ErasureRun, LegalHold
from qalan.lifecycle.services import (
    erasure_run,
    erasure_run_due,
    erasure_schedule,
    legal_hold_place,
    legal_hold_release,
)


def _in(days: int):
    return timezone.localdate() + timedelta(days=days)


def test_the_dpo_places_a_hold_on_a_user_from_the_web_and_it_is_audited(client, dpo, alice):
    client.force_login(dpo)
    response = client.post(
        "/dpo/holds/", {"username": "alice", "reason": "Parent disputes a test result", "ends_on": _in(30).isoformat()}
    )
    assert response.status_code == 302
    hold = LegalHold.objects.get()
    assert (hold.scope, hold.user, hold.created_by, hold.ends_on) == ("user", alice, dpo, _in(30))
    event = AuditEvent.objects.get(event_type="legal_hold.placed")
    assert event.extra["hold"] == hold.pk and "disputes" not in str(event.extra)


def test_a_hold_on_a_data_set_is_chosen_from_the_inventory(client, dpo):
    client.force_login(dpo)
    page = client.get("/dpo/holds/")
    assert "lifecycle.RequestLog" in page.content.decode()
    client.post(
        "/dpo/holds/",
        {
            "dataset": "lifecycle.RequestLog",
            "reason": "Security incident: credential stuffing",
            "ends_on": _in(90).isoformat(),
        },
    )
    assert LegalHold.objects.get().dataset == "lifecycle.RequestLog"


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"reason": "Dispute over a refund", "ends_on": "2020-01-01", "username": "alice"},
            "ends_on",
            "Choose an end date from today on",
        ),
        ({"reason": "short", "username": "alice"}, "reason", "Explain in a sentence"),
        (
            {"reason": "Dispute over a refund", "username": "alice", "dataset": "lifecycle.RequestLog"},
            "user",
            "either one user or one data set",
        ),
        ({"reason": "Dispute over a refund"}, "user", "either one user or one data set"),
    ],
)
def test_a_hold_needs_one_target_a_reason_and_a_future_end(dpo, alice, data, field, message):
    with pytest.raises(ValidationError) as error:
        legal_hold_place(
            actor=dpo,
            reason=data["reason"],
            ends_on=__import__("datetime").date.fromisoformat(data.get("ends_on", _in(5).isoformat())),
            user=alice if data.get("username") else None,
            dataset=data.get("dataset", ""),
        )
    assert message in str(error.value.message_dict[field])
    assert not LegalHold.objects.exists()


def test_only_the_dpo_manages_holds(client, alice, bob):
    client.force_login(bob)
    assert client.get("/dpo/holds/").status_code == 404
    assert client.get("/dpo/erasures/").status_code == 404
    with pytest.raises(PermissionDenied):
        legal_hold_place(actor=bob, user=alice, reason="I do not like alice", ends_on=_in(3))


def test_a_held_users_scheduled_erasure_waits_and_the_dpo_sees_why(client, dpo, alice):
    hold = legal_hold_place(actor=dpo, user=alice, reason="Evidence in a court case", ends_on=_in(10))
    run = erasure_schedule(user=alice, actor=alice, not_before=timezone.now())

    assert erasure_run_due() == []
    run.refresh_from_db()
    assert (run.status, run.held_by) == (ErasureRun.Status.HELD, hold)

    client.force_login(dpo)
    page = client.get("/dpo/holds/").content.decode()
    assert f"Account deletion #{run.pk} waits for hold #{hold.pk}" in page
    assert "waits for legal hold" in client.get("/dpo/erasures/").content.decode()

    legal_hold_release(actor=dpo, hold=hold)
    assert erasure_run_due() == [run.pk]


def test_a_hold_ends_by_itself_on_its_end_date(dpo, alice):
    legal_hold_place(actor=dpo, user=alice, reason="Evidence in a court case", ends_on=_in(0))
    with pytest.raises(ValidationError, match="legal hold"):
        erasure_run(user=alice, actor=None, reason="operator")
    from qalan.lifecycle import selectors

    assert selectors.holds_blocking_erasure(alice)
    assert selectors.legal_holds_active(today=_in(1)).count() == 0


def test_a_data_set_hold_stops_erasure_of_people_with_rows_in_it(dpo, alice, client):
    client.force_login(alice)
    client.get("/accounts/profile/")  # a request log row under alice's pseudonym
    legal_hold_place(actor=dpo, dataset="lifecycle.RequestLog", reason="Security incident review", ends_on=_in(5))
    with pytest.raises(ValidationError, match="legal hold"):
        erasure_run(user=alice, actor=None, reason="operator")


def test_legal_hold_command_places_lists_and_releases(dpo, alice):
    out = StringIO()
    call_command(
        "legal_hold",
        "place",
        "--user",
        "alice",
        "--reason",
        "Dispute about a purchase",
        "--until",
        _in(7).isoformat(),
        "--by",
        "dana-dpo",
        stdout=out,
    )
    hold = LegalHold.objects.get()
    call_command("legal_hold", "list", stdout=out)
    assert f"#{hold.pk}" in out.getvalue() and "active" in out.getvalue()
    call_command("legal_hold", "release", str(hold.pk), stdout=out)
    hold.refresh_from_db()
    assert hold.released_at is not None
