from celery import shared_task
from django.db import InterfaceError, OperationalError

from qalan.notify.services import message_deliver
from qalan.notify.services import outbox_sweep as outbox_sweep_run


# Retried while the mail or SMS gateway or the database is away (qalan.celery.QalanTask):
# the message stays queued until it is sent, and a sent message is never sent twice.
@shared_task(autoretry_for=(ConnectionError, OperationalError, InterfaceError))
def deliver_message(message_id: int) -> None:
    message_deliver(message_id=message_id)


# The safety net for messages that never reached a worker (the broker was away at commit).
@shared_task(autoretry_for=(OperationalError, InterfaceError))
def outbox_sweep() -> int:
    return outbox_sweep_run()
