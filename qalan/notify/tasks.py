from celery import shared_task

from qalan.notify.services import message_deliver


@shared_task(autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=5)
def deliver_message(message_id: int) -> None:
    message_deliver(message_id=message_id)
