"""Lifecycle jobs for Celery (periodic ones are listed in settings.CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from qalan.lifecycle import retention, services


@shared_task(acks_late=True, reject_on_worker_lost=True)
def erasure_execute(run_id: int) -> str | None:
    """Run or resume one erasure. If the worker dies, the message goes back to the queue and
    the run's lease lets the next worker resume it."""
    run = services.erasure_execute(run_id=run_id)
    return run.status if run is not None else None


@shared_task
def erasure_run_due() -> list[int]:
    return services.erasure_run_due()


@shared_task
def retention_sweep() -> int:
    return retention.retention_run().total
