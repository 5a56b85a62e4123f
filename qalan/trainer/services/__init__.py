"""Trainer writes: serving and answering items, hints and solutions, the daily focus, the
diagnostic, the streak. Each validates, writes and audits in one transaction; bad input raises
``ValidationError`` keyed by field and changes nothing."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from qalan.trainer.services.diagnostic import diagnostic_next, diagnostic_start
from qalan.trainer.services.focus import focus_item_serve, focus_today
from qalan.trainer.services.items import Outcome, hint_reveal, item_answer, item_serve, solution_reveal
from qalan.trainer.services.streak import streak_record_right


def diagnostic_answer(*, actor, instance, answer) -> Outcome:
    """Answer a diagnostic probe (the same checking as any item; the diagnostic then moves on)."""
    if instance.diagnostic_id is None:
        raise ValidationError({"answer": [_("This item is not part of a diagnostic.")]})
    return item_answer(actor=actor, instance=instance, answer=answer)


__all__ = [
    "Outcome",
    "diagnostic_answer",
    "diagnostic_next",
    "diagnostic_start",
    "focus_item_serve",
    "focus_today",
    "hint_reveal",
    "item_answer",
    "item_serve",
    "solution_reveal",
    "streak_record_right",
]
