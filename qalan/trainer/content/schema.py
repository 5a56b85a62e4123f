"""The JSON Schema of a content data file (one chapter and its skills, templates, written items)."""

from qalan.trainer.content.locale import UNITS

LANGS = ["kk", "ru", "en", "uz"]
TEXT = {
    "type": "object",
    "required": LANGS,
    "properties": {lang: {"type": "string", "minLength": 1} for lang in LANGS},
    "additionalProperties": False,
}
CHOICE = {
    "type": "object",
    "required": ["text"],
    "properties": {"text": TEXT, "correct": {"type": "boolean"}},
    "additionalProperties": False,
}
FIGURE = {
    "type": "object",
    "required": ["name"],
    "properties": {"name": {"type": "string"}, "params": {"type": "object"}},
    "additionalProperties": False,
}
TEXTS = {"type": "array", "items": TEXT}
ITEM = {
    "type": "object",
    "required": ["key"],
    "properties": {
        "prompt": TEXT,
        "key": {"type": ["string", "integer"]},
        "choices": {"type": "array", "items": CHOICE, "minItems": 2},
        "values": {"type": "object"},
        "hints": TEXTS,
        "solution": TEXTS,
        "figure": FIGURE,
        "legacy_tasks": {"type": "array", "items": {"type": "string"}},
    },
    "additionalProperties": False,
}
TEMPLATE = {
    "type": "object",
    "required": ["key", "answer_form", "difficulty"],
    "properties": {
        "key": {"type": "string", "pattern": "^[a-z0-9][a-z0-9.-]*$"},
        "answer_form": {"enum": ["number", "fraction", "expression", "choice", "multi", "text"]},
        "difficulty": {"type": "integer", "minimum": 1, "maximum": 3},
        "generator": {"type": "string"},
        "options": {"type": "object"},
        "items": {"type": "array", "items": ITEM, "minItems": 1},
        "prompt": TEXT,
        "hints": TEXTS,
        "solution": TEXTS,
        "choices": {"type": "array", "items": CHOICE, "minItems": 2},
        "unit": {"enum": sorted(UNITS)},
        "figure": FIGURE,
        "is_extended": {"type": "boolean"},
        "legacy_tasks": {"type": "array", "items": {"type": "string"}},
    },
    "oneOf": [{"required": ["generator"]}, {"required": ["items"]}],
    "additionalProperties": False,
}
SKILL = {
    "type": "object",
    "required": ["code", "title", "templates"],
    "properties": {
        "code": {"type": "string", "pattern": r"^(\d{1,2}(\.\d+){2,4}|Q\d{1,2}\.[A-Z0-9_.]+)$"},
        "order": {"type": "integer", "minimum": 0},
        "title": TEXT,
        "description": TEXT,
        "prerequisites": {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
        "is_extended": {"type": "boolean"},
        "templates": {"type": "array", "items": TEMPLATE, "minItems": 1},
    },
    "additionalProperties": False,
}
CHAPTER = {
    "type": "object",
    "required": ["code", "grade", "course", "section", "title"],
    "properties": {
        "code": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"},
        "grade": {"type": "integer", "minimum": 1, "maximum": 11},
        "course": {"enum": ["mathematics", "algebra", "algebra_analysis", "geometry", "ent_literacy", "ent_maths"]},
        "section": {
            "enum": ["numbers", "fractions", "ratios", "algebra", "functions", "geometry", "data", "word_problems"]
        },
        "order": {"type": "integer", "minimum": 0},
        "title": TEXT,
    },
    "additionalProperties": False,
}
FILE = {
    "type": "object",
    "required": ["chapter", "skills"],
    "properties": {"chapter": CHAPTER, "skills": {"type": "array", "items": SKILL, "minItems": 1}},
    "additionalProperties": False,
}
