"""Delete my account: password again, consequences first, a cool-off the user can cancel, then
the erasure engine runs and recipients of the data are told (P6.2, P2.2.a, P6.6, P7.4)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from qalan.accounts.models import User
from qalan.core.inventory import LegalBasis
from qalan.privacy.selectors import consent_in_force
from qalan.rights import services
from qalan.rights.models import DataRequest, RecipientNotice, RequestKind, RequestStatus
from qalan.rights.tasks import rights_sweep
from tests.conftest import PASSWORD
from tests.rights.conftest import messages_to

pytestmark = pytest.mark.django_db


def ask_deletion(client, password=PASSWORD, confirm=True):
    data = {"password": password}
    if confirm:
        data["confirm"] = "on"
    return client.post(reverse("rights:delete_account"), data)


def end_cool_off(request: DataRequest) -> None:
    DataRequest.objects.filter(pk=request.pk).update(erasure_after=timezone.now() - timedelta(minutes=1))


def test_the_consequences_come_first(client, alice):
    client.force_login(alice)
    page = client.get(reverse("rights:delete_account")).content.decode()
    assert page.index("You lose access to your learning materials") < page.index('name="password"')
    assert "Payment records and the fact of extended access: at least 5 years" in page
    assert "7 days to change your mind" in page
    # What erasure does comes from the inventory: the profile is among the deleted data.
    assert "Your profile: name, grade, school" in page


def test_a_wrong_password_changes_nothing(client, alice):
    client.force_login(alice)
    response = ask_deletion(client, password="not-my-password")
    assert response.status_code == 200
    assert "The password is wrong" in response.content.decode()
    assert not DataRequest.objects.exists()
    assert consent_in_force(user=alice, purpose="platform")


def test_the_box_must_be_ticked(client, alice):
    client.force_login(alice)
    response = ask_deletion(client, confirm=False)
    assert "Tick the box" in response.content.decode()
    assert not DataRequest.objects.exists()


def test_deletion_waits_for_the_cool_off_and_withdraws_the_platform_consent(client, alice, settings):
    settings.QALAN_DELETION_COOLOFF_DAYS = 7
    client.force_login(alice)
    ask_deletion(client)
    request = DataRequest.objects.get(user=alice, kind=RequestKind.DELETION)
    assert request.is_account_deletion and request.is_open
    assert timedelta(days=6, hours=23) < request.erasure_after - timezone.now() <= timedelta(days=7)
    assert not consent_in_force(user=alice, purpose="platform")
    assert "will be deleted on" in messages_to(alice)[-1].subject
    # Nothing runs before the cool-off ends.
    rights_sweep()
    assert User.objects.filter(pk=alice.pk).exists()
    page = client.get(reverse("rights:centre")).content.decode()
    assert "Your account will be deleted on" in page


def test_the_user_can_cancel_during_the_cool_off(client, alice):
    client.force_login(alice)
    ask_deletion(client)
    client.post(reverse("rights:delete_account_cancel"))
    request = DataRequest.objects.get(user=alice)
    assert request.status == RequestStatus.WITHDRAWN
    assert consent_in_force(user=alice, purpose="platform")
    end_cool_off(request)
    rights_sweep()
    assert User.objects.filter(pk=alice.pk).exists()


def test_a_second_deletion_request_points_to_the_first(client, alice):
    client.force_login(alice)
    ask_deletion(client)
    first = DataRequest.objects.get(user=alice)
    with pytest.raises(ValidationError) as error:
        services.account_deletion_request(actor=alice, password=PASSWORD)
    assert f"#{first.pk}" in str(error.value)


def test_after_the_cool_off_the_account_is_erased_and_recipients_are_told(client, alice, dpo, sms_gateway):
    services.disclosure_record(
        actor=dpo,
        recipient=sms_gateway,
        user=alice,
        categories=["contact"],
        description="Phone for SMS delivery",
        legal_basis=LegalBasis.CONTRACT,
    )
    client.force_login(alice)
    ask_deletion(client)
    request = DataRequest.objects.get(user=alice)
    end_cool_off(request)
    assert rights_sweep()["erased"] == 1
    assert not User.objects.filter(username="alice").exists()
    request.refresh_from_db()
    assert request.status == RequestStatus.ANSWERED and request.user is None
    assert "were deleted on" in request.answer
    notice = RecipientNotice.objects.get(request=request)
    assert notice.recipient == sms_gateway and notice.change == RecipientNotice.Change.DELETION
    assert notice.message.recipient == "privacy@sms-gateway.example.kz"
    assert "Please delete your copy" in notice.message.body
    # The person gets a last confirmation at their own contact.
    assert messages_to(recipient="alice@example.kz")[-1].subject == "Qalan: your account was deleted"


def test_a_legal_hold_keeps_the_request_waiting(client, alice, dpo):
    from qalan.lifecycle.services import legal_hold_place

    client.force_login(alice)
    ask_deletion(client)
    request = DataRequest.objects.get(user=alice)
    legal_hold_place(
        actor=None,
        reason="Dispute about a payment, court case 2-123.",
        ends_on=timezone.localdate() + timedelta(days=30),
        user=alice,
    )
    end_cool_off(request)
    assert rights_sweep()["erased"] == 0
    request.refresh_from_db()
    assert request.is_open and request.events.filter(action="erasure_held").exists()
    assert User.objects.filter(pk=alice.pk).exists()


def test_without_the_erasure_engine_the_request_waits(client, alice, monkeypatch):
    # The engine is another app's; simulate its absence to prove the request waits for it.
    from qalan.rights import erasure

    monkeypatch.setattr(erasure, "erasure_available", lambda: False)
    client.force_login(alice)
    ask_deletion(client)
    request = DataRequest.objects.get(user=alice)
    end_cool_off(request)
    rights_sweep()
    rights_sweep()
    request.refresh_from_db()
    assert request.is_open and request.events.filter(action="waiting_for_erasure").count() == 1
    assert User.objects.filter(pk=alice.pk).exists()


def test_the_cool_off_cannot_be_cancelled_once_over(client, alice):
    client.force_login(alice)
    ask_deletion(client)
    request = DataRequest.objects.get(user=alice)
    end_cool_off(request)
    request.refresh_from_db()
    with pytest.raises(ValidationError, match="cool-off period is over"):
        services.account_deletion_cancel(actor=alice, request=request)
