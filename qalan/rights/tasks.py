"""Periodic work of the rights app (Celery beat; in-process without Redis)."""

import logging

from celery import shared_task

from qalan.rights import services

logger = logging.getLogger(__name__)


def _deletions_run() -> int:
    done = 0
    for request in services.account_deletions_due():
        try:
            done += services.account_deletion_execute(request=request)
        except Exception:  # one failing erasure must not stop the others; it is retried next time
            logger.exception("account deletion of request %s failed; it will be retried", request.pk)
    return done


@shared_task
def rights_sweep() -> dict:
    """Every minute: answer automated requests left open, run account deletions whose
    cool-off ended (they wait while the erasure engine is missing), remind the DPO of requests
    due soon or overdue (once a day each)."""
    automated = services.requests_process_pending()
    erased = _deletions_run()
    reminded = services.requests_remind_due()
    return {"automated": automated, "erased": erased, "reminded": reminded}


@shared_task
def breach_sweep() -> dict:
    """Every five minutes: remind the DPO of incidents whose notice to the authorised body is
    due, and raise the alarm on those past the deadline (once a day each)."""
    from qalan.rights.services.breaches import incidents_remind

    return {"reminded": incidents_remind()}
