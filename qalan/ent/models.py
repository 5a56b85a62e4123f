"""A student's ENT mocks and practice sets, and their questions.

Each question is a trainer item (``trainer.ItemInstance``, sealed while the mock is open) asked
in the ENT's way: the options shown and the key over them are the mock's (``options``, ``key``);
the trainer's item keeps its own exact key, hints and worked solution for the report.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from qalan.ent.blueprint import QuestionType, SectionCode


class EntMock(models.Model):
    class Kind(models.TextChoices):
        MOCK = "mock", _("Mock test")
        PRACTICE = "practice", _("Practice set")

    class Status(models.TextChoices):
        OPEN = "open", _("In progress")
        SUBMITTED = "submitted", _("Submitted")

    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ent_mocks")
    section = models.CharField(max_length=12, choices=SectionCode.choices)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.MOCK)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    started_at = models.DateTimeField()
    deadline_at = models.DateTimeField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    # Submitted because the time ran out (by the page or the periodic close), not by the student.
    timed_out = models.BooleanField(default=False)
    drafts_saved_at = models.DateTimeField(null=True, blank=True)
    points = models.PositiveSmallIntegerField(default=0)
    max_points = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("ENT mock")
        verbose_name_plural = _("ENT mocks")
        indexes = [models.Index(fields=["status", "deadline_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["student", "section", "kind"], condition=Q(status="open"), name="ent_one_open_mock_per_section"
            )
        ]

    def __str__(self) -> str:
        return f"ENT mock #{self.pk}"


class EntMockItem(models.Model):
    mock = models.ForeignKey(EntMock, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    question_type = models.CharField(max_length=10, choices=QuestionType.choices)
    instance = models.ForeignKey(
        "trainer.ItemInstance", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    skill = models.ForeignKey("trainer.Skill", on_delete=models.PROTECT, related_name="+")
    # [{"id": "a", "text": {lang: "$\\frac{3}{4}$"}}, ...] in the order shown; ``key``: "b" or "a,d".
    options = models.JSONField(default=list)
    key = models.CharField(max_length=20)
    max_points = models.PositiveSmallIntegerField()
    # The option ids chosen so far ("b", "a,d"), saved as the student goes.
    answer = models.CharField(max_length=20, blank=True)
    points = models.PositiveSmallIntegerField(null=True, blank=True)
    # Wrong options chosen plus right options missed (set on submission).
    mistakes = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["mock", "position"]
        verbose_name = _("ENT mock question")
        verbose_name_plural = _("ENT mock questions")
        constraints = [models.UniqueConstraint(fields=["mock", "position"], name="ent_one_item_per_position")]

    def __str__(self) -> str:
        return f"ENT question #{self.pk}"
