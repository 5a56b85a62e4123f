"""A small school for tests: two classes, their teachers, students, parents and staff, a little
content, homework, answers, comments and messages. Built through the services where they exist.

Personas (the route x persona test uses the same names):
    student       sam     in class A (teacher tina), linked to parent pia
    classmate     cara    in class A
    other_student oleg    in class B (teacher otto), linked to parent paul
    teacher       tina    teaches class A
    other_teacher otto    teaches class B
    parent        pia     linked to sam
    other_parent  paul    linked to oleg
    support       sue
    dpo           dora
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from qalan.accounts.models import Role
from qalan.community import services as community
from qalan.learning import services as learning
from qalan.learning.models import Choice, Quiz, QuizItem, Subject, Task, Topic
from qalan.schools import services as schools

PERSONAS = (
    "anonymous",
    "student",
    "classmate",
    "other_student",
    "teacher",
    "other_teacher",
    "parent",
    "other_parent",
    "support",
    "dpo",
)


def link(parent, child):
    _invitation, code = schools.link_invitation_create(actor=parent)
    return schools.link_confirm(actor=child, code=code)


def content():
    """Four tasks of every kind in one grade-6 topic, one extended task, a timed test."""
    subject = Subject.objects.create(key="maths", name_kk="Математика", name_ru="Математика", name_en="Mathematics")
    topic = Topic.objects.create(
        subject=subject, key="fractions", grade=6, name_kk="Бөлшектер", name_ru="Дроби", name_en="Fractions"
    )
    other_topic = Topic.objects.create(
        subject=subject, key="percent", grade=6, order=2, name_kk="Пайыз", name_ru="Проценты", name_en="Percent"
    )
    texts = lambda s: {"text_kk": f"{s} (kk)", "text_ru": f"{s} (ru)", "text_en": s}  # noqa: E731
    single = Task.objects.create(
        topic=topic,
        key="single",
        kind="single",
        difficulty=1,
        explanation_en="Half is 1/2.",
        **texts("Which is a half?"),
    )
    Choice.objects.create(task=single, order=0, text_kk="1/2", text_ru="1/2", text_en="1/2", is_correct=True)
    Choice.objects.create(task=single, order=1, text_kk="1/3", text_ru="1/3", text_en="1/3")
    multiple = Task.objects.create(
        topic=topic, key="multiple", kind="multiple", difficulty=2, **texts("Which equal 1/2?")
    )
    Choice.objects.create(task=multiple, order=0, text_kk="2/4", text_ru="2/4", text_en="2/4", is_correct=True)
    Choice.objects.create(task=multiple, order=1, text_kk="3/6", text_ru="3/6", text_en="3/6", is_correct=True)
    Choice.objects.create(task=multiple, order=2, text_kk="2/3", text_ru="2/3", text_en="2/3")
    numeric = Task.objects.create(
        topic=topic,
        key="numeric",
        kind="numeric",
        difficulty=1,
        answer_number=Decimal("0.75"),
        tolerance=Decimal("0.001"),
        explanation_en="1/2 + 1/4 = 3/4.",
        explanation_ru="1/2 + 1/4 = 3/4.",
        explanation_kk="1/2 + 1/4 = 3/4.",
        **texts("Compute 1/2 + 1/4"),
    )
    text = Task.objects.create(
        topic=topic, key="text", kind="text", difficulty=2, accepted_answers=["3/4"], **texts("Simplify 6/8")
    )
    extended = Task.objects.create(
        topic=other_topic,
        key="extended",
        kind="numeric",
        difficulty=3,
        is_extended=True,
        answer_number=Decimal("12"),
        **texts("Find 15% of 80"),
    )
    percent = Task.objects.create(
        topic=other_topic,
        key="percent",
        kind="numeric",
        difficulty=1,
        answer_number=Decimal("25"),
        **texts("Find 10% of 250"),
    )
    quiz = Quiz.objects.create(
        key="quiz", title_kk="Тест", title_ru="Тест", title_en="Test", topic=topic, time_limit_minutes=10
    )
    QuizItem.objects.create(quiz=quiz, task=numeric, order=0)
    QuizItem.objects.create(quiz=quiz, task=single, order=1)
    return {
        "topic": topic,
        "other_topic": other_topic,
        "single": single,
        "multiple": multiple,
        "numeric": numeric,
        "text": text,
        "extended": extended,
        "percent": percent,
        "quiz": quiz,
    }


@dataclass
class World:
    users: dict = field(default_factory=dict)
    tasks: dict = field(default_factory=dict)

    def __getattr__(self, name):
        users = self.__dict__.get("users", {})
        if name in users:
            return users[name]
        raise AttributeError(name)


def build(make_user) -> World:
    w = World()
    u = w.users
    u["student"] = make_user("sam", email="sam@example.kz")
    u["classmate"] = make_user("cara")
    u["other_student"] = make_user("oleg")
    u["teacher"] = make_user("tina", role=Role.TEACHER, email="tina@example.kz")
    u["other_teacher"] = make_user("otto", role=Role.TEACHER)
    u["parent"] = make_user("pia", role=Role.PARENT, email="pia@example.kz")
    u["other_parent"] = make_user("paul", role=Role.PARENT)
    u["support"] = make_user("sue", role=Role.SUPPORT)
    u["dpo"] = make_user("dora", role=Role.DPO)
    for key, name in [
        ("student", "Sam Student"),
        ("classmate", "Cara Classmate"),
        ("other_student", "Oleg Other"),
        ("teacher", "Tina Teacher"),
        ("parent", "Pia Parent"),
    ]:
        profile = u[key].profile
        profile.full_name = name
        if key in ("student", "classmate", "other_student"):
            profile.grade = 6
            profile.birth_date = timezone.localdate().replace(year=2013)
        profile.save()
    w.class_a = schools.class_create(
        actor=u["teacher"], name="6A", grade=6, school_year="2025-2026", school_name="School 1"
    )
    w.class_b = schools.class_create(actor=u["other_teacher"], name="6B", grade=6, school_year="2025-2026")
    schools.class_join(actor=u["student"], code=w.class_a.join_code)
    schools.class_join(actor=u["classmate"], code=w.class_a.join_code)
    schools.class_join(actor=u["other_student"], code=w.class_b.join_code)
    w.link = link(u["parent"], u["student"])
    w.other_link = link(u["other_parent"], u["other_student"])
    w.tasks = content()
    w.assignment = learning.assignment_create(
        actor=u["teacher"],
        school_class=w.class_a,
        title="Fractions",
        due_at=timezone.now() + timedelta(days=3),
        task_ids=[w.tasks["numeric"].pk, w.tasks["single"].pk],
    )
    w.other_assignment = learning.assignment_create(
        actor=u["other_teacher"],
        school_class=w.class_b,
        title="Percent",
        due_at=timezone.now() + timedelta(days=3),
        task_ids=[w.tasks["percent"].pk],
    )
    w.submission = learning.submission_start(actor=u["student"], assignment=w.assignment)
    learning.submission_submit(
        actor=u["student"],
        submission=w.submission,
        answers={str(w.tasks["numeric"].pk): "3/4", str(w.tasks["single"].pk): ""},
    )
    w.other_submission = learning.submission_start(actor=u["other_student"], assignment=w.other_assignment)
    w.attempt = learning.attempt_practise(actor=u["student"], task=w.tasks["numeric"], answer="0.75")
    w.comment = community.comment_post(actor=u["student"], task=w.tasks["numeric"], body="Why 3/4?", kind="question")
    w.other_comment = community.comment_post(actor=u["other_student"], task=w.tasks["numeric"], body="Nice task")
    w.message = community.message_send(actor=u["teacher"], recipient_id=u["student"].pk, body="Well done, Sam")
    w.other_message = community.message_send(
        actor=u["other_teacher"], recipient_id=u["other_student"].pk, body="Hi Oleg"
    )
    w.report = community.report_create(actor=u["classmate"], comment=w.other_comment, reason="spam")
    w.invitation = schools.class_invite(actor=u["teacher"], school_class=w.class_a, username="oleg")
    return w
