"""Background jobs of the learning app."""

from celery import shared_task

from qalan.learning.services import digest_send_weekly


@shared_task
def send_weekly_digests() -> int:
    """Queue this week's digest for every linked parent (once per parent and week).

    Meant to run weekly (e.g. Sunday evening); safe to run more often.
    """
    return digest_send_weekly()
