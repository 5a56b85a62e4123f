"""Build one instance of a template from a seed: parameters, key, shuffled choices, texts."""

import random
import string
from dataclasses import dataclass, field

from qalan.trainer.content.registry import generator_get
from qalan.trainer.models import LANGUAGES


@dataclass
class Built:
    params: dict
    key: str
    unit: str = ""
    # [{"id": "a", "text": {lang: ...}}] in the order shown.
    choices: list = field(default_factory=list)
    # {"prompt": {lang}, "hints": [{lang}], "solution": [{lang}], "figure": "<svg>" or ""}
    rendered: dict = field(default_factory=dict)


def _fill(texts: dict, values: dict) -> dict:
    return {lang: str(texts.get(lang, "")).format_map(values) for lang in LANGUAGES if texts.get(lang) is not None}


def _shuffled(rng: random.Random, options: list[dict], values: dict) -> tuple[list[dict], str]:
    order = list(options)
    rng.shuffle(order)
    shown, right = [], []
    for letter, option in zip(string.ascii_lowercase, order, strict=False):
        shown.append({"id": letter, "text": _fill(option["text"], values)})
        if option.get("correct"):
            right.append(letter)
    return shown, ",".join(right)


def build(template, seed: int) -> Built:
    """The instance of ``template`` for ``seed``: the same seed always gives the same item."""
    rng = random.Random(seed)
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
    rendered = {
        "prompt": _fill(item.get("prompt", definition.get("prompt", {})), values),
        "hints": [_fill(h, values) for h in item.get("hints", definition.get("hints", []))],
        "solution": [_fill(s, values) for s in item.get("solution", definition.get("solution", []))],
        "figure": "",
    }
    return Built(params=values, key=key, unit=str(definition.get("unit", "")), choices=choices, rendered=rendered)
