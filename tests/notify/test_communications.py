"""Service messages always; marketing only with consent and a one-click unsubscribe (P4.3.a, P4.3.b)."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from rest_framework.test import APIClient

from qalan.accounts.services import password_change
from qalan.notify.models import Campaign, OutboxMessage
from qalan.notify.services import message_queue, unsubscribe_token
from qalan.privacy.models import ConsentRecord
from qalan.privacy.selectors import consent_in_force
from qalan.privacy.services import consent_give
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def consent_marketing(user):
    consent_give(user=user, actor=user, purpose="marketing", channel="web", evidence={"test": True})


def send_campaign(callbacks, language="en"):
    campaign = Campaign.objects.create(subject="New geometry course", body="Try the new course.", language=language)
    with callbacks(execute=True):
        call_command("send_campaign", campaign.pk)
    return campaign


def test_service_messages_go_out_without_any_consent(alice):
    assert (
        message_queue(user=alice, channel="email", recipient=alice.email, subject="Maintenance", body="Tonight")
        is not None
    )


def test_marketing_is_dropped_without_consent(alice):
    assert message_queue(user=alice, channel="email", recipient=alice.email, body="Sale!", kind="marketing") is None
    assert not OutboxMessage.objects.filter(kind="marketing").exists()


def test_campaign_reaches_only_consenting_users_with_unsubscribe_headers(
    alice, bob, django_capture_on_commit_callbacks
):
    bob.email = "bob@example.kz"
    bob.save()
    alice.profile.language = "en"
    alice.profile.save()
    consent_marketing(alice)
    send_campaign(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["alice@example.kz"]
    link = re.search(r"<(http[^>]+)>", email.extra_headers["List-Unsubscribe"]).group(1)
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in email.body
    assert "/notifications/unsubscribe/" in link


def test_one_click_unsubscribe_works_without_signing_in(client, alice):
    consent_marketing(alice)
    url = reverse("notify:unsubscribe", args=[unsubscribe_token(alice)])
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not consent_in_force(user=alice, purpose="marketing")
    record = ConsentRecord.objects.filter(user=alice, purpose="marketing").first()
    assert record.action == "withdrawn" and record.evidence["source"] == "one-click header"


def test_opening_the_link_does_not_unsubscribe_but_the_button_does(client, alice):
    consent_marketing(alice)
    url = reverse("notify:unsubscribe", args=[unsubscribe_token(alice)])
    page = client.get(url)
    assert page.status_code == 200 and "Unsubscribe" in page.content.decode()
    assert consent_in_force(user=alice, purpose="marketing")
    done = client.post(url)
    assert "You are unsubscribed" in done.content.decode()
    assert not consent_in_force(user=alice, purpose="marketing")


@pytest.mark.parametrize("token", ["forged", "eyJ1IjoxfQ:1abc:deadbeef"])
def test_forged_unsubscribe_link_says_so_and_changes_nothing(client, alice, token):
    consent_marketing(alice)
    before = ConsentRecord.objects.count()
    response = client.post(reverse("notify:unsubscribe", args=[token]), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 400
    assert "not valid or has expired" in response.content.decode()
    assert ConsentRecord.objects.count() == before


def test_expired_unsubscribe_link_is_refused(client, alice, settings, monkeypatch):
    consent_marketing(alice)
    token = unsubscribe_token(alice)
    monkeypatch.setattr("qalan.notify.services.UNSUBSCRIBE_MAX_AGE", -1)
    assert client.post(reverse("notify:unsubscribe", args=[token])).status_code == 400
    assert consent_in_force(user=alice, purpose="marketing")


def test_preference_centre_switches_marketing_in_the_ledger(client, alice):
    client.force_login(alice)
    client.post(reverse("notify:preferences"), {"marketing": "on", "marketing_email": "on", "security_email": "on"})
    assert consent_in_force(user=alice, purpose="marketing")
    client.post(reverse("notify:preferences"), {"marketing_email": "on"})
    assert not consent_in_force(user=alice, purpose="marketing")
    assert ConsentRecord.objects.filter(user=alice, purpose="marketing").count() == 2


def test_marketing_channel_switched_off_gets_nothing(alice):
    consent_marketing(alice)
    assert message_queue(user=alice, channel="sms", recipient=alice.phone, body="Sale", kind="marketing") is None
    assert message_queue(user=alice, channel="email", recipient=alice.email, body="Sale", kind="marketing") is not None


def test_sending_a_campaign_twice_is_refused(alice, django_capture_on_commit_callbacks):
    campaign = send_campaign(django_capture_on_commit_callbacks)
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="already sent"):
        call_command("send_campaign", campaign.pk)


# --- Security notices ---------------------------------------------------------------------


def test_sign_in_from_a_new_device_is_notified_but_not_the_first_or_a_known_one(alice):
    api = APIClient()
    login = {"username": "alice", "password": PASSWORD}
    api.post("/api/v1/auth/token", {**login, "device_name": "Pixel", "platform": "android"}, format="json")
    assert not OutboxMessage.objects.filter(user=alice, kind="security").exists()  # first device
    api.post("/api/v1/auth/token", {**login, "device_name": "Pixel", "platform": "android"}, format="json")
    assert not OutboxMessage.objects.filter(user=alice, kind="security").exists()  # known device
    api.post("/api/v1/auth/token", {**login, "device_name": "iPad", "platform": "ios"}, format="json")
    notices = OutboxMessage.objects.filter(user=alice, kind="security")
    assert {m.channel for m in notices} == {"inapp", "email"}
    assert "iPad" in notices.first().body


def test_password_change_is_notified(alice):
    with translation.override("en"):
        password_change(actor=alice, user=alice, new_password="Brand-new-pass-77")
    assert OutboxMessage.objects.filter(user=alice, kind="security", subject__icontains="password").exists()


def test_security_notice_is_in_the_users_language(alice):
    alice.profile.language = "kk"
    alice.profile.save()
    password_change(actor=alice, user=alice, new_password="Brand-new-pass-77")
    notice = OutboxMessage.objects.get(user=alice, kind="security", channel="inapp")
    assert "password" not in notice.subject.lower()


def last_sms_code(recipient):
    body = OutboxMessage.objects.filter(channel="sms", recipient=recipient).latest("id").body
    return re.search(r"\b(\d{6})\b", body).group(1)


def test_phone_change_needs_the_code_from_the_new_number_and_tells_the_old_one(alice_api, alice):
    old_phone = alice.phone
    assert alice_api.post("/api/v1/me/phone", {"new_phone": "+7 702 111 22 33"}, format="json").status_code == 202
    alice.refresh_from_db()
    assert alice.phone == old_phone
    assert (
        alice_api.post(
            "/api/v1/me/phone/confirm",
            {"code": "000000" if last_sms_code("+77021112233") != "000000" else "111111"},
            format="json",
        ).status_code
        == 400
    )
    response = alice_api.post("/api/v1/me/phone/confirm", {"code": last_sms_code("+77021112233")}, format="json")
    assert response.status_code == 200
    alice.refresh_from_db()
    assert alice.phone == "+77021112233"
    assert OutboxMessage.objects.filter(channel="sms", recipient=old_phone, kind="security").exists()


@pytest.mark.parametrize("phone", ["+7 916 123 45 67", "123"])
def test_phone_change_refuses_foreign_or_invalid_numbers(alice_api, alice, phone):
    response = alice_api.post("/api/v1/me/phone", {"new_phone": phone}, format="json")
    assert response.status_code == 400 and "new_phone" in response.json()["errors"]
    assert not OutboxMessage.objects.filter(channel="sms").exists()


def test_web_phone_change(client, alice):
    client.force_login(alice)
    client.post(reverse("accounts:phone_change"), {"step": "request", "new_phone": "87023334455"})
    response = client.post(reverse("accounts:phone_change"), {"step": "confirm", "code": last_sms_code("+77023334455")})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.phone == "+77023334455"


def test_in_app_notifications_page_lists_and_marks_read(client, alice):
    message_queue(user=alice, channel="inapp", subject="Hello", body="Welcome to class 6A")
    client.force_login(alice)
    assert ">1</span>" in client.get("/").content.decode()
    assert "Welcome to class 6A" in client.get(reverse("notify:inbox")).content.decode()
    assert OutboxMessage.objects.get(user=alice).read_at is not None


def test_notification_pages_need_sign_in_and_show_only_own_messages(client, alice, bob):
    message_queue(user=alice, channel="inapp", subject="Private", body="For alice only")
    client.force_login(bob)
    assert "For alice only" not in client.get(reverse("notify:inbox")).content.decode()


def test_the_newsletter_audience_is_who_consents_now(alice, bob):
    """The audience query itself follows the ledger: a withdrawal takes the user out."""
    from qalan.core import hooks
    from qalan.privacy.services import consent_withdraw

    consent_marketing(alice)
    consent_marketing(bob)
    consent_withdraw(user=bob, actor=bob, purpose="marketing", channel="web", evidence={"test": True})
    audience = set(hooks.ask(hooks.consent_holders, sender="notify", default=[], purpose="marketing"))
    assert audience == {alice.pk}
    consent_marketing(bob)  # given again: back in
    assert set(hooks.ask(hooks.consent_holders, sender="notify", default=[], purpose="marketing")) == {alice.pk, bob.pk}


def test_consent_holders_follow_platform_consent_for_purposes_it_covers(alice, bob):
    from qalan.privacy.selectors import consent_holders, consent_in_force
    from qalan.privacy.services import consent_withdraw

    consent_withdraw(user=bob, actor=bob, purpose="disclosure", channel="web", evidence={"test": True})
    holders = set(consent_holders(purpose="disclosure"))
    assert holders == {u.pk for u in (alice, bob) if consent_in_force(user=u, purpose="disclosure")} == {alice.pk}
