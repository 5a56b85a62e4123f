"""Anonymised, aggregated learning statistics (P4.2) fit to share with third parties (P5.6)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Q
from django.db.models.functions import ExtractHour, ExtractIsoWeekDay
from django.http import Http404

from qalan.accounts.models import Role
from qalan.learning.models import Attempt, Task

# Who may read the aggregates. Teachers are left out on purpose: a teacher knows who is in
# their class and could read a small group back to the pupils in it.
ANALYTICS_ROLES = (Role.ADMIN, Role.DPO)
# Usage times are counted in school time, whatever the server's clock says.
SCHOOL_TIMEZONE = ZoneInfo("Asia/Almaty")


def min_group() -> int:
    """K: the fewest distinct people a published row may stand for."""
    return max(2, int(settings.QALAN_ANALYTICS_MIN_GROUP))


def _countable_attempts():
    """Attempts that may enter statistics.

    Left out: answers of people who restricted the dissemination of their data (P6.5, the same
    flag ``privacy.selectors.dissemination_restricted`` reads, here as a filter so that the
    whole computation stays a fixed number of queries), and anonymised answers of erased
    accounts, which cannot be counted towards K because nobody can tell how many people they
    were. The answers' own text (which may be marked confidential) is never read: only which
    task, whether it was right and the hour.
    """
    return Attempt.objects.filter(student__isnull=False, student__profile__restrict_dissemination=False)


def _difficult_tasks(k: int) -> tuple[list[dict], int]:
    per_task = list(
        _countable_attempts()
        .order_by()
        .values("task_id")
        .annotate(
            students=Count("student", distinct=True),
            solvers=Count("student", filter=Q(is_correct=True), distinct=True),
            attempts=Count("id"),
        )
    )
    shown = [row for row in per_task if row["students"] >= k]
    suppressed = len(per_task) - len(shown)
    tasks = Task.objects.select_related("topic").in_bulk([row["task_id"] for row in shown])
    rows = []
    for row in shown:
        task = tasks[row["task_id"]]
        rows.append(
            {
                "task": task.key,
                "topic": task.topic.name,
                "grade": task.topic.grade,
                "students": row["students"],
                "attempts": row["attempts"],
                # The share of people who got the task right at least once, in whole percent.
                "correct_percent": round(100 * row["solvers"] / row["students"]),
            }
        )
    # The hardest first: the fewest people solved them.
    rows.sort(key=lambda r: (r["correct_percent"], -r["students"], r["task"]))
    return rows, suppressed


def _usage_times(k: int) -> tuple[list[dict], int]:
    per_hour = list(
        _countable_attempts()
        .annotate(
            weekday=ExtractIsoWeekDay("created_at", tzinfo=SCHOOL_TIMEZONE),
            hour=ExtractHour("created_at", tzinfo=SCHOOL_TIMEZONE),
        )
        .order_by()
        .values("weekday", "hour")
        .annotate(students=Count("student", distinct=True), attempts=Count("id"))
        .order_by("weekday", "hour")
    )
    rows = [
        {"weekday": row["weekday"], "hour": row["hour"], "students": row["students"], "attempts": row["attempts"]}
        for row in per_hour
        if row["students"] >= k
    ]
    return rows, len(per_hour) - len(rows)


def usage_aggregates(*, viewer) -> dict:
    """Tasks many people find difficult and active usage times, each row backed by at least
    K distinct people; smaller groups are dropped and only their number is given.

    Nothing in the result refers to a person: no user, name, class or school, and no time finer
    than an hour of a weekday. Staff roles admin and dpo only; anyone else gets 404.
    """
    if not (viewer.is_authenticated and viewer.has_role(*ANALYTICS_ROLES)):
        raise Http404
    k = min_group()
    tasks, tasks_suppressed = _difficult_tasks(k)
    times, times_suppressed = _usage_times(k)
    return {
        "min_group": k,
        "difficult_tasks": tasks,
        "difficult_tasks_suppressed": tasks_suppressed,
        "usage_times": times,
        "usage_times_suppressed": times_suppressed,
    }


CSV_COLUMNS = ("table", "task", "topic", "grade", "weekday", "hour", "students", "attempts", "correct_percent")


def aggregates_csv_rows(aggregates: dict) -> list[list]:
    """The same aggregates as rows of one CSV file (a header row first)."""
    rows: list[list] = [list(CSV_COLUMNS)]
    for row in aggregates["difficult_tasks"]:
        rows.append(
            [
                "difficult_task",
                row["task"],
                row["topic"],
                row["grade"],
                "",
                "",
                row["students"],
                row["attempts"],
                row["correct_percent"],
            ]
        )
    for row in aggregates["usage_times"]:
        rows.append(["usage_time", "", "", "", row["weekday"], row["hour"], row["students"], row["attempts"], ""])
    return rows
