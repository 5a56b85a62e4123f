"""Same-work baselines for the trainer's endpoints: each view does by hand what the real endpoint
must do for its data (raw SQL written for it, the same domain functions for generating, rendering
and checking, ``json.dumps``), without the ORM, DRF, services, audit chain or request log of the
real code. Served by the same server, through the same middleware, as the bare view: the ratio
real / same-work says how far our framework code is from the data's own cost.

PostgreSQL only (``make bench``)."""

from __future__ import annotations

import json
import secrets
import uuid

from django.db import connection, transaction
from django.http import HttpResponse, HttpResponseNotFound
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from qalan.core.tokens import token_hash
from qalan.trainer import answers
from qalan.trainer.content.render import render_html
from qalan.trainer.mastery import level_of, score_of
from qalan.trainer.models import ItemTemplate

_templates: dict[int, ItemTemplate] = {}


def _user_id(request) -> int | None:
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT user_id FROM accounts_devicesession WHERE token_hash = %s AND revoked_at IS NULL",
            [token_hash(header[7:])],
        )
        row = cursor.fetchone()
    return row[0] if row else None


def _json(data) -> HttpResponse:
    return HttpResponse(json.dumps(data, ensure_ascii=False), content_type="application/json")


@csrf_exempt
def serve(request, code: str):
    """Pick an active template of the skill, build a fresh instance, store it, show it."""
    from qalan.trainer.presenting import figure_svg  # noqa: F401
    from qalan.trainer.services.serving import build

    user_id = _user_id(request)
    if user_id is None:
        return HttpResponseNotFound()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT t.id, s.id FROM trainer_itemtemplate t JOIN trainer_skill s ON s.id = t.skill_id "
            "WHERE s.code = %s AND t.is_active ORDER BY t.difficulty, t.id LIMIT 1",
            [code],
        )
        template_id, skill_id = cursor.fetchone()
    template = _templates.get(template_id)
    if template is None:  # content, read once per process as any cache would
        template = _templates[template_id] = ItemTemplate.objects.get(pk=template_id)
    seed = secrets.randbits(62)
    built = build(template, seed)
    instance_id = uuid.uuid4()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO trainer_iteminstance (id, template_id, template_version, skill_id, student_id, seed, params,"
            " key, unit, choices, rendered, difficulty, purpose, status, result, lives_left, hints_shown,"
            " solution_seen, sealed, created_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, 'practice',"
            " 'open', '', 3, 0, false, false, %s)",
            [
                instance_id,
                template_id,
                template.version,
                skill_id,
                user_id,
                seed,
                json.dumps(built.params),
                built.key,
                built.unit,
                json.dumps(built.choices),
                json.dumps(built.rendered),
                template.difficulty,
                timezone.now(),
            ],
        )
    language = request.headers.get("Accept-Language", "kk")[:2]
    prompt = (built.rendered.get("prompt") or {}).get(language, "")
    return _json(
        {
            "id": str(instance_id),
            "prompt": prompt,
            "prompt_html": str(render_html(prompt, language)),
            "format": "tex",
            "answer_form": template.answer_form,
            "unit": built.unit,
            "lives_left": 3,
            "choices": [{"id": c["id"], "text": (c.get("text") or {}).get(language, "")} for c in built.choices],
        }
    )


@csrf_exempt
def answer(request, instance_id):
    """Check one answer, store it, close the item, count it in the skill's mastery."""
    user_id = _user_id(request)
    if user_id is None:
        return HttpResponseNotFound()
    raw = json.loads(request.body)["answer"]
    language = request.headers.get("Accept-Language", "kk")[:2]
    now = timezone.now()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT i.key, i.unit, i.choices, i.skill_id, i.difficulty, t.answer_form FROM trainer_iteminstance i"
            " JOIN trainer_itemtemplate t ON t.id = i.template_id WHERE i.id = %s AND i.student_id = %s"
            " AND i.status = 'open' FOR UPDATE OF i",
            [instance_id, user_id],
        )
        row = cursor.fetchone()
        if row is None:
            return HttpResponseNotFound()
        key, unit, choices, skill_id, difficulty, form = row
        choices = json.loads(choices) if isinstance(choices, str) else choices
        verdict = answers.check(
            form=form, key=key, raw=raw, language=language, unit=unit, choices=tuple(c["id"] for c in choices)
        )
        cursor.execute(
            "INSERT INTO trainer_itemattempt (instance_id, student_id, answer, normalised, result, counts, language,"
            " created_at) VALUES (%s, %s, %s, %s, %s, true, %s, %s)",
            [instance_id, user_id, raw, verdict.normalised or "", verdict.status, language, now],
        )
        cursor.execute(
            "UPDATE trainer_iteminstance SET status = 'closed', result = %s, closed_at = %s WHERE id = %s",
            [verdict.status, now, instance_id],
        )
        cursor.execute(
            "SELECT id, evidence, counted, review_interval_days FROM trainer_skillmastery"
            " WHERE student_id = %s AND skill_id = %s FOR UPDATE",
            [user_id, skill_id],
        )
        mastery = cursor.fetchone()
        evidence = (json.loads(mastery[1]) if isinstance(mastery[1], str) else mastery[1]) if mastery else []
        evidence = [*evidence, [1 if verdict.status == "right" else 0, difficulty, now.isoformat()]][-20:]
        counted = (mastery[2] if mastery else 0) + 1
        score = score_of(evidence)
        level = level_of(
            score=score, evidence=evidence, counted=counted, review_interval_days=mastery[3] if mastery else 0
        )
        cursor.execute(
            "UPDATE trainer_skillmastery SET evidence = %s, counted = %s, score = %s, level = %s, last_counted_at = %s,"
            " updated_at = %s WHERE id = %s",
            [json.dumps(evidence), counted, score, level, now, now, mastery[0] if mastery else 0],
        )
    return _json(
        {"result": verdict.status, "message": str(verdict.message or ""), "mastery": {"score": score, "level": level}}
    )


def class_map(request, class_id: int):
    """The class's students x the grade's skills with each level, in one query."""
    user_id = _user_id(request)
    if user_id is None:
        return HttpResponseNotFound()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT m.student_id, p.full_name, sk.code, COALESCE(sm.level, 'not_started')"
            " FROM schools_schoolclass c JOIN schools_membership m ON m.school_class_id = c.id"
            " JOIN accounts_profile p ON p.user_id = m.student_id"
            " JOIN trainer_skill sk ON sk.grade = c.grade AND sk.is_active"
            " LEFT JOIN trainer_skillmastery sm ON sm.student_id = m.student_id AND sm.skill_id = sk.id"
            ' WHERE c.id = %s AND c.teacher_id = %s AND m.ended_at IS NULL ORDER BY p.full_name, sk."order", sk.code',
            [class_id, user_id],
        )
        rows: dict[int, dict] = {}
        for student_id, name, code, level in cursor.fetchall():
            rows.setdefault(student_id, {"student": student_id, "name": name, "levels": {}})["levels"][code] = level
    return _json({"class": class_id, "rows": list(rows.values())})
