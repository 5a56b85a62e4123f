"""Privacy reads: the policy in force, consent state, the DPO's inbox."""

import time
from dataclasses import dataclass

from django.conf import settings
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone

from qalan.core.memo import memo_forget, memo_get
from qalan.privacy.models import ConsentRecord, Inquiry, PolicyVersion


def _published() -> QuerySet[PolicyVersion]:
    return PolicyVersion.objects.filter(published_at__isnull=False)


def policy_current() -> PolicyVersion | None:
    """The latest published version that has taken effect (P9.1)."""
    return _published().filter(effective_from__lte=timezone.localdate()).order_by("-effective_from", "-id").first()


def policy_upcoming() -> PolicyVersion | None:
    """A published version that takes effect later (announced in advance)."""
    return _published().filter(effective_from__gt=timezone.localdate()).order_by("effective_from", "id").first()


def policy_versions() -> QuerySet[PolicyVersion]:
    """Every published version, the upcoming one included, newest first."""
    return _published().order_by("-effective_from", "-id")


def policy_previous(policy: PolicyVersion) -> PolicyVersion | None:
    return (
        _published()
        .filter(effective_from__lte=policy.effective_from)
        .exclude(pk=policy.pk)
        .order_by("-effective_from", "-id")
        .first()
    )


# The newest published material version, shared by every request of this process: it changes
# when staff publish a version (saving or deleting one clears it at once in this process, see
# ``receivers``) and other processes see it within ``POLICY_MEMO_SECONDS``. Versions are announced
# days before they take effect, so half a minute of delay across processes changes nothing.
POLICY_MEMO_SECONDS = 30.0  # settings.QALAN_POLICY_MEMO_SECONDS overrides
_policy_memo: tuple[float, PolicyVersion | None] | None = None


def policy_memo_clear() -> None:
    global _policy_memo
    _policy_memo = None


def policy_material_newest() -> PolicyVersion | None:
    global _policy_memo
    now = time.monotonic()
    ttl = getattr(settings, "QALAN_POLICY_MEMO_SECONDS", POLICY_MEMO_SECONDS)
    if _policy_memo is not None and 0 <= now - _policy_memo[0] < ttl:
        return _policy_memo[1]
    candidate = _published().filter(is_material=True).order_by("-effective_from", "-id").first()
    _policy_memo = (now, candidate)
    return candidate


@dataclass(frozen=True)
class PlatformConsent:
    """One user's platform consent as the per-request gates need it, read in one query."""

    latest_action: str | None
    candidate_id: int | None
    gave_candidate: bool

    @property
    def in_force(self) -> bool:
        return self.latest_action == ConsentRecord.Action.GIVEN


def platform_consent(*, user) -> PlatformConsent:
    """The latest platform consent and whether the user gave it under the newest material policy
    version, from one small query (a person has a platform record per version they accepted or
    withdrew), remembered for the rest of the request: the consent gate and the policy notice both
    ask. ``consent_give``/``consent_withdraw`` forget it."""
    candidate = policy_material_newest()
    candidate_id = candidate.pk if candidate is not None else None

    def read() -> PlatformConsent:
        rows = list(
            ConsentRecord.objects.filter(user=user, purpose="platform")
            .order_by("-created_at", "-id")
            .values_list("action", "policy_version_id")
        )
        given = ConsentRecord.Action.GIVEN
        return PlatformConsent(
            latest_action=rows[0][0] if rows else None,
            candidate_id=candidate_id,
            gave_candidate=candidate_id is not None and (given, candidate_id) in rows,
        )

    return memo_get(("platform_consent", user.pk, candidate_id), read)


def platform_consent_forget(user) -> None:
    candidate = policy_material_newest()
    memo_forget(("platform_consent", user.pk, candidate.pk if candidate is not None else None))


def policy_notice_pending(*, user) -> PolicyVersion | None:
    """The newest published material version this user has not yet consented to (P9.2).

    A user who registered under it (or later) has nothing pending: registration consent names
    the version in force.
    """
    if not user.is_authenticated:
        return None
    candidate = policy_material_newest()
    if candidate is None:
        return None
    if platform_consent(user=user).gave_candidate:
        return None
    if user.date_joined >= candidate.published_at and candidate.effective_from <= timezone.localdate():
        return None
    return candidate


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


def policy_diff(old: PolicyVersion, new: PolicyVersion) -> list[tuple[str, str]]:
    """Changed lines between two texts: ("removed" | "added", line)."""
    import difflib

    changes = []
    for line in difflib.ndiff(old.body.splitlines(), new.body.splitlines()):
        if line.startswith("- "):
            changes.append(("removed", line[2:]))
        elif line.startswith("+ "):
            changes.append(("added", line[2:]))
    return changes


def consent_states(*, user) -> list[dict]:
    """Each purpose with whether it is in force and when it last changed."""
    from qalan.core.consent import ConsentPurpose

    states = []
    for purpose in ConsentPurpose:
        latest = consent_state(user=user, purpose=purpose.value)
        states.append(
            {
                "purpose": purpose.value,
                "label": str(purpose.label),
                "in_force": consent_in_force(user=user, purpose=purpose.value),
                "changed_at": latest.created_at if latest else None,
            }
        )
    return states


def consent_history(*, user) -> QuerySet[ConsentRecord]:
    return ConsentRecord.objects.filter(user=user).select_related("policy_version").order_by("-created_at", "-id")


def guardian_child(*, viewer, child_id: int):
    """The child whose linked parent ``viewer`` is (parent links are the schools app's, which
    answers ``core.hooks.guardian_child``); 404 for anybody else."""
    from django.http import Http404

    from qalan.core import hooks

    child = hooks.ask(hooks.guardian_child, sender="privacy", viewer=viewer, child_id=child_id)
    if child is None:
        raise Http404
    return child


def _latest_action(purpose: str) -> Subquery:
    """The action of a user's latest ledger record for ``purpose`` (for a query on users)."""
    return Subquery(
        ConsentRecord.objects.filter(user_id=OuterRef("user_id"), purpose=purpose)
        .order_by("-created_at", "-id")
        .values("action")[:1]
    )


def consent_holders(*, purpose: str) -> QuerySet:
    """The ids of users whose consent for ``purpose`` is in force now (the audience of a
    newsletter for "marketing"): the latest record is "given", or, for a purpose that platform
    consent covers, there is no record and platform consent is in force. The same rule as
    ``consent_in_force``, as one query: a withdrawal takes the user out."""
    in_force = Q(latest=ConsentRecord.Action.GIVEN)
    if CONSENT_DEFAULTS[purpose]:
        in_force |= Q(latest__isnull=True, platform=ConsentRecord.Action.GIVEN)
    return (
        ConsentRecord.objects.annotate(latest=_latest_action(purpose), platform=_latest_action("platform"))
        .filter(in_force)
        .values_list("user_id", flat=True)
        .distinct()
    )
