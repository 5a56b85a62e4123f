"""Erasure reaches every copy (issue 13, A1): a child who used Qalan for real, through the
services, leaves nothing identifying behind once erased — not in their own rows (the generic
seeder proves that in test_completeness.py) and not in the rows of the parent, the teacher or
support that copied their details (an SMS to the parent naming the child, a digest, a
teacher's comment or message quoting them, a ticket about them) — while those people's own
data stays."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from qalan.accounts.models import Role
from qalan.accounts.services import avatar_set, profile_update, user_register
from qalan.community import services as community
from qalan.community.models import Message, Report
from qalan.core import inventory
from qalan.core.consent import ConsentChannel, ConsentPurpose
from qalan.core.inventory import REDACTED, Copy, CopyAction
from qalan.learning import services as learning
from qalan.lifecycle.archive import archive_decrypt
from qalan.lifecycle.models import ArchivedRecord, ErasureRun
from qalan.lifecycle.services import erasure_run
from qalan.notify.models import Campaign, OutboxMessage
from qalan.notify.services import campaign_send
from qalan.privacy.models import ConsentRecord, GuardianConsentRequest
from qalan.privacy.services import guardian_consent_confirm, inquiry_submit
from qalan.rights.models import DataRequest
from qalan.rights.services.centre import consent_give_by_user
from qalan.rights.services.requests import request_submit, request_submit_public
from qalan.schools import services as schools
from qalan.support.models import Ticket
from qalan.support.services import ticket_open, ticket_reply
from tests.conftest import PASSWORD, make_user
from tests.lifecycle.conftest import _png
from tests.lifecycle.seeding import Identity, files_holding, leftovers
from tests.schools.world import content

CHILD = Identity(
    username="zhuldyz-reach",
    phone="+77015559101",
    email="zhuldyz.reach@example.kz",
    full_name="Zhuldyzai Reachova",
    ip="203.0.113.91",
)
# A single word of the name is searched for too: the copies about the child (an SMS, a digest)
# use the first name alone.
CHILD_WORDS = ("Zhuldyzai", "Reachova")
PARENT = Identity(
    username="aigul-parent",
    phone="+77015559202",
    email="aigul.parent@example.kz",
    full_name="Aigul Parentova",
    ip="198.51.100.92",
)
TEACHER = Identity(
    username="marat-teacher",
    phone="+77015559303",
    email="marat.teacher@example.kz",
    full_name="Marat Teacherov",
    ip="198.51.100.93",
)


def _needles(identity: Identity, extra=()) -> list[str]:
    return [n.lower() for n in (*identity.needles, *extra)]


def _scan_tables(needles: list[str]) -> list[str]:
    """Every table cell outside the encrypted archive that holds one of the needles."""
    found = []
    for needle in dict.fromkeys(needles):
        found += leftovers(Identity(needle, needle, needle, needle, needle), exclude=("lifecycle.ArchivedRecord",))
    return sorted(set(found))


@pytest.fixture
def world(db, django_capture_on_commit_callbacks, caplog):
    """The child, their parent and teacher, support: built only through the services."""
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        parent = make_user(PARENT.username, role=Role.PARENT, phone=PARENT.phone, email=PARENT.email)
        profile_update(actor=parent, user=parent, data={"full_name": PARENT.full_name, "language": "en"})
        teacher = make_user(TEACHER.username, role=Role.TEACHER, phone=TEACHER.phone, email=TEACHER.email)
        profile_update(actor=teacher, user=teacher, data={"full_name": TEACHER.full_name})
        classmate = make_user("classmate-reach")
        support = make_user("support-reach", role=Role.SUPPORT)
        staff = make_user("admin-reach", role=Role.ADMIN)

        # Registration of a 9-year-old: the consent request goes to the parent's phone.
        child = user_register(
            username=CHILD.username,
            phone=CHILD.phone,
            password=PASSWORD,
            consent=True,
            channel=ConsentChannel.WEB,
            email=CHILD.email,
            birth_date=date.today().replace(year=date.today().year - 9),
            guardian_contact=PARENT.phone,
            guardian_agreed=True,
        )
        guardian_consent_confirm(
            request=GuardianConsentRequest.objects.get(child=child),
            guardian_name=PARENT.full_name,
            relationship="parent",
            consent=True,
            guardian=parent,
        )
        child.refresh_from_db()
        profile_update(actor=child, user=child, data={"full_name": CHILD.full_name, "language": "en", "grade": 6})

        # The child invites the parent to link accounts: the code goes to the parent's e-mail.
        _invitation, code = schools.link_invitation_create(actor=child, contact=PARENT.email, contact_consent=True)
        schools.link_confirm(actor=parent, code=code)

        # A class, homework, a submission.
        school_class = schools.class_create(
            actor=teacher, name="6A", grade=6, school_year="2025-2026", school_name="School 7"
        )
        schools.class_join(actor=child, code=school_class.join_code)
        schools.class_join(actor=classmate, code=school_class.join_code)
        tasks = content()
        assignment = learning.assignment_create(
            actor=teacher,
            school_class=school_class,
            title="Fractions",
            due_at=timezone.now() + timedelta(days=3),
            task_ids=[tasks["numeric"].pk],
        )
        submission = learning.submission_start(actor=child, assignment=assignment)
        learning.submission_submit(actor=child, submission=submission, answers={str(tasks["numeric"].pk): "3/4"})
        learning.attempt_practise(actor=child, task=tasks["numeric"], answer="0.75")

        # Messages and comments, the child's own and others' quoting the child.
        community.comment_post(
            actor=child, task=tasks["numeric"], body=f"Why 3/4? ({CHILD.full_name})", kind="question"
        )
        community.comment_post(actor=teacher, task=tasks["numeric"], body=f"Good question from {CHILD.full_name}!")
        community.message_send(actor=teacher, recipient_id=child.pk, body=f"Well done, {CHILD.full_name}")
        community.message_send(actor=child, recipient_id=teacher.pk, body="Thank you!")
        quoting = community.message_send(
            actor=teacher,
            recipient_id=classmate.pk,
            body=f"Please sit with {CHILD.username} ({CHILD.full_name}) tomorrow.",
        )
        community.report_create(actor=classmate, message=quoting, reason="other")
        other_class = schools.class_create(actor=teacher, name="6B", grade=6, school_year="2025-2026")
        schools.class_invite(actor=teacher, school_class=other_class, username=CHILD.username)
        avatar_set(actor=child, user=child, upload=_png())

        # Support: the child's own ticket, and the teacher's ticket about the child.
        own = ticket_open(
            actor=child, contact=CHILD.email, subject="Cannot open homework", description=f"I am {CHILD.full_name}"
        )
        ticket_reply(actor=support, ticket=own, body=f"Hello {CHILD.full_name}, try again now.")
        ticket_open(
            actor=teacher,
            contact=TEACHER.email,
            subject="A student cannot sign in",
            description=f"{CHILD.full_name} ({CHILD.username}, {CHILD.phone}) cannot sign in.",
        )
        # A rights request of the child's, one of the parent's about the child, a DPO message.
        request_submit(actor=child, kind="export")
        request_submit(
            actor=parent,
            kind="correction",
            description=f"My child {CHILD.full_name} has a wrong grade.",
            data_concerned=f"grade of {CHILD.username}",
        )
        # The parent, not signed in, asks as the child's representative: their name, contact and
        # the file name of their power of attorney are in the child's request.
        request_submit_public(
            kind="information",
            requester_name=PARENT.full_name,
            requester_contact=PARENT.email,
            account_identifier=CHILD.username,
            by_representative=True,
            power_of_attorney=SimpleUploadedFile(
                f"{PARENT.full_name.replace(' ', '_')}_attorney.pdf", b"%PDF-1.4 attorney", "application/pdf"
            ),
            code_channel="email",
        )
        inquiry_submit(
            user=child, name=CHILD.full_name, contact=CHILD.email, topic="question", message=f"Call {CHILD.phone}"
        )
        # A newsletter the child subscribed to, and the parent's weekly digest naming the child.
        consent_give_by_user(actor=child, purpose="marketing")
        consent_give_by_user(actor=parent, purpose="marketing")
        campaign = Campaign.objects.create(subject="News", body="New tasks on Qalan.", language="en")
        campaign_send(actor=staff, campaign=campaign)
        learning.digest_send(parent=parent)
    return {"child": child, "parent": parent, "teacher": teacher, "classmate": classmate, "support": support}


def _parent_and_teacher_rows(w) -> dict[str, set]:
    """Primary keys of the parent's and the teacher's own rows in every declared model."""
    rows = {}
    for declaration in inventory.declarations():
        for person in ("parent", "teacher"):
            own = set(declaration.rows_for(w[person]).values_list("pk", flat=True))
            rows[f"{declaration.model} of the {person}"] = own - set(
                declaration.rows_for(w["child"]).values_list("pk", flat=True)
            )
    return rows


def test_the_services_copy_the_childs_details_into_other_peoples_records(world):
    # The proof below is worth something only if the copies exist before the erasure.
    parent = world["parent"]
    to_parent = OutboxMessage.objects.filter(recipient__in=[PARENT.phone, PARENT.email]).exclude(user=world["child"])
    assert to_parent.filter(body__icontains=CHILD.username).exists(), "the consent SMS names the child"
    assert to_parent.filter(body__icontains="Zhuldyzai").exists(), "the link invitation names the child"
    assert OutboxMessage.objects.filter(
        user=parent, subject__icontains="week", body__icontains=CHILD.full_name
    ).exists()
    assert _scan_tables(_needles(CHILD, CHILD_WORDS))


def _text_of(row) -> str:
    values = [getattr(row, f.attname) for f in row._meta.concrete_fields if not f.is_relation]
    return json.dumps(values, default=str, ensure_ascii=False).lower()


def test_every_row_naming_a_person_is_reachable_by_their_erasure(world):
    """What fails when a service writes a copy nobody declared: every row of a declared model
    whose text names one of the people (username, e-mail, phone, full name; a message about
    someone also by a word of their name) must be found by that person's erasure — one of their
    own rows, or a declared copy about them."""
    unreachable = []
    for key in ("child", "parent", "teacher"):
        person = world[key]
        values = [v.lower() for v in inventory.identifiers(person)]
        for declaration in inventory.declarations():
            if declaration.model.lower() == settings.AUTH_USER_MODEL.lower():
                continue
            reachable = set(declaration.rows_for(person).values_list("pk", flat=True))
            for copy in declaration.copies:
                reachable |= set(declaration.copies_about(person, copy).values_list("pk", flat=True))
            for row in declaration.model_class._default_manager.exclude(pk__in=reachable).iterator():
                text = _text_of(row)
                named = [value for value in values if value in text]
                if named:
                    unreachable.append(f"{declaration.model} #{row.pk} names the {key} ({named[0]!r})")
    assert unreachable == [], (
        "Rows copy a person's details where their erasure cannot reach them: declare a Copy in the model's "
        f"privacy.py and record who the row is about when the service writes it: {unreachable}"
    )


def test_erasure_reaches_every_copy_of_the_child_and_keeps_the_others_data(world, caplog):
    child = world["child"]
    before = _parent_and_teacher_rows(world)

    run = erasure_run(user=child, actor=None, reason="reach test", skip_cool_off=True)

    assert run.status == ErasureRun.Status.DONE
    assert _scan_tables(_needles(CHILD, CHILD_WORDS)) == []
    assert files_holding(CHILD, settings.MEDIA_ROOT) == []
    assert [n for n in _needles(CHILD, CHILD_WORDS) if n in caplog.text.lower()] == [], (
        "a log line carried the child's details"
    )
    # The others keep their rows and their own details.
    after = _parent_and_teacher_rows(world)
    lost = {label: pks - after[label] for label, pks in before.items() if pks - after[label]}
    assert lost == {}, f"erasing the child removed other people's rows: {lost}"
    for identity in (PARENT, TEACHER):
        left = " ".join(_scan_tables(_needles(identity)))
        for needle in (identity.username, identity.email, identity.full_name):
            assert needle.lower() in left, f"{needle} lost"
    # The copies themselves stay for their addressees, rewritten.
    digest = OutboxMessage.objects.get(user=world["parent"], subject__icontains="week")
    assert REDACTED in digest.body and "Hello!" in digest.body
    assert not digest.about.exists()
    teacher_ticket = Ticket.objects.get(user=world["teacher"])
    assert teacher_ticket.subject == "A student cannot sign in"
    assert teacher_ticket.description == f"{REDACTED} ({REDACTED}, {REDACTED}) cannot sign in."
    to_classmate = Message.objects.get(sender=world["teacher"], recipient=world["classmate"])
    assert to_classmate.body == f"Please sit with {REDACTED} ({REDACTED}) tomorrow."
    parents_request = DataRequest.objects.get(user=world["parent"])
    assert parents_request.description == f"My child {REDACTED} has a wrong grade."
    assert Report.objects.get(reporter=world["classmate"]).message == to_classmate


def test_every_declared_copy_names_real_fields_and_a_path_to_a_person():
    for declaration in inventory.declarations():
        model = declaration.model_class
        for copy in declaration.copies:
            assert copy.fields, declaration.model
            for name in copy.fields:
                assert name in declaration.fields, f"{declaration.model}.{name} is a copy but not declared"
                model._meta.get_field(name)
            if copy.path:
                link = model._meta.get_field(copy.path)
                assert link.related_model._meta.label == settings.AUTH_USER_MODEL, f"{declaration.model}.{copy.path}"
                assert link.many_to_many or link.null, f"{declaration.model}.{copy.path} must be nullable to be cut"


def test_erasing_the_parent_archives_their_name_in_the_childs_consent_evidence_and_keeps_the_consent(world):
    child, parent = world["child"], world["parent"]
    consent = ConsentRecord.objects.get(user=child, purpose=ConsentPurpose.PLATFORM, acted_by=parent)
    assert consent.evidence["guardian_name"] == PARENT.full_name

    erasure_run(user=parent, actor=None, reason="reach test (parent)", skip_cool_off=True)

    assert _scan_tables(_needles(PARENT, ("Aigul", "Parentova"))) == []
    # The child's consent stays in force, its evidence without the parent's details ...
    consent.refresh_from_db()
    assert consent.acted_by is None and consent.evidence["guardian_name"] == REDACTED
    assert consent.evidence["relationship"] == "parent"
    assert ConsentRecord.objects.filter(user=child, purpose=ConsentPurpose.PLATFORM).exists()
    # The child's request the parent made as representative stays (the law keeps requests), without
    # the parent's name and contact; as it was, it is in the archive.
    represented = DataRequest.objects.get(user=child, by_representative=True)
    assert PARENT.full_name not in represented.requester_name and PARENT.email not in represented.requester_contact
    assert represented.power_of_attorney.filename == "power-of-attorney.pdf"
    kept = [
        archive_decrypt(record.payload)["record"]
        for record in ArchivedRecord.objects.filter(model="rights.DataRequest", record_id=str(represented.pk))
    ]
    assert [(k["requester_name"], k["requester_contact"]) for k in kept] == [(PARENT.full_name, PARENT.email)]
    # ... and the evidence as it was is in the encrypted archive, filed under the parent.
    archived = [
        archive_decrypt(record.payload)
        for record in ArchivedRecord.objects.filter(model="privacy.ConsentRecord", record_id=str(consent.pk))
    ]
    assert [a["record"]["evidence"]["guardian_name"] for a in archived] == [PARENT.full_name]
    assert archived[0]["subject"]["username"] == PARENT.username
    # The child's own data stays.
    assert _scan_tables(_needles(CHILD))
    child.refresh_from_db()
    assert child.is_active


def test_a_copy_declared_for_deletion_is_deleted_and_the_addressees_other_messages_stay(world, monkeypatch):
    # The same mechanism with the other action: a model that declares its copies deleted.
    entries = inventory._registry.entries
    outbox = entries["notify.outboxmessage"]
    monkeypatch.setitem(
        entries,
        "notify.outboxmessage",
        replace(outbox, copies=(Copy(fields=("subject", "body"), action=CopyAction.DELETE, path="about"),)),
    )
    child, parent = world["child"], world["parent"]
    about_child = set(OutboxMessage.objects.filter(about=child).values_list("pk", flat=True))
    parents_own = set(OutboxMessage.objects.filter(user=parent).exclude(about=child).values_list("pk", flat=True))
    assert about_child and parents_own

    run = erasure_run(user=child, actor=None, reason="reach test (delete)", skip_cool_off=True)

    assert not OutboxMessage.objects.filter(pk__in=about_child).exists()
    assert set(OutboxMessage.objects.filter(pk__in=parents_own).values_list("pk", flat=True)) == parents_own
    step = run.steps.get(model="notify.OutboxMessage", action="copy_delete")
    assert step.done and step.rows == len(about_child)
