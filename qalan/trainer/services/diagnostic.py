"""The diagnostic of a grade: an adaptive placement in at most ``MAX_ITEMS`` probes.

It probes the grade's skills chapter by chapter, the most advanced skill of each chapter first,
one item each (difficulty 2, one answer). A right answer marks the skill and all its
prerequisites known, so they are skipped: a student who knows a chapter is placed by a probe or
two. A wrong answer marks a gap and goes back along the skill's prerequisites, into earlier
grades, until it finds what the student knows. At the end known skills are placed at "familiar"
and the result (``known``, ``gaps``) stays in ``Diagnostic.state``. The content tests check
that a student who knows a grade is placed on every one of its skills within the budget.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qalan.audit.services import audit_record
from qalan.trainer import mastery
from qalan.trainer.access import may_open
from qalan.trainer.models import Diagnostic, ItemInstance, Purpose, Result, Skill
from qalan.trainer.services.serving import instance_create, require_student

MAX_ITEMS = 20
PROBE_DIFFICULTY = 2


def _probeable(student, skills) -> list[Skill]:
    with_items = set(
        Skill.objects.filter(pk__in=[s.pk for s in skills], templates__is_active=True).values_list("pk", flat=True)
    )
    return [s for s in skills if s.pk in with_items and may_open(student, s)]


def probe_order(grade: int) -> list[Skill]:
    """The grade's skills chapter by chapter, the most advanced of each chapter first: a right
    answer places its prerequisites too, so a student who knows the chapter is placed by one
    or two probes (skipping ahead), and a wrong one goes down into what it builds on."""
    skills = Skill.objects.filter(grade=grade, is_active=True).select_related("chapter")
    return sorted(skills, key=lambda s: (s.chapter.order, s.chapter.code, -s.order, s.code))


def diagnostic_start(*, actor, grade) -> Diagnostic:
    """Start (or continue) the diagnostic of a grade."""
    require_student(actor)
    if not isinstance(grade, int) or not 1 <= grade <= 11:
        raise ValidationError({"grade": [_("Choose a grade from 1 to 11.")]})
    existing = Diagnostic.objects.filter(student=actor, grade=grade, status=Diagnostic.Status.ACTIVE).first()
    if existing is not None:
        return existing
    skills = _probeable(actor, probe_order(grade))
    if not skills:
        raise ValidationError({"grade": [_("There are no skills to check in this grade yet. Choose another grade.")]})
    state = {
        "queue": [s.code for s in skills],
        "pos": 0,
        "skip": 0,
        "stack": [],
        "skipped": [],
        "known": [],
        "gaps": [],
        "probed": {},
    }
    try:
        with transaction.atomic():
            diagnostic = Diagnostic.objects.create(student=actor, grade=grade, state=state, started_at=timezone.now())
            audit_record(
                actor=actor,
                subject=actor,
                event_type="trainer.diagnostic_started",
                extra={"diagnostic": diagnostic.pk, "grade": grade},
            )
    except IntegrityError:
        return Diagnostic.objects.get(student=actor, grade=grade, status=Diagnostic.Status.ACTIVE)
    return diagnostic


def _decided(state: dict, code: str) -> bool:
    return code in state["known"] or code in state["gaps"]


def _next_code(state: dict) -> str | None:
    state["source"] = "stack"
    while state["stack"]:
        code = state["stack"].pop()
        if not _decided(state, code):
            return code
    state["source"] = "queue"
    while state["pos"] < len(state["queue"]):
        code = state["queue"][state["pos"]]
        state["pos"] += 1
        if _decided(state, code):
            continue
        if state["skip"]:
            state["skip"] -= 1
            state["skipped"].append(code)
            continue
        return code
    while state["skipped"]:
        code = state["skipped"].pop(0)
        if not _decided(state, code):
            return code
    return None


def _finish(diagnostic: Diagnostic, student) -> None:
    now = timezone.now()
    diagnostic.status, diagnostic.finished_at = Diagnostic.Status.FINISHED, now
    for skill in Skill.objects.filter(code__in=diagnostic.state["known"]):
        mastery.mastery_place_known(student=student, skill=skill, at=now)
    diagnostic.save()
    audit_record(
        actor=student,
        subject=student,
        event_type="trainer.diagnostic_finished",
        extra={
            "diagnostic": diagnostic.pk,
            "known": len(diagnostic.state["known"]),
            "gaps": len(diagnostic.state["gaps"]),
        },
    )


def diagnostic_next(*, actor, diagnostic: Diagnostic) -> ItemInstance | None:
    """The current probe, or a new one; None once the diagnostic is finished."""
    require_student(actor)
    if diagnostic.student_id != actor.pk:
        raise ValidationError({"diagnostic": [_("This diagnostic is not yours.")]})
    with transaction.atomic():
        diagnostic = Diagnostic.objects.select_for_update().get(pk=diagnostic.pk)
        if diagnostic.status == Diagnostic.Status.FINISHED:
            return None
        current = diagnostic.items.filter(status=ItemInstance.Status.OPEN).first()
        if current is not None:
            return current
        state = diagnostic.state
        skill = None
        while skill is None and diagnostic.items_served < MAX_ITEMS:
            code = _next_code(state)
            if code is None:
                break
            candidate = Skill.objects.filter(code=code, is_active=True).first()
            if candidate is not None and _probeable(actor, [candidate]):
                skill = candidate
        if skill is None:
            diagnostic.state = state
            _finish(diagnostic, actor)
            return None
        instance = instance_create(
            student=actor,
            skill=skill,
            purpose=Purpose.DIAGNOSTIC,
            difficulty=PROBE_DIFFICULTY,
            diagnostic=diagnostic,
            lives=1,
        )
        diagnostic.items_served += 1
        diagnostic.state = state
        diagnostic.save()
        audit_record(
            actor=actor,
            subject=actor,
            event_type="trainer.item_served",
            extra={
                "instance": str(instance.pk),
                "skill": skill.code,
                "purpose": Purpose.DIAGNOSTIC,
                "diagnostic": diagnostic.pk,
            },
        )
    return instance


def _prerequisite_codes(skill: Skill, *, transitive: bool) -> list[str]:
    codes, frontier, seen = [], [skill], {skill.pk}
    while frontier:
        current = frontier.pop(0)
        for prerequisite in current.prerequisites.filter(is_active=True).order_by("grade", "order", "code"):
            if prerequisite.pk in seen:
                continue
            seen.add(prerequisite.pk)
            codes.append(prerequisite.code)
            if transitive:
                frontier.append(prerequisite)
    return codes


def diagnostic_after_answer(*, item: ItemInstance, outcome) -> None:
    """Called by ``item_answer`` in its transaction for a readable answer to a probe."""
    diagnostic = Diagnostic.objects.select_for_update().get(pk=item.diagnostic_id)
    if diagnostic.status != Diagnostic.Status.ACTIVE:
        return
    state, code = diagnostic.state, item.skill.code
    state["probed"][code] = outcome.result
    if outcome.result == Result.RIGHT:
        for known in [code, *_prerequisite_codes(item.skill, transitive=True)]:
            if known not in state["known"] and known not in state["gaps"]:
                state["known"].append(known)
        # Skipping ahead is the probe order's: the prerequisites placed now are not probed.
        state["skip"] = 0
    else:
        if code not in state["gaps"]:
            state["gaps"].append(code)
        state["skip"] = 0
        # Probed first-listed first: pushed in reverse onto the stack.
        for prerequisite in reversed(_prerequisite_codes(item.skill, transitive=False)):
            if not _decided(state, prerequisite):
                state["stack"].append(prerequisite)
    diagnostic.state = state
    outcome.next = "next"
    if diagnostic.items_served >= MAX_ITEMS or not _has_more(state):
        _finish(diagnostic, item.student)
        outcome.next = "done"
    else:
        diagnostic.save()


def _has_more(state: dict) -> bool:
    probe = {**state, "stack": list(state["stack"]), "skipped": list(state["skipped"])}
    return _next_code(probe) is not None
