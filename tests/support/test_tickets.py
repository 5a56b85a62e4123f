"""Support requests stored as tickets (P3.1.d): opening, validation, sensitive text, who reads
and replies, the answer notice, closing."""

import pytest
from django.urls import reverse

from qalan.accounts.models import Role
from qalan.audit.models import AuditEvent
from qalan.notify.models import OutboxMessage
from qalan.support import services
from qalan.support.models import Ticket, TicketReply
from tests.conftest import api_as, make_user

pytestmark = pytest.mark.django_db

NEW = {
    "contact": "alice@example.kz",
    "subject": "Cannot open homework",
    "description": "The page of homework 3 stays empty.",
}
SECRET = "The page stays empty, my password is hunter2"


@pytest.fixture
def agent(db):
    return make_user("sam-support", role=Role.SUPPORT)


@pytest.fixture
def ticket(alice):
    return services.ticket_open(actor=alice, **NEW)


def test_a_signed_in_user_opens_a_ticket_on_the_web(client, alice):
    client.force_login(alice)
    response = client.post(reverse("support:tickets"), NEW)

    ticket = Ticket.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("support:ticket", args=[ticket.pk])
    assert (ticket.user, ticket.contact, ticket.status, ticket.confidential) == (
        alice,
        "alice@example.kz",
        "open",
        False,
    )
    assert ticket.description == NEW["description"]
    event = AuditEvent.objects.get(event_type="support.ticket_opened")
    assert event.extra == {"ticket": ticket.pk}  # ids only, no text
    assert f"#{ticket.pk}" in client.get(reverse("support:tickets")).content.decode()


def test_anyone_opens_a_ticket_with_a_phone_number_without_signing_in(client):
    response = client.post(reverse("support:tickets"), {**NEW, "contact": "8 (701) 555-12-34"})

    assert response.status_code == 302
    ticket = Ticket.objects.get()
    assert ticket.user is None and ticket.contact == "+77015551234"


def test_a_ticket_is_opened_through_the_api_by_a_user_and_by_anyone(alice_api, api, alice):
    response = alice_api.post(reverse("api:support_tickets"), NEW, format="json")
    assert response.status_code == 201
    assert Ticket.objects.get(pk=response.json()["id"]).user == alice

    response = api.post(reverse("api:support_tickets"), {**NEW, "contact": "guest@example.kz"}, format="json")
    assert response.status_code == 201
    assert Ticket.objects.get(pk=response.json()["id"]).user is None

    listed = alice_api.get(reverse("api:support_tickets")).json()
    assert [t["subject"] for t in listed] == [NEW["subject"]]
    assert api.get(reverse("api:support_tickets")).status_code == 401


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"description": "   "}, "description"),
        ({"subject": ""}, "subject"),
        ({"contact": "not a contact"}, "contact"),
        ({"contact": "alice@"}, "contact"),
        ({"description": "x" * 5001}, "description"),
    ],
)
def test_bad_input_stores_nothing_on_the_api(alice_api, change, field):
    response = alice_api.post(reverse("api:support_tickets"), {**NEW, **change}, format="json")

    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not Ticket.objects.exists()
    assert not AuditEvent.objects.filter(event_type="support.ticket_opened").exists()


def test_bad_input_stores_nothing_on_the_web_and_keeps_what_was_typed(client):
    response = client.post(reverse("support:tickets"), {**NEW, "description": "", "contact": "12345"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Describe the problem so that support can help you." in page or "This field is required." in page
    assert NEW["subject"] in page
    assert not Ticket.objects.exists()


def test_an_invalid_contact_is_refused_with_what_to_do(client):
    response = client.post(reverse("support:tickets"), {**NEW, "contact": "12345"})

    assert response.status_code == 200
    assert "Enter an e-mail address or a Kazakhstan mobile number where we can answer you." in response.content.decode()
    assert not Ticket.objects.exists()


def test_sensitive_text_warns_and_is_confidential_only_when_confirmed(client, alice):
    client.force_login(alice)
    text = {**NEW, "description": "I missed homework because of my diabetes treatment."}

    warned = client.post(reverse("support:tickets"), text)
    assert warned.status_code == 200
    assert "may contain sensitive information" in warned.content.decode()
    assert 'name="confirm_sensitive"' in warned.content.decode()
    assert not Ticket.objects.exists()

    confirmed = client.post(reverse("support:tickets"), {**text, "confirm_sensitive": "on"})
    assert confirmed.status_code == 302
    assert Ticket.objects.get().confidential is True


def test_sensitive_text_warns_on_the_api_until_confirmed(alice_api):
    text = {**NEW, "description": "I have asthma and missed the test."}

    warned = alice_api.post(reverse("api:support_tickets"), text, format="json")
    assert warned.status_code == 400 and "description" in warned.json()["errors"]
    assert not Ticket.objects.exists()

    confirmed = alice_api.post(reverse("api:support_tickets"), {**text, "confirm_sensitive": True}, format="json")
    assert confirmed.status_code == 201
    assert Ticket.objects.get().confidential is True


def test_the_owner_and_support_read_and_reply(client, alice, agent, ticket):
    for user in (alice, agent):
        client.force_login(user)
        page = client.get(reverse("support:ticket", args=[ticket.pk]))
        assert page.status_code == 200 and NEW["description"] in page.content.decode()
        response = client.post(reverse("support:ticket", args=[ticket.pk]), {"body": f"Reply from {user.username}"})
        assert response.status_code == 302

    assert list(TicketReply.objects.values_list("author__username", flat=True)) == ["alice", "sam-support"]
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.ANSWERED

    detail = api_as(agent).get(reverse("api:support_ticket", args=[ticket.pk])).json()
    assert [r["by_support"] for r in detail["replies"]] == [False, True]
    reply = api_as(alice).post(
        reverse("api:support_ticket_replies", args=[ticket.pk]), {"body": "Thanks"}, format="json"
    )
    assert reply.status_code == 201
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.OPEN


def test_support_sees_every_ticket_in_the_queue_and_students_do_not(client, alice, bob, agent, ticket):
    client.force_login(agent)
    assert f"#{ticket.pk}" in client.get(reverse("support:queue")).content.decode()
    client.force_login(bob)
    assert client.get(reverse("support:queue")).status_code == 404


def test_others_get_404_for_someone_elses_ticket(client, bob, dpo, ticket):
    for outsider in (bob, dpo):
        client.force_login(outsider)
        assert client.get(reverse("support:ticket", args=[ticket.pk])).status_code == 404
        assert client.post(reverse("support:ticket", args=[ticket.pk]), {"body": "hi"}).status_code == 404
        assert client.post(reverse("support:ticket_close", args=[ticket.pk])).status_code == 404
        outsider_api = api_as(outsider)
        assert outsider_api.get(reverse("api:support_ticket", args=[ticket.pk])).status_code == 404
        assert (
            outsider_api.post(
                reverse("api:support_ticket_replies", args=[ticket.pk]), {"body": "hi"}, format="json"
            ).status_code
            == 404
        )
        assert ticket.pk not in [t["id"] for t in outsider_api.get(reverse("api:support_tickets")).json()]
    assert not TicketReply.objects.exists()


def test_a_support_answer_notifies_the_owner_without_copying_the_text_into_the_email(alice, agent, ticket):
    services.ticket_reply(actor=agent, ticket=ticket, body=SECRET)

    inapp = OutboxMessage.objects.get(user=alice, channel=OutboxMessage.Channel.INAPP)
    email = OutboxMessage.objects.get(user=alice, channel=OutboxMessage.Channel.EMAIL)
    assert email.recipient == "alice@example.kz"
    for message in (inapp, email):
        assert f"#{ticket.pk}" in message.subject
        assert SECRET not in message.body and "hunter2" not in message.body and "hunter2" not in message.subject
        assert NEW["description"] not in message.body
    event = AuditEvent.objects.get(event_type="support.ticket_replied")
    assert set(event.extra) == {"ticket", "reply"}


def test_the_owners_own_reply_notifies_nobody(alice, ticket):
    services.ticket_reply(actor=alice, ticket=ticket, body="More details")
    assert not OutboxMessage.objects.filter(user=alice).exists()


def test_an_owner_without_email_is_told_in_app_only(agent):
    owner = make_user("no-mail")
    ticket = services.ticket_open(actor=owner, **{**NEW, "contact": "+77017654321"})
    services.ticket_reply(actor=agent, ticket=ticket, body="Done")
    assert list(OutboxMessage.objects.filter(user=owner).values_list("channel", flat=True)) == ["inapp"]


def test_closing_a_ticket_ends_the_thread(client, alice, agent, ticket):
    client.force_login(alice)
    assert client.post(reverse("support:ticket_close", args=[ticket.pk])).status_code == 302
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.CLOSED
    assert AuditEvent.objects.filter(event_type="support.ticket_closed", extra={"ticket": ticket.pk}).exists()

    refused = api_as(agent).post(
        reverse("api:support_ticket_replies", args=[ticket.pk]), {"body": "Late"}, format="json"
    )
    assert refused.status_code == 400 and "body" in refused.json()["errors"]
    assert not TicketReply.objects.exists()
    assert "This ticket is closed." in client.get(reverse("support:ticket", args=[ticket.pk])).content.decode()


def test_support_closes_any_ticket_and_an_outsider_cannot(alice, bob, agent, ticket):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.ticket_close(actor=bob, ticket=ticket)
    services.ticket_close(actor=agent, ticket=ticket)
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.CLOSED


def test_the_footer_links_to_support(client):
    assert reverse("support:tickets") in client.get(reverse("privacy:policy")).content.decode()


def test_an_answer_to_a_ticket_without_an_account_goes_to_its_contact_and_is_forgotten_after_delivery(agent):
    ticket = services.ticket_open(actor=None, **{**NEW, "contact": "guest@example.kz"})
    services.ticket_reply(actor=agent, ticket=ticket, body="Clear the browser cache.")

    message = OutboxMessage.objects.get()
    assert (message.channel, message.recipient, message.sensitive) == ("email", "guest@example.kz", True)
    assert NEW["description"] not in message.body
