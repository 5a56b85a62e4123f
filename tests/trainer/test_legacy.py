"""Earlier practice answers (fixed tasks) carried into the trainer's history, once."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from qalan.learning.legacy import legacy_attempts_import
from qalan.learning.models import Attempt, Task
from qalan.trainer.models import ItemAttempt, SkillMastery
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def test_earlier_answers_join_the_history_and_only_first_ones_count(capsys):
    call_command("load_content")
    student = make_user("ruslan")
    task = Task.objects.get(key="g5-angle-adjacent")
    now = timezone.now()
    for minutes, right, answer in [(30, False, {"number": "100"}), (20, True, {"number": "120"})]:
        Attempt.objects.create(
            student=student,
            task=task,
            answer=answer,
            is_correct=right,
            language="ru",
            created_at=now - timezone.timedelta(minutes=minutes),
        )
    assert legacy_attempts_import() == 2 and legacy_attempts_import() == 0
    history = list(ItemAttempt.objects.filter(student=student).order_by("created_at"))
    assert [(a.result, a.counts) for a in history] == [("wrong", True), ("right", False)]
    assert history[0].instance.skill.code == "Q5.GE.ADJACENT" and history[0].instance.status == "closed"
    assert history[0].instance.rendered["prompt"]["ru"] == task.text_ru
    mastery = SkillMastery.objects.get(student=student, skill__code="Q5.GE.ADJACENT")
    assert mastery.counted == 1
    call_command("load_content")
    assert "history: 0 earlier practice answers" in capsys.readouterr().out
