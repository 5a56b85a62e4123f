"""The breach register (issue 13 B7; P5.2.d, P10.3): the authority deadline on the KZ calendar,
the DPO-only workspace and API, the notice to the authorised body, the notices to the people
affected (their language, once), the periodic reminders and alarms, audit and bad input."""

from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from qalan.audit.models import AuditEvent
from qalan.notify.models import OutboxMessage
from qalan.rights.models import Incident, IncidentPerson, TransferredDay
from qalan.rights.services.breaches import (
    DUE_SOON,
    NOTIFIED_LATE,
    OVERDUE,
    PENDING,
    incident_alarm,
    incident_authority_notify,
    incident_people_notify,
    incident_record,
    incident_update,
    incidents_remind,
)
from qalan.rights.tasks import breach_sweep
from tests.conftest import api_as

pytestmark = pytest.mark.django_db


def almaty(*args) -> datetime:
    return timezone.make_aware(datetime(*args))


def record(dpo, *, discovered_at=None, people=(), **changes):
    values = {
        "summary": "Backup copy left readable on a test server",
        "description": "A database backup was readable without a password on a test server for two days.",
        "discovered_at": discovered_at or timezone.now() - timedelta(hours=1),
        "categories": ["identity", "contact"],
        "affected_count": 40,
        "measures": "The copy is deleted and the server closed; passwords are being reset.",
    }
    values.update(changes)
    return incident_record(actor=dpo, people=people, **values)


def events(event_type: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(event_type=event_type).order_by("id"))


# --- The deadline ----------------------------------------------------------------------------


def test_found_on_a_friday_evening_the_authority_notice_is_due_on_monday(dpo):
    incident = record(dpo, discovered_at=almaty(2026, 11, 27, 20, 30))  # Friday, 20:30 in Almaty
    assert incident.authority_due_on == date(2026, 11, 30)  # Monday


def test_found_on_a_monday_morning_it_is_due_on_tuesday(dpo):
    assert record(dpo, discovered_at=almaty(2026, 11, 23, 9, 0)).authority_due_on == date(2026, 11, 24)


def test_public_holidays_and_transferred_days_are_not_business_days(dpo):
    # Independence Day, Tuesday 16 December 2025: found on Monday, due on Wednesday.
    assert record(dpo, discovered_at=almaty(2025, 12, 15, 10, 0)).authority_due_on == date(2025, 12, 17)
    # Victory Day on Saturday 9 May 2026 is carried over to Monday: found on Friday, due Tuesday.
    assert record(dpo, discovered_at=almaty(2026, 5, 8, 18, 0)).authority_due_on == date(2026, 5, 12)
    # A weekday the government made a day off (the operator's table) does not count either.
    TransferredDay.objects.create(date=date(2026, 11, 3), kind=TransferredDay.Kind.DAY_OFF, decree="test decree")
    assert record(dpo, discovered_at=almaty(2026, 11, 2, 12, 0)).authority_due_on == date(2026, 11, 4)


def test_a_new_time_of_discovery_moves_the_deadline_and_is_audited(dpo):
    incident = record(dpo, discovered_at=almaty(2026, 11, 23, 9, 0))
    incident_update(actor=dpo, incident=incident, discovered_at=almaty(2026, 11, 27, 21, 0))
    incident.refresh_from_db()
    assert incident.authority_due_on == date(2026, 11, 30)
    (updated,) = events("incident.updated")
    assert updated.extra["fields"] == ["discovered_at"]


def test_the_alarm_follows_the_deadline(dpo):
    incident = record(dpo, discovered_at=almaty(2026, 11, 27, 20, 30))
    assert incident_alarm(incident, now=almaty(2026, 11, 28, 10, 0)) == PENDING
    assert incident_alarm(incident, now=almaty(2026, 11, 30, 9, 0)) == DUE_SOON
    assert incident_alarm(incident, now=almaty(2026, 11, 30, 23, 59)) == DUE_SOON
    assert incident_alarm(incident, now=almaty(2026, 12, 1, 0, 1)) == OVERDUE


# --- Access ----------------------------------------------------------------------------------


def test_only_the_dpo_sees_the_register_others_get_404(dpo, alice, client):
    incident = record(dpo)
    pages = [
        reverse("rights:dpo_incidents"),
        reverse("rights:dpo_incident_new"),
        reverse("rights:dpo_incident", args=[incident.pk]),
        reverse("rights:dpo_incident_notice", args=[incident.pk]),
        reverse("rights:dpo_incident_notice_download", args=[incident.pk]),
    ]
    client.force_login(alice)
    for page in pages:
        assert client.get(page).status_code == 404, page
    assert client.post(reverse("rights:dpo_incident_action", args=[incident.pk, "notify-people"])).status_code == 404
    outsider = api_as(alice)
    assert outsider.get("/api/v1/dpo/incidents").status_code == 404
    assert outsider.get(f"/api/v1/dpo/incidents/{incident.pk}").status_code == 404
    assert outsider.post("/api/v1/dpo/incidents", {}, format="json").status_code == 404
    assert outsider.post(f"/api/v1/dpo/incidents/{incident.pk}/notify-people").status_code == 404
    assert api_as(None).get("/api/v1/dpo/incidents").status_code == 401
    assert Incident.objects.count() == 1 and not OutboxMessage.objects.filter(subject__icontains="incident").exists()


def test_services_refuse_anyone_but_the_dpo(alice):
    from django.http import Http404

    with pytest.raises(Http404):
        record(alice)
    assert not Incident.objects.exists()


# --- Recording on the web, bad input -----------------------------------------------------------


def form_data(**changes) -> dict:
    data = {
        "summary": "Teacher's laptop stolen",
        "description": "A laptop with an exported class list was stolen from a car.",
        "discovered_at": (timezone.localtime() - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "categories": ["identity", "learning"],
        "affected_count": "2",
        "measures": "The account's sessions are revoked.",
        "status": "open",
        "people": "",
        "selection": "",
    }
    data.update(changes)
    return data


def test_the_dpo_records_an_incident_on_the_web_and_it_is_audited(dpo_client, alice, bob):
    response = dpo_client.post(reverse("rights:dpo_incident_new"), form_data(people="alice\n\nBOB\n"))
    incident = Incident.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("rights:dpo_incident", args=[incident.pk])
    assert incident.categories == ["identity", "learning"] and incident.affected_count == 2
    assert {p.user for p in incident.people.all()} == {alice, bob}
    (recorded,) = events("incident.recorded")
    assert recorded.extra["incident"] == incident.pk and recorded.extra["linked"] == 2
    assert "alice" not in str(recorded.extra) and "bob" not in str(recorded.extra).lower()
    page = dpo_client.get(reverse("rights:dpo_incident", args=[incident.pk])).content.decode()
    assert "Teacher&#x27;s laptop stolen" in page and "alice" in page
    listing = dpo_client.get(reverse("rights:dpo_incidents")).content.decode()
    assert "Teacher&#x27;s laptop stolen" in listing


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"discovered_at": (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")},
            "discovered_at",
            "The incident cannot be found in the future.",
        ),
        ({"affected_count": "-3"}, "affected_count", "Enter how many people are affected: a whole number, 0 or more."),
        ({"affected_count": "1", "people": "alice\nbob"}, "affected_count", "2 people are linked to this incident"),
        ({"people": "alice\nnobody-here"}, "people", "Lines 2 name no single active account."),
        ({"categories": []}, "categories", "This field is required."),
        (
            {"occurred_at": (timezone.localtime() + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")},
            "occurred_at",
            "The incident cannot happen in the future.",
        ),
    ],
)
def test_bad_input_gets_a_clear_error_keeps_what_was_typed_and_changes_nothing(
    dpo_client, alice, bob, changes, field, message
):
    response = dpo_client.post(reverse("rights:dpo_incident_new"), form_data(**changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert field in response.context["form"].errors
    assert response.context["form"]["summary"].value() == "Teacher's laptop stolen"  # nothing typed is lost
    assert not Incident.objects.exists() and not IncidentPerson.objects.exists()
    assert not events("incident.recorded")


def test_the_api_refuses_a_negative_count_and_a_future_discovery(dpo):
    dpo_api = api_as(dpo)
    base = {"summary": "Leak", "description": "A list was sent to the wrong school.", "categories": ["identity"]}
    negative = dpo_api.post(
        "/api/v1/dpo/incidents",
        {**base, "affected_count": -1, "discovered_at": timezone.now().isoformat()},
        format="json",
    )
    assert negative.status_code == 400
    assert negative.json()["errors"]["affected_count"] == [
        "Enter how many people are affected: a whole number, 0 or more."
    ]
    future = dpo_api.post(
        "/api/v1/dpo/incidents",
        {**base, "affected_count": 1, "discovered_at": (timezone.now() + timedelta(days=2)).isoformat()},
        format="json",
    )
    assert future.status_code == 400 and "discovered_at" in future.json()["errors"]
    assert not Incident.objects.exists()


# --- The notice to the authority ---------------------------------------------------------------


def test_the_notice_names_the_authority_from_the_settings_and_downloads_as_text(dpo, dpo_client, settings):
    settings.QALAN_BREACH_AUTHORITY_NAME = "Renamed Ministry of Digital Affairs"
    settings.QALAN_BREACH_AUTHORITY_ADDRESS = "010000, Astana, Test Avenue 1"
    incident = record(dpo, discovered_at=almaty(2026, 11, 27, 20, 30))
    page = dpo_client.get(reverse("rights:dpo_incident_notice", args=[incident.pk])).content.decode()
    assert "Renamed Ministry of Digital Affairs" in page and "010000, Astana, Test Avenue 1" in page
    assert "30.11.2026" in page and "Identity (login, name, date of birth)" in page
    download = dpo_client.get(reverse("rights:dpo_incident_notice_download", args=[incident.pk]))
    assert download["Content-Type"].startswith("text/plain")
    assert download["Content-Disposition"] == f'attachment; filename="incident-{incident.pk}-notice.txt"'
    text = download.content.decode()
    assert "Renamed Ministry of Digital Affairs" in text and "Backup copy left readable on a test server" in text
    assert "40" in text and "The copy is deleted and the server closed" in text and "&#x27;" not in text
    api_text = api_as(dpo).get(f"/api/v1/dpo/incidents/{incident.pk}/notice")
    assert api_text.status_code == 200 and "Renamed Ministry of Digital Affairs" in api_text.content.decode()


def test_the_notice_in_time_is_recorded_with_the_authoritys_name_and_audited(dpo, dpo_client, settings):
    settings.QALAN_BREACH_AUTHORITY_NAME = "Renamed Ministry of Digital Affairs"
    incident = record(dpo)
    response = dpo_client.post(
        reverse("rights:dpo_incident_action", args=[incident.pk, "authority"]), {"reference": "No. 7"}
    )
    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.authority_notified_at and incident.authority_name == "Renamed Ministry of Digital Affairs"
    assert incident.authority_reference == "No. 7" and incident.late_reason == ""
    (notified,) = events("incident.authority_notified")
    assert notified.extra["late"] is False
    again = dpo_client.post(
        reverse("rights:dpo_incident_action", args=[incident.pk, "authority"]), {"reference": "No. 8"}
    )
    assert again.status_code == 400 and "The authority was already notified" in again.content.decode()
    incident.refresh_from_db()
    assert incident.authority_reference == "No. 7" and len(events("incident.authority_notified")) == 1


def test_a_notice_past_its_deadline_shows_the_alarm_and_needs_the_reason(dpo, dpo_client):
    incident = record(dpo, discovered_at=timezone.now() - timedelta(days=10))
    page = dpo_client.get(reverse("rights:dpo_incident", args=[incident.pk])).content.decode()
    assert "The notice to the authorised body is overdue" in page
    queue = dpo_client.get(reverse("rights:dpo_queue")).content.decode()
    assert f"the notice of incident #{incident.pk} to the authorised body was due on" in queue
    assert (
        "Past the deadline"
        in dpo_client.get(reverse("rights:dpo_incident_notice", args=[incident.pk])).content.decode()
    )

    refused = dpo_client.post(
        reverse("rights:dpo_incident_action", args=[incident.pk, "authority"]), {"reference": "No. 9"}
    )
    assert refused.status_code == 400
    assert "The notice is past its deadline" in refused.content.decode()
    assert refused.context["authority_form"]["reference"].value() == "No. 9"
    incident.refresh_from_db()
    assert incident.authority_notified_at is None

    dpo_client.post(
        reverse("rights:dpo_incident_action", args=[incident.pk, "authority"]),
        {"reference": "No. 9", "late_reason": "The server owner told us only today."},
    )
    incident.refresh_from_db()
    assert incident.late_reason == "The server owner told us only today."
    assert incident_alarm(incident) == NOTIFIED_LATE
    assert events("incident.authority_notified")[0].extra["late"] is True
    assert (
        "The notice to the authorised body is overdue"
        not in dpo_client.get(reverse("rights:dpo_incident", args=[incident.pk])).content.decode()
    )


# --- Notices to the people affected ------------------------------------------------------------


def _with_language(user, language: str):
    user.profile.language = language
    user.profile.save()
    return user


def test_each_person_is_told_once_in_their_own_language(dpo, make_student):
    people = {
        language: _with_language(make_student(f"pupil-{language}", email=f"pupil-{language}@example.kz"), language)
        for language in ("kk", "ru", "uz", "en")
    }
    incident = record(dpo, people=people.values(), affected_count=4)
    assert incident_people_notify(actor=dpo, incident=incident) == 4
    for language, user in people.items():
        inapp = OutboxMessage.objects.get(user=user, channel=OutboxMessage.Channel.INAPP)
        email = OutboxMessage.objects.get(user=user, channel=OutboxMessage.Channel.EMAIL)
        with translation.override(language):
            expected = translation.gettext("Qalan: an incident concerning your personal data")
            category = translation.gettext("Contact details (phone, e-mail)")
        assert inapp.subject == expected and email.subject == expected and email.recipient == user.email
        assert category in inapp.body and "Backup copy left readable on a test server" in inapp.body
        assert inapp.kind == OutboxMessage.Kind.SECURITY
        assert user.username not in inapp.body
        person = IncidentPerson.objects.get(incident=incident, user=user)
        assert person.notified_at and person.language == language and person.message == inapp
    assert (
        len(
            {
                m.subject
                for m in OutboxMessage.objects.filter(channel=OutboxMessage.Channel.INAPP, user__in=people.values())
            }
        )
        == 4
    )

    # Sent once: a second press, the API, or a newly linked person only reaches who is waiting.
    assert incident_people_notify(actor=dpo, incident=incident) == 0
    newcomer = make_student("pupil-late")
    incident_update(actor=dpo, incident=incident, people=[newcomer, people["kk"]], affected_count=5)
    answer = api_as(dpo).post(f"/api/v1/dpo/incidents/{incident.pk}/notify-people")
    assert answer.status_code == 200 and answer.json()["notified"] == 1
    assert OutboxMessage.objects.filter(user__in=people.values()).count() == 8
    assert OutboxMessage.objects.filter(user=newcomer, channel=OutboxMessage.Channel.INAPP).count() == 1
    assert [e.extra["count"] for e in events("incident.people_notified")] == [4, 1]
    assert incident.people.count() == 5


def test_the_web_button_tells_people_and_then_says_nobody_waits(dpo, dpo_client, alice):
    incident = record(dpo, people=[alice])
    url = reverse("rights:dpo_incident_action", args=[incident.pk, "notify-people"])
    first = dpo_client.post(url, follow=True).content.decode()
    assert "1 person was notified." in first
    second = dpo_client.post(url, follow=True).content.decode()
    assert "Nobody is waiting for a notice" in second
    assert OutboxMessage.objects.filter(user=alice, channel=OutboxMessage.Channel.INAPP).count() == 1


# --- Reminders and alarms by the periodic task -------------------------------------------------


def test_the_periodic_task_reminds_before_the_deadline_and_alarms_after_once_a_day(dpo):
    incident = record(dpo, discovered_at=almaty(2026, 11, 27, 20, 30))  # due Monday 30.11.2026
    inbox = OutboxMessage.objects.filter(user=dpo, channel=OutboxMessage.Channel.INAPP)

    assert incidents_remind(now=almaty(2026, 11, 28, 9, 0)) == 1
    (reminder,) = inbox.all()
    assert (
        reminder.subject.startswith("Reminder:")
        and f"incident #{incident.pk}" in reminder.subject
        and "30.11.2026" in reminder.subject
    )
    assert incidents_remind(now=almaty(2026, 11, 28, 15, 0)) == 0  # once a day

    assert incidents_remind(now=almaty(2026, 12, 1, 9, 0)) == 1
    alarm = inbox.order_by("-id").first()
    assert alarm.subject.startswith("ALARM:") and "overdue" in alarm.subject
    assert [
        e.event_type
        for e in AuditEvent.objects.filter(event_type__in=["incident.reminded", "incident.alarm"]).order_by("id")
    ] == [
        "incident.reminded",
        "incident.alarm",
    ]

    # Once the authority is notified, nothing more is sent.
    incident_authority_notify(actor=dpo, incident=incident, late_reason="Found late.")
    assert incidents_remind(now=almaty(2026, 12, 2, 9, 0)) == 0
    assert inbox.count() == 2


def test_the_celery_task_runs_the_reminders(dpo):
    record(dpo, discovered_at=timezone.now() - timedelta(days=5))
    assert breach_sweep.delay().get() == {"reminded": 1}
    assert OutboxMessage.objects.filter(user=dpo, subject__startswith="ALARM:").count() == 1


# --- The API -----------------------------------------------------------------------------------


def test_the_dpo_works_an_incident_through_the_api(dpo, alice):
    dpo_api = api_as(dpo)
    created = dpo_api.post(
        "/api/v1/dpo/incidents",
        {
            "summary": "Mail to the wrong parent",
            "description": "A weekly digest went to another parent.",
            "discovered_at": almaty(2026, 11, 27, 20, 30).isoformat(),
            "categories": ["learning"],
            "affected_count": 1,
            "people": ["alice"],
        },
        format="json",
    )
    assert created.status_code == 201, created.json()
    body = created.json()
    assert (
        body["authority_due_on"] == "2026-11-30"
        and body["people_linked"] == 1
        and body["alarm"] in (OVERDUE, PENDING, DUE_SOON)
    )
    number = body["id"]
    listed = dpo_api.get("/api/v1/dpo/incidents").json()
    assert [i["id"] for i in listed] == [number]
    patched = dpo_api.patch(
        f"/api/v1/dpo/incidents/{number}",
        {"measures": "The parent deleted the mail.", "status": "contained"},
        format="json",
    )
    assert patched.status_code == 200 and patched.json()["status"] == "contained"
    late = dpo_api.post(f"/api/v1/dpo/incidents/{number}/authority-notified", {"reference": "A-1"}, format="json")
    assert late.status_code == 400 and "late_reason" in late.json()["errors"]
    done = dpo_api.post(
        f"/api/v1/dpo/incidents/{number}/authority-notified",
        {"reference": "A-1", "late_reason": "Found late."},
        format="json",
    )
    assert done.status_code == 200 and done.json()["alarm"] == NOTIFIED_LATE
    assert dpo_api.post(f"/api/v1/dpo/incidents/{number}/notify-people").json()["notified"] == 1
    assert [e.event_type for e in AuditEvent.objects.filter(event_type__startswith="incident.").order_by("id")] == [
        "incident.recorded",
        "incident.updated",
        "incident.authority_notified",
        "incident.people_notified",
    ]


# --- Erasure -----------------------------------------------------------------------------------


def test_erasing_a_person_keeps_the_register_without_their_identity(dpo, alice, bob):
    from qalan.lifecycle.services import erasure_run

    incident = record(dpo, people=[alice, bob], affected_count=2)
    incident_people_notify(actor=dpo, incident=incident)
    erasure_run(user=alice, actor=None, reason="operator")
    rows = list(IncidentPerson.objects.filter(incident=incident).order_by("id"))
    assert len(rows) == 2 and all(r.notified_at for r in rows)  # the fact that both were told stays
    assert [r.user_id for r in rows].count(None) == 1 and bob.pk in [r.user_id for r in rows]
    incident.refresh_from_db()
    assert incident.affected_count == 2 and incident.description.startswith("A database backup")


def test_the_sweep_command_also_raises_the_breach_alarms(dpo):
    from io import StringIO

    from django.core.management import call_command

    record(dpo, discovered_at=timezone.now() - timedelta(days=5))
    out = StringIO()
    call_command("privacy_sweep", stdout=out)
    assert "incidents_reminded: 1" in out.getvalue()
    assert OutboxMessage.objects.filter(user=dpo, subject__startswith="ALARM:").count() == 1


def test_saving_the_form_unchanged_changes_nothing_and_records_no_update(dpo, dpo_client):
    incident = record(dpo, discovered_at=almaty(2026, 11, 23, 9, 0, 37))
    page = dpo_client.get(reverse("rights:dpo_incident", args=[incident.pk]))
    form = page.context["form"]
    data = {name: form[name].value() for name in form.fields}
    data["discovered_at"] = "2026-11-23T09:00"
    data["occurred_at"] = ""
    data["people"], data["selection"] = "", ""
    response = dpo_client.post(reverse("rights:dpo_incident", args=[incident.pk]), data)
    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.discovered_at == almaty(2026, 11, 23, 9, 0, 37)
    assert not events("incident.updated")
    data["affected_count"] = "41"
    dpo_client.post(reverse("rights:dpo_incident", args=[incident.pk]), data)
    (updated,) = events("incident.updated")
    assert updated.extra["fields"] == ["affected_count"]


@pytest.mark.parametrize(
    ("language", "heading"),
    [("kk", "Инциденттер тізілімі"), ("ru", "Реестр инцидентов"), ("uz", "Insidentlar reyestri")],
)
def test_the_register_and_the_notice_are_in_the_dpos_language(dpo, dpo_client, language, heading):
    incident = record(dpo, discovered_at=timezone.now() - timedelta(days=5))
    dpo_client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    listing = dpo_client.get(reverse("rights:dpo_incidents"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert heading in listing
    with translation.override(language):
        overdue = translation.gettext("Overdue")
        title = translation.gettext("Notice of a personal data breach (incident #%(number)s)") % {"number": incident.pk}
    assert overdue in listing
    notice = dpo_client.get(
        reverse("rights:dpo_incident_notice_download", args=[incident.pk]), HTTP_ACCEPT_LANGUAGE=language
    )
    assert notice.content.decode().startswith(title)
    assert (
        dpo_client.get(reverse("rights:dpo_incident", args=[incident.pk]), HTTP_ACCEPT_LANGUAGE=language).status_code
        == 200
    )
