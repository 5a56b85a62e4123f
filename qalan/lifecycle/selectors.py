"""Lifecycle reads: legal holds in force, account blocks, erasure runs, the archive (scoped to
the viewer's role; anyone else gets 404)."""

import contextlib

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from qalan.accounts.models import Role
from qalan.core import inventory
from qalan.lifecycle.archive import lookup_key
from qalan.lifecycle.models import AccountBlock, ArchivedRecord, ErasureRun, LegalHold

HOLD_ROLES = (Role.DPO, Role.ADMIN)
BLOCK_ROLES = (Role.SUPPORT, Role.DPO, Role.ADMIN)
ARCHIVE_ROLES = (Role.ACCOUNTANT,)


# --- Legal holds ----------------------------------------------------------------------------


def legal_holds_active(*, today=None) -> QuerySet[LegalHold]:
    """Holds in force: not released, and their end date not passed (they end by themselves)."""
    return LegalHold.objects.filter(released_at__isnull=True, ends_on__gte=today or timezone.localdate())


def held_datasets(*, today=None) -> dict[str, LegalHold]:
    """Model label (lower case) -> the hold that freezes the whole data set (the longest one)."""
    holds = legal_holds_active(today=today).filter(scope=LegalHold.Scope.DATASET).order_by("ends_on")
    return {hold.dataset.lower(): hold for hold in holds}


def held_user_ids(*, today=None) -> set[int]:
    return set(legal_holds_active(today=today).filter(scope=LegalHold.Scope.USER).values_list("user_id", flat=True))


def user_hold(user) -> LegalHold | None:
    return legal_holds_active().filter(scope=LegalHold.Scope.USER, user=user).order_by("-ends_on").first()


def holds_blocking_erasure(user) -> list[LegalHold]:
    """Holds that stop ``user``'s erasure: one on the user, or on a data set holding their rows."""
    blocking = list(legal_holds_active().filter(scope=LegalHold.Scope.USER, user=user))
    for label, hold in held_datasets().items():
        entry = inventory.entry_for(label)
        if isinstance(entry, inventory.Declaration) and entry.rows_for(user).exists():
            blocking.append(hold)
    return blocking


def legal_holds_for(*, viewer) -> QuerySet[LegalHold]:
    """Every hold, for the DPO (and admin); anyone else gets 404."""
    if not (viewer.is_authenticated and viewer.has_role(*HOLD_ROLES)):
        raise Http404
    return LegalHold.objects.select_related("user", "created_by", "released_by").order_by("released_at", "-created_at")


def legal_hold_get(*, viewer, hold_id: int) -> LegalHold:
    hold = legal_holds_for(viewer=viewer).filter(pk=hold_id).first()
    if hold is None:
        raise Http404
    return hold


def erasure_runs_for(*, viewer) -> QuerySet[ErasureRun]:
    """Erasure runs with their steps, for the DPO (and admin)."""
    if not (viewer.is_authenticated and viewer.has_role(*HOLD_ROLES)):
        raise Http404
    return ErasureRun.objects.select_related("user", "held_by").prefetch_related("steps")


def erasure_pending(user) -> ErasureRun | None:
    """A scheduled, running or held erasure of ``user`` (the privacy centre shows it)."""
    open_states = (ErasureRun.Status.SCHEDULED, ErasureRun.Status.RUNNING, ErasureRun.Status.HELD)
    return ErasureRun.objects.filter(user=user, status__in=open_states).order_by("-created_at").first()


# --- Account blocks -------------------------------------------------------------------------


def active_block(user) -> AccountBlock | None:
    if user is None or not getattr(user, "is_authenticated", False) or user.pk is None:
        return None
    return AccountBlock.objects.filter(user=user, lifted_at__isnull=True).order_by("-created_at").first()


def sign_in_refusal(user) -> str | None:
    """Why ``user`` may not sign in (blocked for a breach of the rules), or None.

    Listed in ``settings.QALAN_SIGN_IN_CHECKS``: the web and API sign-in show this text.
    """
    from django.utils.translation import gettext as _

    block = active_block(user)
    if block is None:
        return None
    return _(
        "Your account is blocked: %(reason)s. %(explanation)s If you think this is a mistake, write to us "
        "through the contact page (/contact/) and mention block number %(number)s."
    ) % {"reason": block.get_reason_display(), "explanation": block.explanation, "number": block.pk}


def account_blocks_for(*, viewer) -> QuerySet[AccountBlock]:
    """All blocks, for support, the DPO and admin; anyone else gets 404."""
    if not (viewer.is_authenticated and viewer.has_role(*BLOCK_ROLES)):
        raise Http404
    return AccountBlock.objects.select_related("user", "created_by", "lifted_by").order_by("lifted_at", "-created_at")


def account_block_get(*, viewer, block_id: int) -> AccountBlock:
    block = account_blocks_for(viewer=viewer).filter(pk=block_id).first()
    if block is None:
        raise Http404
    return block


# --- The archive ----------------------------------------------------------------------------


def archive_records_for(*, viewer, person: str = "") -> QuerySet[ArchivedRecord]:
    """Archived records, for the accountant only (P5.1.e), optionally of one person found by
    username or phone number. Listing shows no content: reading one is an audited service."""
    if not (viewer.is_authenticated and viewer.has_role(*ARCHIVE_ROLES)):
        raise Http404
    records = ArchivedRecord.objects.defer("payload")
    person = (person or "").strip()
    if person:
        from qalan.core.contacts import normalize_kz_mobile

        keys = Q(username_key=lookup_key("username", person))
        with contextlib.suppress(Exception):
            keys |= Q(phone_key=lookup_key("phone", normalize_kz_mobile(person)))
        records = records.filter(keys)
    return records.order_by("-archived_at", "-id")


def archive_record_get(*, viewer, record_id: int) -> ArchivedRecord:
    record = archive_records_for(viewer=viewer).filter(pk=record_id).first()
    if record is None:
        raise Http404
    return record
