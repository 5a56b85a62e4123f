"""Anonymised usage analysis: k-anonymous aggregates that never refer to a person (P4.2) and
can be shared without re-identifying anyone (P5.6)."""

import csv
import io
import json
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from qalan.accounts.models import Role
from qalan.analytics import selectors
from qalan.audit.models import AuditEvent
from qalan.learning.models import Attempt
from qalan.rights.services.centre import dissemination_restrict
from tests.conftest import api_as, make_user
from tests.schools.world import content

pytestmark = pytest.mark.django_db

ALMATY = ZoneInfo("Asia/Almaty")
# Monday 3 March 2025, 09:15 in Almaty (04:15 UTC): weekday 1, hour 9.
MONDAY_9 = datetime(2025, 3, 3, 9, 15, tzinfo=ALMATY)
# Wednesday 5 March 2025, 23:40 in Almaty (18:40 UTC the same day).
WEDNESDAY_23 = datetime(2025, 3, 5, 23, 40, tzinfo=ALMATY)

TASK_KEYS = {"task", "topic", "grade", "students", "attempts", "correct_percent"}
TIME_KEYS = {"weekday", "hour", "students", "attempts"}


def answer(student, task, *, correct: bool, at: datetime = MONDAY_9, times: int = 1):
    Attempt.objects.bulk_create(
        [
            Attempt(student=student, task=task, answer={"number": "1"}, is_correct=correct, created_at=at)
            for _ in range(times)
        ]
    )


@pytest.fixture
def tasks(db):
    return content()


@pytest.fixture
def staff(make_student):
    return make_user("dana-dpo", role=Role.DPO)


@pytest.fixture
def students(make_student):
    return [make_student(f"pupil-{n:02d}") for n in range(12)]


def test_a_task_tried_by_fewer_than_k_people_is_suppressed_and_one_with_k_is_shown(settings, staff, students, tasks):
    settings.QALAN_ANALYTICS_MIN_GROUP = 10
    for student in students[:10]:
        answer(student, tasks["numeric"], correct=student is students[0])
    for student in students[:9]:
        answer(student, tasks["single"], correct=True, times=3)  # many answers, still only 9 people

    result = selectors.usage_aggregates(viewer=staff)

    assert [row["task"] for row in result["difficult_tasks"]] == [tasks["numeric"].key]
    row = result["difficult_tasks"][0]
    assert (row["students"], row["attempts"], row["correct_percent"]) == (10, 10, 10)
    assert result["difficult_tasks_suppressed"] == 1
    assert result["min_group"] == 10


def test_an_hour_with_fewer_than_k_people_is_suppressed_and_hours_are_almaty_time(settings, staff, students, tasks):
    settings.QALAN_ANALYTICS_MIN_GROUP = 10
    for student in students[:10]:
        answer(student, tasks["numeric"], correct=True, at=MONDAY_9, times=2)
    answer(students[11], tasks["numeric"], correct=True, at=WEDNESDAY_23)  # one night owl

    result = selectors.usage_aggregates(viewer=staff)

    assert result["usage_times"] == [{"weekday": 1, "hour": 9, "students": 10, "attempts": 20}]
    assert result["usage_times_suppressed"] == 1


def test_people_who_restricted_dissemination_are_not_counted(settings, staff, students, tasks):
    settings.QALAN_ANALYTICS_MIN_GROUP = 10
    for student in students[:10]:
        answer(student, tasks["numeric"], correct=False)
    shown = selectors.usage_aggregates(viewer=staff)
    assert shown["difficult_tasks"][0]["students"] == 10

    dissemination_restrict(actor=students[0], user=students[0], restricted=True)

    result = selectors.usage_aggregates(viewer=staff)
    # Without them the group is 9: below K, so nothing is shown at all.
    assert result["difficult_tasks"] == []
    assert result["usage_times"] == []
    assert result["difficult_tasks_suppressed"] == 1


def test_answers_of_erased_accounts_do_not_count_towards_k(settings, staff, students, tasks):
    settings.QALAN_ANALYTICS_MIN_GROUP = 3
    for student in students[:2]:
        answer(student, tasks["numeric"], correct=True)
    Attempt.objects.bulk_create(
        [
            Attempt(student=None, task=tasks["numeric"], answer={}, is_correct=True, created_at=MONDAY_9)
            for _ in range(5)
        ]
    )

    assert selectors.usage_aggregates(viewer=staff)["difficult_tasks"] == []


@pytest.fixture
def shared(settings, world):
    """The test school's pupils answer so that every group reaches K=2."""
    settings.QALAN_ANALYTICS_MIN_GROUP = 2
    for key in ("student", "classmate", "other_student"):
        answer(world.users[key], world.tasks["numeric"], correct=key == "student", at=MONDAY_9)
    return world


def assert_names_nobody(text: str, world) -> None:
    for identifier in _identifiers(world):
        assert not re.search(rf"\b{re.escape(identifier)}\b", text), identifier


def _identifiers(world) -> list[str]:
    people = [world.users[key] for key in ("student", "classmate", "other_student")]
    return (
        [user.username for user in people]
        + [user.profile.full_name for user in people]
        + [world.class_a.name, world.class_b.name, "School 1", world.class_a.join_code]
    )


def test_the_aggregates_name_no_person_class_or_exact_time(shared):
    result = selectors.usage_aggregates(viewer=shared.users["dpo"])

    assert result["difficult_tasks"] and result["usage_times"]
    assert all(set(row) == TASK_KEYS for row in result["difficult_tasks"])
    assert all(set(row) == TIME_KEYS for row in result["usage_times"])
    text = json.dumps(result, default=str)
    assert_names_nobody(text, shared)
    assert "2025" not in text and ":15" not in text  # no date, no minute


def test_the_staff_page_shows_the_tables_without_identifiers(client, shared):
    client.force_login(shared.users["dpo"])

    page = client.get(reverse("analytics:staff_aggregates")).content.decode()

    assert shared.tasks["numeric"].key in page
    assert "Monday" in page and "09:00" in page
    assert_names_nobody(page, shared)


def test_the_api_returns_the_same_aggregates_as_the_selector(shared):
    response = api_as(shared.users["dpo"]).get(reverse("api:analytics_aggregates"))

    assert response.status_code == 200
    assert response.json() == json.loads(json.dumps(selectors.usage_aggregates(viewer=shared.users["dpo"])))
    assert_names_nobody(response.content.decode(), shared)


def test_the_csv_has_the_same_rows_and_no_identifiers_and_its_export_is_recorded(client, shared):
    dpo = shared.users["dpo"]
    client.force_login(dpo)

    response = client.get(reverse("analytics:staff_aggregates_csv"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode()
    rows = list(csv.reader(io.StringIO(text)))
    expected = [
        [str(value) for value in row] for row in selectors.aggregates_csv_rows(selectors.usage_aggregates(viewer=dpo))
    ]
    assert rows == expected
    assert len(rows) == 1 + 1 + 1  # header, one task, one hour
    assert_names_nobody(text, shared)
    event = AuditEvent.objects.filter(event_type="analytics.aggregates_exported").get()
    assert event.actor_id == dpo.pk and event.extra == {"min_group": 2, "difficult_tasks": 1, "usage_times": 1}


@pytest.mark.parametrize("persona", ["student", "teacher", "parent", "support"])
def test_everyone_but_admin_and_dpo_gets_404(client, shared, persona):
    user = shared.users[persona]
    client.force_login(user)

    assert client.get(reverse("analytics:staff_aggregates")).status_code == 404
    assert client.get(reverse("analytics:staff_aggregates_csv")).status_code == 404
    assert api_as(user).get(reverse("api:analytics_aggregates")).status_code == 404
    assert not AuditEvent.objects.filter(event_type="analytics.aggregates_exported").exists()


def test_an_administrator_may_read_the_aggregates(client, shared):
    admin = make_user("ada-admin", role=Role.ADMIN)
    client.force_login(admin)

    assert client.get(reverse("analytics:staff_aggregates")).status_code == 200
    assert api_as(admin).get(reverse("api:analytics_aggregates")).status_code == 200


@pytest.mark.parametrize("answers_each", [1, 8])
def test_the_number_of_queries_does_not_grow_with_the_answers(
    settings, staff, students, tasks, answers_each, django_assert_max_num_queries
):
    settings.QALAN_ANALYTICS_MIN_GROUP = 2
    task_list = [tasks[key] for key in ("single", "multiple", "numeric", "text", "percent")]
    for hour, task in enumerate(task_list):
        for student in students:
            answer(student, task, correct=hour % 2 == 0, at=MONDAY_9.replace(hour=8 + hour % 10), times=answers_each)

    with django_assert_max_num_queries(3):
        result = selectors.usage_aggregates(viewer=staff)

    assert len(result["difficult_tasks"]) == len(task_list)
    assert sum(row["attempts"] for row in result["usage_times"]) == len(task_list) * len(students) * answers_each
