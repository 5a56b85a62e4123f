"""Serving and answering items: lives, hints, the worked solution, and the mastery update.

An *item* is a chain of instances: the first one and the similar, fresh instances (new numbers)
served after each mistake. The chain has ``LIVES_PER_ITEM`` lives: a wrong answer costs one,
closes that instance and shows the next hint (lives 2: hint 1, lives 1: hint 2); the similar
instance that follows inherits the lives left. At 0 lives the worked solution is shown. A right
answer closes the item. An unreadable answer costs nothing and leaves the instance open. Every
instance takes at most one readable answer, so resubmitting can never raise mastery.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from qalan.audit.services import audit_record
from qalan.trainer import answers, mastery
from qalan.trainer.models import ItemAttempt, ItemInstance, Purpose, Result, Skill, SkillMastery
from qalan.trainer.services import diagnostic as diagnostic_hooks
from qalan.trainer.services import focus as focus_hooks
from qalan.trainer.services.serving import (
    hint_text,
    instance_create,
    require_open,
    require_student,
    sealed_error,
    solution_steps,
)
from qalan.trainer.services.streak import streak_record_right

ANSWER_MAX_LENGTH = 300


def _praise(instance: ItemInstance) -> str:
    # Literal msgids (each is in the catalogues); the choice varies from item to item.
    options = (_("Right! Well done."), _("Exactly right."), _("Correct: great work."))
    return options[instance.seed % len(options)]


def _closed_error() -> ValidationError:
    return ValidationError(
        {"answer": [_("This item is already finished, so this answer changes nothing. Go on to the next item.")]}
    )


@dataclass
class Outcome:
    """What the student sees after an answer."""

    instance: ItemInstance
    attempt: ItemAttempt
    result: str
    message: str
    hint: str = ""
    next: str = "next"  # "similar" | "next" | "done" | "retry" (unreadable: answer this item again)
    solution: list[str] = field(default_factory=list)
    mastery: SkillMastery | None = None


def _predecessor(similar_to: ItemInstance | None, actor, skill: Skill) -> ItemInstance | None:
    if similar_to is None:
        return None
    similar_to = ItemInstance.objects.filter(pk=similar_to.pk).select_related("focus", "diagnostic").first()
    if (
        similar_to is None
        or similar_to.student_id != actor.pk
        or similar_to.skill_id != skill.pk
        or similar_to.result != Result.WRONG
        or similar_to.lives_left == 0
    ):
        raise ValidationError(
            {"similar_to": [_("A similar item follows only a wrong answer of the same skill with lives left.")]}
        )
    return similar_to


def item_serve(
    *,
    actor,
    skill: Skill,
    purpose: str = Purpose.PRACTICE,
    focus=None,
    diagnostic=None,
    similar_to: ItemInstance | None = None,
    difficulty: int | None = None,
    lives: int | None = None,
) -> ItemInstance:
    """A fresh instance of ``skill`` for the student (a new random seed each time)."""
    require_student(actor)
    require_open(actor, skill)
    similar_to = _predecessor(similar_to, actor, skill)
    inherited = similar_to.lives_left if similar_to is not None else None
    if similar_to is not None:
        purpose, focus, diagnostic = similar_to.purpose, similar_to.focus, similar_to.diagnostic
        difficulty = similar_to.difficulty if difficulty is None else difficulty
    with transaction.atomic():
        instance = instance_create(
            student=actor,
            skill=skill,
            purpose=purpose,
            difficulty=difficulty,
            focus=focus,
            diagnostic=diagnostic,
            similar_to=similar_to,
            lives=inherited or lives or ItemInstance._meta.get_field("lives_left").default,
        )
        audit_record(
            actor=actor,
            subject=actor,
            event_type="trainer.item_served",
            extra={"instance": str(instance.pk), "skill": skill.code, "purpose": purpose},
        )
    return instance


def _raw_answer(answer) -> str:
    if not isinstance(answer, str):
        raise ValidationError({"answer": [_('Send the answer as text, for example "12" or "3/4".')]})
    if not answer.strip():
        raise ValidationError({"answer": [_("Type your answer, then press Check.")]})
    if len(answer) > ANSWER_MAX_LENGTH:
        raise ValidationError(
            {
                "answer": [
                    _("The answer is too long: at most %(limit)s characters. Type only the answer.")
                    % {"limit": ANSWER_MAX_LENGTH}
                ]
            }
        )
    return answer.strip()


def _lock(actor, instance: ItemInstance, field: str = "answer") -> ItemInstance:
    locked = (
        ItemInstance.objects.select_for_update(of=("self",))
        .select_related("template", "skill")
        .filter(pk=instance.pk, student=actor)
        .first()
    )
    if locked is None:
        raise ValidationError({field: [_("This item is not yours. Open your own items in the trainer.")]})
    if locked.sealed:
        raise sealed_error(field)
    return locked


def item_answer(*, actor, instance: ItemInstance, answer) -> Outcome:
    """Check and store one answer; update lives, hints, the item, mastery, streak, focus, diagnostic."""
    require_student(actor)
    raw = _raw_answer(answer)
    language = (translation.get_language() or "kk").split("-")[0]
    with transaction.atomic():
        item = _lock(actor, instance)
        if item.status == ItemInstance.Status.CLOSED:
            raise _closed_error()
        verdict = answers.check(
            form=item.template.answer_form,
            key=item.key,
            raw=raw,
            language=language,
            unit=item.unit,
            choices=tuple(c["id"] for c in item.choices),
        )
        now = timezone.now()
        readable = verdict.status in (Result.RIGHT, Result.WRONG)
        # Every readable answer closes its instance, so an open one has none yet: it is fresh
        # unless a hint or the solution was opened.
        fresh = not item.hints_shown and not item.solution_seen
        counts = readable and fresh
        attempt = ItemAttempt.objects.create(
            instance=item,
            student=actor,
            answer=raw[:ANSWER_MAX_LENGTH],
            normalised=(verdict.normalised or "")[:300],
            result=verdict.status,
            counts=counts,
            language=language,
            created_at=now,
        )
        outcome = Outcome(instance=item, attempt=attempt, result=verdict.status, message=verdict.message)
        if verdict.status == Result.INVALID:
            outcome.message = verdict.message or _(
                "We could not read this answer. Check how it is written and try again."
            )
            outcome.next = "retry"
        elif verdict.status == Result.RIGHT:
            item.result, item.status, item.closed_at = Result.RIGHT, ItemInstance.Status.CLOSED, now
            outcome.message = _praise(item)
        else:
            _wrong(item, outcome, now)
        if readable:
            item.save()
        if counts:
            outcome.mastery = mastery.mastery_record(
                student=actor,
                skill=item.skill,
                right=verdict.status == Result.RIGHT,
                difficulty=item.difficulty,
                at=now,
            ).mastery
            if verdict.status == Result.RIGHT:
                streak_record_right(student=actor, day=timezone.localdate(now))
        if outcome.mastery is None:
            outcome.mastery = SkillMastery.objects.filter(student=actor, skill=item.skill).first()
        if readable and item.focus_id:
            focus_hooks.focus_after_answer(item=item, outcome=outcome, counted=counts)
        if readable and item.diagnostic_id:
            diagnostic_hooks.diagnostic_after_answer(item=item, outcome=outcome)
        audit_record(
            actor=actor,
            subject=actor,
            event_type="trainer.item_answered",
            extra={"instance": str(item.pk), "attempt": attempt.pk, "result": verdict.status, "counts": counts},
        )
    return outcome


def _wrong(item: ItemInstance, outcome: Outcome, now) -> None:
    item.result, item.status, item.closed_at = Result.WRONG, ItemInstance.Status.CLOSED, now
    if item.diagnostic_id:
        # A probe takes one answer: the diagnostic moves on, it does not teach.
        item.lives_left = 0
        outcome.message, outcome.next = _("Not this time. Let's go on."), "next"
        return
    item.lives_left = max(0, item.lives_left - 1)
    if item.lives_left:
        level = min(len(item.rendered.get("hints") or []), 3 - item.lives_left)
        item.hints_shown = max(item.hints_shown, level)
        outcome.hint = hint_text(item, level)
        outcome.message = _("Not quite. Here is a hint; try a similar item.")
        outcome.next = "similar"
    else:
        item.solution_seen = True
        outcome.solution = solution_steps(item)
        outcome.message = _("Not quite, and that was the last life. Read the worked solution, then try the next item.")
        outcome.next = "next"


def hint_reveal(*, actor, instance: ItemInstance) -> str:
    """Show the next hint of an open item (its answer no longer counts for mastery)."""
    require_student(actor)
    with transaction.atomic():
        item = _lock(actor, instance, "hint")
        hints = item.rendered.get("hints") or []
        if item.status == ItemInstance.Status.CLOSED:
            raise ValidationError({"hint": [_("This item is already finished. Go on to the next item.")]})
        if item.hints_shown >= len(hints):
            raise ValidationError({"hint": [_("There are no more hints for this item. Try the worked solution.")]})
        item.hints_shown += 1
        item.save(update_fields=["hints_shown"])
        audit_record(
            actor=actor,
            subject=actor,
            event_type="trainer.hint_shown",
            extra={"instance": str(item.pk), "level": item.hints_shown},
        )
    instance.hints_shown = item.hints_shown
    return hint_text(item, item.hints_shown)


def solution_reveal(*, actor, instance: ItemInstance) -> list[str]:
    """Show the worked solution; later answers to this item do not count for mastery."""
    require_student(actor)
    with transaction.atomic():
        item = _lock(actor, instance, "solution")
        if not item.solution_seen:
            item.solution_seen = True
            item.save(update_fields=["solution_seen"])
            audit_record(
                actor=actor, subject=actor, event_type="trainer.solution_shown", extra={"instance": str(item.pk)}
            )
    instance.solution_seen = True
    return solution_steps(item)
