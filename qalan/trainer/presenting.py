"""How a served item is shown, the same on the web and in the API: texts in the reader's
language, TeX as MathML, never the key while the item is open."""

from __future__ import annotations

from django.utils import translation

from qalan.trainer import answers
from qalan.trainer.content.render import render_html as text_html
from qalan.trainer.models import ItemInstance, pick_language
from qalan.trainer.services.serving import hint_text, solution_steps


def language() -> str:
    return (translation.get_language() or "kk").split("-")[0]


def carried_hint(instance: ItemInstance) -> str:
    """The hint shown after the mistake that led to this similar item."""
    previous = instance.similar_to
    return hint_text(previous, previous.hints_shown) if previous is not None and previous.hints_shown else ""


def figure_svg(instance: ItemInstance, lang: str) -> str:
    """The item's SVG drawing with labels in the reader's language (drawn by the server from the
    item's parameters; no script, no external reference), or ""."""
    figure = instance.rendered.get("figure") or ""
    return pick_language(figure, lang) if isinstance(figure, dict) else str(figure)


def item_data(instance: ItemInstance) -> dict:
    lang = language()
    prompt = pick_language(instance.rendered.get("prompt"), lang)
    closed = instance.status == ItemInstance.Status.CLOSED
    shows_solution = closed or instance.solution_seen
    data = {
        "id": str(instance.pk),
        "skill": instance.skill.code,
        "purpose": instance.purpose,
        "prompt": prompt,
        "prompt_html": str(text_html(prompt, lang)),
        "format": "tex",
        "answer_form": instance.template.answer_form,
        "unit": instance.unit,
        "choices": [{"id": c["id"], "text": pick_language(c.get("text"), lang)} for c in instance.choices],
        "lives_left": instance.lives_left,
        "hints_available": max(0, len(instance.rendered.get("hints") or []) - instance.hints_shown),
        "hints": [hint_text(instance, level) for level in range(1, instance.hints_shown + 1)],
        "hint": carried_hint(instance),
        "figure": figure_svg(instance, lang),
        "status": instance.status,
        "result": instance.result,
        "solution": solution_steps(instance) if shows_solution else [],
        "answer": answers.key_display(instance.template.answer_form, instance.key, lang) if closed else None,
    }
    return data


def mastery_data(mastery) -> dict:
    return (
        {"score": mastery.score, "level": mastery.level}
        if mastery is not None
        else {"score": 0, "level": "not_started"}
    )
