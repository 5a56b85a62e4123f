"""Background jobs of the learning app."""

from celery import shared_task

from qalan.learning.services import digest_send_weekly
from qalan.learning.sittings import submissions_close_expired


@shared_task
def send_weekly_digests() -> int:
    """Queue this week's digest for every linked parent (once per parent and week).

    Meant to run weekly (e.g. Sunday evening); safe to run more often.
    """
    return digest_send_weekly()


@shared_task
def close_expired_sittings() -> int:
    """Submit the saved answers of every test or homework whose time ran out (every minute)."""
    return submissions_close_expired()
