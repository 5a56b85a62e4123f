"""On the shipped content: the diagnostic of every grade places a student who knows the grade on
every one of its skills within its budget, and a student who knows nothing finishes too."""

import pytest

from qalan.trainer.answers.words import text_key
from qalan.trainer.content.loader import load_all
from qalan.trainer.content.sync import sync
from qalan.trainer.models import Diagnostic, Skill
from qalan.trainer.services import diagnostic_answer, diagnostic_next, diagnostic_start
from qalan.trainer.services.diagnostic import MAX_ITEMS
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def right_answer(instance) -> str:
    if instance.template.answer_form == "text":
        return text_key(instance.key)[0][1]
    return instance.key


def wrong_answer(instance) -> str:
    if instance.choices:
        return next(c["id"] for c in instance.choices if c["id"] not in instance.key.split(","))
    return "999999" if instance.key != "999999" else "1"


def run(student, grade: int, knows: bool) -> Diagnostic:
    diagnostic = diagnostic_start(actor=student, grade=grade)
    while (item := diagnostic_next(actor=student, diagnostic=diagnostic)) is not None:
        outcome = diagnostic_answer(
            actor=student, instance=item, answer=right_answer(item) if knows else wrong_answer(item)
        )
        assert outcome.result == ("right" if knows else "wrong"), (item.template.key, item.key)
    diagnostic.refresh_from_db()
    return diagnostic


def test_the_diagnostic_places_a_student_who_knows_a_grade_on_all_its_skills(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    collection = load_all()
    assert not collection.errors
    sync(collection)  # once for all grades: loading the content is the slow part
    grades = sorted(set(Skill.objects.filter(is_active=True).values_list("grade", flat=True)))
    assert grades
    unplaced = {}
    for grade in grades:
        diagnostic = run(make_user(f"knows-{grade}"), grade, knows=True)
        assert diagnostic.status == Diagnostic.Status.FINISHED and diagnostic.items_served <= MAX_ITEMS
        codes = set(Skill.objects.filter(grade=grade, is_active=True).values_list("code", flat=True))
        if codes - set(diagnostic.state["known"]):
            unplaced[grade] = sorted(codes - set(diagnostic.state["known"]))
        beginner = run(make_user(f"new-{grade}"), grade, knows=False)
        assert beginner.status == Diagnostic.Status.FINISHED and beginner.items_served <= MAX_ITEMS
    assert unplaced == {}, "skills the diagnostic cannot place within its budget"
