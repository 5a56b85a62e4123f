"""List endpoints and dashboards run a fixed number of queries, whatever the length of the list:
each is measured at two sizes and must not grow."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from qalan.accounts.models import Profile, Role, User
from qalan.community.models import Comment, Message
from qalan.core.consent import ConsentChannel
from qalan.learning.models import Assignment, AssignmentItem, Attempt, Submission
from qalan.privacy.services import consent_give
from qalan.schools.models import Membership, ParentLink
from tests.conftest import api_as

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def add_students(world, count: int, *, start: int) -> list[User]:
    students = []
    for i in range(start, start + count):
        user = User.objects.create(username=f"kid{i}", phone=f"+7701900{i:04d}", role=Role.STUDENT)
        Profile.objects.create(user=user, full_name=f"Kid {i}", grade=6)
        consent_give(user=user, actor=user, purpose="platform", channel=ConsentChannel.WEB, evidence={})
        Membership.objects.create(school_class=world.class_a, student=user, via="code")
        ParentLink.objects.create(parent=world.parent, child=user)
        students.append(user)
    return students


def add_homework(world, count: int, students: list[User]) -> None:
    now = timezone.now()
    for i in range(count):
        assignment = Assignment.objects.create(
            school_class=world.class_a,
            created_by=world.teacher,
            title=f"HW {i}",
            due_at=now + timedelta(days=i - count // 2),
        )
        AssignmentItem.objects.create(assignment=assignment, task=world.tasks["numeric"])
        for student in students[::2]:
            submission = Submission.objects.create(
                student=student, assignment=assignment, started_at=now, submitted_at=now, score=1, max_score=1
            )
            Attempt.objects.create(
                student=student,
                task=world.tasks["numeric"],
                submission=submission,
                answer={"number": "0.75"},
                is_correct=True,
                created_at=now,
            )


def queries(client_call) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client_call()
    assert response.status_code == 200, response.content[:300]
    return len(captured)


def grows(world, call, *, grow) -> tuple[int, int]:
    small = queries(call)
    grow()
    large = queries(call)
    return small, large


def test_the_teacher_board_does_not_grow_with_students_and_homework(world, django_assert_max_num_queries):
    api = api_as(world.teacher)
    call = lambda: api.get(f"/api/v1/classes/{world.class_a.pk}/board")  # noqa: E731

    def grow():
        students = add_students(world, 12, start=0)
        add_homework(world, 8, students)

    small, large = grows(world, call, grow=grow)
    assert small == large
    with django_assert_max_num_queries(12):
        call()
    assert len(call().json()["rows"]) == 14


def test_the_web_board_and_class_page_do_not_grow(world, client):
    client.force_login(world.teacher)
    for url in (
        reverse("learning:board", args=[world.class_a.pk]),
        reverse("schools:class_detail", args=[world.class_a.pk]),
    ):
        small = queries(lambda url=url: client.get(url))
        students = add_students(world, 6, start=len(url) * 10)
        add_homework(world, 4, students)
        assert queries(lambda url=url: client.get(url)) == small, url


def test_the_parent_overview_does_not_grow_with_children(world, django_assert_max_num_queries):
    api = api_as(world.parent)
    call = lambda: api.get("/api/v1/children")  # noqa: E731
    small, large = grows(world, call, grow=lambda: add_homework(world, 3, add_students(world, 10, start=100)))
    assert small == large
    with django_assert_max_num_queries(14):
        call()


def test_the_parents_view_of_a_child_and_the_student_dashboard_do_not_grow_with_history(world, client):
    api, student_api = api_as(world.parent), api_as(world.student)
    client.force_login(world.student)
    calls = [
        lambda: api.get(f"/api/v1/children/{world.student.pk}"),
        lambda: client.get(reverse("learning:dashboard")),
        lambda: student_api.get("/api/v1/homework"),
    ]
    before = [queries(c) for c in calls]

    def more_history():
        now = timezone.now()
        for days in range(10):
            for key in ("numeric", "text", "percent"):
                Attempt.objects.create(
                    student=world.student,
                    task=world.tasks[key],
                    answer={"text": "1"},
                    is_correct=days % 2 == 0,
                    created_at=now - timedelta(days=days),
                )
        add_homework(world, 5, [world.student])

    more_history()
    after = [queries(c) for c in calls]
    assert before == after


def test_conversations_contacts_and_comments_do_not_grow(world, client):
    client.force_login(world.teacher)
    task_url = reverse("learning:task", args=[world.tasks["numeric"].pk])
    urls = [reverse("community:inbox"), task_url]
    before = [queries(lambda u=u: client.get(u)) for u in urls]
    students = add_students(world, 8, start=300)
    for student in students:
        Message.objects.create(sender=student, recipient=world.teacher, body="hello")
        Comment.objects.create(task=world.tasks["numeric"], author=student, author_role="student", body="hi")
    after = [queries(lambda u=u: client.get(u)) for u in urls]
    assert before == after


def test_class_lists_do_not_grow(world):
    api = api_as(world.student)
    call = lambda: api.get(f"/api/v1/classes/{world.class_a.pk}")  # noqa: E731
    small, large = grows(world, call, grow=lambda: add_students(world, 10, start=500))
    assert small == large


def test_the_leaderboard_does_not_grow(world):
    api = api_as(world.student)
    call = lambda: api.get(f"/api/v1/classes/{world.class_a.pk}/leaderboard")  # noqa: E731

    def grow():
        now = timezone.now()
        for student in add_students(world, 10, start=700):
            Attempt.objects.create(
                student=student, task=world.tasks["numeric"], answer={"number": "1"}, is_correct=True, created_at=now
            )

    small, large = grows(world, call, grow=grow)
    assert small == large
