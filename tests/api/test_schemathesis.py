"""The API answers as its own OpenAPI schema says, for every operation, anonymously and as each role.

Schemathesis generates requests from the schema that drf-spectacular serves at /api/schema/ and
sends them through the Django WSGI application (no server: the test database of the run). Each
response is checked: no server error, a status code the schema documents, the documented content
type and body, and the documented headers. Cases are valid and invalid input with random values,
and valid input aimed at the seeded school's own objects (its classes, homework, messages, ...),
so that the answers of the happy path are checked too, not only the 404s of random ids.

Bounded and reproducible: ``MAX_EXAMPLES`` cases per operation and persona, derandomized, no
example database. Every case runs inside a savepoint that is rolled back, so a case that signs
out, deletes a class or withdraws a consent leaves the school as seeded for the next one; each
persona is its own test with its own freshly seeded database.
"""

import traceback
from datetime import timedelta

import hypothesis
import pytest
import schemathesis
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from django.utils import timezone
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from qalan.accounts.models import DeviceSession, Role
from qalan.accounts.services import ClientInfo, device_session_start
from tests.conftest import make_user

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]

MAX_EXAMPLES = 10

PERSONAS = ["anonymous", "student", "teacher", "parent", "support", "dpo", "accountant", "admin"]

# Operations left out, each for a reason that makes the checks above meaningless for it.
EXCLUDED: dict[str, str] = {}


@pytest.fixture(params=PERSONAS)
def persona(request):
    return request.param


@pytest.fixture
def school(world):
    """The test school (tests/schools/world.py) with the staff roles it lacks and the objects
    of the privacy centre, the DPO's register, support and the trainer."""
    from qalan.rights.models import RequestKind
    from qalan.rights.services import request_submit
    from qalan.rights.services.breaches import incident_record
    from qalan.support.services import ticket_open
    from qalan.trainer.services import diagnostic_start, item_serve
    from tests.test_routes import trainer_skill

    w = world
    w.users["accountant"] = make_user("acca", role=Role.ACCOUNTANT)
    w.users["admin"] = make_user("adam", role=Role.ADMIN)
    w.data_request = request_submit(actor=w.student, kind=RequestKind.CORRECTION, description="My grade is wrong.")
    w.incident = incident_record(
        actor=w.dpo,
        summary="A backup left readable",
        description="A database backup was readable without a password for two days.",
        discovered_at=timezone.now() - timedelta(hours=1),
        categories=["identity", "contact"],
        affected_count=3,
        people=[w.student],
    )
    w.ticket = ticket_open(actor=w.student, contact="sam@example.kz", subject="Login", description="I cannot sign in.")
    w.skill = trainer_skill(w)
    w.instance = item_serve(actor=w.student, skill=w.skill)
    w.diagnostic = diagnostic_start(actor=w.student, grade=6)
    return w


@pytest.fixture
def session(school, persona):
    """The persona's device session and its bearer token (none for anonymous)."""
    if persona == "anonymous":
        return None, None
    return device_session_start(
        user=school.users[persona], kind=DeviceSession.Kind.APP, client=ClientInfo(device_name="schemathesis")
    )


@pytest.fixture
def known_path_parameters(school, session) -> dict:
    """Path parameters that name the school's objects: the ones the student, the teacher of class
    A and the parent linked to the student own or see."""
    w, (device, _token) = school, session
    return {
        "session_id": device.pk if device else w.student.pk,
        "child_id": w.student.pk,
        "class_id": w.class_a.pk,
        "student_id": w.student.pk,
        "user_id": w.teacher.pk,
        "assignment_id": w.assignment.pk,
        "submission_id": w.submission.pk,
        "invitation_id": w.invitation.pk,
        "link_id": w.link.pk,
        "task_id": w.tasks["numeric"].pk,
        "topic_id": w.tasks["topic"].pk,
        "quiz_id": w.tasks["quiz"].pk,
        "comment_id": w.comment.pk,
        "message_id": w.message.pk,
        "report_id": w.report.pk,
        "request_id": w.data_request.pk,
        "incident_id": w.incident.pk,
        "ticket_id": w.ticket.pk,
        "instance_id": w.instance.pk,
        "diagnostic_id": w.diagnostic.pk,
        "code": w.skill.code,
    }


@pytest.fixture
def app():
    """The project's WSGI application, serving inside the test's transaction: a request must not
    close the database connection at its end, as Django's own test client ensures too (on
    PostgreSQL that would end the test's transaction and lose the seeded school)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield WSGIHandler()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(school, app):
    return schemathesis.openapi.from_wsgi("/api/schema/?format=json", app)


def case_strategy(operation, known: dict):
    strategies = [operation.as_strategy(GenerationMode.POSITIVE), operation.as_strategy(GenerationMode.NEGATIVE)]
    names = {parameter.name for parameter in operation.path_parameters}
    if names & known.keys():
        fixed = {name: value for name, value in known.items() if name in names}
        strategies.append(operation.as_strategy(GenerationMode.POSITIVE, path_parameters=fixed))
    return st.one_of(strategies)


def run_operation(operation, *, headers: dict, known: dict) -> list[str]:
    failures: list[str] = []

    @hypothesis.settings(
        max_examples=MAX_EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
        suppress_health_check=list(hypothesis.HealthCheck),
    )
    @hypothesis.given(case=case_strategy(operation, known))
    def run(case):
        # Throttles count per client address and every case comes from the same one.
        cache.clear()
        savepoint = transaction.savepoint()
        try:
            case.call_and_validate(headers=headers, checks=CHECKS)
        except FailureGroup as group:
            failures.append(str(group))
        except Exception as error:  # the view raised: a 500, reported with how to reproduce it
            failures.append("".join(traceback.format_exception(error)))
        finally:
            transaction.savepoint_rollback(savepoint)

    run()
    return failures


def test_the_api_answers_as_its_schema_says(api_schema, persona, session, known_path_parameters):
    _device, token = session
    headers = {"Accept-Language": "en"} | ({"Authorization": f"Bearer {token}"} if token else {})
    report, ran = [], 0
    for result in api_schema.get_all_operations():
        operation = result.ok()
        if operation.label in EXCLUDED:
            continue
        ran += 1
        failures = run_operation(operation, headers=headers, known=known_path_parameters)
        if failures:
            report.append(f"--- {operation.label} as {persona}: {len(failures)} failing cases\n{failures[0]}")
    assert ran > 100
    assert not report, "\n".join(report)
