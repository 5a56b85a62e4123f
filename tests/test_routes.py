"""Who sees what: every URL pattern of the project (web and API) x ten personas.

``ROUTES`` holds one or more rows per route name: the method, the URL arguments and data taken
from the test school (tests/schools/world.py), and the expected status for each persona.
``test_every_route_is_in_the_table`` fails on any route without a row: when you add a route,
add a row (the helpers ``web``, ``api``, ``public`` and ``only`` keep rows short).

Each request runs inside a savepoint that is rolled back, so one persona's POST never changes
what the next persona sees. Routes of the ``admin`` namespace follow one rule instead of rows
(``test_the_admin_site_is_for_staff_only``).

Outsiders get 404, never 403; anonymous web users are sent to sign in (302), anonymous API
users get 401.
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from rest_framework.test import APIClient

from tests.conftest import token_for
from tests.schools.world import PERSONAS

pytestmark = pytest.mark.django_db

SIGNED_IN = PERSONAS[1:]
MISSING = 999999  # an id that exists nowhere


def table(default: int, **overrides: int) -> dict[str, int]:
    expected = dict.fromkeys(PERSONAS, default)
    unknown = set(overrides) - set(PERSONAS)
    assert not unknown, f"unknown personas {unknown}"
    expected.update(overrides)
    return expected


def public(code: int = 200, **overrides: int) -> dict[str, int]:
    """The same for everyone, signed in or not."""
    return table(code, **overrides)


def web(code: int = 200, **overrides: int) -> dict[str, int]:
    """A web page for any signed-in user; anonymous users are sent to sign in."""
    return table(code, anonymous=302, **overrides)


def api(code: int = 200, **overrides: int) -> dict[str, int]:
    """An API endpoint for any signed-in user; anonymous users get 401."""
    return table(code, anonymous=401, **overrides)


def only(allowed: dict[str, int], *, anonymous: int, others: int = 404) -> dict[str, int]:
    """Only the named personas get their code; every other signed-in persona gets ``others``."""
    return table(others, anonymous=anonymous, **allowed)


@dataclass
class Row:
    name: str
    expect: dict[str, int]
    method: str = "get"
    kwargs: Callable = lambda w: {}
    data: Callable = lambda w: {}
    note: str = ""

    def url(self, world) -> str:
        return reverse(self.name, kwargs=self.kwargs(world))

    @property
    def is_api(self) -> bool:
        return self.name.startswith("api:")


def due_later(w):
    return {"due_at": (timezone.localtime() + timedelta(days=5)).strftime("%Y-%m-%dT%H:%M")}


CLASS_A = lambda w: {"class_id": w.class_a.pk}  # noqa: E731
STUDENT_IN_A = lambda w: {"class_id": w.class_a.pk, "student_id": w.student.pk}  # noqa: E731
NUMERIC = lambda w: {"task_id": w.tasks["numeric"].pk}  # noqa: E731
HOMEWORK = lambda w: {"assignment_id": w.assignment.pk}  # noqa: E731
TEACHER_OF_A = {"student": 200, "classmate": 200, "teacher": 200}


def student_ticket(w):
    """A support ticket of the student, opened inside the request's savepoint."""
    from qalan.support.services import ticket_open

    ticket = ticket_open(
        actor=w.student, contact="student@example.kz", subject="Login", description="I cannot sign in."
    )
    return {"ticket_id": ticket.pk}


NEW_TICKET = lambda w: {"contact": "help@example.kz", "subject": "Login", "description": "I cannot sign in."}  # noqa: E731
TICKET_OWNER_AND_SUPPORT = {"student": 200, "support": 200}


# --- Trainer: content and a student's items, created inside the request's savepoint ----------
STUDENTS = {"student": 200, "classmate": 200, "other_student": 200}


def trainer_skill(w):
    """A grade-6 skill with one written item (no generator needed)."""
    from qalan.trainer.models import Chapter, ItemTemplate, Skill

    skill = Skill.objects.filter(code="6.routes").first()
    if skill is None:
        chapter = Chapter.objects.create(code="routes-g6", grade=6, section="numbers", title={"en": "Numbers"})
        skill = Skill.objects.create(code="6.routes", chapter=chapter, grade=6, title={"en": "Adding"})
        item = {
            "key": "5",
            "prompt": {"en": "$2 + 3$"},
            "hints": [{"en": "Count on"}],
            "solution": [{"en": "$2 + 3 = 5$"}],
        }
        ItemTemplate.objects.create(
            skill=skill, key="routes-fixed", answer_form="number", definition={"items": [item]}, difficulty=2
        )
    return skill


def trainer_content(w):
    trainer_skill(w)
    return {}


def student_item(w):
    from qalan.trainer.services import item_serve

    return {"instance_id": item_serve(actor=w.student, skill=trainer_skill(w)).pk}


def student_diagnostic(w):
    from qalan.trainer.services import diagnostic_start

    trainer_skill(w)
    return {"diagnostic_id": diagnostic_start(actor=w.student, grade=6).pk}


SKILL_CODE = lambda w: {"code": trainer_skill(w).code}  # noqa: E731


# --- ENT: the blueprint's skills and a student's mocks, made inside the request's savepoint ---
def ent_content(w):
    from tests.ent.conftest import ent_skills_create

    ent_skills_create()
    return {}


def ent_open_mock(w):
    from qalan.ent.services import mock_start

    ent_content(w)
    return {"mock_id": mock_start(actor=w.student, section="literacy").pk}


def ent_submitted_mock(w):
    from qalan.ent.models import EntMock
    from qalan.ent.services import mock_submit

    mock = EntMock.objects.get(pk=ent_open_mock(w)["mock_id"])
    return {"mock_id": mock_submit(actor=w.student, mock=mock).pk}


STUDENT_AND_LINKED = {"student": 200, "parent": 200, "teacher": 200}

ROUTES: list[Row] = [
    # --- Site ------------------------------------------------------------------------------
    Row("web:home", public()),
    Row("set_language", public(302), "post", data=lambda w: {"language": "en", "next": "/"}),
    Row("healthz", public()),
    Row("readyz", public()),
    Row("dev_outbox", public(404), note="development only (DEBUG and 127.0.0.1)"),
    Row("api-schema", public()),
    Row("api-docs", public()),
    # --- Accounts --------------------------------------------------------------------------
    Row("accounts:register", public(302, anonymous=200), note="signed-in users are sent to their profile"),
    Row("accounts:login", public()),
    Row("accounts:login_otp", public(302), note="without a password checked first it starts over"),
    Row("accounts:otp", web(), note="enrolment for those without two-factor sign-in, its settings for the rest"),
    Row("accounts:logout", public(302), "post"),
    Row("accounts:profile", web()),
    Row("accounts:avatar_upload", web(302), "post"),
    Row("accounts:avatar_remove", web(302), "post"),
    Row(
        "accounts:avatar_image",
        web(404),
        kwargs=lambda w: {"user_id": w.student.pk},
        note="nobody has an avatar in the world",
    ),
    Row("accounts:password_change", web()),
    Row("accounts:phone_change", web()),
    Row("accounts:devices", web()),
    Row("accounts:device_revoke", web(404), "post", kwargs=lambda w: {"session_id": MISSING}),
    Row("accounts:devices_revoke_others", web(302), "post"),
    Row("accounts:recovery_request", public()),
    Row("accounts:recovery_confirm", public(302), note="without a pending recovery it starts over"),
    # --- Privacy ---------------------------------------------------------------------------
    Row("privacy:policy", public()),
    Row("privacy:policy_version", public(), kwargs=lambda w: {"version": w.policy_version}),
    Row(
        "privacy:policy_changes",
        public(404),
        kwargs=lambda w: {"version": w.policy_version},
        note="the first version has nothing to compare",
    ),
    Row("privacy:policy_accept", web(302), "post"),
    Row("privacy:policy_disagree", web()),
    Row("privacy:contact", public()),
    Row("privacy:cookies", public()),
    Row("privacy:consent_required", web(302), note="everyone in the world has consented"),
    Row("privacy:child_consents", only({"parent": 200}, anonymous=302), kwargs=lambda w: {"child_id": w.student.pk}),
    Row("privacy:guardian_code", public()),
    Row("privacy:guardian_answer", public(302), note="without a code entered first it starts over"),
    Row("privacy:guardian_confirm", public(400), kwargs=lambda w: {"token": "no-such-token"}),
    Row("privacy:dpo_inbox", only({"dpo": 200}, anonymous=302)),
    # --- Notifications, analytics ----------------------------------------------------------
    Row("notify:inbox", web()),
    Row("notify:preferences", web()),
    Row("notify:unsubscribe", public(400), kwargs=lambda w: {"token": "no-such-token"}),
    Row("analytics:collect", public(204), "post", data=lambda w: {}),
    # --- Support (P3.1.d) -----------------------------------------------------------------
    Row("support:tickets", public()),
    Row("support:tickets", public(302), "post", data=NEW_TICKET, note="anyone may open a ticket with a contact"),
    Row("support:ticket", only(TICKET_OWNER_AND_SUPPORT, anonymous=302), kwargs=student_ticket),
    Row(
        "support:ticket",
        only({"student": 302, "support": 302}, anonymous=302),
        "post",
        kwargs=student_ticket,
        data=lambda w: {"body": "Any news?"},
    ),
    Row("support:ticket_close", only({"student": 302, "support": 302}, anonymous=302), "post", kwargs=student_ticket),
    Row("support:queue", only({"support": 200}, anonymous=302)),
    Row("analytics:staff_aggregates", only({"dpo": 200}, anonymous=302), note="admin and dpo; no admin persona"),
    Row("analytics:staff_aggregates_csv", only({"dpo": 200}, anonymous=302)),
    # --- Lifecycle -------------------------------------------------------------------------
    Row("lifecycle:blocked", public(302), note="for blocked accounts only"),
    Row("lifecycle:blocks", only({"support": 200, "dpo": 200}, anonymous=302)),
    Row("lifecycle:block_lift", only({}, anonymous=302), "post", kwargs=lambda w: {"block_id": MISSING}),
    Row("lifecycle:holds", only({"dpo": 200}, anonymous=302)),
    Row("lifecycle:hold_release", only({}, anonymous=302), "post", kwargs=lambda w: {"hold_id": MISSING}),
    Row("lifecycle:erasures", only({"dpo": 200}, anonymous=302)),
    Row("lifecycle:archive", only({}, anonymous=302), note="the accountant's archive; no accountant persona"),
    Row("lifecycle:archive_record", only({}, anonymous=302), kwargs=lambda w: {"record_id": MISSING}),
    # --- Rights: the privacy centre (own data) and the DPO's workspace ----------------------
    Row("rights:centre", web()),
    Row("rights:my_data", web()),
    Row("rights:my_data_document", web()),
    Row("rights:information", web()),
    Row("rights:download", web()),
    Row("rights:download_link", web(302), "post"),
    Row("rights:download_file", web(404), kwargs=lambda w: {"token": "no-such-token"}),
    Row("rights:correct", web()),
    Row("rights:consents", web()),
    Row("rights:objection", web()),
    Row("rights:consent_withdraw", web(), kwargs=lambda w: {"purpose": "marketing"}),
    Row("rights:consent_give", web(302), "post", kwargs=lambda w: {"purpose": "marketing"}),
    Row("rights:restrict", web()),
    Row("rights:who_sees", web()),
    Row("rights:complain", web()),
    Row("rights:delete_account", web()),
    Row("rights:delete_account_cancel", web(404), "post", note="nobody has a pending deletion"),
    Row("rights:requests", web()),
    Row("rights:request_new", web()),
    Row("rights:request_detail", web(404), kwargs=lambda w: {"request_id": MISSING}),
    Row("rights:request_document", web(404), kwargs=lambda w: {"request_id": MISSING}),
    Row("rights:request_withdraw", web(404), "post", kwargs=lambda w: {"request_id": MISSING}),
    Row("rights:public_request", public(302, anonymous=200), note="signed-in users use the privacy centre"),
    Row("rights:public_confirm", public(302), note="without a request in progress it starts over"),
    Row("rights:dpo_queue", only({"dpo": 200}, anonymous=302)),
    Row("rights:dpo_enter", only({"dpo": 200}, anonymous=302)),
    Row("rights:dpo_request", only({}, anonymous=302), kwargs=lambda w: {"request_id": MISSING}),
    Row("rights:dpo_power_of_attorney", only({}, anonymous=302), kwargs=lambda w: {"request_id": MISSING}),
    Row(
        "rights:dpo_request_action",
        only({}, anonymous=302),
        "post",
        kwargs=lambda w: {"request_id": MISSING, "action": "verify"},
    ),
    Row("rights:dpo_disclosures", only({"dpo": 200}, anonymous=302)),
    Row("rights:dpo_incidents", only({"dpo": 200}, anonymous=302)),
    Row("rights:dpo_incident_new", only({"dpo": 200}, anonymous=302)),
    Row("rights:dpo_incident_new", only({"dpo": 400}, anonymous=302), "post", note="empty: the DPO gets the errors"),
    Row("rights:dpo_incident", only({}, anonymous=302), kwargs=lambda w: {"incident_id": MISSING}),
    Row("rights:dpo_incident_notice", only({}, anonymous=302), kwargs=lambda w: {"incident_id": MISSING}),
    Row("rights:dpo_incident_notice_download", only({}, anonymous=302), kwargs=lambda w: {"incident_id": MISSING}),
    Row(
        "rights:dpo_incident_action",
        only({}, anonymous=302),
        "post",
        kwargs=lambda w: {"incident_id": MISSING, "action": "notify-people"},
    ),
    # --- Schools (web) ---------------------------------------------------------------------
    Row("schools:classes", web()),
    Row("schools:class_create", web(302, teacher=200, other_teacher=200), note="others are sent back with a message"),
    Row(
        "schools:class_join",
        web(400, other_student=302),
        "post",
        data=lambda w: {"code": w.class_a.join_code},
        note="members: already in; non-students: only students join; oleg joins",
    ),
    Row("schools:class_detail", only(TEACHER_OF_A, anonymous=302), kwargs=CLASS_A),
    Row("schools:class_leave", only({"student": 302, "classmate": 302}, anonymous=302), "post", kwargs=CLASS_A),
    Row("schools:class_join_code", only({"teacher": 302}, anonymous=302), "post", kwargs=CLASS_A),
    Row(
        "schools:class_invite",
        only({"teacher": 302}, anonymous=302),
        "post",
        kwargs=CLASS_A,
        data=lambda w: {"username": "oleg"},
    ),
    Row("schools:class_roster", only({"teacher": 200}, anonymous=302), kwargs=CLASS_A),
    Row("schools:class_member_remove", only({"teacher": 302}, anonymous=302), "post", kwargs=STUDENT_IN_A),
    Row("schools:class_handoff", only({"teacher": 302}, anonymous=302), "post", kwargs=STUDENT_IN_A),
    Row(
        "schools:invitation_answer",
        only({"other_student": 302}, anonymous=302),
        "post",
        kwargs=lambda w: {"invitation_id": w.invitation.pk},
        data=lambda w: {"answer": "accept"},
    ),
    Row("schools:handoff", public(302, anonymous=200), note="signed-in users already have an account"),
    Row("schools:links", web()),
    Row(
        "schools:link_code",
        web(200, teacher=400, other_teacher=400, support=400, dpo=400),
        "post",
        note="only parents and students link",
    ),
    Row("schools:link_confirm", web(400), "post", data=lambda w: {"code": "WRONG-CODE"}),
    Row(
        "schools:link_remove",
        only({"student": 302, "parent": 302}, anonymous=302),
        "post",
        kwargs=lambda w: {"link_id": w.link.pk},
    ),
    # --- Learning (web) --------------------------------------------------------------------
    Row(
        "learning:dashboard",
        web(200, teacher=302, other_teacher=302, parent=302, other_parent=302),
        note="teachers go to Teaching, parents to My children",
    ),
    Row("learning:catalogue", web()),
    Row("learning:topic", web(), kwargs=lambda w: {"topic_id": w.tasks["numeric"].topic_id}),
    Row("learning:task", web(), kwargs=NUMERIC),
    Row(
        "learning:task",
        web(403),
        kwargs=lambda w: {"task_id": w.tasks["extended"].pk},
        note="extended content without an entitlement",
    ),
    Row("learning:quizzes", web()),
    Row(
        "learning:quiz_start",
        web(302),
        "post",
        kwargs=lambda w: {"quiz_id": w.tasks["quiz"].pk},
        note="students go to the test, others back with a message",
    ),
    Row("learning:homework", only(TEACHER_OF_A, anonymous=302), kwargs=HOMEWORK),
    Row(
        "learning:homework_start",
        only({"student": 302, "classmate": 302, "teacher": 302}, anonymous=302),
        "post",
        kwargs=HOMEWORK,
    ),
    Row("learning:homework_due", only({"teacher": 302}, anonymous=302), "post", kwargs=HOMEWORK, data=due_later),
    Row("learning:homework_delete", only({"teacher": 302}, anonymous=302), "post", kwargs=HOMEWORK),
    Row(
        "learning:submission",
        only({"student": 200}, anonymous=302),
        kwargs=lambda w: {"submission_id": w.submission.pk},
    ),
    Row(
        "learning:submission_save",
        only({"student": 400}, anonymous=302),
        "post",
        kwargs=lambda w: {"submission_id": w.submission.pk},
        note="400: already submitted",
    ),
    Row("learning:progress", web()),
    Row("learning:teacher_dashboard", only({"teacher": 200, "other_teacher": 200}, anonymous=302)),
    Row("learning:homework_create", only({"teacher": 200}, anonymous=302), kwargs=CLASS_A),
    Row("learning:board", only({"teacher": 200}, anonymous=302), kwargs=CLASS_A),
    Row("learning:student_report", only({"teacher": 200}, anonymous=302), kwargs=STUDENT_IN_A),
    Row(
        "learning:student_report",
        only({}, anonymous=302),
        kwargs=lambda w: {"class_id": w.class_a.pk, "student_id": w.other_student.pk},
        note="a student of another class, even for the teacher",
    ),
    Row("learning:children", web()),
    Row("learning:child", only({"parent": 200}, anonymous=302), kwargs=lambda w: {"child_id": w.student.pk}),
    # --- Community (web) -------------------------------------------------------------------
    Row(
        "community:comment_post",
        web(302),
        "post",
        kwargs=NUMERIC,
        data=lambda w: {"body": "A comment", "kind": "comment"},
    ),
    Row(
        "community:comment_delete",
        only({"student": 302}, anonymous=302),
        "post",
        kwargs=lambda w: {"comment_id": w.comment.pk},
    ),
    Row(
        "community:comment_report",
        web(302),
        "post",
        kwargs=lambda w: {"comment_id": w.comment.pk},
        data=lambda w: {"reason": "abuse"},
    ),
    Row("community:questions", only({"teacher": 200, "other_teacher": 200}, anonymous=302)),
    Row("community:inbox", web()),
    Row(
        "community:conversation",
        only({"student": 200, "classmate": 200, "parent": 200}, anonymous=302),
        kwargs=lambda w: {"user_id": w.teacher.pk},
        note="tina's students and their parents",
    ),
    Row(
        "community:message_report",
        only({"student": 302}, anonymous=302),
        "post",
        kwargs=lambda w: {"message_id": w.message.pk},
        data=lambda w: {"reason": "abuse"},
        note="only the recipient",
    ),
    Row("community:moderation", only({"support": 200}, anonymous=302)),
    Row(
        "community:report_resolve",
        only({"support": 302}, anonymous=302),
        "post",
        kwargs=lambda w: {"report_id": w.report.pk},
        data=lambda w: {"action": "dismiss"},
    ),
    # --- API: accounts and privacy ---------------------------------------------------------
    Row("api:register", public(400), "post"),
    Row("api:token", public(400), "post"),
    Row("api:logout", api(204), "post"),
    Row("api:sessions", api()),
    Row("api:session", api(404), "delete", kwargs=lambda w: {"session_id": MISSING}),
    Row("api:recovery", public(202), "post", data=lambda w: {"identifier": "nobody"}),
    Row("api:recovery_confirm", public(400), "post"),
    Row("api:me", api()),
    Row("api:me_avatar", api(404), note="nobody has an avatar in the world"),
    Row("api:me_phone", api(400), "post"),
    Row("api:me_phone_confirm", api(400), "post"),
    Row("api:policy", public()),
    Row("api:policy_versions", public()),
    Row("api:policy_status", api()),
    Row("api:policy_accept", api(400), "post"),
    Row("api:operator", public()),
    Row("api:contact", public(400), "post"),
    Row("api:consents", api()),
    Row("api:consent_change", api(400), "post", kwargs=lambda w: {"purpose": "unknown"}),
    Row("api:child_consents", only({"parent": 200}, anonymous=401), kwargs=lambda w: {"child_id": w.student.pk}),
    # --- API: rights -----------------------------------------------------------------------
    Row("api:rights_my_data", api()),
    Row("api:rights_requests", api()),
    Row("api:rights_public_request", public(400), "post"),
    Row("api:rights_public_verify", public(400), "post"),
    Row("api:rights_request", api(404), kwargs=lambda w: {"request_id": MISSING}),
    Row("api:rights_request_withdraw", api(404), "post", kwargs=lambda w: {"request_id": MISSING}),
    Row("api:rights_consents", api()),
    Row("api:rights_consent_withdraw", api(400), "post", kwargs=lambda w: {"purpose": "unknown"}),
    Row("api:rights_consent_give", api(400), "post", kwargs=lambda w: {"purpose": "unknown"}),
    Row("api:rights_restriction", api()),
    Row("api:rights_who_sees", api()),
    Row("api:rights_export", api(201), "post"),
    Row("api:rights_export_file", api(404), kwargs=lambda w: {"token": "no-such-token"}),
    Row("api:rights_account_deletion", api(404), note="nobody has a pending deletion"),
    Row("api:rights_dpo_requests", only({"dpo": 200}, anonymous=401)),
    Row("api:rights_dpo_board", only({"dpo": 200}, anonymous=401)),
    Row("api:rights_dpo_request", only({}, anonymous=401), kwargs=lambda w: {"request_id": MISSING}),
    Row("api:rights_dpo_power_of_attorney", only({}, anonymous=401), "put", kwargs=lambda w: {"request_id": MISSING}),
    Row(
        "api:rights_dpo_request_action",
        only({}, anonymous=401),
        "post",
        kwargs=lambda w: {"request_id": MISSING, "action": "verify"},
    ),
    Row("api:rights_dpo_disclosures", only({"dpo": 200}, anonymous=401)),
    Row("api:rights_dpo_incidents", only({"dpo": 200}, anonymous=401)),
    Row("api:rights_dpo_incidents", only({"dpo": 400}, anonymous=401), "post", note="empty: the DPO gets the errors"),
    Row("api:rights_dpo_incident", only({}, anonymous=401), kwargs=lambda w: {"incident_id": MISSING}),
    Row("api:rights_dpo_incident_notice", only({}, anonymous=401), kwargs=lambda w: {"incident_id": MISSING}),
    Row(
        "api:rights_dpo_incident_authority", only({}, anonymous=401), "post", kwargs=lambda w: {"incident_id": MISSING}
    ),
    Row(
        "api:rights_dpo_incident_notify_people",
        only({}, anonymous=401),
        "post",
        kwargs=lambda w: {"incident_id": MISSING},
    ),
    # --- API: analytics --------------------------------------------------------------------
    Row("api:analytics_aggregates", only({"dpo": 200}, anonymous=401), note="admin and dpo; no admin persona"),
    # --- API: support ----------------------------------------------------------------------
    Row("api:support_tickets", api()),
    Row("api:support_tickets", public(201), "post", data=NEW_TICKET, note="anyone may open a ticket with a contact"),
    Row("api:support_ticket", only(TICKET_OWNER_AND_SUPPORT, anonymous=401), kwargs=student_ticket),
    Row(
        "api:support_ticket_replies",
        only({"student": 201, "support": 201}, anonymous=401),
        "post",
        kwargs=student_ticket,
        data=lambda w: {"body": "Any news?"},
    ),
    # --- API: schools ----------------------------------------------------------------------
    Row("api:class_list", api()),
    Row("api:class_list", api(400, teacher=201, other_teacher=201), "post", data=lambda w: {"name": "9Z", "grade": 9}),
    Row("api:class_join", api(400, other_student=201), "post", data=lambda w: {"code": w.class_a.join_code}),
    Row("api:class_detail", only(TEACHER_OF_A, anonymous=401), kwargs=CLASS_A),
    Row("api:class_leave", only({"student": 204, "classmate": 204}, anonymous=401), "post", kwargs=CLASS_A),
    Row("api:class_join_code", only({"teacher": 200}, anonymous=401), "post", kwargs=CLASS_A),
    Row(
        "api:class_invite",
        only({"teacher": 400}, anonymous=401),
        "post",
        kwargs=CLASS_A,
        data=lambda w: {"username": "oleg"},
        note="400: oleg already has an invitation; the row proves that nobody else gets that far",
    ),
    Row(
        "api:class_roster",
        only({"teacher": 201}, anonymous=401),
        "post",
        kwargs=CLASS_A,
        data=lambda w: {"names": ["New Kid"], "consent_confirmed": True},
    ),
    Row("api:class_member", only({"teacher": 204}, anonymous=401), "delete", kwargs=STUDENT_IN_A),
    Row(
        "api:class_handoff",
        only({"teacher": 400}, anonymous=401),
        "post",
        kwargs=STUDENT_IN_A,
        note="sam already owns his account",
    ),
    Row("api:invitation_list", api()),
    Row(
        "api:invitation_answer",
        only({"other_student": 204}, anonymous=401),
        "post",
        kwargs=lambda w: {"invitation_id": w.invitation.pk},
        data=lambda w: {"accept": True},
    ),
    Row("api:handoff", public(400), "post", note="open to anyone with a hand-off code; empty input is refused"),
    Row("api:link_list", api()),
    Row("api:link_code", api(201, teacher=400, other_teacher=400, support=400, dpo=400), "post"),
    Row("api:link_confirm", api(400), "post", data=lambda w: {"code": "WRONG-CODE"}),
    Row(
        "api:link_detail",
        only({"student": 204, "parent": 204}, anonymous=401),
        "delete",
        kwargs=lambda w: {"link_id": w.link.pk},
    ),
    # --- API: learning ---------------------------------------------------------------------
    Row("api:subject_list", api()),
    Row("api:topic_tasks", api(), kwargs=lambda w: {"topic_id": w.tasks["numeric"].topic_id}),
    Row("api:task_detail", api(), kwargs=NUMERIC),
    Row(
        "api:task_detail",
        api(403),
        kwargs=lambda w: {"task_id": w.tasks["extended"].pk},
        note="extended content without an entitlement",
    ),
    Row("api:task_attempt", api(201), "post", kwargs=NUMERIC, data=lambda w: {"answer": "0.75"}),
    Row("api:quiz_list", api()),
    Row(
        "api:quiz_start",
        api(400, student=201, classmate=201, other_student=201),
        "post",
        kwargs=lambda w: {"quiz_id": w.tasks["quiz"].pk},
        note="only students take tests",
    ),
    Row(
        "api:submission_detail",
        only({"student": 200}, anonymous=401),
        kwargs=lambda w: {"submission_id": w.submission.pk},
    ),
    Row(
        "api:submission_submit",
        only({"student": 400}, anonymous=401),
        "post",
        kwargs=lambda w: {"submission_id": w.submission.pk},
        data=lambda w: {"answers": {}},
        note="400: already submitted",
    ),
    Row(
        "api:submission_save",
        only({"student": 400}, anonymous=401),
        "post",
        kwargs=lambda w: {"submission_id": w.submission.pk},
        data=lambda w: {"answers": {}},
        note="400: already submitted",
    ),
    Row("api:homework_list", api()),
    Row("api:homework_detail", only(TEACHER_OF_A, anonymous=401), kwargs=HOMEWORK),
    Row(
        "api:homework_detail",
        only({"teacher": 200}, anonymous=401),
        "patch",
        kwargs=HOMEWORK,
        data=lambda w: {"due_at": (timezone.now() + timedelta(days=4)).isoformat()},
    ),
    Row(
        "api:homework_start",
        only({"student": 201, "classmate": 201, "teacher": 400}, anonymous=401),
        "post",
        kwargs=HOMEWORK,
    ),
    Row("api:class_homework", only(TEACHER_OF_A, anonymous=401), kwargs=CLASS_A),
    Row("api:class_board", only({"teacher": 200}, anonymous=401), kwargs=CLASS_A),
    Row("api:class_leaderboard", only(TEACHER_OF_A, anonymous=401), kwargs=CLASS_A),
    Row("api:student_report", only({"teacher": 200}, anonymous=401), kwargs=STUDENT_IN_A),
    Row("api:progress", api()),
    Row("api:recommendations", api()),
    Row("api:history", api()),
    Row("api:children", api()),
    Row("api:child_report", only({"parent": 200}, anonymous=401), kwargs=lambda w: {"child_id": w.student.pk}),
    Row("api:entitlements", api()),
    # --- API: community --------------------------------------------------------------------
    Row("api:task_comments", api(), kwargs=NUMERIC),
    Row(
        "api:comment_detail",
        only({"student": 204}, anonymous=401),
        "delete",
        kwargs=lambda w: {"comment_id": w.comment.pk},
    ),
    Row(
        "api:comment_report",
        api(201),
        "post",
        kwargs=lambda w: {"comment_id": w.comment.pk},
        data=lambda w: {"reason": "abuse"},
    ),
    Row("api:question_list", only({"teacher": 200, "other_teacher": 200}, anonymous=401)),
    Row("api:conversation_list", api()),
    Row("api:contact_list", api()),
    Row(
        "api:conversation",
        only({"student": 200, "classmate": 200, "parent": 200}, anonymous=401),
        kwargs=lambda w: {"user_id": w.teacher.pk},
    ),
    Row(
        "api:conversation",
        api(400, student=201, classmate=201, parent=201),
        "post",
        kwargs=lambda w: {"user_id": w.teacher.pk},
        data=lambda w: {"body": "Hello"},
        note="400 with the same words for strangers and missing accounts",
    ),
    Row(
        "api:message_report",
        only({"student": 201}, anonymous=401),
        "post",
        kwargs=lambda w: {"message_id": w.message.pk},
        data=lambda w: {"reason": "abuse"},
    ),
    Row("api:report_list", only({"support": 200}, anonymous=401)),
    Row(
        "api:report_resolve",
        only({"support": 204}, anonymous=401),
        "post",
        kwargs=lambda w: {"report_id": w.report.pk},
        data=lambda w: {"action": "dismiss"},
    ),
    # --- Trainer (web) ---------------------------------------------------------------------
    Row("trainer:home", web(302, **STUDENTS), note="non-students are sent home with a message"),
    Row("trainer:practice", web(302, **STUDENTS), kwargs=SKILL_CODE),
    Row("trainer:practice", web(302), "post", kwargs=SKILL_CODE, note="students go to a fresh item"),
    Row(
        "trainer:item",
        only({"student": 200, "classmate": 404, "other_student": 404}, anonymous=302, others=302),
        kwargs=student_item,
    ),
    Row(
        "trainer:item",
        only({"student": 302, "classmate": 404, "other_student": 404}, anonymous=302, others=302),
        "post",
        kwargs=student_item,
        data=lambda w: {"answer": "5"},
    ),
    Row("trainer:focus_next", web(302), "post", data=trainer_content),
    Row("trainer:diagnostic_start", web(302), "post", data=lambda w: {"grade": "6", **trainer_content(w)}),
    Row(
        "trainer:diagnostic",
        only({"student": 200, "classmate": 404, "other_student": 404}, anonymous=302, others=302),
        kwargs=student_diagnostic,
    ),
    Row("trainer:map", web(302, **STUDENTS)),
    Row("trainer:child_map", only({"parent": 200}, anonymous=302), kwargs=lambda w: {"child_id": w.student.pk}),
    Row("trainer:class_map", only({"teacher": 200}, anonymous=302), kwargs=CLASS_A),
    # --- API: trainer ----------------------------------------------------------------------
    Row("api:trainer_skills", api(), data=trainer_content),
    Row(
        "api:trainer_skill_items",
        api(403, student=201, classmate=201, other_student=201),
        "post",
        kwargs=SKILL_CODE,
        note="only students practise",
    ),
    Row(
        "api:trainer_item",
        only({"student": 200, "classmate": 404, "other_student": 404}, anonymous=401, others=403),
        kwargs=student_item,
    ),
    Row(
        "api:trainer_item_answer",
        only({"student": 200, "classmate": 404, "other_student": 404}, anonymous=401, others=403),
        "post",
        kwargs=student_item,
        data=lambda w: {"answer": "5"},
    ),
    Row(
        "api:trainer_item_hint",
        only({"student": 200, "classmate": 404, "other_student": 404}, anonymous=401, others=403),
        "post",
        kwargs=student_item,
    ),
    Row(
        "api:trainer_item_solution",
        only({"student": 200, "classmate": 404, "other_student": 404}, anonymous=401, others=403),
        "post",
        kwargs=student_item,
    ),
    Row("api:trainer_focus", api(403, **STUDENTS), data=trainer_content),
    Row(
        "api:trainer_focus_items", api(403, student=201, classmate=201, other_student=201), "post", data=trainer_content
    ),
    Row("api:trainer_review", api(403, **STUDENTS)),
    Row(
        "api:trainer_diagnostics",
        api(403, student=201, classmate=201, other_student=201),
        "post",
        data=lambda w: {"grade": 6, **trainer_content(w)},
    ),
    Row(
        "api:trainer_diagnostic",
        only({"student": 200, "classmate": 404, "other_student": 404}, anonymous=401, others=403),
        kwargs=student_diagnostic,
    ),
    Row(
        "api:trainer_diagnostic_items",
        only({"student": 201, "classmate": 404, "other_student": 404}, anonymous=401, others=403),
        "post",
        kwargs=student_diagnostic,
    ),
    Row("api:trainer_answers", api(403, **STUDENTS)),
    Row("api:trainer_map", api(403, **STUDENTS)),
    Row("api:trainer_child_map", only({"parent": 200}, anonymous=401), kwargs=lambda w: {"child_id": w.student.pk}),
    Row("api:trainer_class_map", only({"teacher": 200}, anonymous=401), kwargs=CLASS_A),
    Row("api:trainer_class_leaderboard", only(TEACHER_OF_A, anonymous=401), kwargs=CLASS_A),
    # --- ENT (web) -------------------------------------------------------------------------
    Row("ent:home", web(), note="others are told the mocks are for students; parents see their children"),
    Row("ent:start", web(302), "post", kwargs=lambda w: {"section": "literacy"}, data=ent_content),
    Row("ent:mock", only({"student": 200}, anonymous=302), kwargs=ent_open_mock),
    Row("ent:mock", only({"student": 302}, anonymous=302), "post", kwargs=ent_open_mock, note="to the report"),
    Row("ent:save", only({"student": 200}, anonymous=302), "post", kwargs=ent_open_mock),
    Row("ent:report", only(STUDENT_AND_LINKED, anonymous=302), kwargs=ent_submitted_mock),
    Row("ent:student_mocks", only(STUDENT_AND_LINKED, anonymous=302), kwargs=lambda w: {"student_id": w.student.pk}),
    # --- API: ENT --------------------------------------------------------------------------
    Row("api:ent_blueprint", api()),
    Row("api:ent_mocks", api(403, **STUDENTS)),
    Row(
        "api:ent_mocks",
        api(403, student=201, classmate=201, other_student=201),
        "post",
        data=lambda w: {"section": "literacy", **ent_content(w)},
    ),
    Row(
        "api:ent_mock",
        only(STUDENT_AND_LINKED, anonymous=401),
        kwargs=ent_open_mock,
        note="linked parent and teacher see no questions until it is submitted",
    ),
    Row(
        "api:ent_mock_save",
        only({"student": 200, "classmate": 404, "other_student": 404}, anonymous=401, others=403),
        "post",
        kwargs=ent_open_mock,
        data=lambda w: {"answers": {"1": "a"}},
    ),
    Row(
        "api:ent_mock_submit",
        only({"student": 200, "classmate": 404, "other_student": 404}, anonymous=401, others=403),
        "post",
        kwargs=ent_open_mock,
    ),
    Row("api:ent_mock_report", only(STUDENT_AND_LINKED, anonymous=401), kwargs=ent_submitted_mock),
    Row(
        "api:ent_student_mocks",
        only(STUDENT_AND_LINKED, anonymous=401),
        kwargs=lambda w: {"student_id": w.student.pk},
    ),
]


def all_routes(patterns=None, namespace=None, prefix=""):
    """(name, namespace, route) of every URL pattern reachable from the root URLconf."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = (
                f"{namespace}:{pattern.namespace}"
                if namespace and pattern.namespace
                else pattern.namespace or namespace
            )
            yield from all_routes(pattern.url_patterns, inner, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            name = pattern.name and (f"{namespace}:{pattern.name}" if namespace else pattern.name)
            yield name, namespace, prefix + str(pattern.pattern)


def test_every_route_is_in_the_table():
    routes = [(name, route) for name, namespace, route in all_routes() if namespace != "admin"]
    unnamed = [route for name, route in routes if not name]
    assert not unnamed, f"give these routes a name: {unnamed}"
    names = {name for name, _ in routes}
    in_table = {row.name for row in ROUTES}
    assert names - in_table == set(), f"add rows to tests/test_routes.py for: {sorted(names - in_table)}"
    assert in_table - names == set(), f"rows for routes that no longer exist: {sorted(in_table - names)}"


@dataclass
class Clients:
    web: dict = field(default_factory=dict)
    api: dict = field(default_factory=dict)


def clients_for(world) -> Clients:
    clients = Clients()
    for persona in PERSONAS:
        web_client = Client(HTTP_ACCEPT_LANGUAGE="en")
        api_client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
        if persona != "anonymous":
            user = world.users[persona]
            web_client.force_login(user)
            api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(user)}")
        clients.web[persona], clients.api[persona] = web_client, api_client
    return clients


def status_of(row: Row, world, client) -> int:
    # Undo the request's writes and its cookies (signing out, a language choice) for the next one.
    sid = transaction.savepoint()
    cookies = copy.deepcopy(client.cookies)
    cache.clear()  # throttles count per address: every persona here shares one
    try:
        send = getattr(client, row.method)
        data = row.data(world)
        if row.is_api and row.method != "get":
            response = send(row.url(world), data, format="json")
        else:
            response = send(row.url(world), data)
        return response.status_code
    finally:
        transaction.savepoint_rollback(sid)
        client.cookies = cookies


@pytest.fixture
def school(world):
    from qalan.privacy.selectors import policy_current

    world.policy_version = policy_current().version
    return world


def test_every_persona_gets_the_expected_status_on_every_route(school):
    clients = clients_for(school)
    mismatches, seen = [], []
    for row in ROUTES:
        for persona in PERSONAS:
            client = (clients.api if row.is_api else clients.web)[persona]
            actual = status_of(row, school, client)
            seen.append((row.name, row.method, persona, actual))
            if actual != row.expect[persona]:
                mismatches.append(
                    f"{row.method.upper():6} {row.name:34} {persona:13} expected {row.expect[persona]}, got {actual}"
                )
    if os.environ.get("QALAN_ROUTES_REPORT"):
        for name, method, persona, actual in seen:
            print(f"{method.upper():6} {name:34} {persona:13} {actual}")
    assert not mismatches, "\n" + "\n".join(mismatches)


# The admin's own sign-in page sends everyone to the site's two-step sign-in; its sign-out
# sends everyone back to the admin.
ADMIN_EXCEPTIONS = {"admin:login": 302, "admin:logout": 302}


def test_the_admin_site_is_for_staff_only(school):
    """Every admin route sends anyone who is not staff to the admin's sign-in page."""
    from django.contrib import admin

    clients = clients_for(school)
    labels = sorted({model._meta.app_label for model in admin.site._registry})
    fillers = {"app_label": labels[0], "object_id": "1", "content_type_id": "1", "url": "x"}
    checked = 0
    for name, namespace, route in all_routes():
        # Unnamed admin patterns only redirect to named ones.
        if namespace != "admin" or not name:
            continue
        resolver_kwargs = {key: fillers.get(key, "1") for key in _route_params(route)}
        url = reverse(name, kwargs=resolver_kwargs)
        for persona in ("anonymous", "student", "teacher", "parent"):
            response = clients.web[persona].get(url)
            if name in ADMIN_EXCEPTIONS:
                assert response.status_code == ADMIN_EXCEPTIONS[name], (name, persona, response.status_code)
                continue
            assert response.status_code == 302 and "/admin/login/" in response["Location"], (
                name,
                persona,
                response.status_code,
            )
        checked += 1
    assert checked > 20
    for persona in ("support", "dpo"):
        assert clients.web[persona].get(reverse("admin:index")).status_code == 200


ROUTE_PARAM = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>")


def _route_params(route: str) -> list[str]:
    return [a or b for a, b in ROUTE_PARAM.findall(route)]
