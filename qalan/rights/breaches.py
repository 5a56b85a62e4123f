"""Reads of the breach register for the DPO (everyone else gets 404), and the notice to the
authorised body as a printable page and a plain-text document."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone, translation

from qalan.core.inventory import Category
from qalan.rights.models import Incident, IncidentStatus
from qalan.rights.services._common import _require_dpo
from qalan.rights.services.breaches import DUE_SOON, OVERDUE, incident_alarm, incident_deadline_end


def incidents_for_dpo(*, viewer, show: str = "open") -> QuerySet[Incident]:
    """The register, the soonest authority deadline first for open incidents."""
    _require_dpo(viewer)
    incidents = Incident.objects.annotate(
        linked=Count("people"), told=Count("people", filter=Q(people__notified_at__isnull=False))
    )
    if show == "open":
        incidents = incidents.filter(
            Q(status__in=[IncidentStatus.OPEN, IncidentStatus.CONTAINED]) | Q(authority_notified_at=None)
        )
        return incidents.order_by("authority_due_on", "id")
    return incidents.order_by("-discovered_at", "-id")


def incident_for_dpo(*, viewer, incident_id: int) -> Incident:
    _require_dpo(viewer)
    incident = Incident.objects.select_related("recorded_by").filter(pk=incident_id).first()
    if incident is None:
        raise Http404
    return incident


def incident_alarms(*, viewer, now: datetime | None = None) -> dict:
    """Incidents whose authority notice is due soon or overdue (the workspace's alarm)."""
    _require_dpo(viewer)
    now = now or timezone.now()
    waiting = [
        (i, incident_alarm(i, now=now))
        for i in Incident.objects.filter(authority_notified_at=None).order_by("authority_due_on", "id")
    ]
    return {
        "overdue": [i for i, state in waiting if state == OVERDUE],
        "due_soon": [i for i, state in waiting if state == DUE_SOON],
    }


def incident_notice_context(incident: Incident) -> dict:
    return {
        "incident": incident,
        "authority_name": settings.QALAN_BREACH_AUTHORITY_NAME,
        "authority_address": settings.QALAN_BREACH_AUTHORITY_ADDRESS,
        "operator": settings.QALAN_OPERATOR,
        "categories": [Category(c).label for c in incident.categories],
        "deadline_end": incident_deadline_end(incident.authority_due_on),
        "alarm": incident_alarm(incident),
        "today": timezone.localdate(),
    }


def incident_notice_text(*, viewer, incident: Incident, language: str | None = None) -> str:
    """The notice to the authorised body as a plain-text document (in the DPO's language)."""
    _require_dpo(viewer)
    with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
        return render_to_string("rights/dpo/incident_notice.txt", incident_notice_context(incident))


# Groups of accounts a DPO may link to an incident at once (``selection``).
SELECTIONS = ("all", "student", "teacher", "parent")


def incident_people_find(*, viewer, identifiers: str = "", selection: str = "") -> tuple[list, list[int]]:
    """The accounts named one a line (username or phone) and those of a group; returns the
    accounts and the numbers of the lines that name no single active account."""
    from qalan.accounts.models import User
    from qalan.rights.selectors import account_find

    _require_dpo(viewer)
    found, unknown = [], []
    for number, line in enumerate((identifiers or "").splitlines(), start=1):
        if not line.strip():
            continue
        user = account_find(viewer=viewer, identifier=line.strip())
        if user is None:
            unknown.append(number)
        else:
            found.append(user)
    if selection in SELECTIONS:
        group = User.objects.filter(is_active=True).order_by("pk")
        if selection != "all":
            group = group.filter(role=selection)
        found.extend(group)
    return list(dict.fromkeys(found)), unknown
