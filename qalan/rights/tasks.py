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


@shared_task
def security_selftest() -> dict:
    """Daily: the in-process security self-test (deployment checks, security headers, the last
    dependency audit), recorded for the DPO."""
    from qalan.rights.security import security_selftest_run

    selftest = security_selftest_run()
    if not selftest.ok:
        # Check names only: the findings are on the DPO's page.
        failed = [name for name, status in selftest.checks.items() if status != "ok"]
        logger.warning("security self-test #%s found problems in: %s", selftest.pk, ", ".join(failed))
    return {"selftest": selftest.pk, "ok": selftest.ok}
