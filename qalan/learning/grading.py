"""Reading and checking answers: one place for the web form, the API and the tests of content."""

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from qalan.learning.models import Task

TEXT_MAX = 200
_MIXED = re.compile(r"^(-?\d+)\s+(\d+)/(\d+)$")
_FRACTION = re.compile(r"^(-?\d+(?:\.\d+)?)/(\d+(?:\.\d+)?)$")


def number_parse(raw: Any) -> Decimal:
    """What students type: 12, -3, 2.5, 2,5, 3/4, 1 1/2, 25%, 1 000. Raises ValueError otherwise."""
    if isinstance(raw, bool) or raw is None:
        raise ValueError("not a number")
    if isinstance(raw, (int, float, Decimal)):
        return Decimal(str(raw))
    text = str(raw).strip().replace("\u2212", "-").replace(",", ".").rstrip("%").strip()
    text = re.sub(r"(?<=\d)[ \u00a0](?=\d{3}\b)", "", text)  # thousands separators
    if not text or len(text) > 40:
        raise ValueError("not a number")
    try:
        match = _MIXED.match(text)
        if match:
            whole, num, den = (Decimal(g) for g in match.groups())
            if den == 0:
                raise ValueError("division by zero")
            sign = -1 if whole < 0 else 1
            return whole + sign * num / den
        match = _FRACTION.match(text)
        if match:
            num, den = (Decimal(g) for g in match.groups())
            if den == 0:
                raise ValueError("division by zero")
            return num / den
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError("not a number") from None
    if not value.is_finite():
        raise ValueError("not a number")
    return value


def text_normalise(text: str) -> str:
    """Case, spacing, ё/е, a final full stop and spaces around signs do not matter."""
    text = unicodedata.normalize("NFKC", str(text or "")).casefold().replace("ё", "е")
    text = re.sub(r"\s*([=+\-*/:<>()])\s*", r"\1", text)
    text = " ".join(text.split())
    return text.rstrip(".").strip()


def _ids(raw: Any) -> list[int]:
    if isinstance(raw, str):
        raw = [p for p in re.split(r"[,\s]+", raw) if p]
    elif not isinstance(raw, (list, tuple)):
        raw = [raw]
    ids = []
    for item in raw:
        if isinstance(item, bool):
            raise ValueError("not an id")
        ids.append(int(item))
    return ids


def answer_parse(task: Task, raw: Any) -> dict:
    """The answer in its stored form, or ValidationError saying what kind of answer is expected.

    ``task.choices`` should be prefetched for choice tasks.
    """
    if task.kind in (Task.Kind.SINGLE, Task.Kind.MULTIPLE):
        valid = {c.pk for c in task.choices.all()}
        try:
            ids = _ids(raw)
        except (TypeError, ValueError):
            ids = None
        if task.kind == Task.Kind.SINGLE:
            if not ids or len(ids) != 1 or ids[0] not in valid:
                raise ValidationError(_("Choose one of the options."), code="choice")
            return {"choice": ids[0]}
        if not ids:
            raise ValidationError(_("Choose at least one of the options."), code="choices")
        if not set(ids) <= valid:
            raise ValidationError(_("Choose only from the options shown."), code="choices")
        return {"choices": sorted(set(ids))}
    if task.kind == Task.Kind.NUMERIC:
        try:
            value = number_parse(raw)
        except (TypeError, ValueError):
            raise ValidationError(_("Enter a number, for example 12, 2.5 or 3/4."), code="number") from None
        return {"number": format(value.normalize(), "f")}
    text = str(raw if raw is not None else "").strip()
    if not text or isinstance(raw, (list, dict)):
        raise ValidationError(_("Type your answer."), code="text")
    if len(text) > TEXT_MAX:
        raise ValidationError(
            ngettext("An answer has at most %(max)s character.", "An answer has at most %(max)s characters.", TEXT_MAX)
            % {"max": TEXT_MAX},
            code="text",
        )
    return {"text": text}


def answer_is_correct(task: Task, answer: dict) -> bool:
    if task.kind == Task.Kind.SINGLE:
        return answer.get("choice") in {c.pk for c in task.choices.all() if c.is_correct}
    if task.kind == Task.Kind.MULTIPLE:
        return set(answer.get("choices", [])) == {c.pk for c in task.choices.all() if c.is_correct}
    if task.kind == Task.Kind.NUMERIC:
        if task.answer_number is None:
            return False
        return abs(Decimal(answer["number"]) - task.answer_number) <= task.tolerance
    accepted = {text_normalise(a) for a in task.accepted_answers}
    return text_normalise(answer.get("text", "")) in accepted


def correct_answer_display(task: Task, language: str | None = None) -> str:
    """The right answer as a student should read it after answering."""
    if task.kind in (Task.Kind.SINGLE, Task.Kind.MULTIPLE):
        return "; ".join(c.localised("text", language) for c in task.choices.all() if c.is_correct)
    if task.kind == Task.Kind.NUMERIC:
        return format(task.answer_number.normalize(), "f") if task.answer_number is not None else ""
    return task.accepted_answers[0] if task.accepted_answers else ""


def answer_display(task: Task, answer: dict, language: str | None = None) -> str:
    if "choice" in answer or "choices" in answer:
        chosen = set(answer.get("choices", [])) | ({answer["choice"]} if "choice" in answer else set())
        return "; ".join(c.localised("text", language) for c in task.choices.all() if c.pk in chosen)
    return str(answer.get("number", answer.get("text", "")))
