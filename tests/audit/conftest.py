import pytest

from qalan.audit.head import head_write
from qalan.audit.models import AuditEvent


def anchor_head() -> None:
    """Write the head as the after-commit callbacks would (tests run in one transaction that
    never commits, so ``audit_record``'s callbacks do not run)."""
    last = AuditEvent.objects.order_by("-id").first()
    if last is not None:
        head_write(event_id=last.pk, event_hash=last.hash, force=True)


@pytest.fixture
def audit_head(db):
    anchor_head()
    return anchor_head
