"""The demo school: content, demo-teacher's class 6A with demo-student and demo-student2,
demo-parent linked to demo-student, homework, answers, results, messages and a question, and
demo-student's trainer (a finished diagnostic, a map in progress, a streak, a due review).

Idempotent (every part is created only when missing) and refused in production, like seed_demo.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from qalan.accounts.models import User
from qalan.community.models import Comment, Message
from qalan.learning.content import content_load
from qalan.learning.grading import answer_is_correct, answer_parse
from qalan.learning.legacy import legacy_attempts_import
from qalan.learning.models import Assignment, AssignmentItem, Attempt, Entitlement, Quiz, Submission, Task
from qalan.schools.models import Membership, ParentLink, School, SchoolClass
from qalan.schools.services import current_school_year, join_code_new
from qalan.trainer.content.loader import load_all
from qalan.trainer.content.sync import sync
from qalan.trainer.models import Skill
from qalan.web.demo_trainer import demo_trainer

# (task key, answer as typed, days ago): demo-student practises daily (a streak), is sure of
# fractions and equations, and struggles with proportions (a weak topic to recommend).
STUDENT_PRACTICE = [
    ("g5-fr-add-1", "3/4", 6),
    ("g5-fr-add-2", "13/15", 5),
    ("g6-pct-of-1", "25", 5),
    ("g6-prop-apples-1", "1800", 4),
    ("g6-prop-apples-1", "2000", 4),
    ("g6-prop-ratio", "12", 3),
    ("g6-eq-1", "5", 3),
    ("g6-eq-2", "5", 2),
    ("g6-prop-solve", "6", 2),
    ("g6-pct-share-1", "25", 1),
    ("g6-pct-of-2", "20", 1),
    ("g6-prop-map", "70", 0),
    ("g5-dec-add-1", "4,25", 0),
]
STUDENT2_PRACTICE = [
    ("g6-eq-1", "5", 4),
    ("g6-eq-3", "-2", 4),
    ("g6-pct-of-3", "12", 2),
    ("g5-angle-1", "70", 1),
]
# (title, task keys or a test key, due in days (negative: past), time limit, who submitted with which answers)
HOMEWORK = [
    (
        "Fractions revision / Бөлшектерді қайталау",
        ["g5-fr-add-1", "g5-fr-add-2", "g5-fr-sub-1", "g5-fr-simplify"],
        -3,
        None,
        {
            "demo-student": {
                "g5-fr-add-1": "3/4",
                "g5-fr-add-2": "13/15",
                "g5-fr-sub-1": "1/2",
                "g5-fr-simplify": "3/4",
            },
            "demo-student2": {
                "g5-fr-add-1": "3/4",
                "g5-fr-add-2": "3/8",
                "g5-fr-sub-1": "1/2",
                "g5-fr-simplify": "2/3",
            },
        },
    ),
    (
        "Percentages check-up / Проценты",
        "percentages-check",
        5,
        10,
        {
            "demo-student2": {
                "g6-pct-of-1": "25",
                "g6-pct-of-3": "12",
                "g6-pct-share-1": "25",
                "g6-pct-discount-1": "9600",
                "g6-pct-class": "15",
            }
        },
    ),
    ("Linear equations / Сызықтық теңдеулер", ["g6-eq-1", "g6-eq-2", "g6-eq-3", "g6-eq-4", "g6-eq-root"], 2, None, {}),
]
MESSAGES = [
    (
        "demo-teacher",
        "demo-student",
        "Аружан, бөлшектерден жақсы нәтиже! Енді пропорцияларға арналған тапсырмаларды орындап көр.",
        2,
    ),
    (
        "demo-student",
        "demo-teacher",
        "Рақмет, апай! Карта масштабы туралы есепті түсінбедім, сабақта сұрасам бола ма?",
        1,
    ),
    (
        "demo-parent",
        "demo-teacher",
        "Здравствуйте, Гульнара Сериковна! Подскажите, до какого числа сдать домашнее задание по уравнениям?",
        1,
    ),
    ("demo-teacher", "demo-parent", "Здравствуйте! До послезавтра, 18:00. Задание уже видно в кабинете ученика.", 0),
]


class Command(BaseCommand):
    help = "Create the demo school's class, links, homework, answers and messages (idempotent; never in production)."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError(
                "seed_demo_school refuses to run in production (QALAN_ENV=production): it creates demo data."
            )
        if not User.objects.filter(username="demo-teacher").exists():
            call_command("seed_demo", stdout=self.stdout)
        content_load()
        if not Skill.objects.exists():
            sync(load_all())
        users = {u.username: u for u in User.objects.filter(username__startswith="demo-").select_related("profile")}
        with transaction.atomic():
            school_class = self._class(users)
            self._links(users)
            self._entitlement(users)
            self._practice(users["demo-student"], STUDENT_PRACTICE)
            self._practice(users["demo-student2"], STUDENT2_PRACTICE)
            for spec in HOMEWORK:
                self._homework(school_class, users, *spec)
            self._messages(users)
            self._question(users)
            # The earlier practice answers join the trainer's history; then the trainer's own demo.
            legacy_attempts_import()
            demo_trainer(users["demo-student"])
        self.stdout.write(f"demo school ready: class {school_class.name} (join code {school_class.join_code})")

    def _class(self, users) -> SchoolClass:
        teacher = users["demo-teacher"]
        school, _ = School.objects.get_or_create(name="Qalan Demo School", city="Almaty")
        school_class = SchoolClass.objects.filter(teacher=teacher, name="6A", archived_at__isnull=True).first()
        if school_class is None:
            school_class = SchoolClass.objects.create(
                school=school,
                name="6A",
                grade=6,
                school_year=current_school_year(),
                teacher=teacher,
                join_code=join_code_new(),
            )
        for username in ("demo-student", "demo-student2"):
            Membership.objects.get_or_create(
                school_class=school_class, student=users[username], ended_at=None, defaults={"via": Membership.Via.CODE}
            )
        return school_class

    def _links(self, users) -> None:
        ParentLink.objects.get_or_create(parent=users["demo-parent"], child=users["demo-student"], ended_at=None)

    def _entitlement(self, users) -> None:
        # The teacher's school licence opens the extended content; the students see it locked.
        Entitlement.objects.get_or_create(
            user=users["demo-teacher"], defaults={"reason": "demo school licence", "starts_at": timezone.now()}
        )

    def _attempt(self, *, student, task: Task, raw: str, when, submission=None) -> Attempt:
        answer = answer_parse(task, raw)
        return Attempt.objects.create(
            student=student,
            task=task,
            submission=submission,
            answer=answer,
            is_correct=answer_is_correct(task, answer),
            language="kk",
            created_at=when,
        )

    def _practice(self, student, answers) -> None:
        if Attempt.objects.filter(student=student, submission__isnull=True).exists():
            return
        tasks = Task.objects.prefetch_related("choices").in_bulk([k for k, _, _ in answers], field_name="key")
        now = timezone.now()
        for i, (key, raw, days_ago) in enumerate(answers):
            when = now - timedelta(days=days_ago, hours=2, minutes=5 * i)
            self._attempt(student=student, task=tasks[key], raw=raw, when=when)

    def _homework(self, school_class, users, title, tasks_or_quiz, due_in_days, limit, submitted) -> None:
        if Assignment.objects.filter(school_class=school_class, title=title).exists():
            return
        quiz = Quiz.objects.get(key=tasks_or_quiz) if isinstance(tasks_or_quiz, str) else None
        keys = list(quiz.items.order_by("order").values_list("task__key", flat=True)) if quiz else tasks_or_quiz
        tasks = Task.objects.prefetch_related("choices").in_bulk(keys, field_name="key")
        now = timezone.now()
        due = timezone.localtime(now + timedelta(days=due_in_days)).replace(hour=18, minute=0, second=0, microsecond=0)
        assignment = Assignment.objects.create(
            school_class=school_class,
            created_by=users["demo-teacher"],
            title=title,
            quiz=quiz,
            due_at=due,
            time_limit_minutes=limit or (quiz.time_limit_minutes if quiz else None),
        )
        AssignmentItem.objects.bulk_create(
            [AssignmentItem(assignment=assignment, task=tasks[k], order=i) for i, k in enumerate(keys)]
        )
        for username, answers in submitted.items():
            started = min(now, due) - timedelta(hours=5)
            submission = Submission.objects.create(
                student=users[username],
                assignment=assignment,
                started_at=started,
                deadline_at=started + timedelta(minutes=assignment.time_limit_minutes)
                if assignment.time_limit_minutes
                else None,
                max_score=len(keys),
            )
            attempts = [
                self._attempt(
                    student=users[username],
                    task=tasks[k],
                    raw=raw,
                    when=started + timedelta(minutes=4),
                    submission=submission,
                )
                for k, raw in answers.items()
            ]
            submission.score = sum(a.is_correct for a in attempts)
            submission.submitted_at = started + timedelta(minutes=5)
            submission.save(update_fields=["score", "submitted_at"])

    def _messages(self, users) -> None:
        if Message.objects.filter(sender=users["demo-teacher"], recipient=users["demo-student"]).exists():
            return
        now = timezone.now()
        for sender, recipient, body, days_ago in MESSAGES:
            message = Message.objects.create(sender=users[sender], recipient=users[recipient], body=body)
            Message.objects.filter(pk=message.pk).update(created_at=now - timedelta(days=days_ago, hours=1))

    def _question(self, users) -> None:
        task = Task.objects.get(key="g6-pct-discount-1")
        if Comment.objects.filter(task=task, author=users["demo-student"]).exists():
            return
        question = Comment.objects.create(
            task=task,
            author=users["demo-student"],
            author_role="student",
            kind=Comment.Kind.QUESTION,
            body="Неге жеңілдікті бағадан азайтамыз? / Why do we subtract the discount from the price?",
        )
        Comment.objects.create(
            task=task,
            author=users["demo-teacher"],
            author_role="teacher",
            reply_to=question,
            body="Жеңілдік — бағаның бір бөлігі: оны төлемейсің. Сондықтан 12000 − 2400 = 9600 теңге.",
        )
