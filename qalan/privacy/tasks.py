from celery import shared_task

from qalan.privacy.services import policy_announce_batch as announce


@shared_task
def policy_announce_batch(policy_id: int, after_user_id: int) -> None:
    """One batch of announcements, then the next one as a new task (no long-running job)."""
    last = announce(policy_id=policy_id, after_user_id=after_user_id)
    if last is not None:
        policy_announce_batch.delay(policy_id, last)
