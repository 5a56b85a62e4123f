"""Policy versions: drafts, publication, notices, acceptance and continued use (P9.1-P9.3, P2.1.b)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from qalan.notify.models import OutboxMessage
from qalan.privacy.models import ConsentRecord, Inquiry, PolicyNotice, PolicyVersion
from qalan.privacy.selectors import policy_current, policy_notice_pending
from qalan.privacy.services import policy_publish
from tests.conftest import make_user, token_for

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def draft(
    version="2026-12-01", *, effective=None, material=True, summary="We now keep login history for 1 year.", body=None
):
    return PolicyVersion.objects.create(
        version=version,
        last_updated=effective or TODAY,
        effective_from=effective or TODAY,
        body=body or "Qalan Platform Privacy Policy\nLast updated: new\nNew clause about logs.",
        is_material=material,
        summary_of_changes=summary,
    )


def publish(policy, callbacks):
    with callbacks(execute=True):
        policy_publish(actor=None, policy=policy)
    policy.refresh_from_db()
    return policy


def test_a_draft_is_invisible_until_published(client, django_capture_on_commit_callbacks):
    policy = draft()
    assert policy_current().version == "2025-05-01"
    assert client.get(reverse("privacy:policy_version", args=[policy.version])).status_code == 404
    publish(policy, django_capture_on_commit_callbacks)
    assert policy_current().version == policy.version
    assert client.get(reverse("privacy:policy_version", args=["2025-05-01"])).status_code == 200


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"effective_from": TODAY - timedelta(days=1), "last_updated": TODAY - timedelta(days=1)}, "effective_from"),
        ({"summary_of_changes": ""}, "summary_of_changes"),
        ({"body": "  "}, "body"),
    ],
)
def test_publication_refuses_bad_drafts(changes, field):
    policy = draft()
    PolicyVersion.objects.filter(pk=policy.pk).update(**changes)
    policy.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        policy_publish(actor=None, policy=policy)
    assert field in error.value.message_dict
    policy.refresh_from_db()
    assert policy.published_at is None


def test_publishing_twice_is_refused(django_capture_on_commit_callbacks):
    policy = publish(draft(), django_capture_on_commit_callbacks)
    with pytest.raises(ValidationError):
        policy_publish(actor=None, policy=policy)


def test_material_change_is_emailed_and_notified_to_every_user_in_their_language(
    alice, bob, django_capture_on_commit_callbacks, settings
):
    settings.QALAN_POLICY_ANNOUNCE_BATCH = 1
    bob.profile.language = "ru"
    bob.profile.save()
    publish(draft(), django_capture_on_commit_callbacks)
    emails = OutboxMessage.objects.filter(channel="email")
    assert list(emails.values_list("recipient", flat=True)) == ["alice@example.kz"]
    assert "2026-12-01" in emails.get().body
    in_app = OutboxMessage.objects.filter(channel="inapp", user=bob).get()
    assert "2026-12-01" in in_app.body and "Privacy Policy" not in in_app.subject  # Russian
    assert PolicyNotice.objects.filter(announced_at__isnull=False).count() == 2


def test_minor_change_is_not_announced(alice, django_capture_on_commit_callbacks):
    publish(draft(material=False, summary=""), django_capture_on_commit_callbacks)
    assert not OutboxMessage.objects.exists()
    assert policy_notice_pending(user=alice) is None


def test_notice_shows_until_accepted_and_acceptance_is_recorded_with_the_notice(
    client, alice, django_capture_on_commit_callbacks
):
    policy = publish(draft(effective=TODAY + timedelta(days=30)), django_capture_on_commit_callbacks)
    client.force_login(alice)
    page = client.get("/").content.decode()
    assert 'class="policy-notice"' in page and "We now keep login history" in page
    notice = PolicyNotice.objects.get(user=alice, policy=policy)
    assert notice.first_shown_at is not None
    client.post(reverse("privacy:policy_accept"), {"version": policy.version, "next": "/"})
    record = ConsentRecord.objects.filter(user=alice, policy_version=policy).get()
    assert record.action == "given" and record.purpose == "platform"
    assert record.evidence["how"] == "accepted"
    assert record.evidence["notice_first_shown_at"] == notice.first_shown_at.isoformat()
    assert 'class="policy-notice"' not in client.get("/").content.decode()


def test_continued_use_after_the_effective_date_counts_only_after_the_notice_was_shown(
    client, alice, django_capture_on_commit_callbacks
):
    policy = publish(draft(effective=TODAY), django_capture_on_commit_callbacks)
    client.force_login(alice)
    # First visit: the notice is shown, nothing is recorded silently.
    assert 'class="policy-notice"' in client.get("/").content.decode()
    assert not ConsentRecord.objects.filter(user=alice, policy_version=policy).exists()
    # Next visit: continued use after the effective date is consent, recorded with the notice.
    page = client.get("/accounts/profile/").content.decode()
    assert 'class="policy-notice"' not in page
    record = ConsentRecord.objects.get(user=alice, policy_version=policy)
    assert record.evidence["how"] == "continued_use"
    assert record.evidence["notice_first_shown_at"]


def test_continued_use_before_the_effective_date_is_not_consent(client, alice, django_capture_on_commit_callbacks):
    policy = publish(draft(effective=TODAY + timedelta(days=10)), django_capture_on_commit_callbacks)
    client.force_login(alice)
    for _ in range(3):
        client.get("/")
    assert not ConsentRecord.objects.filter(user=alice, policy_version=policy).exists()


def test_reading_the_policy_or_objecting_is_not_continued_use(client, alice, django_capture_on_commit_callbacks):
    policy = publish(draft(effective=TODAY), django_capture_on_commit_callbacks)
    client.force_login(alice)
    client.get("/")  # notice shown
    client.get(reverse("privacy:policy"))
    client.get(reverse("privacy:policy_disagree"))
    assert not ConsentRecord.objects.filter(user=alice, policy_version=policy).exists()


def test_a_user_who_disagrees_can_object_and_is_led_to_deletion(client, alice, django_capture_on_commit_callbacks):
    publish(draft(effective=TODAY + timedelta(days=5)), django_capture_on_commit_callbacks)
    client.force_login(alice)
    page = client.get(reverse("privacy:policy_disagree")).content.decode()
    assert "delete your account" in page.lower()
    client.post(
        reverse("privacy:policy_disagree"),
        {"name": "Alice", "contact": "alice@example.kz", "topic": "policy", "message": "I object to longer logs."},
    )
    assert Inquiry.objects.get(user=alice).topic == "policy"


def test_new_users_register_under_the_version_in_force_and_see_no_notice(client, django_capture_on_commit_callbacks):
    policy = publish(draft(effective=TODAY), django_capture_on_commit_callbacks)
    newcomer = make_user("newcomer")
    assert ConsentRecord.objects.get(user=newcomer).policy_version == policy
    assert policy_notice_pending(user=newcomer) is None


def test_api_status_and_accept(alice, django_capture_on_commit_callbacks):
    policy = publish(draft(effective=TODAY + timedelta(days=3)), django_capture_on_commit_callbacks)
    api = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(alice)}")
    me = api.get("/api/v1/me")
    assert me["X-Qalan-Policy-Notice"] == policy.version
    status = api.get("/api/v1/privacy/policy/status").json()
    assert status["pending"]["version"] == policy.version
    assert api.post("/api/v1/privacy/policy/accept", {"version": "1999-01-01"}, format="json").status_code == 400
    assert api.post("/api/v1/privacy/policy/accept", {"version": policy.version}, format="json").status_code == 200
    record = ConsentRecord.objects.get(user=alice, policy_version=policy)
    assert record.channel == "app" and record.evidence["notice_channel"] == "app"
    assert "X-Qalan-Policy-Notice" not in api.get("/api/v1/me")


def test_api_continued_use_after_effective_date(alice, django_capture_on_commit_callbacks):
    policy = publish(draft(effective=TODAY), django_capture_on_commit_callbacks)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(alice)}")
    assert api.get("/api/v1/me")["X-Qalan-Policy-Notice"] == policy.version  # not yet shown in the app
    api.get("/api/v1/privacy/policy/status")  # the app shows it
    response = api.get("/api/v1/me")
    assert "X-Qalan-Policy-Notice" not in response
    assert ConsentRecord.objects.get(user=alice, policy_version=policy).evidence["how"] == "continued_use"


def test_what_changed_page_compares_with_the_previous_version(client, django_capture_on_commit_callbacks):
    policy = publish(draft(), django_capture_on_commit_callbacks)
    page = client.get(reverse("privacy:policy_changes", args=[policy.version])).content.decode()
    assert "New clause about logs." in page
    assert "Changes from version 2025-05-01 to 2026-12-01" in page
    assert client.get(reverse("privacy:policy_changes", args=["2025-05-01"])).status_code == 404


def test_api_lists_versions(api, django_capture_on_commit_callbacks):
    publish(draft(effective=TODAY + timedelta(days=2)), django_capture_on_commit_callbacks)
    draft("2099-01-01")
    versions = [v["version"] for v in api.get("/api/v1/privacy/policy/versions").json()]
    assert versions == ["2026-12-01", "2025-05-01"]


def test_publish_command(capsys, django_capture_on_commit_callbacks):
    draft()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("policy_publish", "2026-12-01")
    assert "published 2026-12-01" in capsys.readouterr().out
    with pytest.raises(CommandError, match="already published"):
        call_command("policy_publish", "2026-12-01")
    with pytest.raises(CommandError, match="No policy version"):
        call_command("policy_publish", "1999-01-01")
