"""The parents' weekly digest through the notification outbox (P4.1.c)."""

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext

from qalan.core.consent import ConsentChannel
from qalan.learning.models import DigestLog
from qalan.learning.services import digest_send_weekly
from qalan.learning.tasks import send_weekly_digests
from qalan.notify.models import OutboxMessage
from qalan.privacy.services import consent_withdraw

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture(autouse=True)
def parents_read_english(world):
    for parent in (world.parent, world.other_parent):
        parent.profile.language = "en"
        parent.profile.save()


def test_each_linked_parent_gets_one_digest_a_week(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert digest_send_weekly() == 2
        assert digest_send_weekly() == 0
    digest = OutboxMessage.objects.get(user=world.parent, subject="Qalan: your child's week")
    assert digest.channel == OutboxMessage.Channel.EMAIL and digest.recipient == "pia@example.kz"
    assert digest.kind == OutboxMessage.Kind.SERVICE and digest.status == OutboxMessage.Status.SENT
    assert (
        "Sam Student: 2 answers this week (100% correct); homework submitted: 1, missed: 0, still open: 0."
        in digest.body
    )
    # A parent without an e-mail reads it in the app.
    other = OutboxMessage.objects.get(user=world.other_parent, subject="Qalan: your child's week")
    assert other.channel == OutboxMessage.Channel.INAPP
    assert DigestLog.objects.count() == 2
    # Nobody but linked parents gets one.
    assert not OutboxMessage.objects.filter(subject="Qalan: your child's week", user=world.teacher).exists()


def test_the_digest_respects_withdrawn_disclosure(world):
    consent_withdraw(user=world.student, actor=world.student, purpose="disclosure", channel=ConsentChannel.WEB)
    digest_send_weekly()
    body = OutboxMessage.objects.get(user=world.parent, subject="Qalan: your child's week").body
    assert "withdrawn consent" in body and "answers this week" not in body


def test_the_digest_is_in_the_parents_language(world):
    world.parent.profile.language = "ru"
    world.parent.profile.save()
    digest_send_weekly()
    with translation.override("ru"):
        subject = gettext("Qalan: your child's week")
    message = OutboxMessage.objects.get(user=world.parent, subject=subject)
    assert "Sam Student" in message.body


def test_the_command_and_the_task_send_the_digest(world):
    call_command("send_weekly_digests")
    assert DigestLog.objects.filter(parent=world.parent).exists()
    DigestLog.objects.all().delete()
    assert send_weekly_digests.delay().get() == 2
