"""The breach register on the DPO workspace: the list with its alarms, recording and updating
an incident, the notice to the authorised body (page and text document), the notices to the
people affected. Everyone but the DPO gets 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from qalan.core.feedback import apply_service_errors, error_messages
from qalan.rights import breaches
from qalan.rights.forms import IncidentAuthorityForm, IncidentForm
from qalan.rights.services.breaches import (
    incident_alarm,
    incident_authority_notify,
    incident_people_notify,
    incident_record,
    incident_update,
)

FIELDS = (
    "summary",
    "description",
    "occurred_at",
    "discovered_at",
    "categories",
    "affected_count",
    "measures",
    "status",
)


def _people(request, form: IncidentForm) -> list | None:
    """The accounts the form links, or None (with the error on the form) when a line names none."""
    users, unknown = breaches.incident_people_find(
        viewer=request.user, identifiers=form.cleaned_data["people"], selection=form.cleaned_data["selection"]
    )
    if unknown:
        form.add_error(
            "people",
            _("Lines %(lines)s name no single active account. Check the username or phone.")
            % {"lines": ", ".join(map(str, unknown))},
        )
        return None
    return users


@never_cache
@login_required
def incidents(request):
    show = "all" if request.GET.get("show") == "all" else "open"
    listed = list(breaches.incidents_for_dpo(viewer=request.user, show=show)[:300])
    now = timezone.now()
    return render(
        request,
        "rights/dpo/incidents.html",
        {
            "incidents": [(i, incident_alarm(i, now=now)) for i in listed],
            "alarms": breaches.incident_alarms(viewer=request.user, now=now),
            "show": show,
        },
    )


@never_cache
@login_required
def incident_new(request):
    breaches.incidents_for_dpo(viewer=request.user)  # 404 for anyone but the DPO
    form = IncidentForm(
        request.POST or None, initial={"discovered_at": timezone.localtime().replace(second=0, microsecond=0)}
    )
    if request.method == "POST" and form.is_valid():
        people = _people(request, form)
        if people is not None:
            try:
                incident = incident_record(
                    actor=request.user, people=people, **{k: form.cleaned_data[k] for k in FIELDS}
                )
            except ValidationError as exc:
                apply_service_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("Incident #%(number)s is recorded. Notify the authorised body by the end of %(due)s.")
                    % {"number": incident.pk, "due": incident.authority_due_on.strftime("%d.%m.%Y")},
                )
                return redirect("rights:dpo_incident", incident.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "rights/dpo/incident_new.html", {"form": form}, status=status)


def _detail(request, incident, *, form=None, authority_form=None, status=200):
    initial = {k: getattr(incident, k) for k in FIELDS}
    for name in ("occurred_at", "discovered_at"):
        if initial[name] is not None:
            initial[name] = timezone.localtime(initial[name])
    context = {
        "incident": incident,
        "alarm": incident_alarm(incident),
        "people": incident.people.select_related("user").order_by("id")[:500],
        "people_total": incident.people.count(),
        "people_waiting": incident.people.filter(notified_at=None, user__isnull=False).count(),
        "people_told": incident.people.exclude(notified_at=None).count(),
        "form": form or IncidentForm(initial=initial),
        "authority_form": authority_form or IncidentAuthorityForm(),
        **breaches.incident_notice_context(incident),
    }
    return render(request, "rights/dpo/incident.html", context, status=status)


@never_cache
@login_required
def incident_view(request, incident_id: int):
    incident = breaches.incident_for_dpo(viewer=request.user, incident_id=incident_id)
    if request.method != "POST":
        return _detail(request, incident)
    form = IncidentForm(request.POST)
    if form.is_valid():
        people = _people(request, form)
        if people is not None:
            changes = {k: form.cleaned_data[k] for k in FIELDS}
            for name in ("occurred_at", "discovered_at"):
                # The form shows minutes: an unchanged field keeps its stored seconds.
                stored = getattr(incident, name)
                if stored is not None and changes[name] == timezone.localtime(stored).replace(second=0, microsecond=0):
                    changes[name] = stored
            try:
                incident_update(actor=request.user, incident=incident, people=people, **changes)
            except ValidationError as exc:
                apply_service_errors(form, exc)
            else:
                messages.success(request, _("The incident is updated."))
                return redirect("rights:dpo_incident", incident.pk)
    return _detail(request, incident, form=form, status=400)


@never_cache
@login_required
def incident_notice(request, incident_id: int):
    """The notice to the authorised body, as a page to print."""
    incident = breaches.incident_for_dpo(viewer=request.user, incident_id=incident_id)
    return render(request, "rights/dpo/incident_notice.html", breaches.incident_notice_context(incident))


@never_cache
@login_required
def incident_notice_download(request, incident_id: int):
    incident = breaches.incident_for_dpo(viewer=request.user, incident_id=incident_id)
    text = breaches.incident_notice_text(viewer=request.user, incident=incident)
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="incident-{incident.pk}-notice.txt"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def incident_action(request, incident_id: int, action: str):
    incident = breaches.incident_for_dpo(viewer=request.user, incident_id=incident_id)
    if action == "authority":
        form = IncidentAuthorityForm(request.POST)
        if form.is_valid():
            try:
                incident_authority_notify(actor=request.user, incident=incident, **form.cleaned_data)
            except ValidationError as exc:
                apply_service_errors(form, exc)
            else:
                messages.success(request, _("The notice to the authorised body is recorded."))
                return redirect("rights:dpo_incident", incident.pk)
        return _detail(request, incident, authority_form=form, status=400)
    if action == "notify-people":
        try:
            told = incident_people_notify(actor=request.user, incident=incident)
        except ValidationError as exc:
            error_messages(request, exc)
        else:
            if told:
                messages.success(
                    request,
                    ngettext("%(count)s person was notified.", "%(count)s people were notified.", told)
                    % {"count": told},
                )
            else:
                messages.info(request, _("Nobody is waiting for a notice: everyone linked was already notified."))
        return redirect("rights:dpo_incident", incident.pk)
    return redirect("rights:dpo_incident", incident.pk)
