"""Typed answers checked exactly, as a maths teacher would: numbers, fractions, expressions, choices, words."""

from qalan.trainer.answers.display import number_format
from qalan.trainer.answers.forms import check, choice_mistakes, key_display, key_validate
from qalan.trainer.answers.verdict import FORMS, Verdict

__all__ = ["FORMS", "Verdict", "check", "choice_mistakes", "key_display", "key_validate", "number_format"]
