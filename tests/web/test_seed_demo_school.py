"""The demo school after `make run`: class, link, homework, answers and messages to look at."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from qalan.accounts.models import User
from qalan.community.models import Comment, Message
from qalan.learning.models import Assignment, Attempt, Submission, Task
from qalan.schools.models import Membership, ParentLink, SchoolClass
from tests.conftest import api_as

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def demo(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("seed_demo_school")
    return {u.username: u for u in User.objects.filter(username__startswith="demo-")}


def test_the_demo_school_is_complete_and_seeding_twice_changes_nothing(demo):
    def counts():
        models = (SchoolClass, Membership, ParentLink, Assignment, Submission, Attempt, Message, Comment, Task)
        return [m.objects.count() for m in models]

    first = counts()
    call_command("seed_demo_school")
    assert counts() == first
    school_class = SchoolClass.objects.get(teacher=demo["demo-teacher"])
    assert set(school_class.memberships.values_list("student__username", flat=True)) == {
        "demo-student",
        "demo-student2",
    }
    assert ParentLink.objects.filter(
        parent=demo["demo-parent"], child=demo["demo-student"], ended_at__isnull=True
    ).exists()
    assert Task.objects.count() >= 60
    assert Assignment.objects.filter(school_class=school_class).count() == 3
    assert Submission.objects.filter(student=demo["demo-student"], submitted_at__isnull=False).exists()
    assert Attempt.objects.filter(student=demo["demo-student"], submission__isnull=True).count() >= 10
    assert Message.objects.filter(sender=demo["demo-teacher"], recipient=demo["demo-student"]).exists()
    assert Comment.objects.filter(author=demo["demo-teacher"], reply_to__isnull=False).exists()


def test_the_demo_accounts_have_something_to_look_at(demo, client):
    school_class = SchoolClass.objects.get(teacher=demo["demo-teacher"])
    board = api_as(demo["demo-teacher"]).get(f"/api/v1/classes/{school_class.pk}/board").json()
    assert {cell["status"] for row in board["rows"] for cell in row["cells"]} >= {"submitted", "open"}
    child = api_as(demo["demo-parent"]).get(f"/api/v1/children/{demo['demo-student'].pk}").json()
    assert child["disclosed"] and child["recent"] and child["homework"]
    progress = api_as(demo["demo-student"]).get("/api/v1/progress").json()
    assert progress["streak"] >= 5 and any(t["weak"] for t in progress["topics"])
    assert api_as(demo["demo-student"]).get("/api/v1/recommendations").json()[0]["reason"] == "weak_topic"
    client.force_login(demo["demo-student"])
    assert "Fractions revision" in client.get(reverse("learning:progress")).content.decode()


def test_seed_demo_school_is_refused_in_production(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="refuses to run in production"):
        call_command("seed_demo_school")
    assert not SchoolClass.objects.exists()


def test_the_demo_student_has_a_trainer_to_look_at(demo):
    from qalan.trainer import selectors as trainer
    from qalan.trainer.models import Diagnostic, ItemAttempt, ItemInstance, MasteryLevel

    student = demo["demo-student"]
    assert Diagnostic.objects.filter(student=student, status=Diagnostic.Status.FINISHED).exists()
    assert trainer.review_due(student=student), "a mastered skill comes back for review"
    assert trainer.streak_count(student=student) >= 5
    levels = {row.level for row in trainer.knowledge_map(student=student, grade=6).rows}
    assert levels - {MasteryLevel.MASTERED} and levels - {MasteryLevel.NOT_STARTED}, "a map in progress"
    # The earlier practice answers are in the trainer's history too.
    assert ItemAttempt.objects.filter(student=student, legacy_attempt_id__isnull=False).exists()
    before = (ItemInstance.objects.count(), ItemAttempt.objects.count())
    call_command("seed_demo_school")
    assert (ItemInstance.objects.count(), ItemAttempt.objects.count()) == before
