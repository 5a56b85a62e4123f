"""Writing validated content files to the database, idempotently, without reverting staff edits.

Each shipped row stores ``checksum``: the hash of what the loader last wrote. On a reload:
- the file's definition hashes to the checksum -> unchanged;
- the row itself no longer hashes to its checksum -> someone edited it in the database: a
  conflict, reported, and the row is kept as edited (``overwrite=True`` replaces it);
- otherwise the row is updated from the file; a template's ``version`` goes up.
Rows shipped before but missing from the files are deactivated, never deleted.
"""

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction

from qalan.trainer.content.loader import Collection, definition_of
from qalan.trainer.models import Chapter, ItemTemplate, Skill


def checksum(fields: dict) -> str:
    return hashlib.sha256(json.dumps(fields, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


@dataclass
class SyncReport:
    counts: Counter = field(default_factory=Counter)  # (grade, what) -> n
    conflicts: list[str] = field(default_factory=list)
    deactivated: list[str] = field(default_factory=list)

    def count(self, grade: int, what: str) -> None:
        self.counts[(grade, what)] += 1


def _chapter_fields(row: Chapter) -> dict:
    return {"grade": row.grade, "course": row.course, "section": row.section, "order": row.order, "title": row.title}


def _skill_fields(row: Skill, prerequisites: list[str] | None = None) -> dict:
    if prerequisites is None:
        prerequisites = sorted(row.prerequisites.values_list("code", flat=True)) if row.pk else []
    return {
        "chapter": row.chapter.code,
        "grade": row.grade,
        "order": row.order,
        "title": row.title,
        "description": row.description,
        "is_extended": row.is_extended,
        "prerequisites": sorted(prerequisites),
    }


def _template_fields(row: ItemTemplate) -> dict:
    return {
        "skill": row.skill.code,
        "answer_form": row.answer_form,
        "generator": row.generator,
        "definition": row.definition,
        "difficulty": row.difficulty,
        "is_extended": row.is_extended,
    }


def _apply(row, wanted: dict, fields_of, name: str, report: SyncReport, grade: int, overwrite: bool, **extra) -> str:
    """created | updated | unchanged | conflict, after writing ``wanted`` onto ``row`` if due."""
    target = checksum(wanted)
    if row.pk is None:
        state = "created"
    else:
        current = checksum(fields_of(row, **extra))
        if row.checksum and current != row.checksum and not overwrite:
            report.conflicts.append(
                f"{name}: edited in the database since it was loaded; kept as edited (use --overwrite)"
            )
            return "conflict"
        if row.checksum == target == current and row.is_active:
            return "unchanged"
        state = "updated"
    for attr, value in wanted.items():
        if attr not in ("chapter", "skill", "prerequisites"):
            setattr(row, attr, value)
    row.checksum, row.is_active = target, True
    return state


def sync(collection: Collection, *, overwrite: bool = False) -> SyncReport:
    report = SyncReport()
    good = collection.good()
    with transaction.atomic():
        chapters, skills, prerequisites = {}, {}, {}
        seen_templates = set()
        for f in good:
            spec = f.data["chapter"]
            grade = spec["grade"]
            chapter = Chapter.objects.filter(code=spec["code"]).first() or Chapter(code=spec["code"])
            wanted = {
                "grade": grade,
                "course": spec["course"],
                "section": spec["section"],
                "order": spec.get("order", 0),
                "title": spec["title"],
            }
            state = _apply(
                chapter, wanted, lambda r: _chapter_fields(r), f"chapter {spec['code']}", report, grade, overwrite
            )
            chapter.source_file = f.path
            if state in ("created", "updated"):
                chapter.save()
            report.count(grade, f"chapters {state}")
            chapters[spec["code"]] = chapter
            for order, s in enumerate(f.data["skills"]):
                skill = Skill.objects.filter(code=s["code"]).select_related("chapter").first() or Skill(code=s["code"])
                if skill.pk is None:
                    skill.chapter = chapter
                wanted = {
                    "chapter": chapter.code,
                    "grade": grade,
                    "order": s.get("order", order),
                    "title": s["title"],
                    "description": s.get("description", {}),
                    "is_extended": s.get("is_extended", False),
                    "prerequisites": sorted(s.get("prerequisites", [])),
                }
                state = _apply(
                    skill, wanted, lambda r: _skill_fields(r), f"skill {s['code']}", report, grade, overwrite
                )
                if state in ("created", "updated"):
                    skill.chapter, skill.source_file = chapter, f.path
                    skill.save()
                    prerequisites[s["code"]] = s.get("prerequisites", [])
                report.count(grade, f"skills {state}")
                skills[s["code"]] = skill
                for t in s["templates"]:
                    seen_templates.add(t["key"])
                    row = ItemTemplate.objects.filter(key=t["key"]).select_related("skill").first() or ItemTemplate(
                        key=t["key"]
                    )
                    if row.pk is None:
                        row.skill = skill
                    wanted = {
                        "skill": skill.code,
                        "answer_form": t["answer_form"],
                        "generator": t.get("generator", ""),
                        "definition": definition_of(t),
                        "difficulty": t["difficulty"],
                        "is_extended": t.get("is_extended", s.get("is_extended", False)),
                    }
                    state = _apply(
                        row, wanted, lambda r: _template_fields(r), f"template {t['key']}", report, grade, overwrite
                    )
                    if state in ("created", "updated"):
                        if state == "updated":
                            row.version += 1
                        row.skill, row.source_file = skill, f.path
                        row.save()
                    report.count(grade, f"templates {state}")
        for code, wanted in prerequisites.items():
            skills[code].prerequisites.set([skills[p] if p in skills else Skill.objects.get(code=p) for p in wanted])
        _deactivate(collection, report, set(chapters), set(skills), seen_templates)
    return report


def _deactivate(collection: Collection, report: SyncReport, chapters: set, skills: set, templates: set) -> None:
    """Shipped rows gone from the files are deactivated; rows of files with errors are left alone."""
    broken = {f.path for f in collection.files if f.errors}
    for model, seen, label in (
        (ItemTemplate, templates, "template"),
        (Skill, skills, "skill"),
        (Chapter, chapters, "chapter"),
    ):
        field_name = "key" if model is ItemTemplate else "code"
        gone = model.objects.exclude(source_file="").filter(is_active=True).exclude(**{f"{field_name}__in": seen})
        for row in gone.exclude(source_file__in=broken):
            row.is_active = False
            row.save(update_fields=["is_active"])
            report.deactivated.append(f"{label} {getattr(row, field_name)} (was in {row.source_file})")
