"""ENT reads: a mock for its student, a linked parent or the student's teacher (outsiders get
404), the list of a student's mocks, and the report: points per section and question type, and
the skills behind each lost point. The report takes a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import Http404
from django.utils import timezone

from qalan.ent.blueprint import RULES, QuestionType, section_get
from qalan.ent.models import EntMock, EntMockItem
from qalan.schools.models import Membership, ParentLink
from qalan.trainer.models import Skill, pick_language
from qalan.trainer.selectors import disclosure_map


def _may_view(viewer, student_id: int) -> bool:
    """The student; a linked parent or a teacher of the student's class, if the student lets
    linked teachers and parents see results."""
    if not viewer.is_authenticated:
        return False
    if viewer.pk == student_id:
        return True
    linked = (
        ParentLink.objects.filter(parent=viewer, child_id=student_id, ended_at__isnull=True).exists()
        or Membership.objects.filter(
            student_id=student_id, ended_at__isnull=True, school_class__teacher=viewer
        ).exists()
    )
    return linked and disclosure_map([student_id])[student_id]


def student_visible(*, viewer, student_id: int) -> None:
    if not _may_view(viewer, student_id):
        raise Http404


def mock_get(*, viewer, mock_id: int) -> EntMock:
    mock = EntMock.objects.select_related("student").filter(pk=mock_id).first() if viewer.is_authenticated else None
    if mock is None or not _may_view(viewer, mock.student_id):
        raise Http404
    return mock


def mock_get_own(*, viewer, mock_id: int) -> EntMock:
    """For answering: only the student's own mock."""
    mock = EntMock.objects.filter(pk=mock_id, student=viewer).first() if viewer.is_authenticated else None
    if mock is None:
        raise Http404
    return mock


def mocks_of(*, viewer, student_id: int) -> list[EntMock]:
    student_visible(viewer=viewer, student_id=student_id)
    return list(
        EntMock.objects.filter(student_id=student_id).select_related("student__profile").order_by("-started_at")[:50]
    )


def open_mock(*, student, section: str, kind: str) -> EntMock | None:
    return EntMock.objects.filter(student=student, section=section, kind=kind, status=EntMock.Status.OPEN).first()


def time_left_seconds(mock: EntMock) -> int:
    return max(0, int((mock.deadline_at - timezone.now()).total_seconds()))


def mock_items(mock: EntMock) -> list[EntMockItem]:
    return list(mock.items.select_related("instance", "skill").order_by("position"))


# --- The report -----------------------------------------------------------------------------


@dataclass
class TypeLine:
    question_type: str
    label: str
    points: int = 0
    max_points: int = 0
    questions: int = 0


@dataclass
class LostSkill:
    skill: Skill
    title: str
    lost: int = 0
    positions: list[int] = field(default_factory=list)


@dataclass
class Report:
    mock: EntMock
    section_label: str
    points: int
    max_points: int
    by_type: list[TypeLine]
    lost: list[LostSkill]
    items: list[EntMockItem]

    @property
    def percent(self) -> int:
        return round(100 * self.points / self.max_points) if self.max_points else 0


def report_of(*, viewer, mock_id: int) -> Report:
    """A submitted mock's report (an open one has no lines yet). A fixed number of queries
    whatever the number of questions: the mock, the viewer's right to see it (none for the
    student, two or three for a parent or teacher), and the items with their skills and items."""
    mock = mock_get(viewer=viewer, mock_id=mock_id)
    items = mock_items(mock) if mock.status == EntMock.Status.SUBMITTED else []
    lines: dict[str, TypeLine] = {
        t: TypeLine(question_type=t, label=str(QuestionType(t).label))
        for t in RULES
        if any(i.question_type == t for i in items)
    }
    lost: dict[int, LostSkill] = {}
    for item in items:
        line = lines[item.question_type]
        line.points += item.points or 0
        line.max_points += item.max_points
        line.questions += 1
        missing = item.max_points - (item.points or 0)
        if missing:
            row = lost.setdefault(item.skill_id, LostSkill(skill=item.skill, title=pick_language(item.skill.title)))
            row.lost += missing
            row.positions.append(item.position)
    return Report(
        mock=mock,
        section_label=section_get(mock.section).label,
        points=mock.points,
        max_points=mock.max_points,
        by_type=list(lines.values()),
        lost=sorted(lost.values(), key=lambda r: (-r.lost, r.positions[0])),
        items=items,
    )
