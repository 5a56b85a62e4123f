"""A message committed while the broker is away stays queued and the periodic sweep sends it,
once; a message already sent is never sent again."""

import logging
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from qalan.notify import services, tasks
from qalan.notify.models import OutboxMessage

pytestmark = pytest.mark.django_db


class BrokerDown(Exception):
    """What the transport raises when Redis does not answer (kombu's OperationalError)."""


def _queue(body="Your code is 123456"):
    return services.message_queue(
        channel=OutboxMessage.Channel.EMAIL, recipient="aruzhan@example.kz", subject="Qalan", body=body
    )


def test_a_message_the_broker_refused_stays_queued_and_the_sweep_sends_it_once(
    monkeypatch, caplog, django_capture_on_commit_callbacks
):
    def refuse(*args, **kwargs):
        raise BrokerDown("connection refused")

    monkeypatch.setattr(tasks.deliver_message, "delay", refuse)
    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        message = _queue()
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.QUEUED and mail.outbox == []
    # The warning names the message's number only: no address, no text.
    assert "stays queued" in caplog.text and "aruzhan" not in caplog.text and "123456" not in caplog.text

    # Too fresh for the sweep: the fast path may still be on its way.
    assert services.outbox_sweep() == 0
    later = timezone.now() + services.SWEEP_AFTER + timedelta(seconds=1)
    assert services.outbox_sweep(now=later) == 1
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENT and len(mail.outbox) == 1
    assert services.outbox_sweep(now=later) == 0 and len(mail.outbox) == 1


def test_the_sweep_runs_as_a_periodic_task(settings):
    assert settings.CELERY_BEAT_SCHEDULE["notify-outbox-sweep"]["task"] == "qalan.notify.tasks.outbox_sweep"
    OutboxMessage.objects.create(channel=OutboxMessage.Channel.EMAIL, recipient="a@example.kz", subject="s", body="b")
    OutboxMessage.objects.update(created_at=timezone.now() - timedelta(hours=1))
    assert tasks.outbox_sweep.delay().get() == 1
    assert OutboxMessage.objects.get().status == OutboxMessage.Status.SENT
