"""Every personal-data declaration of schools, learning and community finds its subject's rows
(the basis of export and erasure), and results survive erasure only anonymised (P5.1.b)."""

import pytest
from django.utils import timezone

from qalan.community.models import Comment, Message
from qalan.core import inventory
from qalan.learning import services as learning
from qalan.learning.models import Attempt, DigestLog, Submission
from qalan.schools import services as schools
from qalan.schools.models import Membership

pytestmark = pytest.mark.django_db

# Which persona of the world each model's rows are about.
SUBJECT_OF = {
    "schools.SchoolClass": "teacher",
    "schools.Membership": "student",
    "schools.ClassInvitation": "other_student",
    "schools.ParentLink": "student",
    "schools.LinkInvitation": "parent",
    "schools.ThirdPartyConfirmation": "teacher",
    "schools.AccountHandoff": "teacher",
    "learning.Assignment": "teacher",
    "learning.Submission": "student",
    "learning.Attempt": "student",
    "learning.Entitlement": "classmate",
    "learning.DigestLog": "parent",
    "community.Comment": "student",
    "community.Message": "student",
    "community.Report": "classmate",
}
MINE = ("schools.", "learning.", "community.")


def test_every_declaration_of_these_apps_is_checked_here():
    declared = {d.model for d in inventory.declarations() if d.model.startswith(MINE)}
    assert declared == set(SUBJECT_OF)


def test_subject_paths_find_the_rows(world):
    schools.roster_enrol(actor=world.teacher, school_class=world.class_a, names=["New Kid"], consent_confirmed=True)
    learning.entitlement_grant(actor=None, user=world.classmate, reason="licence")
    DigestLog.objects.create(parent=world.parent, week_start=timezone.localdate())
    empty = [
        model
        for model, persona in SUBJECT_OF.items()
        if not inventory.entry_for(model).rows_for(world.users[persona]).exists()
    ]
    assert not empty


def test_results_and_messages_survive_account_deletion_anonymised(world):
    student_pk = world.student.pk
    world.student.delete()
    assert Attempt.objects.filter(student__isnull=True).exists()
    assert Submission.objects.filter(pk=world.submission.pk, student__isnull=True).exists()
    assert Comment.objects.filter(pk=world.comment.pk, author__isnull=True).exists()
    assert Message.objects.filter(pk=world.message.pk, recipient__isnull=True).exists()
    assert not Membership.objects.filter(student_id=student_pk).exists()
