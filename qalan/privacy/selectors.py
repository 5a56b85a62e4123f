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


# Purposes that registration's platform consent covers (the policy names them as purposes of
# the service, 4.1): in force until the user withdraws them. The others need an explicit "given".
CONSENT_DEFAULTS = {
    "platform": False,
    "disclosure": True,
    "marketing": False,
    "analytics": False,
    "preferences": False,
    "advertising": False,
    "cross_border": False,
}


def consent_in_force(*, user, purpose: str) -> bool:
    latest = consent_state(user=user, purpose=purpose)
    if latest is not None:
        return latest.action == ConsentRecord.Action.GIVEN
    if not CONSENT_DEFAULTS[purpose]:
        return False
    platform = consent_state(user=user, purpose="platform")
    return platform is not None and platform.action == ConsentRecord.Action.GIVEN


def disclosure_allowed(*, student) -> bool:
    """May linked teachers and parents see this student's results (P4.1.c, P5.4.b, P5.4.c)?"""
    return consent_in_force(user=student, purpose="disclosure")


def dissemination_restricted(*, user) -> bool:
    """Has the user forbidden showing their data to other users, e.g. classmates (P6.5)?"""
    return bool(user.profile.restrict_dissemination)


def inquiries_for(*, viewer) -> QuerySet[Inquiry]:
    """The DPO's inbox. Anyone else gets 404: the inbox's existence is not theirs to know."""
    if not (viewer.is_authenticated and viewer.has_role("dpo")):
        raise Http404
    return Inquiry.objects.order_by("-created_at")
