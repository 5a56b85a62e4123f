"""Blocking for violations (P4.5.b, P1.b "blocking"): staff block with a reason; the person
sees why and how to contest; blocking and lifting are audited."""

from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from rest_framework.test import APIClient

from qalan.accounts.models import DeviceSession, Role
from qalan.audit.models import AuditEvent
from qalan.lifecycle.models import AccountBlock
from qalan.lifecycle.services import account_block
from tests.conftest import PASSWORD, make_user, token_for


@pytest.fixture
def support(db):
    return make_user("sam-support", role=Role.SUPPORT)


def _block(actor, user, explanation="You posted advertising in 14 class chats."):
    return account_block(actor=actor, user=user, reason="spam", explanation=explanation)


def test_staff_block_an_account_from_the_web_page_and_it_is_audited(client, support, alice):
    client.force_login(support)
    response = client.post(
        "/staff/blocks/",
        {"username": "ALICE", "reason": "harassment", "explanation": "Insults in the comments of task 12."},
    )
    assert response.status_code == 302
    block = AccountBlock.objects.get(user=alice)
    assert (block.reason, block.created_by) == ("harassment", support)
    event = AuditEvent.objects.get(event_type="account.blocked")
    assert (event.actor, event.subject, event.extra) == (support, alice, {"block": block.pk, "reason": "harassment"})
    assert "Insults" not in str(event.extra)


def test_blocking_signs_the_person_out_everywhere(alice, support):
    token = token_for(alice)
    _block(support, alice)
    assert not DeviceSession.objects.filter(user=alice, revoked_at__isnull=True).exists()
    assert APIClient(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/v1/me").status_code == 401


def test_a_blocked_person_sees_why_and_how_to_contest_at_web_sign_in(client, alice, support):
    block = _block(support, alice)
    response = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    content = response.content.decode()
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    assert "Your account is blocked: Spam or advertising" in content
    assert "You posted advertising in 14 class chats." in content
    assert "/contact/" in content and f"block number {block.pk}" in content


def test_a_blocked_person_gets_the_reason_at_api_sign_in(api, alice, support):
    _block(support, alice)
    response = api.post("/api/v1/auth/token", {"username": "alice", "password": PASSWORD}, format="json")
    assert response.status_code == 403
    assert "Your account is blocked" in response.json()["message"] and "/contact/" in response.json()["message"]
    assert not DeviceSession.objects.filter(user=alice, revoked_at__isnull=True).exists()


def test_a_session_that_outlived_the_block_shows_only_the_block_page(client, alice, support):
    client.force_login(alice)
    AccountBlock.objects.create(user=alice, reason="fraud", explanation="Used a classmate's account.")

    page = client.get("/accounts/profile/")
    assert page.status_code == 403 and "Used a classmate&#x27;s account." in page.content.decode()
    assert client.get("/contact/").status_code == 200  # contesting stays possible
    assert client.get("/api/v1/me").status_code == 403


def test_lifting_the_block_lets_the_person_back_in_and_is_audited(client, alice, support):
    block = _block(support, alice)
    client.force_login(support)
    assert client.post(f"/staff/blocks/{block.pk}/lift/").status_code == 302

    block.refresh_from_db()
    assert block.lifted_at and block.lifted_by == support
    assert AuditEvent.objects.filter(event_type="account.unblocked", subject=alice, actor=support).exists()
    client.logout()
    client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert client.get("/accounts/profile/").status_code == 200


def test_block_form_shows_clear_errors_and_changes_nothing(client, support, alice):
    client.force_login(support)
    response = client.post("/staff/blocks/", {"username": "nobody", "reason": "spam", "explanation": "x"})
    assert "There is no account with this username" in response.content.decode()
    response = client.post("/staff/blocks/", {"username": "alice", "reason": "spam", "explanation": "short"})
    assert "Explain to the person what happened" in response.content.decode()
    assert not AccountBlock.objects.exists()
    with pytest.raises(ValidationError, match="cannot block your own account"):
        _block(support, support)


def test_the_person_is_told_by_email_with_the_block_number(alice, support, django_capture_on_commit_callbacks):
    from qalan.notify.models import OutboxMessage

    block = _block(support, alice)
    message = OutboxMessage.objects.get(user=alice, kind="security", channel="email")
    assert message.recipient == alice.email and str(block.pk) in message.body


def test_only_staff_see_the_blocks_page(client, alice, bob):
    client.force_login(bob)
    assert client.get("/staff/blocks/").status_code == 404
    assert (
        client.post(
            "/staff/blocks/", {"username": "alice", "reason": "spam", "explanation": "long enough text"}
        ).status_code
        == 404
    )


def test_block_and_unblock_commands(alice, support):
    out = StringIO()
    call_command(
        "block_user",
        "alice",
        "--reason",
        "cheating",
        "--explanation",
        "Answers copied in olympiad 3.",
        "--by",
        "sam-support",
        stdout=out,
    )
    assert "Blocked alice" in out.getvalue()
    call_command("unblock_user", "alice", stdout=out)
    assert AccountBlock.objects.get(user=alice).lifted_at is not None
