"""Privacy reads: the policy in force, consent state, the DPO's inbox."""

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from qalan.privacy.models import ConsentRecord, Inquiry, PolicyVersion


def policy_current() -> PolicyVersion | None:
    """The latest version that has taken effect (P9.1)."""
    return PolicyVersion.objects.filter(effective_from__lte=timezone.localdate()).order_by("-effective_from", "-id").first()


def policy_versions() -> QuerySet[PolicyVersion]:
    return PolicyVersion.objects.filter(effective_from__lte=timezone.localdate()).order_by("-effective_from", "-id")


def policy_get(*, version: str) -> PolicyVersion:
    policy = policy_versions().filter(version=version).first()
    if policy is None:
        raise Http404
    return policy


def consent_state(*, user, purpose: str) -> ConsentRecord | None:
    """The latest ledger record for a purpose; consent is in force when it is 'given'."""
    return ConsentRecord.objects.filter(user=user, purpose=purpose).order_by("-created_at", "-id").first()


def inquiries_for(*, viewer) -> QuerySet[Inquiry]:
    """The DPO's inbox. Anyone else gets 404: the inbox's existence is not theirs to know."""
    if not (viewer.is_authenticated and viewer.has_role("dpo")):
        raise Http404
    return Inquiry.objects.order_by("-created_at")
