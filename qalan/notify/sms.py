"""SMS providers behind one small interface, chosen by ``QALAN_SMS_BACKEND``."""

import json
import urllib.request

from django.conf import settings
from django.utils.module_loading import import_string


class SmsError(Exception):
    pass


class OutboxOnlySmsBackend:
    """Development and tests: the message stays in the outbox (read it at /dev/outbox/)."""

    def send(self, *, to: str, text: str) -> None:
        return None


class HttpSmsBackend:
    """A JSON-over-HTTPS SMS gateway (most Kazakh providers offer one).

    ``QALAN_SMS_API_URL`` receives ``{"to", "text", "sender"}`` with ``Authorization: Bearer``.
    """

    def send(self, *, to: str, text: str) -> None:
        if not settings.QALAN_SMS_API_URL or not settings.QALAN_SMS_API_KEY:
            raise SmsError("SMS provider is not configured (QALAN_SMS_API_URL, QALAN_SMS_API_KEY)")
        payload = json.dumps({"to": to, "text": text, "sender": settings.QALAN_SMS_SENDER}).encode()
        request = urllib.request.Request(
            settings.QALAN_SMS_API_URL,
            data=payload,
            method="POST",
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {settings.QALAN_SMS_API_KEY}"},
        )
        try:
            # The operator's provider URL from the settings, never a user's input.
            with urllib.request.urlopen(request, timeout=10) as response:  # nosec B310
                if response.status >= 300:
                    raise SmsError(f"SMS provider answered {response.status}")
        except OSError as exc:
            raise SmsError(f"SMS provider unreachable: {exc.__class__.__name__}") from exc


def sms_backend():
    return import_string(settings.QALAN_SMS_BACKEND)()
