"""Reading and validating the content data files: JSON Schema, then semantic checks across files.

Every error names the file, the line, the item (skill / template / written item) and the field.
A file with any error contributes nothing; the other files still load.
"""

import random
import re
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

import jsonschema
import yaml

from qalan.trainer.content.locale import LANGUAGES
from qalan.trainer.content.placeholders import leftover
from qalan.trainer.content.schema import FILE

DATA = Path(__file__).resolve().parent / "data"
SMOKE_SEEDS = 5
_NUMBER = re.compile(r"^-?(\d+(\.\d+)?|\d+/\d+|\d+ \d+/\d+)$")
_EXPRESSION = re.compile(r"^[0-9a-z+\-*/^(). ]+$")


@dataclass
class ContentError:
    file: str
    line: int
    item: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.item}, " if self.item else ""
        return f"{self.file}:{self.line}: {where}field {self.field or '-'}: {self.message}"


@dataclass
class ContentFile:
    path: str
    data: dict
    marks: dict  # path tuple -> line number (1-based)
    errors: list[ContentError] = field(default_factory=list)

    def line(self, path: tuple) -> int:
        while path and path not in self.marks:
            path = path[:-1]
        return self.marks.get(path, 1)


def _to_python(node, path: tuple, marks: dict):
    """The node tree as plain data, recording each node's line (PyYAML marks are 0-based)."""
    marks[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = key_node.value
            marks[(*path, key)] = key_node.start_mark.line + 1
            result[key] = _to_python(value_node, (*path, key), marks)
            marks[(*path, key)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(child, (*path, i), marks) for i, child in enumerate(node.value)]
    return _scalar(node)


def _scalar(node):
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()


def _key_ok(form: str, key: str) -> bool:
    """A minimal key check, to be switched to ``qalan.trainer.answers.key_validate``."""
    key = str(key).strip()
    if form == "number":
        return bool(_NUMBER.match(key)) and not key.endswith("/0")
    if form == "fraction":
        if not re.fullmatch(r"-?\d+/\d+|-?\d+", key):
            return False
        value = Fraction(key)
        return "/" not in key or f"{value.numerator}/{value.denominator}" == key.lstrip("+")
    if form == "expression":
        return bool(_EXPRESSION.match(key))
    if form == "choice":
        return bool(re.fullmatch(r"[a-z]", key))
    if form == "multi":
        return bool(re.fullmatch(r"[a-z](,[a-z])*", key))
    if form == "text":
        parts = dict(p.split(":", 1) for p in key.split("|") if ":" in p)
        return set(parts) >= set(LANGUAGES) and all(v.strip() for v in parts.values())
    return False


def read_file(path: Path, root: Path = DATA) -> ContentFile:
    name = str(path.relative_to(root)) if path.is_relative_to(root) else path.name
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        return ContentFile(name, {}, {}, [ContentError(name, line, "", "-", f"not valid YAML: {error}")])
    marks: dict = {}
    data = _to_python(node, (), marks) if node is not None else {}
    content = ContentFile(name, data if isinstance(data, dict) else {}, marks)
    for error in jsonschema.Draft202012Validator(FILE).iter_errors(data):
        where = tuple(error.absolute_path)
        content.errors.append(ContentError(name, content.line(where), _item(data, where), _field(where), error.message))
    if not content.errors:
        _check_file(content)
    return content


def _item(data: dict, path: tuple) -> str:
    """Which skill, template and written item a path points into, for error messages."""
    parts = []
    try:
        if len(path) >= 2 and path[0] == "skills":
            skill = data["skills"][path[1]]
            parts.append(f"skill {skill.get('code', '#' + str(path[1] + 1))}")
            if len(path) >= 4 and path[2] == "templates":
                template = skill["templates"][path[3]]
                parts.append(f"template {template.get('key', '#' + str(path[3] + 1))}")
                if len(path) >= 6 and path[4] == "items":
                    parts.append(f"item {path[5] + 1}")
        elif path and path[0] == "chapter":
            parts.append(f"chapter {data['chapter'].get('code', '')}")
    except (KeyError, IndexError, TypeError, AttributeError):
        pass
    return ", ".join(parts)


def _field(path: tuple) -> str:
    tail = list(path)
    for marker in ("items", "templates", "skills"):
        if marker in tail:
            index = len(tail) - 1 - tail[::-1].index(marker)
            if index == len(tail) - 1:
                return marker
            tail = tail[index + 2 :]
            break
    return ".".join(str(p) for p in tail) or "-"


def _error(content: ContentFile, path: tuple, message: str) -> None:
    content.errors.append(
        ContentError(content.path, content.line(path), _item(content.data, path), _field(path), message)
    )


def _check_texts(content: ContentFile, where: tuple, owner: dict, fallback: dict, need_prompt: bool = True) -> None:
    for name, minimum in (("hints", 2), ("solution", 1)):
        if len(owner.get(name) or fallback.get(name) or []) < minimum:
            _error(content, (*where, name), f"needs at least {minimum} {'levels' if name == 'hints' else 'step'}")
    if need_prompt and not (owner.get("prompt") or fallback.get("prompt")):
        _error(content, (*where, "prompt"), "missing prompt")
    for name in ("prompt",):
        for lang, text in (owner.get(name) or {}).items():
            if not str(text).strip():
                _error(content, (*where, name, lang), "empty text")


def _check_choices(content: ContentFile, where: tuple, form: str, choices: list) -> None:
    right = sum(1 for c in choices if c.get("correct"))
    texts = [tuple(sorted(c["text"].items())) for c in choices]
    if len(set(texts)) != len(texts):
        _error(content, (*where, "choices"), "two choices have the same text")
    if form == "choice" and right != 1:
        _error(content, (*where, "choices"), f"a single-choice item needs exactly one correct choice, has {right}")
    if form == "multi" and right < 1:
        _error(content, (*where, "choices"), "a multiple-choice item needs at least one correct choice")


def _check_file(content: ContentFile) -> None:
    from qalan.trainer.content.figures import drawer_names
    from qalan.trainer.content.registry import generator_names

    data = content.data
    codes, keys = set(), set()
    for s, skill in enumerate(data["skills"]):
        if skill["code"] in codes:
            _error(content, ("skills", s, "code"), f"skill code {skill['code']} appears twice")
        codes.add(skill["code"])
        for t, template in enumerate(skill["templates"]):
            where = ("skills", s, "templates", t)
            form = template["answer_form"]
            before = len(content.errors)
            if template["key"] in keys:
                _error(content, (*where, "key"), f"template key {template['key']} appears twice")
            keys.add(template["key"])
            fig = template.get("figure")
            if fig and fig["name"] not in drawer_names():
                _error(content, (*where, "figure", "name"), f"unknown figure {fig['name']!r}")
            if "generator" in template:
                if template["generator"] not in generator_names():
                    _error(content, (*where, "generator"), f"unknown generator {template['generator']!r}")
                    continue
                _check_texts(content, where, template, {})
                if template.get("choices"):
                    _check_choices(content, where, form, template["choices"])
                if len(content.errors) == before:
                    _smoke(content, where, template)
                continue
            seen = set()
            for i, item in enumerate(template["items"]):
                iw = (*where, "items", i)
                _check_texts(content, iw, item, template)
                prompt = tuple(sorted((item.get("prompt") or {}).items()))
                if prompt and prompt in seen:
                    _error(content, (*iw, "prompt"), "the same written item appears twice")
                seen.add(prompt)
                if item.get("choices"):
                    _check_choices(content, iw, form, item["choices"])
                elif form in ("choice", "multi"):
                    _error(content, (*iw, "choices"), f"a {form} item needs choices")
                elif not _key_ok(form, item["key"]):
                    _error(content, (*iw, "key"), f"{item['key']!r} is not a valid {form} key")
            if len(content.errors) == before:
                _smoke(content, where, template)


class _Row:
    """Enough of an ItemTemplate for ``build`` to run on a definition before it is saved."""

    def __init__(self, template: dict):
        self.generator = template.get("generator", "")
        self.definition = definition_of(template)


def definition_of(template: dict) -> dict:
    """What ``ItemTemplate.definition`` stores: the template without its row fields."""
    return {
        k: v for k, v in template.items() if k not in ("key", "answer_form", "generator", "difficulty", "is_extended")
    }


def _smoke(content: ContentFile, where: tuple, template: dict) -> None:
    """Build a few instances: the generator runs, its key is valid and no placeholder is left."""
    from qalan.trainer.content.build import build

    row, form = _Row(template), template["answer_form"]
    for seed in range(SMOKE_SEEDS):
        try:
            # Bandit B311: a few seeded sample builds, not a secret.
            built = build(row, random.Random(seed).randrange(2**31))  # nosec B311
        except Exception as error:
            _error(content, (*where, "generator" if row.generator else "items"), f"building an item fails: {error!r}")
            return
        if not _key_ok(form, built.key):
            _error(
                content,
                (*where, "generator" if row.generator else "items"),
                f"key {built.key!r} is not a valid {form} key",
            )
            return
        texts = [built.rendered["prompt"], *built.rendered["hints"], *built.rendered["solution"]]
        texts += [c["text"] for c in built.choices]
        for text in texts:
            for lang in LANGUAGES:
                if not str(text.get(lang, "")).strip():
                    _error(content, where, f"an item has no {lang} text")
                    return
                if leftover(text[lang]):
                    _error(content, where, f"placeholder left unreplaced in {lang}: {text[lang]!r}")
                    return


@dataclass
class Collection:
    files: list[ContentFile]

    @property
    def errors(self) -> list[ContentError]:
        return [e for f in self.files for e in f.errors]

    def good(self) -> list[ContentFile]:
        return [f for f in self.files if not f.errors]


def _check_across(files: list[ContentFile]) -> None:
    """Across files: unique codes and keys, prerequisites exist, no cycle."""
    owner, keys, graph = {}, {}, {}
    for f in files:
        if f.errors:
            continue
        chapter = f.data["chapter"]
        for s, skill in enumerate(f.data["skills"]):
            if skill["code"] in owner:
                _error(
                    f, ("skills", s, "code"), f"skill code {skill['code']} is also in {owner[skill['code']][0].path}"
                )
            owner[skill["code"]] = (f, s, chapter["grade"])
            graph[skill["code"]] = list(skill.get("prerequisites", []))
            for t, template in enumerate(skill["templates"]):
                if template["key"] in keys:
                    _error(
                        f,
                        ("skills", s, "templates", t, "key"),
                        f"template key {template['key']} is also in {keys[template['key']]}",
                    )
                keys.setdefault(template["key"], f.path)
    chapters = {}
    for f in files:
        if not f.errors and f.data["chapter"]["code"] in chapters:
            _error(f, ("chapter", "code"), f"chapter code is also in {chapters[f.data['chapter']['code']]}")
        elif not f.errors:
            chapters[f.data["chapter"]["code"]] = f.path
    for code, prerequisites in graph.items():
        f, s, grade = owner[code]
        for p, prerequisite in enumerate(prerequisites):
            if prerequisite not in owner:
                _error(
                    f,
                    ("skills", s, "prerequisites", p),
                    f"unknown prerequisite {prerequisite} (no such skill, or its file has errors)",
                )
            elif owner[prerequisite][2] > grade:
                _error(f, ("skills", s, "prerequisites", p), f"prerequisite {prerequisite} is in a later grade")
    for cycle in _cycles(graph):
        f, s, _grade = owner[cycle[0]]
        _error(f, ("skills", s, "prerequisites"), "prerequisites form a cycle: " + " -> ".join(cycle))


def _cycles(graph: dict) -> list[list[str]]:
    found, state = [], {}

    def visit(node, stack):
        state[node] = "open"
        for nxt in graph.get(node, []):
            if nxt not in graph:
                continue
            if state.get(nxt) == "open":
                found.append(stack[stack.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def load_all(root: Path = DATA) -> Collection:
    """Every data file under ``root`` (``grade-NN/<chapter>.yaml``), validated."""
    files = [read_file(path, root) for path in sorted(root.glob("grade-*/*.yaml"))]
    for f in files:
        if not f.errors:
            grade = f.data["chapter"]["grade"]
            if f.path.split("/")[0] != f"grade-{grade:02d}":
                _error(f, ("chapter", "grade"), f"a grade {grade} chapter belongs in grade-{grade:02d}/")
    # Errors found across files make the files involved load nothing; repeat until stable.
    while True:
        before = len([f for f in files if f.errors])
        _check_across(files)
        if len([f for f in files if f.errors]) == before:
            break
    return Collection(files)
