"""The diagnostic: probes each chapter from its most advanced skill, skips what a success
places, goes back along prerequisites (into earlier grades) on failure, finishes within the
budget and places."""

import pytest
from django.core.exceptions import ValidationError

from qalan.trainer.models import Chapter, Diagnostic, MasteryLevel, SkillMastery
from qalan.trainer.services import diagnostic_answer, diagnostic_next, diagnostic_start
from qalan.trainer.services.diagnostic import MAX_ITEMS
from tests.trainer.conftest import right, skill_with_templates, wrong

pytestmark = pytest.mark.django_db


def run(student, diagnostic, knows):
    """Answer every probe: right when ``knows(code)``. Returns the probed codes in order."""
    probed = []
    while (item := diagnostic_next(actor=student, diagnostic=diagnostic)) is not None:
        probed.append(item.skill.code)
        diagnostic_answer(actor=student, instance=item, answer=right(item) if knows(item.skill.code) else wrong(item))
    diagnostic.refresh_from_db()
    return probed


def test_a_failure_goes_back_along_prerequisites_into_an_earlier_grade(student, skills):
    diagnostic = diagnostic_start(actor=student, grade=6)
    probed = run(student, diagnostic, knows=lambda code: code == "5.add")
    # 6.alone, 6.sum3, 6.add2 are the chapter's skills from the most advanced down.
    assert probed == ["6.alone", "6.sum3", "6.add2", "5.add"]
    assert diagnostic.status == Diagnostic.Status.FINISHED
    assert "5.add" in diagnostic.state["known"]
    assert {"6.add2", "6.sum3", "6.alone"} <= set(diagnostic.state["gaps"])


def test_a_success_marks_prerequisites_known_and_skips_them(student, skills):
    diagnostic = diagnostic_start(actor=student, grade=6)
    probed = run(student, diagnostic, knows=lambda code: True)
    assert probed == ["6.alone", "6.sum3"]  # 6.add2 and 5.add are placed through 6.sum3
    assert set(diagnostic.state["known"]) == {"6.add2", "5.add", "6.alone", "6.sum3"}


def test_the_diagnostic_places_known_skills_as_familiar_and_keeps_gaps_attempted(student, skills):
    diagnostic = diagnostic_start(actor=student, grade=6)
    run(student, diagnostic, knows=lambda code: code in {"6.add2", "6.alone"})
    levels = dict(SkillMastery.objects.filter(student=student).values_list("skill__code", "level"))
    assert levels["5.add"] == MasteryLevel.FAMILIAR  # never probed, inferred known
    assert levels["6.add2"] == MasteryLevel.FAMILIAR
    assert levels["6.sum3"] == MasteryLevel.ATTEMPTED
    assert diagnostic.state["gaps"] == ["6.sum3"]


def test_the_diagnostic_finishes_within_its_budget(student, db):
    chapter = Chapter.objects.create(code="g7", grade=7, section="numbers")
    previous = []
    for i in range(30):
        skill = skill_with_templates(f"7.s{i:02}", 7, chapter, i, prerequisites=previous[-1:])
        previous.append(skill)
    diagnostic = diagnostic_start(actor=student, grade=7)
    probed = run(student, diagnostic, knows=lambda code: False)
    assert len(probed) == MAX_ITEMS
    assert diagnostic.status == Diagnostic.Status.FINISHED


def test_the_current_probe_is_given_again_until_answered(student, skills):
    diagnostic = diagnostic_start(actor=student, grade=6)
    first = diagnostic_next(actor=student, diagnostic=diagnostic)
    assert diagnostic_next(actor=student, diagnostic=diagnostic).pk == first.pk


def test_starting_again_continues_the_active_diagnostic(student, skills):
    assert diagnostic_start(actor=student, grade=6).pk == diagnostic_start(actor=student, grade=6).pk


@pytest.mark.parametrize("grade", [0, 12, "6", None])
def test_a_grade_outside_1_to_11_is_refused(student, skills, grade):
    with pytest.raises(ValidationError) as error:
        diagnostic_start(actor=student, grade=grade)
    assert "grade" in error.value.message_dict


def test_a_grade_without_skills_is_refused(student, skills):
    with pytest.raises(ValidationError):
        diagnostic_start(actor=student, grade=9)
