"""Build one instance of a template from a seed: parameters, key, shuffled choices, texts, figure."""

import random
import string
from dataclasses import dataclass, field

from qalan.trainer.content.locale import LANGUAGES, as_number, number_tex, unit_text
from qalan.trainer.content.placeholders import fill
from qalan.trainer.content.registry import generator_get


@dataclass
class Built:
    params: dict
    key: str
    unit: str = ""
    # [{"id": "a", "text": {lang: ...}}] in the order shown.
    choices: list = field(default_factory=list)
    # {"prompt": {lang}, "hints": [{lang}], "solution": [{lang}], "figure": {lang: "<svg>"} or {}}
    rendered: dict = field(default_factory=dict)


def _fill(texts, values: dict) -> dict:
    if not isinstance(texts, dict):
        # A bare value (a generated choice such as "3/4"): the same number in each language's way.
        number = as_number(texts)
        return {lang: f"${number_tex(texts, lang)}$" if number is not None else str(texts) for lang in LANGUAGES}
    return {lang: fill(texts[lang], values, lang) for lang in LANGUAGES if texts.get(lang) is not None}


def _shuffled(rng: random.Random, options: list[dict], values: dict) -> tuple[list[dict], str]:
    order = list(options)
    rng.shuffle(order)
    shown, right = [], []
    for letter, option in zip(string.ascii_lowercase, order, strict=False):
        shown.append({"id": letter, "text": _fill(option["text"], values)})
        if option.get("correct"):
            right.append(letter)
    return shown, ",".join(right)


def _figure(spec: dict | None, values: dict) -> dict:
    if not spec:
        return {}
    from qalan.trainer.content.figures import figure_draw

    figures = {}
    for lang in LANGUAGES:
        params = {}
        for name, raw in (spec.get("params") or {}).items():
            # "[[a]]" alone passes the raw value; other strings are filled as texts.
            stripped = str(raw).strip()
            if stripped.startswith("[[") and stripped.endswith("]]") and stripped[2:-2] in values:
                params[name] = values[stripped[2:-2]]
            else:
                params[name] = fill(raw, values, lang) if isinstance(raw, str) else raw
        figures[lang] = figure_draw(spec["name"], params, lang)
    return figures


def build(template, seed: int) -> Built:
    """The instance of ``template`` for ``seed``: the same seed always gives the same item."""
    # Bandit B311: reproducible items from a seed, not a secret.
    rng = random.Random(seed)  # nosec B311
    definition = template.definition or {}
    if template.generator:
        drawn = generator_get(template.generator)(rng, dict(definition.get("options", {})))
        values, key, item = dict(drawn["values"]), str(drawn["key"]), definition
        options = drawn.get("choices") or definition.get("choices") or []
    else:
        item = rng.choice(definition["items"])
        values, key = dict(item.get("values", {})), str(item.get("key", ""))
        options = item.get("choices") or []
    choices = []
    if options:
        choices, key = _shuffled(rng, options, values)
    unit = str(definition.get("unit", "") or "")
    rendered = {
        "prompt": _fill(item.get("prompt") or definition.get("prompt", {}), values),
        "hints": [_fill(h, values) for h in (item.get("hints") or definition.get("hints", []))],
        "solution": [_fill(s, values) for s in (item.get("solution") or definition.get("solution", []))],
        "figure": _figure(item.get("figure") or definition.get("figure"), values),
        "unit": {lang: unit_text(unit, lang) for lang in LANGUAGES} if unit else {},
    }
    return Built(params=values, key=key, unit=unit, choices=choices, rendered=rendered)
