"""The daily focus: one skill a day (a due review, else a weak prerequisite of the next skill,
else the next skill on the map). It ends when the skill sticks (``STICK_RIGHT_IN_ROW`` right
first answers in a row at difficulty 2 or more) or when the focus's lives run out."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qalan.audit.services import audit_record
from qalan.trainer import selectors
from qalan.trainer.models import LIVES_PER_ITEM, FocusSession, ItemInstance, Purpose, Result
from qalan.trainer.services.serving import instance_create, require_open, require_student, solution_steps

STICK_RIGHT_IN_ROW = 3
STICK_DIFFICULTY = 2


def focus_today(*, actor) -> FocusSession | None:
    """Today's focus, chosen and stored on the first call of the day; None when the map offers
    nothing to practise (no skills for the student's grade yet)."""
    require_student(actor)
    today = timezone.localdate()
    existing = selectors.focus_current(student=actor, day=today)
    if existing is not None:
        return existing
    choice = selectors.practise_next(student=actor)
    if choice is None:
        return None
    try:
        with transaction.atomic():
            focus = FocusSession.objects.create(
                student=actor,
                day=today,
                skill=choice.skill,
                reason=choice.reason,
                lives_left=LIVES_PER_ITEM,
                started_at=timezone.now(),
            )
            audit_record(
                actor=actor,
                subject=actor,
                event_type="trainer.focus_started",
                extra={"focus": focus.pk, "skill": choice.skill.code, "reason": choice.reason},
            )
    except IntegrityError:
        # Two first requests of the day at once: the other one chose.
        return selectors.focus_current(student=actor, day=today)
    return focus


def _ended_error() -> ValidationError:
    return ValidationError(
        {"focus": [_("Today's focus is finished. Come back tomorrow, or practise any skill on your map.")]}
    )


def focus_item_serve(*, actor) -> ItemInstance:
    """The next item of today's focus: an open one is given again, else a fresh one of the
    focus's skill (at difficulty 2 or more once the student has one right)."""
    focus = focus_today(actor=actor)
    if focus is None:
        raise ValidationError(
            {"focus": [_("There is nothing to practise for your grade yet. Choose a skill on the map.")]}
        )
    if focus.status != FocusSession.Status.ACTIVE:
        raise _ended_error()
    require_open(actor, focus.skill)
    current = focus.items.filter(status=ItemInstance.Status.OPEN).order_by("-created_at").first()
    if current is not None:
        return current
    last = focus.items.order_by("-created_at").first()
    with transaction.atomic():
        difficulty = max(STICK_DIFFICULTY, last.difficulty) if focus.right_in_row else None
        if last is not None and last.result == Result.WRONG and last.lives_left:
            instance = instance_create(
                student=actor,
                skill=focus.skill,
                purpose=Purpose.FOCUS,
                difficulty=last.difficulty,
                focus=focus,
                similar_to=last,
                lives=last.lives_left,
            )
        else:
            instance = instance_create(
                student=actor, skill=focus.skill, purpose=Purpose.FOCUS, difficulty=difficulty, focus=focus
            )
        FocusSession.objects.filter(pk=focus.pk).update(items_served=focus.items_served + 1)
        audit_record(
            actor=actor,
            subject=actor,
            event_type="trainer.item_served",
            extra={
                "instance": str(instance.pk),
                "skill": focus.skill.code,
                "purpose": Purpose.FOCUS,
                "focus": focus.pk,
            },
        )
    return instance


def focus_after_answer(*, item: ItemInstance, outcome, counted: bool) -> None:
    """Called by ``item_answer`` in its transaction for a readable answer to a focus item."""
    focus = FocusSession.objects.select_for_update().get(pk=item.focus_id)
    if focus.status != FocusSession.Status.ACTIVE:
        return
    if outcome.result == Result.RIGHT:
        if counted and item.difficulty >= STICK_DIFFICULTY:
            focus.right_in_row += 1
        elif not counted:
            focus.right_in_row = 0
    else:
        focus.right_in_row = 0
        focus.lives_left = max(0, focus.lives_left - 1)
    if focus.right_in_row >= STICK_RIGHT_IN_ROW:
        focus.status, focus.ended_at = FocusSession.Status.STUCK, timezone.now()
        outcome.message = _("The skill stuck: three right in a row. Today's focus is done. Well done!")
    elif focus.lives_left == 0:
        focus.status, focus.ended_at = FocusSession.Status.OUT_OF_LIVES, timezone.now()
        outcome.message = _("That was the focus's last life. Read the solution; tomorrow we try again.")
    if focus.status != FocusSession.Status.ACTIVE:
        outcome.next = "done"
        if not outcome.solution and outcome.result != Result.RIGHT:
            item.solution_seen = True
            item.save(update_fields=["solution_seen"])
            outcome.solution = solution_steps(item)
    focus.save()
