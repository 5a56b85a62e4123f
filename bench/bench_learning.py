"""Learning platform benchmark: the teacher's board (40 students x 50 homework), the parent's
overview and submitting an answer, each as a ratio to a bare JSON view served by the same
server in the same run.

Run by ``make bench`` (PostgreSQL). The data gets its own username prefix, so the benchmark
can run on a database that other benchmarks use too. The server is Django's threaded WSGI
server in this process, with persistent database connections as production runs them.
"""

from __future__ import annotations

import http.client
import socket
import statistics
import threading
import time
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.http import JsonResponse
from django.urls import include, path

STUDENTS, HOMEWORK, CHILDREN = 40, 50, 3
WARMUP, ROUNDS = 20, 200
PREFIX = "bench-learning"


def bare(request):
    return JsonResponse({"ok": True})


# The project's routes plus the baseline, served together (see ``_serve``).
urlpatterns = [path("bench/bare", bare), path("", include("qalan.urls"))]


def _seed() -> dict:
    """Create (once) a teacher, a class of 40 with 50 homework and results, a parent of 3."""
    from django.db import transaction
    from django.utils import timezone

    from qalan.accounts.models import Profile, Role, User
    from qalan.core.consent import ConsentChannel
    from qalan.learning.models import Assignment, AssignmentItem, Attempt, Subject, Submission, Task, Topic
    from qalan.privacy.services import consent_give
    from qalan.schools.models import Membership, ParentLink, SchoolClass

    def account(username: str, role: str, name: str) -> User:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create(username=username, phone="+77010009999", role=role)
            user.set_unusable_password()
            user.save(update_fields=["password"])
            Profile.objects.create(user=user, full_name=name, grade=6 if role == Role.STUDENT else None)
            consent_give(
                user=user, actor=user, purpose="platform", channel=ConsentChannel.OPERATOR, evidence={"source": "bench"}
            )
        return user

    with transaction.atomic():
        teacher = account(f"{PREFIX}-teacher", Role.TEACHER, "Bench Teacher")
        parent = account(f"{PREFIX}-parent", Role.PARENT, "Bench Parent")
        subject, _ = Subject.objects.get_or_create(
            key=f"{PREFIX}-maths", defaults={"name_kk": "M", "name_ru": "M", "name_en": "M"}
        )
        topic, _ = Topic.objects.get_or_create(
            key=f"{PREFIX}-topic",
            defaults={"subject": subject, "grade": 6, "name_kk": "T", "name_ru": "T", "name_en": "T"},
        )
        task, _ = Task.objects.get_or_create(
            key=f"{PREFIX}-task",
            defaults={
                "topic": topic,
                "kind": "numeric",
                "text_kk": "2+2",
                "text_ru": "2+2",
                "text_en": "2+2",
                "answer_number": Decimal(4),
            },
        )
        school_class = SchoolClass.objects.filter(teacher=teacher).first()
        if school_class is None:
            school_class = SchoolClass.objects.create(
                name="Bench 6A", grade=6, school_year="2025-2026", teacher=teacher, join_code="BENCHLRN"
            )
            now = timezone.now()
            students = [account(f"{PREFIX}-s{i:02d}", Role.STUDENT, f"Student {i:02d}") for i in range(STUDENTS)]
            Membership.objects.bulk_create(
                [Membership(school_class=school_class, student=s, via="code") for s in students]
            )
            ParentLink.objects.bulk_create([ParentLink(parent=parent, child=s) for s in students[:CHILDREN]])
            for h in range(HOMEWORK):
                assignment = Assignment.objects.create(
                    school_class=school_class,
                    created_by=teacher,
                    title=f"Homework {h}",
                    due_at=now + timedelta(days=h - HOMEWORK // 2),
                )
                AssignmentItem.objects.create(assignment=assignment, task=task)
                submissions = Submission.objects.bulk_create(
                    [
                        Submission(
                            student=s,
                            assignment=assignment,
                            started_at=now,
                            submitted_at=now,
                            score=(i + h) % 2,
                            max_score=1,
                        )
                        for i, s in enumerate(students)
                        if (i + h) % 5
                    ]
                )
                Attempt.objects.bulk_create(
                    [
                        Attempt(
                            student=sub.student,
                            task=task,
                            submission=sub,
                            answer={"number": "4"},
                            is_correct=bool(sub.score),
                            created_at=now,
                        )
                        for sub in submissions
                    ]
                )
    return {
        "teacher": teacher,
        "parent": parent,
        "class": school_class,
        "task": task,
        "child": school_class.memberships.first().student,
    }


class _Server:
    """The project's WSGI application on a free port, in a thread."""

    def __enter__(self):
        from django.core.handlers.wsgi import WSGIHandler
        from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
        from django.db import connections

        class Quiet(WSGIRequestHandler):
            def setup(self):
                super().setup()
                # Headers and body leave in separate writes: without this, Nagle's algorithm and
                # delayed ACKs add ~40 ms to some responses and not others.
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def finish(self):
                super().finish()
                connections.close_all()  # this thread's persistent connection

            def log_message(self, *args):
                pass

        self.server = ThreadedWSGIServer(("127.0.0.1", 0), Quiet, allow_reuse_address=True)
        self.server.set_app(WSGIHandler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self.server.server_address[1]

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def _connect(port: int) -> http.client.HTTPConnection:
    connection = http.client.HTTPConnection("127.0.0.1", port)
    connection.connect()
    connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return connection


def _timings(port: int, method: str, url: str, headers: dict, body: bytes | None = None) -> list[float]:
    connection = _connect(port)
    samples = []
    for i in range(WARMUP + ROUNDS):
        started = time.perf_counter()
        connection.request(method, url, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        elapsed = time.perf_counter() - started
        if response.status >= 400:
            raise RuntimeError(f"{method} {url}: HTTP {response.status}")
        if response.will_close:
            connection.close()
            connection = _connect(port)
        if i >= WARMUP:
            samples.append(elapsed)
    connection.close()
    return samples


def main() -> None:
    from django.test import Client

    from qalan.accounts.models import DeviceSession
    from qalan.accounts.services import ClientInfo, device_session_start

    data = _seed()

    def bearer(user) -> dict:
        _session, raw = device_session_start(
            user=user, kind=DeviceSession.Kind.APP, client=ClientInfo(device_name="bench")
        )
        return {"Authorization": f"Bearer {raw}", "Accept-Language": "en"}

    web = Client()
    web.force_login(data["teacher"])
    teacher_web = {
        "Cookie": f"{settings.SESSION_COOKIE_NAME}={web.cookies[settings.SESSION_COOKIE_NAME].value}",
        "Accept-Language": "en",
    }
    teacher, parent, student = bearer(data["teacher"]), bearer(data["parent"]), bearer(data["child"])
    answer = {**student, "Content-Type": "application/json"}
    class_id, task_id, child_id = data["class"].pk, data["task"].pk, data["child"].pk
    cases = [
        ("bare JSON view (baseline)", "GET", "/bench/bare", {}, None),
        (f"teacher board API ({STUDENTS} x {HOMEWORK})", "GET", f"/api/v1/classes/{class_id}/board", teacher, None),
        (f"teacher board page ({STUDENTS} x {HOMEWORK})", "GET", f"/classes/{class_id}/board/", teacher_web, None),
        (f"parent overview ({CHILDREN} children)", "GET", "/api/v1/children", parent, None),
        ("parent view of one child", "GET", f"/api/v1/children/{child_id}", parent, None),
        ("submit a practice answer", "POST", f"/api/v1/tasks/{task_id}/attempts", answer, b'{"answer": "4"}'),
    ]
    # Persistent connections, as production runs them: otherwise every request but the
    # baseline would also pay for connecting to PostgreSQL.
    database = settings.DATABASES["default"]
    original_age, database["CONN_MAX_AGE"] = database.get("CONN_MAX_AGE", 0), 600
    original_urlconf, settings.ROOT_URLCONF = settings.ROOT_URLCONF, __name__
    try:
        with _Server() as port:
            results = [(name, _timings(port, method, url, headers, body)) for name, method, url, headers, body in cases]
    finally:
        settings.ROOT_URLCONF, database["CONN_MAX_AGE"] = original_urlconf, original_age
    baseline = statistics.median(results[0][1])
    print(f"{'case':44} {'median ms':>10} {'p90 ms':>8} {'x bare':>8}")
    for name, samples in results:
        median = statistics.median(samples)
        p90 = statistics.quantiles(samples, n=10)[-1]
        print(f"{name:44} {median * 1000:10.2f} {p90 * 1000:8.2f} {median / baseline:8.1f}")
    print(
        f"({ROUNDS} requests each after {WARMUP} warm-up requests; database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]})"
    )
