"""Learning: content (subjects, topics, tasks, tests), homework, answers and results, entitlements.

Content is data in kk, ru and en (``*_kk``, ``*_ru``, ``*_en`` columns), not gettext: it is
written by methodologists, not translators. Results point at the student with nullable
foreign keys (SET_NULL) so that, after an account is erased, they survive only anonymised
for statistics (P5.1.b).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

CONTENT_LANGUAGES = ("kk", "ru", "en")
# Uzbek-speaking students in Kazakhstan mostly study in Russian-language classes.
CONTENT_FALLBACK = {"uz": "ru"}


def content_language(language: str | None = None) -> str:
    """The content language for an interface or profile language."""
    language = (language or get_language() or "kk").split("-")[0]
    language = CONTENT_FALLBACK.get(language, language)
    return language if language in CONTENT_LANGUAGES else "kk"


class Localised(models.Model):
    """Picks the column of the content language, falling back to any language that has text."""

    class Meta:
        abstract = True

    def localised(self, field: str, language: str | None = None) -> str:
        first = content_language(language)
        for code in (first, *CONTENT_LANGUAGES):
            value = getattr(self, f"{field}_{code}", "")
            if value:
                return value
        return ""


class Subject(Localised):
    key = models.SlugField(unique=True)
    name_kk = models.CharField(max_length=100)
    name_ru = models.CharField(max_length=100)
    name_en = models.CharField(max_length=100)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "key"]
        verbose_name = pgettext_lazy("school subject", "subject")
        verbose_name_plural = _("subjects")

    def __str__(self) -> str:
        return self.name_en

    @property
    def name(self) -> str:
        return self.localised("name")


class Topic(Localised):
    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="topics")
    key = models.SlugField(unique=True)
    name_kk = models.CharField(max_length=150)
    name_ru = models.CharField(max_length=150)
    name_en = models.CharField(max_length=150)
    grade = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(11)])
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["grade", "order", "key"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.name_en

    @property
    def name(self) -> str:
        return self.localised("name")


class Task(Localised):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        NUMERIC = "numeric", _("Number")
        TEXT = "text", _("Short answer")

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="tasks")
    key = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    text_kk = models.TextField()
    text_ru = models.TextField()
    text_en = models.TextField()
    explanation_kk = models.TextField(blank=True)
    explanation_ru = models.TextField(blank=True)
    explanation_en = models.TextField(blank=True)
    difficulty = models.PositiveSmallIntegerField(default=1, validators=[MinValueValidator(1), MaxValueValidator(3)])
    # Extended (paid) content: opened only by ``learning.selectors.extended_access``.
    is_extended = models.BooleanField(default=False)
    is_published = models.BooleanField(default=True)
    # Numeric tasks: the answer and how far from it an answer may be and still count.
    answer_number = models.DecimalField(max_digits=16, decimal_places=6, null=True, blank=True)
    tolerance = models.DecimalField(max_digits=16, decimal_places=6, default=0)
    # Short-answer tasks: accepted answers in any language, compared after normalisation.
    accepted_answers = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["topic", "difficulty", "key"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")

    def __str__(self) -> str:
        return self.key

    @property
    def text(self) -> str:
        return self.localised("text")

    @property
    def explanation(self) -> str:
        return self.localised("explanation")


class Choice(Localised):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="choices")
    order = models.PositiveSmallIntegerField(default=0)
    text_kk = models.CharField(max_length=300)
    text_ru = models.CharField(max_length=300)
    text_en = models.CharField(max_length=300)
    is_correct = models.BooleanField(default=False)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("answer option")
        verbose_name_plural = _("answer options")

    def __str__(self) -> str:
        return self.text_en

    @property
    def text(self) -> str:
        return self.localised("text")


class Quiz(Localised):
    """A test: a fixed set of tasks, graded on submission, optionally timed."""

    key = models.SlugField(unique=True)
    title_kk = models.CharField(max_length=200)
    title_ru = models.CharField(max_length=200)
    title_en = models.CharField(max_length=200)
    topic = models.ForeignKey(Topic, null=True, blank=True, on_delete=models.SET_NULL, related_name="quizzes")
    time_limit_minutes = models.PositiveSmallIntegerField(null=True, blank=True)
    is_extended = models.BooleanField(default=False)
    tasks = models.ManyToManyField(Task, through="QuizItem", related_name="quizzes")

    class Meta:
        ordering = ["key"]
        verbose_name = _("test")
        verbose_name_plural = _("tests")

    def __str__(self) -> str:
        return self.key

    @property
    def title(self) -> str:
        return self.localised("title")


class QuizItem(models.Model):
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="items")
    task = models.ForeignKey(Task, on_delete=models.CASCADE)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["quiz", "task"], name="learning_quiz_task_once")]


class ResultRule(models.TextChoices):
    BEST = "best", _("The best attempt")
    LAST = "last", _("The last attempt")


class Assignment(models.Model):
    """Homework: tasks (or a test's tasks) that a teacher sets for a class, with a due date."""

    school_class = models.ForeignKey("schools.SchoolClass", on_delete=models.CASCADE, related_name="assignments")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    quiz = models.ForeignKey(Quiz, null=True, blank=True, on_delete=models.SET_NULL, related_name="assignments")
    tasks = models.ManyToManyField(Task, through="AssignmentItem", related_name="assignments")
    time_limit_minutes = models.PositiveSmallIntegerField(_("time limit, minutes"), null=True, blank=True)
    due_at = models.DateTimeField(_("due"))
    # Retake rules: how many sittings a student may have, and which one the result is.
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=1, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    result_rule = models.CharField(
        _("result that counts"), max_length=8, choices=ResultRule.choices, default=ResultRule.BEST
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_at", "id"]
        verbose_name = pgettext_lazy("model name: one homework assignment", "homework")
        verbose_name_plural = pgettext_lazy("model name: homework assignments (plural)", "homework")

    def __str__(self) -> str:
        return f"homework #{self.pk}"


class AssignmentItem(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="items")
    task = models.ForeignKey(Task, on_delete=models.CASCADE)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["assignment", "task"], name="learning_assignment_task_once")]


class SkillSlot(models.Model):
    """A pool of a test or homework: ``count`` fresh trainer items of one skill for every
    student, all of one difficulty, so that each student gets other numbers of the same work."""

    assignment = models.ForeignKey(Assignment, null=True, blank=True, on_delete=models.CASCADE, related_name="slots")
    quiz = models.ForeignKey(Quiz, null=True, blank=True, on_delete=models.CASCADE, related_name="slots")
    skill = models.ForeignKey("trainer.Skill", on_delete=models.PROTECT, related_name="+")
    count = models.PositiveSmallIntegerField(default=1, validators=[MinValueValidator(1), MaxValueValidator(20)])
    difficulty = models.PositiveSmallIntegerField(default=1, validators=[MinValueValidator(1), MaxValueValidator(3)])
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(assignment__isnull=False, quiz__isnull=True)
                | Q(assignment__isnull=True, quiz__isnull=False),
                name="learning_slot_has_one_source",
            ),
        ]

    def __str__(self) -> str:
        return f"slot #{self.pk}"


class Submission(models.Model):
    """One sitting of a test or one homework: started, then submitted and graded (P3.1.c)."""

    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="submissions"
    )
    assignment = models.ForeignKey(
        Assignment, null=True, blank=True, on_delete=models.CASCADE, related_name="submissions"
    )
    quiz = models.ForeignKey(Quiz, null=True, blank=True, on_delete=models.PROTECT, related_name="submissions")
    started_at = models.DateTimeField()
    # Set for timed tests: answers after it (and a short grace) are refused.
    deadline_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    max_score = models.PositiveSmallIntegerField(default=0)
    # The n-th sitting of the same homework (retakes, as the teacher allows).
    attempt_no = models.PositiveSmallIntegerField(default=1)
    # Answers saved as they are typed ({"task_12": "3/4", "item_<uuid>": "x=5"}); what is submitted
    # when time runs out.
    drafts = models.JSONField(default=dict, blank=True)
    drafts_saved_at = models.DateTimeField(null=True, blank=True)
    # Set when the platform submitted the saved answers because time ran out.
    closed_automatically = models.BooleanField(default=False)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = [
            models.UniqueConstraint(
                fields=["student", "assignment", "attempt_no"],
                condition=Q(assignment__isnull=False),
                name="learning_one_sitting_per_homework_attempt",
            ),
            models.CheckConstraint(
                condition=Q(assignment__isnull=False) | Q(quiz__isnull=False), name="learning_submission_has_a_source"
            ),
        ]

    def __str__(self) -> str:
        return f"submission #{self.pk}"

    @property
    def percent(self) -> int | None:
        if self.score is None or not self.max_score:
            return None
        return round(100 * self.score / self.max_score)


class SubmissionItem(models.Model):
    """A trainer item drawn for one sitting from a pool: sealed (no hint, solution or answer
    anywhere) until the sitting is submitted."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="items")
    instance = models.OneToOneField("trainer.ItemInstance", on_delete=models.CASCADE, related_name="sitting_item")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"sitting item #{self.pk}"

    @property
    def field_name(self) -> str:
        return f"item_{self.instance_id}"


class Attempt(models.Model):
    """One answer to one task: in practice (no submission) or as part of a submission."""

    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="attempts"
    )
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="attempts")
    submission = models.ForeignKey(Submission, null=True, blank=True, on_delete=models.CASCADE, related_name="attempts")
    # The answer as given: {"choices": [ids]}, {"number": "2.5"} or {"text": "..."}.
    answer = models.JSONField(default=dict)
    is_correct = models.BooleanField()
    language = models.CharField(max_length=8, blank=True)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        indexes = [
            models.Index(fields=["student", "created_at"]),
            models.Index(fields=["student", "task"]),
        ]

    def __str__(self) -> str:
        return f"attempt #{self.pk}"


class Entitlement(models.Model):
    """The right to extended (paid) content. Staff grant it in the admin until billing exists."""

    class Kind(models.TextChoices):
        EXTENDED = "extended", _("Extended content")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="entitlements")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.EXTENDED)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=200, help_text=_("For example: school licence, trial, purchase"))
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"), null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("entitlement")
        verbose_name_plural = _("entitlements")

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk}"


class DigestLog(models.Model):
    """A weekly digest that went to a parent: at most one per parent and week."""

    parent = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digests")
    week_start = models.DateField()
    message = models.ForeignKey(
        "notify.OutboxMessage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-week_start"]
        verbose_name = _("weekly digest")
        verbose_name_plural = _("weekly digests")
        constraints = [models.UniqueConstraint(fields=["parent", "week_start"], name="learning_one_digest_a_week")]

    def __str__(self) -> str:
        return f"digest #{self.pk}"
