"""Background jobs of the ENT track."""

from celery import shared_task

from qalan.ent.services import mocks_close_expired


@shared_task
def close_expired_mocks() -> int:
    """Submit the saved answers of every ENT mock whose time ran out (every minute)."""
    return mocks_close_expired()
