"""The maths trainer's data: skills and their templates (content), and what a student did with
them (served instances, attempts, mastery, daily focus, diagnostics, streak days).

Content rows (Chapter, Skill, ItemTemplate) are loaded from the data files in
``qalan/trainer/content/data`` by ``manage.py load_content``; texts are JSON maps of language
code to text (kk, ru, en, uz) with TeX between ``$...$``. Rows about a student point at them with
nullable keys (SET_NULL) where the row survives erasure anonymised for statistics (P5.1.b).
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

LANGUAGES = ("kk", "ru", "en", "uz")
LIVES_PER_ITEM = 3


def pick_language(texts: dict | None, language: str | None = None) -> str:
    """The text of a ``{language: text}`` map in the reader's language, else the first that exists."""
    if not texts:
        return ""
    first = (language or get_language() or "kk").split("-")[0]
    for code in (first, *LANGUAGES):
        value = texts.get(code)
        if value:
            return value
    return ""


class AnswerForm(models.TextChoices):
    NUMBER = "number", _("Number")
    FRACTION = "fraction", _("Fraction")
    EXPRESSION = "expression", _("Expression")
    CHOICE = "choice", _("Single choice")
    MULTI = "multi", _("Multiple choice")
    TEXT = "text", _("Short answer")


class Course(models.TextChoices):
    MATHEMATICS = "mathematics", _("Mathematics")
    ALGEBRA = "algebra", _("Algebra")
    ALGEBRA_ANALYSIS = "algebra_analysis", _("Algebra and elements of analysis")
    GEOMETRY = "geometry", _("Geometry")
    ENT_LITERACY = "ent_literacy", _("Mathematical literacy (ENT)")
    ENT_MATHS = "ent_maths", _("Mathematics, profile subject (ENT)")


class Section(models.TextChoices):
    """Sections of the state programme of school mathematics."""

    NUMBERS = "numbers", _("Numbers and operations")
    FRACTIONS = "fractions", _("Fractions and decimals")
    RATIOS = "ratios", _("Ratios and percentages")
    ALGEBRA = "algebra", _("Algebra and equations")
    FUNCTIONS = "functions", _("Functions and graphs")
    GEOMETRY = "geometry", _("Geometry and measurement")
    DATA = "data", _("Data and probability")
    WORD_PROBLEMS = "word_problems", _("Word problems")


# --- Content --------------------------------------------------------------------------------


class Chapter(models.Model):
    """A chapter (topic) of one grade's course, as a textbook names it; one data file each."""

    code = models.SlugField(max_length=80, unique=True)
    grade = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(11)])
    course = models.CharField(max_length=20, choices=Course.choices, default=Course.MATHEMATICS)
    section = models.CharField(max_length=20, choices=Section.choices)
    order = models.PositiveSmallIntegerField(default=0)
    title = models.JSONField(default=dict)
    source_file = models.CharField(max_length=200, blank=True)
    checksum = models.CharField(max_length=64, blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["grade", "course", "order", "code"]
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")

    def __str__(self) -> str:
        return self.code

    def title_in(self, language: str | None = None) -> str:
        return pick_language(self.title, language)


class Skill(models.Model):
    """A learning objective: the state programme's code where known (``5.1.2.3``), else ours."""

    code = models.CharField(max_length=40, unique=True)
    chapter = models.ForeignKey(Chapter, on_delete=models.PROTECT, related_name="skills")
    grade = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(11)])
    order = models.PositiveSmallIntegerField(default=0)
    title = models.JSONField(default=dict)
    description = models.JSONField(default=dict, blank=True)
    # The skills one needs first: a graph without cycles (checked by the loader and in tests).
    prerequisites = models.ManyToManyField("self", symmetrical=False, related_name="unlocks", blank=True)
    # Extended (paid) content: opened only through the entitlement check.
    is_extended = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    # Set for skills shipped in a data file (read-only in the admin); checksum as for templates.
    source_file = models.CharField(max_length=200, blank=True)
    checksum = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["grade", "chapter__order", "order", "code"]
        verbose_name = _("skill")
        verbose_name_plural = _("skills")

    def __str__(self) -> str:
        return self.code

    def title_in(self, language: str | None = None) -> str:
        return pick_language(self.title, language)


class ItemTemplate(models.Model):
    """How to make items of a skill: a registered generator with parameters (or fixed written
    items), the answer form, texts, hints and a worked solution in four languages.

    Shipped templates are owned by their data file: ``checksum`` is the hash of the definition
    the loader last wrote, and the admin shows them read-only, so ``load_content`` never
    overwrites a staff edit silently. A changed definition gets a new ``version``; instances keep
    the version they were made from.
    """

    skill = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="templates")
    key = models.CharField(max_length=120, unique=True)
    version = models.PositiveIntegerField(default=1)
    answer_form = models.CharField(max_length=12, choices=AnswerForm.choices)
    # The name of a function in the generator registry; "" for written (fixed) items.
    generator = models.CharField(max_length=80, blank=True)
    # The definition as loaded: parameters and constraints, texts, hints, solution, unit, choices,
    # figure, written items. Read by the generator registry; never code.
    definition = models.JSONField(default=dict)
    difficulty = models.PositiveSmallIntegerField(default=1, validators=[MinValueValidator(1), MaxValueValidator(3)])
    is_extended = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    source_file = models.CharField(max_length=200, blank=True)
    checksum = models.CharField(max_length=64, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["skill", "difficulty", "key"]
        verbose_name = _("item template")
        verbose_name_plural = _("item templates")

    def __str__(self) -> str:
        return self.key


# --- What a student does --------------------------------------------------------------------


class Purpose(models.TextChoices):
    PRACTICE = "practice", pgettext_lazy("why an item was served", "Practice")
    FOCUS = "focus", _("Daily focus")
    DIAGNOSTIC = "diagnostic", _("Diagnostic")
    REVIEW = "review", _("Review")
    TEST = "test", pgettext_lazy("why an item was served", "Test")
    HOMEWORK = "homework", pgettext_lazy("why an item was served", "Homework")


class Result(models.TextChoices):
    RIGHT = "right", _("Right")
    WRONG = "wrong", _("Wrong")
    INVALID = "invalid", _("Not readable")


class ItemInstance(models.Model):
    """One generated item served to one student: its seed, parameters, key and rendered texts are
    stored so that it can be re-checked and reviewed later, whatever happens to the template."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    template = models.ForeignKey(ItemTemplate, on_delete=models.PROTECT, related_name="instances")
    template_version = models.PositiveIntegerField(default=1)
    skill = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="instances")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="trainer_items"
    )
    seed = models.BigIntegerField()
    params = models.JSONField(default=dict)
    # The key as the answer checker reads it (``5/7``, ``6*a``, ``b``) and the item's unit.
    key = models.CharField(max_length=300)
    unit = models.CharField(max_length=20, blank=True)
    # [{"id": "a", "text": {lang: ...}}, ...] in the order shown (shuffled per instance).
    choices = models.JSONField(default=list, blank=True)
    # {"prompt": {lang}, "hints": [{lang}, ...], "solution": [{lang}, ...], "figure": "<svg ...>"}
    rendered = models.JSONField(default=dict)
    difficulty = models.PositiveSmallIntegerField(default=1)
    purpose = models.CharField(max_length=12, choices=Purpose.choices, default=Purpose.PRACTICE)
    focus = models.ForeignKey("FocusSession", null=True, blank=True, on_delete=models.SET_NULL, related_name="items")
    diagnostic = models.ForeignKey("Diagnostic", null=True, blank=True, on_delete=models.SET_NULL, related_name="items")
    # The item this one replaces after a mistake (a similar, fresh instance of the same skill).
    similar_to = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)
    result = models.CharField(max_length=8, choices=Result.choices, blank=True)
    lives_left = models.PositiveSmallIntegerField(default=LIVES_PER_ITEM)
    hints_shown = models.PositiveSmallIntegerField(default=0)
    solution_seen = models.BooleanField(default=False)
    # An item of an open test or homework: no hint, solution, key or check anywhere until the
    # sitting is submitted (it is answered through the sitting).
    sealed = models.BooleanField(default=False)
    created_at = models.DateTimeField(db_index=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("served item")
        verbose_name_plural = _("served items")
        indexes = [
            models.Index(fields=["student", "skill", "created_at"]),
            models.Index(fields=["student", "status"]),
        ]

    def __str__(self) -> str:
        return f"item {self.pk}"


class ItemAttempt(models.Model):
    """One answer to a served item: as typed, as read, and how it was judged. ``counts`` marks
    the answers the mastery model reads: the first readable answer to a fresh item whose hints
    and solution were not shown."""

    instance = models.ForeignKey(ItemInstance, on_delete=models.CASCADE, related_name="attempts")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="trainer_attempts"
    )
    answer = models.CharField(max_length=300)
    normalised = models.CharField(max_length=300, blank=True)
    result = models.CharField(max_length=8, choices=Result.choices)
    counts = models.BooleanField(default=False)
    language = models.CharField(max_length=8, blank=True)
    created_at = models.DateTimeField(db_index=True)
    # The answer of the earlier practice (learning.Attempt) this history row was imported from.
    legacy_attempt_id = models.BigIntegerField(null=True, blank=True, unique=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("item answer")
        verbose_name_plural = _("item answers")
        indexes = [models.Index(fields=["student", "created_at"])]

    def __str__(self) -> str:
        return f"answer #{self.pk}"


class MasteryLevel(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    ATTEMPTED = "attempted", _("Attempted")
    FAMILIAR = "familiar", _("Familiar")
    PROFICIENT = "proficient", _("Proficient")
    MASTERED = "mastered", _("Mastered")


class SkillMastery(models.Model):
    """A student's standing in one skill, computed only by ``qalan.trainer.mastery`` from the
    answers that count; read by the map, dashboards, leaderboards and recommendations."""

    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="skill_mastery")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="mastery")
    score = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(100)])
    level = models.CharField(max_length=12, choices=MasteryLevel.choices, default=MasteryLevel.NOT_STARTED)
    counted = models.PositiveIntegerField(default=0)
    # The model's evidence: the latest counted answers [[right 0/1, difficulty, iso time], ...].
    evidence = models.JSONField(default=list, blank=True)
    last_counted_at = models.DateTimeField(null=True, blank=True)
    mastered_at = models.DateTimeField(null=True, blank=True)
    # Spaced review of a mastered (or proficient) skill.
    review_due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    review_interval_days = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("skill mastery")
        verbose_name_plural = _("skill mastery")
        constraints = [models.UniqueConstraint(fields=["student", "skill"], name="trainer_one_mastery_per_skill")]

    def __str__(self) -> str:
        return f"mastery #{self.pk}"


class MasteryChange(models.Model):
    """A change of a mastery score (the leaderboard ranks by mastery gained, never by attempts)."""

    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="mastery_changes"
    )
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="+")
    before = models.PositiveSmallIntegerField()
    after = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("mastery change")
        verbose_name_plural = _("mastery changes")
        indexes = [models.Index(fields=["student", "created_at"])]

    def __str__(self) -> str:
        return f"mastery change #{self.pk}"


class FocusSession(models.Model):
    """The daily focus: one skill a day, chosen from due reviews, weak prerequisites and the next
    skills on the map; it ends when the skill sticks or the lives run out."""

    class Reason(models.TextChoices):
        REVIEW = "review", _("Due for review")
        PREREQUISITE = "prerequisite", _("A skill you need first")
        NEXT = "next", _("Next on your map")
        CONTINUE = "continue", _("Keep going")

    class Status(models.TextChoices):
        ACTIVE = "active", _("In progress")
        STUCK = "stuck", _("Done: the skill stuck")
        OUT_OF_LIVES = "out_of_lives", _("Out of lives")

    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="focus_sessions")
    day = models.DateField()
    skill = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(max_length=12, choices=Reason.choices)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACTIVE)
    right_in_row = models.PositiveSmallIntegerField(default=0)
    items_served = models.PositiveSmallIntegerField(default=0)
    lives_left = models.PositiveSmallIntegerField(default=LIVES_PER_ITEM)
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-day"]
        verbose_name = _("daily focus")
        verbose_name_plural = _("daily focus sessions")
        constraints = [models.UniqueConstraint(fields=["student", "day"], name="trainer_one_focus_a_day")]

    def __str__(self) -> str:
        return f"focus #{self.pk}"


class Diagnostic(models.Model):
    """An adaptive placement test for a grade: skips ahead on success, goes back along
    prerequisites (into earlier grades) on failure; places the student in about 20 items."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("In progress")
        FINISHED = "finished", _("Finished")

    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="diagnostics")
    grade = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(11)])
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    # The algorithm's working state: skills still to probe, and what each probe showed
    # ({"queue": [codes], "results": {code: "known" | "gap"}}).
    state = models.JSONField(default=dict)
    items_served = models.PositiveSmallIntegerField(default=0)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("diagnostic")
        verbose_name_plural = _("diagnostics")
        constraints = [
            models.UniqueConstraint(
                fields=["student", "grade"],
                condition=Q(status="active"),
                name="trainer_one_active_diagnostic_per_grade",
            )
        ]

    def __str__(self) -> str:
        return f"diagnostic #{self.pk}"


class StreakDay(models.Model):
    """A day that counts for the streak: a real session (enough right first answers), or a
    freeze day that keeps the streak through one missed day."""

    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="streak_days")
    day = models.DateField()
    right_first_answers = models.PositiveSmallIntegerField(default=0)
    is_freeze = models.BooleanField(default=False)

    class Meta:
        ordering = ["-day"]
        verbose_name = _("streak day")
        verbose_name_plural = _("streak days")
        constraints = [models.UniqueConstraint(fields=["student", "day"], name="trainer_one_streak_row_a_day")]

    def __str__(self) -> str:
        return f"streak day #{self.pk}"
