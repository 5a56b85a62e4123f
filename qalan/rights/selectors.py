"""Reads of the rights app, always scoped to the viewer: a person sees their own requests, the
DPO sees the queue; anyone else gets 404."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qalan.accounts.models import Role
from qalan.core.calendar import add_business_days
from qalan.core.consent import ConsentPurpose
from qalan.privacy.selectors import consent_in_force, consent_state
from qalan.rights.models import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    DataExport,
    DataRequest,
    Disclosure,
    RequestKind,
    RequestStatus,
)


def _require_dpo(viewer) -> None:
    if not (viewer is not None and viewer.is_authenticated and viewer.has_role(Role.DPO)):
        raise Http404


# --- The person's own ---------------------------------------------------------------------


def requests_for_owner(*, viewer) -> QuerySet[DataRequest]:
    return DataRequest.objects.filter(user=viewer).order_by("-received_at", "-id")


def request_for_owner(*, viewer, request_id: int) -> DataRequest:
    request = requests_for_owner(viewer=viewer).filter(pk=request_id).first()
    if request is None:
        raise Http404
    return request


def request_public_events(*, request: DataRequest):
    return request.events.filter(public=True).order_by("created_at", "id")


def account_deletion_pending(*, viewer) -> DataRequest | None:
    """The viewer's account deletion waiting for its cool-off to end, if any."""
    return (
        requests_for_owner(viewer=viewer)
        .filter(kind=RequestKind.DELETION, status__in=OPEN_STATUSES, erasure_after__isnull=False)
        .first()
    )


def disclosures_for(*, viewer) -> QuerySet[Disclosure]:
    return Disclosure.objects.filter(user=viewer).select_related("recipient").order_by("-disclosed_at")


def exports_for(*, viewer) -> QuerySet[DataExport]:
    return DataExport.objects.filter(user=viewer).order_by("-created_at")


# What withdrawing each consent changes, shown before the button (P2.2.a, P6.3).
CONSENT_CONSEQUENCES = {
    ConsentPurpose.PLATFORM.value: gettext_lazy(
        "Without this consent we cannot provide the platform: your account is deleted, and you lose your "
        "learning materials and history. Payment records stay in an archive for the period the law requires."
    ),
    ConsentPurpose.MARKETING.value: gettext_lazy(
        "You no longer receive news and offers. Service messages still reach you."
    ),
    ConsentPurpose.ANALYTICS.value: gettext_lazy(
        "We stop counting your visits in anonymous statistics. Nothing else changes."
    ),
    ConsentPurpose.DISCLOSURE.value: gettext_lazy(
        "Your linked teachers and parents no longer see your results and progress; they still see your name, "
        "which the link needs. A teacher cannot then follow your homework."
    ),
    ConsentPurpose.CROSS_BORDER.value: gettext_lazy(
        "We do not transfer your data outside Kazakhstan. Services that need such a transfer stop for you."
    ),
}
# Purposes added by the cookie settings (the privacy app): the browser's cookie choice must
# change with the ledger, so the web sends the user to the cookie settings for them.
COOKIE_PURPOSES = ("preferences", "analytics", "advertising")
CONSENT_CONSEQUENCES.update(
    {
        "preferences": gettext_lazy(
            "The site no longer remembers your language and video sound settings between visits."
        ),
        "advertising": gettext_lazy("We set no advertising or referral cookies; offers are no longer tailored to you."),
    }
)
DEFAULT_CONSEQUENCE = gettext_lazy("We stop processing your data for this purpose. Nothing else changes.")


@dataclass
class ConsentLine:
    purpose: str
    label: str
    in_force: bool
    since: object
    consequence: str
    withdrawable: bool
    cookie: bool = False


def consents_for(*, viewer) -> list[ConsentLine]:
    """Each consent purpose with its state and the consequence of withdrawing it."""
    lines = []
    for purpose in ConsentPurpose:
        latest = consent_state(user=viewer, purpose=purpose)
        lines.append(
            ConsentLine(
                purpose=purpose.value,
                label=str(purpose.label),
                in_force=consent_in_force(user=viewer, purpose=purpose.value),
                since=latest.created_at if latest else None,
                consequence=str(CONSENT_CONSEQUENCES.get(purpose.value, DEFAULT_CONSEQUENCE)),
                withdrawable=purpose != ConsentPurpose.PLATFORM,
                cookie=purpose.value in COOKIE_PURPOSES,
            )
        )
    return lines


# --- Who can see or received my data ------------------------------------------------------

RELATION_SEES = {
    "teacher": gettext_lazy("Your teacher: sees your name, learning results, assignment statistics and progress."),
    "parent": gettext_lazy("Your parent or legal representative: sees your activity on the platform."),
    "child": gettext_lazy("Your child: sees only your name, which the link needs."),
    "student": gettext_lazy("A student you teach: sees only your name."),
    "parent_of_student": gettext_lazy("A parent of a student you teach: sees only your name."),
}


def _related_people(user) -> dict[int, str]:
    # The schools app (a layer below) owns classes and parent links.
    from qalan.schools.selectors import related_user_ids

    return related_user_ids(viewer=user)


def _display_name(user) -> str:
    profile = getattr(user, "profile", None)
    return (profile.full_name if profile else "") or user.username


def who_sees(*, viewer) -> dict:
    """Linked people and what each sees (P3.3, P5.4.b, P5.4.c), and the classmates' count."""
    from qalan.accounts.models import User

    related = _related_people(viewer)
    people_ids = [pk for pk, relation in related.items() if relation in RELATION_SEES]
    users = {u.pk: u for u in User.objects.filter(pk__in=people_ids).select_related("profile")}
    disclosure_withdrawn = not consent_in_force(user=viewer, purpose=ConsentPurpose.DISCLOSURE)
    people = []
    for pk in people_ids:
        if pk not in users:
            continue
        relation = related[pk]
        sees = str(RELATION_SEES[relation])
        if disclosure_withdrawn and relation in ("teacher", "parent"):
            sees = _("Sees only your name: you withdrew the consent to show your results.")
        people.append({"name": _display_name(users[pk]), "relation": relation, "sees": sees})
    people.sort(key=lambda p: (p["relation"], p["name"].lower()))
    classmates = sum(1 for relation in related.values() if relation == "classmate")
    return {
        "people": people,
        "classmates": classmates,
        "restricted": bool(getattr(getattr(viewer, "profile", None), "restrict_dissemination", False)),
    }


# --- The DPO workspace --------------------------------------------------------------------

QUEUE_FILTERS = ("open", "due_soon", "overdue", "closed", "all")


def requests_for_dpo(*, viewer, show: str = "open", kind: str = "", today: date | None = None) -> QuerySet[DataRequest]:
    """The DPO's queue, soonest due first."""
    _require_dpo(viewer)
    today = today or timezone.localdate()
    requests = DataRequest.objects.select_related("user", "assigned_to")
    if show == "open":
        requests = requests.filter(status__in=OPEN_STATUSES)
    elif show == "due_soon":
        horizon = add_business_days(today, settings.QALAN_REQUEST_REMINDER_DAYS)
        requests = requests.filter(status__in=OPEN_STATUSES, due_on__gte=today, due_on__lte=horizon)
    elif show == "overdue":
        requests = requests.filter(status__in=OPEN_STATUSES, due_on__lt=today)
    elif show == "closed":
        requests = requests.filter(status__in=CLOSED_STATUSES)
    if kind in RequestKind.values:
        requests = requests.filter(kind=kind)
    if show == "closed":
        return requests.order_by("-closed_at", "-id")
    return requests.order_by("due_on", "received_at", "id")


def request_for_dpo(*, viewer, request_id: int) -> DataRequest:
    _require_dpo(viewer)
    request = (
        DataRequest.objects.select_related("user__profile", "assigned_to", "verified_by").filter(pk=request_id).first()
    )
    if request is None:
        raise Http404
    return request


def sla_board(*, viewer, today: date | None = None) -> dict:
    """Counts for the SLA board: open, due soon, overdue, and answers on time or late in the
    last 30 days."""
    _require_dpo(viewer)
    today = today or timezone.localdate()
    horizon = add_business_days(today, settings.QALAN_REQUEST_REMINDER_DAYS)
    open_requests = DataRequest.objects.filter(status__in=OPEN_STATUSES)
    since = timezone.now() - timedelta(days=30)
    closed = list(
        DataRequest.objects.filter(
            status__in=(RequestStatus.ANSWERED, RequestStatus.REFUSED), closed_at__gte=since
        ).values_list("closed_at", "due_on")
    )
    on_time = sum(1 for closed_at, due_on in closed if timezone.localdate(closed_at) <= due_on)
    return {
        "open": open_requests.count(),
        "verifying": open_requests.filter(status=RequestStatus.VERIFYING).count(),
        "due_soon": open_requests.filter(due_on__gte=today, due_on__lte=horizon).count(),
        "overdue": open_requests.filter(due_on__lt=today).count(),
        "answered_on_time": on_time,
        "answered_late": len(closed) - on_time,
        "horizon": horizon,
        "today": today,
    }


def dpo_users(*, viewer):
    from qalan.accounts.models import User

    _require_dpo(viewer)
    return User.objects.filter(role=Role.DPO, is_active=True).order_by("username")


def request_search(*, viewer, query: str) -> QuerySet[DataRequest]:
    """Find requests by number, requester or account (DPO only)."""
    requests = requests_for_dpo(viewer=viewer, show="all")
    query = (query or "").strip().lstrip("#")
    if not query:
        return requests.none()
    condition = (
        Q(requester_name__icontains=query) | Q(account_identifier__iexact=query) | Q(user__username__iexact=query)
    )
    if query.isdigit():
        condition |= Q(pk=int(query))
    return requests.filter(condition)


def account_by_identifier(identifier: str) -> object | None:
    """The account named by a username or phone (one active match or none). For services only:
    what it finds is never told to an unverified requester."""
    from django.core.exceptions import ValidationError

    from qalan.accounts.models import User
    from qalan.core.contacts import normalize_kz_mobile

    identifier = (identifier or "").strip()
    if not identifier:
        return None
    user = User.objects.filter(username__iexact=identifier, is_active=True).first()
    if user is not None:
        return user
    try:
        phone = normalize_kz_mobile(identifier)
    except ValidationError:
        return None
    matches = list(User.objects.filter(phone=phone, is_active=True)[:2])
    return matches[0] if len(matches) == 1 else None


def account_find(*, viewer, identifier: str):
    """An account by username or phone, for the DPO entering a request or a disclosure."""
    _require_dpo(viewer)
    return account_by_identifier(identifier)


def recipients_register() -> QuerySet:
    """The register is public information about the operator (P5.4, P5.5)."""
    from qalan.rights.models import Recipient

    return Recipient.objects.order_by("name")


def disclosure_log(*, viewer) -> QuerySet[Disclosure]:
    _require_dpo(viewer)
    return Disclosure.objects.select_related("recipient", "user").order_by("-disclosed_at", "-id")
