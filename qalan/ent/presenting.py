"""How an ENT question is shown, the same on the web and in the API: texts in the reader's
language, TeX as MathML, never the key or the solution while the mock is open."""

from __future__ import annotations

from django.utils import translation

from qalan.ent.models import EntMockItem
from qalan.trainer.content.render import render_html
from qalan.trainer.models import pick_language
from qalan.trainer.services.serving import solution_steps


def language() -> str:
    return (translation.get_language() or "kk").split("-")[0]


def question_data(item: EntMockItem, *, submitted: bool) -> dict:
    lang = language()
    instance = item.instance
    rendered = instance.rendered if instance is not None else {}
    prompt = pick_language(rendered.get("prompt"), lang)
    figure = rendered.get("figure") or ""
    chosen = item.answer.split(",") if item.answer else []
    data = {
        "position": item.position,
        "question_type": item.question_type,
        "max_points": item.max_points,
        "skill": item.skill.code,
        "prompt": prompt,
        "prompt_html": str(render_html(prompt, lang)),
        "format": "tex",
        "figure": pick_language(figure, lang) if isinstance(figure, dict) else str(figure),
        "options": [
            {
                "id": o["id"],
                "text": pick_language(o["text"], lang),
                "text_html": str(render_html(pick_language(o["text"], lang), lang)),
                "chosen": o["id"] in chosen,
                "right": (o["id"] in item.key.split(",")) if submitted else None,
            }
            for o in item.options
        ],
        "answer": item.answer,
        "key": item.key if submitted else None,
        "points": item.points if submitted else None,
        "solution": [str(render_html(s, lang)) for s in solution_steps(instance)] if submitted and instance else [],
    }
    return data
