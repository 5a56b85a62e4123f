"""Trainer benchmark: serving an item, checking an answer and a class's knowledge map, each as a
ratio to a bare JSON view served by the same server in the same run; the class map's query
count for 10 and for 40 students (it must not grow); and 10,000 generated instances of every
shipped template (drawn and verified), timed, with any failure counted.

Run by ``make bench`` (PostgreSQL), or alone: ``make bench BENCH=bench_trainer``. The shipped
content is loaded first (idempotent). Data gets its own username prefix.
"""

from __future__ import annotations

import io
import json
import os
import random
import statistics
import time

from django.conf import settings
from django.urls import include, path

from bench import same_work
from bench.bench_learning import ROUNDS, WARMUP, _connect, _Server, _timings, bare

# The project's routes, the bare view and the same-work baselines, served together.
urlpatterns = [
    path("bench/bare", bare),
    path("bench/same/skills/<str:code>/items", same_work.serve),
    path("bench/same/items/<uuid:instance_id>/answer", same_work.answer),
    path("bench/same/classes/<int:class_id>/map", same_work.class_map),
    path("", include("qalan.urls")),
]

PREFIX = "bench-trainer"
STUDENTS = 40
INSTANCES = int(os.environ.get("BENCH_INSTANCES", "10000"))  # fewer for a quick look


def _seed() -> dict:
    from django.core.management import call_command
    from django.db import transaction

    from qalan.accounts.models import Profile, Role, User
    from qalan.core.consent import ConsentChannel
    from qalan.privacy.services import consent_give
    from qalan.schools.models import Membership, SchoolClass
    from qalan.trainer import mastery
    from qalan.trainer.models import Skill

    call_command("load_content", verbosity=0, stdout=io.StringIO())

    def account(username: str, role: str) -> User:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create(username=username, phone="+77010008888", role=role)
            user.set_unusable_password()
            user.save(update_fields=["password"])
            Profile.objects.create(user=user, full_name=username, grade=6 if role == Role.STUDENT else None)
            consent_give(
                user=user, actor=user, purpose="platform", channel=ConsentChannel.OPERATOR, evidence={"source": "bench"}
            )
        return user

    skill = (
        Skill.objects.filter(is_active=True, templates__is_active=True, templates__answer_form="number")
        .order_by("grade", "code")
        .first()
    )
    with transaction.atomic():
        teacher = account(f"{PREFIX}-teacher", Role.TEACHER)
        classes = {}
        for size in (10, STUDENTS):
            school_class = SchoolClass.objects.filter(teacher=teacher, name=f"Bench {size}").first()
            if school_class is None:
                school_class = SchoolClass.objects.create(
                    name=f"Bench {size}",
                    grade=6,
                    school_year="2025-2026",
                    teacher=teacher,
                    join_code=f"BNCHTR{size:02d}",
                )
                students = [account(f"{PREFIX}-{size}-s{i:02d}", Role.STUDENT) for i in range(size)]
                Membership.objects.bulk_create(
                    [Membership(school_class=school_class, student=s, via="code") for s in students]
                )
                for i, student in enumerate(students):
                    for s in Skill.objects.filter(grade=6, is_active=True)[: 1 + i % 5]:
                        mastery.mastery_record(student=student, skill=s, right=bool(i % 3), difficulty=2)
            classes[size] = school_class
    student = classes[STUDENTS].memberships.first().student
    return {"teacher": teacher, "classes": classes, "student": student, "skill": skill}


def _answer_timings(
    port: int, headers: dict, ids: list[str], keys: dict[str, str], prefix: str = "/api/v1"
) -> list[float]:
    """Each round answers another fresh item (an item takes one answer), rightly."""
    connection = _connect(port)
    samples = []
    for i, item_id in enumerate(ids):
        body = json.dumps({"answer": keys[item_id]}).encode()
        started = time.perf_counter()
        connection.request("POST", f"{prefix}/items/{item_id}/answer", body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        elapsed = time.perf_counter() - started
        if response.status >= 400:
            raise RuntimeError(f"answer: HTTP {response.status}")
        if i >= WARMUP:
            samples.append(elapsed)
    connection.close()
    return samples


def _map_queries(viewer, class_id: int) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from qalan.trainer.selectors import class_map

    with CaptureQueriesContext(connection) as captured:
        class_map(viewer=viewer, class_id=class_id)
    return len(captured)


def _generation() -> list[tuple[str, float, int]]:
    """(template, ms per instance, failures) for INSTANCES draws of every generated template."""
    from qalan.trainer.content.loader import _Row, load_all
    from qalan.trainer.content.registry import generator_get, verifier_get

    rows = []
    for content in load_all().good():
        for skill in content.data["skills"]:
            for template in skill["templates"]:
                if not template.get("generator"):
                    continue
                row = _Row(template)
                draw, verify = generator_get(row.generator), verifier_get(row.generator)
                rng, failures = random.Random(template["key"]), 0
                started = time.perf_counter()
                for _ in range(INSTANCES):
                    try:
                        drawn = draw(random.Random(rng.randrange(2**62)), row.definition.get("options") or {})
                        choices = _as_read(drawn.get("choices"))
                        ok = (
                            verify(drawn["values"], drawn["key"], choices)
                            if choices
                            else verify(drawn["values"], drawn["key"])
                        )
                        failures += not ok
                    except Exception:
                        failures += 1
                rows.append((template["key"], (time.perf_counter() - started) * 1000 / INSTANCES, failures))
    return rows


def _plain(text: str) -> str:
    # "$\\frac{3}{4}$" -> "3/4", as the content tests hand choices to verifiers
    text = text.strip("$")
    if text.startswith("\\frac{"):
        num, den = text[6:-1].split("}{")
        return f"{num}/{den}"
    return text


def _as_read(choices):
    """Choices as verifiers read them: English plain text with its correctness."""
    return [
        {
            "text": _plain(c["text"]["en"]) if isinstance(c["text"], dict) else c["text"],
            "correct": bool(c.get("correct")),
        }
        for c in choices or []
    ]


def main() -> None:
    from qalan.accounts.models import DeviceSession
    from qalan.accounts.services import ClientInfo, device_session_start
    from qalan.trainer.models import ItemInstance
    from qalan.trainer.services import item_serve

    data = _seed()

    def bearer(user) -> dict:
        _session, raw = device_session_start(
            user=user, kind=DeviceSession.Kind.APP, client=ClientInfo(device_name="bench")
        )
        return {"Authorization": f"Bearer {raw}", "Accept-Language": "ru", "Content-Type": "application/json"}

    student, teacher = bearer(data["student"]), bearer(data["teacher"])
    skill = data["skill"]
    served = [item_serve(actor=data["student"], skill=skill) for _ in range(2 * (WARMUP + ROUNDS))]
    ids = [str(i.pk) for i in served]
    keys = dict(ItemInstance.objects.filter(pk__in=ids).values_list("id", "key"))
    keys = {str(k): v for k, v in keys.items()}
    real_ids, same_ids = ids[: WARMUP + ROUNDS], ids[WARMUP + ROUNDS :]
    class_id = data["classes"][STUDENTS].pk
    database = settings.DATABASES["default"]
    original_age, database["CONN_MAX_AGE"] = database.get("CONN_MAX_AGE", 0), 600
    original_urlconf, settings.ROOT_URLCONF = settings.ROOT_URLCONF, __name__
    serve_url, map_url = f"/skills/{skill.code}/items", f"/classes/{class_id}/map"
    try:
        with _Server() as port:
            bare_samples = _timings(port, "GET", "/bench/bare", {})
            # (name, the real endpoint's samples, its same-work baseline's samples)
            results = [
                (
                    f"serve an item ({skill.code})",
                    _timings(port, "POST", "/api/v1" + serve_url, student, b"{}"),
                    _timings(port, "POST", "/bench/same" + serve_url, student, b"{}"),
                ),
                (
                    "check an answer (a fresh item each time)",
                    _answer_timings(port, student, real_ids, keys),
                    _answer_timings(port, student, same_ids, keys, prefix="/bench/same"),
                ),
                (
                    f"class knowledge map ({STUDENTS} students)",
                    _timings(port, "GET", "/api/v1" + map_url, teacher),
                    _timings(port, "GET", "/bench/same" + map_url, teacher),
                ),
            ]
    finally:
        settings.ROOT_URLCONF, database["CONN_MAX_AGE"] = original_urlconf, original_age
    baseline = statistics.median(bare_samples)
    print(f"{'case':44} {'median ms':>10} {'p90 ms':>8} {'x bare':>8} {'same ms':>8} {'x same':>7}")
    print(
        f"{'bare JSON view (baseline)':44} {baseline * 1000:10.2f} {statistics.quantiles(bare_samples, n=10)[-1] * 1000:8.2f} {1.0:8.1f}"
    )
    for name, samples, same in results:
        median, same_median = statistics.median(samples), statistics.median(same)
        print(
            f"{name:44} {median * 1000:10.2f} {statistics.quantiles(samples, n=10)[-1] * 1000:8.2f} "
            f"{median / baseline:8.1f} {same_median * 1000:8.2f} {median / same_median:7.1f}"
        )
    small, large = (_map_queries(data["teacher"], data["classes"][n].pk) for n in (10, STUDENTS))
    print(
        f"class map queries: {small} for 10 students, {large} for {STUDENTS} ({'constant' if small == large else 'GROWS'})"
    )
    rows = _generation()
    failures = sum(f for _k, _ms, f in rows)
    slowest = max(rows, key=lambda r: r[1]) if rows else ("-", 0.0, 0)
    print(
        f"generated {INSTANCES:,} instances of each of {len(rows)} generated templates: {failures} failures; "
        f"median {statistics.median([r[1] for r in rows]) * 1000:.1f} µs, slowest {slowest[0]} {slowest[1] * 1000:.1f} µs per instance"
    )
    for key, _ms, f in rows:
        if f:
            print(f"  FAILED {key}: {f} of {INSTANCES:,}")
