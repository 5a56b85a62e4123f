"""The DPO workspace (web) and the operator commands: queue, SLA board, actions (P7.2-P7.4)."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from qalan.audit.models import AuditEvent
from qalan.rights import services
from qalan.rights.models import DataRequest, RequestKind, RequestStatus

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("name", ["rights:dpo_queue", "rights:dpo_enter", "rights:dpo_disclosures"])
def test_the_workspace_is_404_for_anyone_but_the_dpo(client, alice, name):
    client.force_login(alice)
    assert client.get(reverse(name)).status_code == 404


def test_the_queue_shows_due_dates_and_the_sla_board(dpo_client, alice):
    late = services.request_submit(actor=alice, kind=RequestKind.CORRECTION, description="Fix my grade.")
    DataRequest.objects.filter(pk=late.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    services.request_submit(actor=alice, kind=RequestKind.COMPLAINT, description="Too many SMS.")
    page = dpo_client.get(reverse("rights:dpo_queue")).content.decode()
    assert f'href="{reverse("rights:dpo_request", args=[late.pk])}"' in page
    assert 'class="overdue"' in page
    assert "<strong>1</strong> overdue" in page and "<strong>2</strong> open" in page
    overdue_only = dpo_client.get(reverse("rights:dpo_queue") + "?show=overdue").content.decode()
    assert "Too many SMS" not in overdue_only


def test_the_dpo_enters_a_paper_request_and_answers_it_on_the_web(dpo_client, alice):
    response = dpo_client.post(
        reverse("rights:dpo_enter"),
        {
            "channel": "paper",
            "received_on": timezone.localdate().isoformat(),
            "kind": "correction",
            "requester_name": "Alice",
            "requester_contact": "alice@example.kz",
            "account_identifier": "alice",
            "description": "My school is wrong.",
        },
    )
    request = DataRequest.objects.get()
    assert response["Location"] == reverse("rights:dpo_request", args=[request.pk])
    answer_url = reverse("rights:dpo_request_action", args=[request.pk, "answer"])
    refused = dpo_client.post(answer_url, {"answer": "Corrected."})
    assert refused.status_code == 400 and "Verify the requester" in refused.content.decode()
    dpo_client.post(reverse("rights:dpo_request_action", args=[request.pk, "verify"]), {"note": "ID card seen."})
    dpo_client.post(answer_url, {"answer": "Corrected."})
    request.refresh_from_db()
    assert request.status == RequestStatus.ANSWERED


def test_a_refusal_without_reasons_is_shown_back_on_the_form(dpo_client, alice):
    request = services.request_submit(actor=alice, kind=RequestKind.DELETION, description="Delete my payments.")
    response = dpo_client.post(
        reverse("rights:dpo_request_action", args=[request.pk, "refuse"]), {"reason": "", "legal_ground": ""}
    )
    assert response.status_code == 400
    request.refresh_from_db()
    assert request.is_open


def test_the_power_of_attorney_opens_for_the_dpo_and_each_read_is_recorded(dpo_client, dpo, alice):
    from django.core.files.uploadedfile import SimpleUploadedFile

    request = services.request_enter(
        actor=dpo,
        kind=RequestKind.INFORMATION,
        channel="paper",
        requester_name="Saule",
        requester_contact="+77015550000",
        account_identifier="alice",
        by_representative=True,
        power_of_attorney=SimpleUploadedFile("poa.png", b"\x89PNG fake", content_type="image/png"),
    )
    url = reverse("rights:dpo_power_of_attorney", args=[request.pk])
    assert dpo_client.get(url).content == b"\x89PNG fake"
    dpo_client.get(url)
    assert AuditEvent.objects.filter(event_type="request.poa_read").count() == 2


def test_the_power_of_attorney_is_404_for_others(client, dpo, alice):
    from django.core.files.uploadedfile import SimpleUploadedFile

    request = services.request_enter(
        actor=dpo,
        kind=RequestKind.INFORMATION,
        channel="paper",
        requester_name="Saule",
        requester_contact="+77015550000",
        account_identifier="alice",
        by_representative=True,
        power_of_attorney=SimpleUploadedFile("poa.png", b"\x89PNG fake", content_type="image/png"),
    )
    client.force_login(alice)
    assert client.get(reverse("rights:dpo_power_of_attorney", args=[request.pk])).status_code == 404


def test_the_operator_commands_do_what_the_workspace_does(dpo, alice):
    out = run(
        "privacy_request",
        "--as",
        dpo.username,
        "enter",
        "--channel",
        "email",
        "--kind",
        "correction",
        "--name",
        "Alice",
        "--contact",
        "alice@example.kz",
        "--account",
        "alice",
        "--description",
        "Wrong grade.",
    )
    number = int(out.split("#")[1].split()[0])
    with pytest.raises(CommandError, match="Verify the requester"):
        run("privacy_request", "--as", dpo.username, "answer", str(number), "--text", "Done.")
    run("privacy_request", "--as", dpo.username, "verify", str(number), "--note", "Replied from the account e-mail.")
    run("privacy_request", "--as", dpo.username, "assign", str(number), "--to", dpo.username)
    run("privacy_request", "--as", dpo.username, "comment", str(number), "--note", "Check with the school.")
    with pytest.raises(CommandError, match="reasons for the extension"):
        run("privacy_request", "--as", dpo.username, "extend", str(number), "--until", "2099-01-01", "--reason", "")
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        run("privacy_request", "--as", dpo.username, "extend", str(number), "--until", "tomorrow", "--reason", "x")
    assert f"#{number}" in run("privacy_request", "--as", dpo.username, "list")
    assert "overdue: 0" in run("privacy_request", "--as", dpo.username, "board")
    assert "answered" in run("privacy_request", "--as", dpo.username, "answer", str(number), "--text", "Grade fixed.")
    shown = run("privacy_request", "--as", dpo.username, "show", str(number))
    assert "comment" in shown and "answered" in shown


def test_the_commands_refuse_anyone_but_the_dpo(alice):
    with pytest.raises(CommandError, match="not a data protection officer"):
        run("privacy_request", "--as", "alice", "list")


def test_the_disclosure_command_records_and_lists(dpo, alice):
    out = run(
        "privacy_disclosure",
        "--as",
        dpo.username,
        "record",
        "--recipient",
        "authorities",
        "--account",
        "alice",
        "--categories",
        "identity,contact",
        "--description",
        "Name and phone",
        "--basis",
        "law",
        "--detail",
        "Request 1",
    )
    assert "recorded" in out
    assert "authorities" in run("privacy_disclosure", "--as", dpo.username, "list")
    with pytest.raises(CommandError, match="categories"):
        run(
            "privacy_disclosure",
            "--as",
            dpo.username,
            "record",
            "--recipient",
            "authorities",
            "--account",
            "alice",
            "--categories",
            "everything",
            "--description",
            "x",
            "--basis",
            "law",
        )


def test_the_calendar_command_manages_transferred_days(db):
    assert run("privacy_calendar", "check", "2024-05-04").strip() == "business day"
    run("privacy_calendar", "add", "2031-01-03", "day_off", "--decree", "Decree No. 1 of 2030")
    assert run("privacy_calendar", "check", "2031-01-03").strip() == "day off"
    assert "Decree No. 1 of 2030" in run("privacy_calendar", "list", "--year", "2031")
    run("privacy_calendar", "remove", "2031-01-03")
    assert run("privacy_calendar", "check", "2031-01-03").strip() == "business day"


def test_the_sweep_command_runs_the_periodic_work(db):
    assert "automated: 0" in run("privacy_sweep")


def test_a_message_to_the_dpo_becomes_a_request_linked_to_it(dpo_client, alice):
    from qalan.privacy.services import inquiry_submit

    inquiry = inquiry_submit(
        user=alice, name="Alice", contact="alice@example.kz", topic="complaint", message="My marks leaked."
    )
    page = dpo_client.get(reverse("rights:dpo_enter") + f"?inquiry={inquiry.pk}").content.decode()
    assert "My marks leaked." in page and f'name="inquiry" value="{inquiry.pk}"' in page
    dpo_client.post(
        reverse("rights:dpo_enter"),
        {
            "inquiry": inquiry.pk,
            "channel": "email",
            "received_on": timezone.localdate().isoformat(),
            "kind": "complaint",
            "requester_name": "Alice",
            "requester_contact": "alice@example.kz",
            "account_identifier": "alice",
            "description": "My marks leaked.",
        },
    )
    assert DataRequest.objects.get().inquiry == inquiry
