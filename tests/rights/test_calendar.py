"""Deadlines in business days of Kazakhstan (P6.1, P6.2, P7.3): holidays, transfers, the contract
of `privacy_deadline`."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from qalan.core.calendar import add_business_days, business_days_between, deadline_for, is_business_day
from qalan.rights.models import TransferredDay

pytestmark = pytest.mark.django_db


def deadline(kind: str, received: str) -> str:
    out = StringIO()
    call_command("privacy_deadline", kind, received, stdout=out)
    return out.getvalue().strip().splitlines()[-1]


def test_the_day_of_receipt_is_not_counted():
    # Monday 9 June 2025, an ordinary week: five business days later is Monday 16 June.
    assert add_business_days(date(2025, 6, 9), 5) == date(2025, 6, 16)
    assert add_business_days(date(2025, 6, 9), 1) == date(2025, 6, 10)


def test_weekends_are_not_business_days():
    assert not is_business_day(date(2025, 6, 7))  # Saturday
    assert not is_business_day(date(2025, 6, 8))  # Sunday
    assert is_business_day(date(2025, 6, 9))


def test_nauryz_and_its_carried_over_days_are_skipped():
    # Nauryz 21-23 March 2025 fell on Friday-Sunday; Saturday and Sunday carry over to 24-25 March.
    for day in (21, 24, 25):
        assert not is_business_day(date(2025, 3, day))
    # Received Thursday 20 March: 26, 27, 28, 31 March, 1 April.
    assert deadline("information", "2025-03-20") == "2025-04-01"


def test_information_deadline_across_new_year_and_the_transferred_day_off():
    # 1-2 January 2025 are holidays and Friday 3 January a day off transferred from Sunday 5 January,
    # which became a working day: received 31 December 2024, the business days are 5, 6, 8, 9, 10 January
    # (7 January, Orthodox Christmas, is a day off).
    assert not is_business_day(date(2025, 1, 3))
    assert is_business_day(date(2025, 1, 5))
    assert not is_business_day(date(2025, 1, 7))
    assert deadline("information", "2024-12-31") == "2025-01-10"


def test_a_transferred_working_saturday_counts():
    # Saturday 4 May 2024 was a working day (its day off moved to Wednesday 8 May); 7 and 9 May are holidays.
    assert is_business_day(date(2024, 5, 4))
    assert not is_business_day(date(2024, 5, 8))
    # Received Thursday 2 May: 3 May, 4 May (Saturday), 6, 10 and 13 May.
    assert deadline("information", "2024-05-02") == "2024-05-13"


def test_the_operator_table_overrides_the_holiday_package():
    saturday = date(2030, 6, 1)
    assert not is_business_day(saturday)
    TransferredDay.objects.create(date=saturday, kind=TransferredDay.Kind.WORKING_DAY, decree="test decree")
    assert is_business_day(saturday)
    monday = date(2030, 6, 3)
    TransferredDay.objects.create(date=monday, kind=TransferredDay.Kind.DAY_OFF, decree="test decree")
    assert not is_business_day(monday)
    # Friday 31 May: Saturday 1 June counts, Monday 3 June does not.
    assert add_business_days(date(2030, 5, 31), 2) == date(2030, 6, 4)


@pytest.mark.parametrize(
    ("kind", "received", "due"),
    [
        ("information", "2025-06-09", "2025-06-16"),
        ("correction", "2025-06-09", "2025-06-30"),
        ("deletion", "2025-06-09", "2025-06-30"),
        # Capital Day, Sunday 6 July 2025, carries over to Monday 7 July.
        ("response", "2025-06-09", "2025-07-08"),
    ],
)
def test_each_kind_has_the_policys_deadline(kind, received, due):
    assert deadline(kind, received) == due


def test_deadlines_follow_the_settings(settings):
    settings.QALAN_REQUEST_DEADLINES = {**settings.QALAN_REQUEST_DEADLINES, "information": 3}
    assert deadline_for("information", date(2025, 6, 9)) == date(2025, 6, 12)


def test_business_days_between_counts_after_the_start():
    assert business_days_between(date(2025, 6, 9), date(2025, 6, 16)) == 5
    # Kurban Ait, Friday 6 June 2025, is a day off.
    assert business_days_between(date(2025, 6, 2), date(2025, 6, 9)) == 4
    assert business_days_between(date(2025, 6, 9), date(2025, 6, 2)) == 0


@pytest.mark.parametrize("bad", ["2025-13-01", "20250320", "2025-W12-4", "yesterday", "31.03.2025"])
def test_a_malformed_date_gets_a_clear_error(bad):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("privacy_deadline", "information", bad, stdout=StringIO())


def test_an_unknown_kind_is_refused():
    with pytest.raises(CommandError):
        call_command("privacy_deadline", "holiday", "2025-06-02", stdout=StringIO())


def test_the_command_exits_non_zero_on_a_bad_date():
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "manage.py", "privacy_deadline", "information", "2025-02-30"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "DJANGO_SETTINGS_MODULE": "qalan.test_settings"},
    )
    assert result.returncode != 0
    assert "YYYY-MM-DD" in result.stderr


def test_the_calendar_command_audits_every_change_of_deadlines():
    from qalan.audit.models import AuditEvent

    out = StringIO()
    call_command("privacy_calendar", "add", "2031-03-07", "day_off", "--decree", "Decree 1", stdout=out)
    call_command("privacy_calendar", "add", "2031-03-07", "working_day", "--decree", "Decree 2", stdout=out)
    call_command("privacy_calendar", "remove", "2031-03-07", stdout=out)
    events = list(AuditEvent.objects.filter(event_type__startswith="calendar.").order_by("id"))
    assert [e.event_type for e in events] == ["calendar.day_added", "calendar.day_changed", "calendar.day_removed"]
    assert events[0].extra["date"] == "2031-03-07" and events[0].extra["decree"] == "Decree 1"
    assert events[1].extra["before"] == {"kind": "day_off", "decree": "Decree 1"}
    assert events[2].extra["before"]["kind"] == "working_day"
    assert not TransferredDay.objects.filter(date=date(2031, 3, 7)).exists()


def test_removing_a_day_not_in_the_table_changes_and_audits_nothing():
    from qalan.audit.models import AuditEvent

    with pytest.raises(CommandError):
        call_command("privacy_calendar", "remove", "2031-03-08", stdout=StringIO())
    assert not AuditEvent.objects.filter(event_type__startswith="calendar.").exists()
