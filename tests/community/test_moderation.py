"""Reports and moderation: users report, support hides or dismisses; an operator command too."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from qalan.community.models import Comment, Message, Report
from tests.conftest import api_as

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_a_received_message_can_be_reported_once(world):
    api = api_as(world.student)
    assert (
        api.post(f"/api/v1/messages/{world.message.pk}/report", {"reason": "abuse"}, format="json").status_code == 201
    )
    again = api.post(f"/api/v1/messages/{world.message.pk}/report", {"reason": "abuse"}, format="json")
    assert again.status_code == 400 and "already reported" in again.json()["message"]
    assert Report.objects.filter(message=world.message).count() == 1


def test_others_messages_cannot_be_reported(world):
    assert (
        api_as(world.classmate)
        .post(f"/api/v1/messages/{world.message.pk}/report", {"reason": "abuse"}, format="json")
        .status_code
        == 404
    )


def test_support_hides_reported_content_and_it_disappears(world):
    queue = api_as(world.support).get("/api/v1/moderation/reports").json()
    assert [r["id"] for r in queue] == [world.report.pk] and queue[0]["text"] == "Nice task"
    assert (
        api_as(world.support)
        .post(f"/api/v1/moderation/reports/{world.report.pk}", {"action": "hide"}, format="json")
        .status_code
        == 204
    )
    assert Comment.objects.get(pk=world.other_comment.pk).hidden_at is not None
    visible = [c["id"] for c in api_as(world.student).get(f"/api/v1/tasks/{world.tasks['numeric'].pk}/comments").json()]
    assert world.other_comment.pk not in visible
    assert api_as(world.support).get("/api/v1/moderation/reports").json() == []


def test_a_hidden_message_shows_as_hidden(world):
    report = Report.objects.create(message=world.message, reporter=world.student, reason="abuse")
    api_as(world.support).post(f"/api/v1/moderation/reports/{report.pk}", {"action": "hide"}, format="json")
    chat = api_as(world.student).get(f"/api/v1/messages/with/{world.teacher.pk}").json()
    assert chat[0]["body"] is None


def test_only_moderators_see_the_queue(world):
    for user in (world.student, world.teacher, world.parent, world.dpo):
        assert api_as(user).get("/api/v1/moderation/reports").status_code == 404
        assert (
            api_as(user)
            .post(f"/api/v1/moderation/reports/{world.report.pk}", {"action": "hide"}, format="json")
            .status_code
            == 404
        )


def test_the_moderate_command(world, capsys):
    call_command("moderate", "list")
    assert f"#{world.report.pk}" in capsys.readouterr().out
    call_command("moderate", "hide", str(world.report.pk), "--as", "sue")
    assert Comment.objects.get(pk=world.other_comment.pk).hidden_at is not None
    call_command("moderate", "unhide-comment", str(world.other_comment.pk), "--as", "sue")
    assert Comment.objects.get(pk=world.other_comment.pk).hidden_at is None


def test_web_moderation_page(world, client):
    client.force_login(world.support)
    assert "Nice task" in client.get(reverse("community:moderation")).content.decode()
    client.post(reverse("community:report_resolve", args=[world.report.pk]), {"action": "dismiss"})
    assert Report.objects.get(pk=world.report.pk).outcome == Report.Outcome.DISMISSED
    assert Message.objects.count() == 2
