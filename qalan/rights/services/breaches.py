"""The breach register: recording an incident, its deadline for the authorised body (one KZ
business day after discovery), the notice to the authority, the notices to the people
affected (each once, in their own language) and the DPO's reminders and alarms.

Every change validates, writes and records its audit event in one transaction; audit events
name the incident and counts, never a person.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from qalan.accounts.models import Role, User
from qalan.audit.services import audit_record
from qalan.core.calendar import add_business_days
from qalan.core.inventory import Category
from qalan.notify.models import OutboxMessage
from qalan.notify.services import message_queue
from qalan.rights.models import Incident, IncidentPerson, IncidentStatus
from qalan.rights.services._common import _fmt, _require_dpo, site_url

# The categories an incident may name: every personal category of the inventory.
INCIDENT_CATEGORIES = [c for c in Category if c != Category.NONE]

# The alarm states of an incident's notice to the authority (the DPO workspace and the API).
PENDING, DUE_SOON, OVERDUE, NOTIFIED, NOTIFIED_LATE = "pending", "due_soon", "overdue", "notified", "notified_late"

# Fields the DPO may change after recording (the audit event lists which ones changed).
EDITABLE = (
    "summary",
    "description",
    "occurred_at",
    "discovered_at",
    "categories",
    "affected_count",
    "measures",
    "status",
)


def incident_deadline(discovered_at: datetime) -> date:
    """The day the authority must have the notice by: one business day (KZ calendar, with
    holidays and transferred days) after the day of discovery, in Almaty time."""
    return add_business_days(timezone.localdate(discovered_at), settings.QALAN_BREACH_AUTHORITY_DAYS)


def incident_deadline_end(due_on: date) -> datetime:
    """The last moment of the due day (local time)."""
    return timezone.make_aware(datetime.combine(due_on + timedelta(days=1), time.min)) - timedelta(microseconds=1)


def incident_alarm(incident: Incident, *, now: datetime | None = None) -> str:
    """Where the notice to the authority stands: pending, due soon, overdue, notified (late)."""
    end = incident_deadline_end(incident.authority_due_on)
    if incident.authority_notified_at is not None:
        return NOTIFIED_LATE if incident.authority_notified_at > end else NOTIFIED
    now = now or timezone.now()
    if now > end:
        return OVERDUE
    if end - now <= timedelta(hours=settings.QALAN_BREACH_ALARM_HOURS):
        return DUE_SOON
    return PENDING


def _clean(values: dict[str, Any], *, linked: int, now: datetime) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not (values.get("summary") or "").strip():
        errors["summary"] = [_("Say in one line what happened.")]
    if not (values.get("description") or "").strip():
        errors["description"] = [_("Describe what happened: how the data was exposed, lost or changed.")]
    discovered = values.get("discovered_at")
    if discovered is None:
        errors["discovered_at"] = [_("Enter when the incident was found.")]
    elif discovered > now:
        errors["discovered_at"] = [
            _("The incident cannot be found in the future. Enter the date and time it was found.")
        ]
    occurred = values.get("occurred_at")
    if occurred is not None:
        if occurred > now:
            errors["occurred_at"] = [
                _("The incident cannot happen in the future. Leave it empty if you do not know when.")
            ]
        elif discovered is not None and occurred > discovered:
            errors["occurred_at"] = [_("The incident cannot happen after it was found. Check both dates.")]
    categories = values.get("categories") or []
    if not categories or any(c not in INCIDENT_CATEGORIES for c in categories):
        errors["categories"] = [_("Choose the categories of personal data the incident concerns.")]
    count = values.get("affected_count")
    if count is None or isinstance(count, bool) or not isinstance(count, int) or count < 0:
        errors["affected_count"] = [_("Enter how many people are affected: a whole number, 0 or more.")]
    elif count < linked:
        errors["affected_count"] = [
            _("%(linked)s people are linked to this incident, more than the %(count)s you entered. Correct the number.")
            % {"linked": linked, "count": count}
        ]
    if values.get("status", IncidentStatus.OPEN) not in IncidentStatus.values:
        errors["status"] = [_("Choose one of the listed statuses.")]
    return errors


def _people_new(incident: Incident, users: Iterable[User]) -> list[User]:
    have = set(incident.people.exclude(user=None).values_list("user_id", flat=True)) if incident.pk else set()
    seen, new = set(have), []
    for user in users:
        if user.pk not in seen:
            seen.add(user.pk)
            new.append(user)
    return new


def _audit(incident: Incident, *, actor, event: str, **extra: Any) -> None:
    audit_record(actor=actor, event_type=f"incident.{event}", extra={"incident": incident.pk, **extra})


def incident_record(
    *,
    actor,
    summary: str,
    description: str,
    discovered_at: datetime | None,
    categories: list[str],
    affected_count: int | None,
    measures: str = "",
    occurred_at: datetime | None = None,
    status: str = IncidentStatus.OPEN,
    people: Iterable[User] = (),
    now: datetime | None = None,
) -> Incident:
    """Record an incident in the register; its deadline for the authority is computed."""
    _require_dpo(actor)
    people = list(dict.fromkeys(people))
    values = {
        "summary": summary,
        "description": description,
        "discovered_at": discovered_at,
        "categories": list(categories or []),
        "affected_count": affected_count,
        "measures": measures,
        "occurred_at": occurred_at,
        "status": status,
    }
    errors = _clean(values, linked=len(people), now=now or timezone.now())
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        incident = Incident.objects.create(
            **{
                **values,
                "summary": summary.strip(),
                "description": description.strip(),
                "measures": (measures or "").strip(),
            },
            authority_due_on=incident_deadline(discovered_at),
            recorded_by=actor,
            closed_at=timezone.now() if status == IncidentStatus.CLOSED else None,
        )
        IncidentPerson.objects.bulk_create([IncidentPerson(incident=incident, user=user) for user in people])
        _audit(
            incident,
            actor=actor,
            event="recorded",
            categories=sorted(values["categories"]),
            affected_count=affected_count,
            linked=len(people),
            due_on=incident.authority_due_on.isoformat(),
        )
    return incident


def incident_update(
    *, actor, incident: Incident, people: Iterable[User] = (), now: datetime | None = None, **changes: Any
) -> Incident:
    """Change what the register says about an incident and link more people; a new time of
    discovery moves the deadline (while the authority is not yet notified)."""
    _require_dpo(actor)
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    with transaction.atomic():
        incident = Incident.objects.select_for_update().get(pk=incident.pk)
        new_people = _people_new(incident, people)
        values = {name: getattr(incident, name) for name in EDITABLE}
        values.update(dict(changes.items()))
        values["categories"] = list(values["categories"] or [])
        linked = incident.people.count() + len(new_people)
        errors = _clean(values, linked=linked, now=now or timezone.now())
        if errors:
            raise ValidationError(errors)
        changed = sorted(name for name in EDITABLE if values[name] != getattr(incident, name))
        for name in changed:
            setattr(incident, name, values[name].strip() if isinstance(values[name], str) else values[name])
        if "discovered_at" in changed and incident.authority_notified_at is None:
            incident.authority_due_on = incident_deadline(incident.discovered_at)
            incident.reminded_on = None
        if "status" in changed:
            incident.closed_at = timezone.now() if incident.status == IncidentStatus.CLOSED else None
        incident.save()
        IncidentPerson.objects.bulk_create([IncidentPerson(incident=incident, user=user) for user in new_people])
        if changed or new_people:
            _audit(
                incident,
                actor=actor,
                event="updated",
                fields=changed,
                linked_added=len(new_people),
                due_on=incident.authority_due_on.isoformat(),
            )
    return incident


def incident_authority_notify(
    *, actor, incident: Incident, reference: str = "", late_reason: str = "", now: datetime | None = None
) -> Incident:
    """Record that the notice was sent to the authorised body (its name as it stands today).
    A notice past its deadline needs the reason for the delay, which the register keeps."""
    _require_dpo(actor)
    now = now or timezone.now()
    with transaction.atomic():
        incident = Incident.objects.select_for_update().get(pk=incident.pk)
        if incident.authority_notified_at is not None:
            raise ValidationError(
                _("The authority was already notified on %(date)s.")
                % {"date": _fmt(timezone.localdate(incident.authority_notified_at))}
            )
        late = now > incident_deadline_end(incident.authority_due_on)
        if late and not (late_reason or "").strip():
            raise ValidationError(
                {
                    "late_reason": [
                        _(
                            "The notice is past its deadline of %(due)s. Say why it is late: the reason is kept with the notice."
                        )
                        % {"due": _fmt(incident.authority_due_on)}
                    ]
                }
            )
        incident.authority_notified_at = now
        incident.authority_reference = (reference or "").strip()
        incident.authority_name = str(settings.QALAN_BREACH_AUTHORITY_NAME)[:300]
        incident.late_reason = (late_reason or "").strip() if late else ""
        incident.save(
            update_fields=[
                "authority_notified_at",
                "authority_reference",
                "authority_name",
                "late_reason",
                "updated_at",
            ]
        )
        _audit(
            incident, actor=actor, event="authority_notified", late=late, due_on=incident.authority_due_on.isoformat()
        )
    return incident


# The notice to a person affected, translated into their profile's language when sent.
PERSON_NOTICE = (
    gettext_noop("Qalan: an incident concerning your personal data"),
    gettext_noop(
        "We found an incident that concerns your personal data on %(date)s. What happened: %(summary)s\n"
        "Data concerned: %(categories)s.\n"
        "What we have done: %(measures)s\n"
        "What you can do: change your password, and do not answer messages that ask for your password or codes. "
        "You can see your data and contact the person responsible for personal data in the privacy centre: %(link)s"
    ),
)


def _person_language(user: User) -> str:
    profile = getattr(user, "profile", None)
    language = getattr(profile, "language", "") or ""
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _person_notice(incident: Incident, language: str) -> tuple[str, str]:
    with translation.override(language):
        values = {
            "date": _fmt(timezone.localdate(incident.discovered_at)),
            "summary": incident.summary,
            "categories": ", ".join(str(Category(c).label) for c in incident.categories),
            "measures": incident.measures or _("we are containing it and will tell you if you need to act."),
            "link": site_url("/privacy/centre/"),
        }
        return _(PERSON_NOTICE[0]), _(PERSON_NOTICE[1]) % values


def incident_people_notify(*, actor, incident: Incident) -> int:
    """Tell every linked person not yet told, in their own language (in-app, and by e-mail
    when they have one). Each person is told once; returns how many were told now."""
    _require_dpo(actor)
    with transaction.atomic():
        incident = Incident.objects.select_for_update().get(pk=incident.pk)
        waiting = list(
            IncidentPerson.objects.select_for_update(of=("self",))
            .filter(incident=incident, notified_at=None, user__isnull=False)
            .select_related("user__profile")
        )
        now = timezone.now()
        for person in waiting:
            language = _person_language(person.user)
            subject, body = _person_notice(incident, language)
            message = message_queue(
                user=person.user,
                channel=OutboxMessage.Channel.INAPP,
                subject=subject,
                body=body,
                kind=OutboxMessage.Kind.SECURITY,
            )
            if person.user.email:
                message_queue(
                    user=person.user,
                    channel=OutboxMessage.Channel.EMAIL,
                    recipient=person.user.email,
                    subject=subject,
                    body=body,
                    kind=OutboxMessage.Kind.SECURITY,
                )
            person.language, person.notified_at, person.message = language, now, message
        IncidentPerson.objects.bulk_update(waiting, ["language", "notified_at", "message"])
        if waiting:
            if incident.people_notified_at is None:
                incident.people_notified_at = now
                incident.save(update_fields=["people_notified_at", "updated_at"])
            _audit(incident, actor=actor, event="people_notified", count=len(waiting))
    return len(waiting)


def incidents_remind(*, now: datetime | None = None) -> int:
    """Once a day per incident whose authority notice is not yet recorded, tell every DPO: a
    reminder before the deadline, an alarm after it. Returns the number of incidents told."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    waiting = Incident.objects.filter(authority_notified_at=None).exclude(reminded_on=today)
    dpos = list(User.objects.filter(role=Role.DPO, is_active=True))
    count = 0
    for incident in waiting:
        overdue = incident_alarm(incident, now=now) == OVERDUE
        with transaction.atomic():
            for dpo in dpos:
                with translation.override(_person_language(dpo)):
                    values = {"number": incident.pk, "due": _fmt(incident.authority_due_on)}
                    text = (
                        _(
                            "ALARM: the notice of incident #%(number)s to the authorised body is overdue: it was due on %(due)s. Send it now and record why it is late."
                        )
                        if overdue
                        else _(
                            "Reminder: the notice of incident #%(number)s to the authorised body is due by the end of %(due)s."
                        )
                    ) % values
                message_queue(
                    user=dpo,
                    channel=OutboxMessage.Channel.INAPP,
                    subject=text,
                    body=text,
                    kind=OutboxMessage.Kind.SECURITY,
                )
            Incident.objects.filter(pk=incident.pk).update(reminded_on=today)
            _audit(incident, actor=None, event="alarm" if overdue else "reminded", dpos=len(dpos))
        count += 1
    return count
