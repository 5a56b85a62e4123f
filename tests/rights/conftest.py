"""Helpers for the rights tests (the shared personas live in tests/conftest.py)."""

import pytest
from django.utils import translation

from qalan.notify.models import OutboxMessage
from qalan.rights.models import Recipient


def messages_to(user=None, *, recipient: str = "", channel: str = "") -> list[OutboxMessage]:
    found = OutboxMessage.objects.all()
    if user is not None:
        found = found.filter(user=user)
    if recipient:
        found = found.filter(recipient=recipient)
    if channel:
        found = found.filter(channel=channel)
    return list(found.order_by("id"))


@pytest.fixture
def sms_gateway(db) -> Recipient:
    """The seeded SMS gateway, with an address for P6.6 notices."""
    recipient = Recipient.objects.get(slug="sms_provider")
    recipient.notify_email = "privacy@sms-gateway.example.kz"
    recipient.save()
    return recipient


@pytest.fixture
def dpo_client(client, dpo):
    client.force_login(dpo)
    return client


@pytest.fixture(autouse=True)
def _english(settings):
    # Messages are asserted in English; the default language of the site (used for messages
    # to organisations and requests without a language) is Kazakh.
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield
