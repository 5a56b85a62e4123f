"""Trainer reads: skills with the viewer's mastery, the viewer's own items, the knowledge map (for
the student, a linked parent, the class teacher), what to practise next, the review queue, the
mastery leaderboard, answer history and the streak. Each takes the viewer; outsiders get 404.

Every list is built from a fixed number of queries, whatever the size of the class or the map
(asserted in tests/trainer/test_map_queries.py). All of them read ``SkillMastery``: none
recomputes mastery of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db.models import F, Q, Sum
from django.http import Http404
from django.utils import timezone

from qalan.accounts.models import Role
from qalan.privacy.models import ConsentRecord
from qalan.privacy.selectors import CONSENT_DEFAULTS
from qalan.schools import selectors as school_selectors
from qalan.schools.models import Membership
from qalan.trainer.access import may_open
from qalan.trainer.mastery import is_known, level_rank
from qalan.trainer.models import (
    Diagnostic,
    FocusSession,
    ItemAttempt,
    ItemInstance,
    MasteryChange,
    MasteryLevel,
    Skill,
    SkillMastery,
    StreakDay,
)

STRUGGLING_LIMIT = 5

# --- Skills and the viewer's own items ------------------------------------------------------


def skills_of_grade(grade: int) -> list[Skill]:
    """The active skills of a grade in map order, with their prerequisites (two queries)."""
    return list(
        Skill.objects.filter(grade=grade, is_active=True).select_related("chapter").prefetch_related("prerequisites")
    )


def skills_with_items(*, codes=None, grade: int | None = None) -> list[Skill]:
    """Active skills that have an active template (what a test or homework can draw from)."""
    skills = Skill.objects.filter(is_active=True, templates__is_active=True).select_related("chapter").distinct()
    if codes is not None:
        skills = skills.filter(code__in=list(codes))
    if grade is not None:
        skills = skills.filter(grade=grade)
    return list(skills.order_by("grade", "chapter__order", "order", "code"))


def skill_get(*, code: str) -> Skill:
    skill = Skill.objects.filter(code=code, is_active=True).select_related("chapter").first()
    if skill is None:
        raise Http404
    return skill


def mastery_of(*, student, skill_ids=None) -> dict[int, SkillMastery]:
    rows = SkillMastery.objects.filter(student=student)
    if skill_ids is not None:
        rows = rows.filter(skill_id__in=list(skill_ids))
    return {m.skill_id: m for m in rows}


@dataclass
class SkillRow:
    skill: Skill
    prerequisites: list[str]
    score: int | None = None
    level: str | None = None
    is_next: bool = False

    @property
    def level_label(self) -> str:
        return MasteryLevel(self.level).label if self.level else ""


def _rows(skills: list[Skill], masteries: dict[int, SkillMastery] | None) -> list[SkillRow]:
    rows = []
    for skill in skills:
        row = SkillRow(skill=skill, prerequisites=[p.code for p in skill.prerequisites.all()])
        if masteries is not None:
            m = masteries.get(skill.pk)
            row.score, row.level = (m.score, m.level) if m else (0, MasteryLevel.NOT_STARTED)
        rows.append(row)
    return rows


def skills_for(*, viewer, grade: int) -> list[SkillRow]:
    """The skills of a grade; a student also sees their score and level in each."""
    skills = skills_of_grade(grade)
    masteries = mastery_of(student=viewer, skill_ids=[s.pk for s in skills]) if viewer.has_role(Role.STUDENT) else None
    return _rows(skills, masteries)


def instance_get(*, viewer, instance_id) -> ItemInstance:
    """One of the viewer's own served items; anyone else's is 404."""
    instance = (
        ItemInstance.objects.select_related("skill", "template", "similar_to")
        .filter(pk=instance_id, student=viewer)
        .first()
        if viewer.is_authenticated
        else None
    )
    if instance is None:
        raise Http404
    return instance


def answers_history(*, student, limit: int = 50) -> list[ItemAttempt]:
    return list(
        ItemAttempt.objects.filter(student=student)
        .select_related("instance__skill")
        .order_by("-created_at", "-id")[:limit]
    )


# --- What to practise next ------------------------------------------------------------------


@dataclass
class Recommendation:
    skill: Skill
    reason: str  # FocusSession.Reason

    @property
    def reason_label(self) -> str:
        return FocusSession.Reason(self.reason).label


def student_grade(student) -> int | None:
    grade = getattr(getattr(student, "profile", None), "grade", None)
    if grade:
        return grade
    return Skill.objects.filter(is_active=True).order_by("grade").values_list("grade", flat=True).first()


def review_due(*, student, now=None) -> list[SkillMastery]:
    """Skills whose spaced review is due, the most overdue first."""
    now = now or timezone.now()
    return list(
        SkillMastery.objects.filter(student=student, review_due_at__lte=now, skill__is_active=True)
        .select_related("skill")
        .order_by("review_due_at")
    )


def _prerequisite_graph() -> dict[int, list[int]]:
    graph: dict[int, list[int]] = {}
    for skill_id, prerequisite_id in Skill.prerequisites.through.objects.values_list("from_skill_id", "to_skill_id"):
        graph.setdefault(skill_id, []).append(prerequisite_id)
    return graph


def _weakest_prerequisite(skill_id: int, graph, levels: dict[int, str], seen: set[int]) -> int | None:
    """The deepest prerequisite (depth first) that is not known yet."""
    for prerequisite in sorted(graph.get(skill_id, [])):
        if prerequisite in seen:
            continue
        seen.add(prerequisite)
        deeper = _weakest_prerequisite(prerequisite, graph, levels, seen)
        if deeper is not None:
            return deeper
        if not is_known(levels.get(prerequisite, MasteryLevel.NOT_STARTED)):
            return prerequisite
    return None


def sealed_skill_ids(student) -> set[int]:
    """Skills with items of the student's open tests or homework: not practised meanwhile, so that
    no hint, solution or written item of the same work is shown before the sitting is submitted."""
    return set(ItemInstance.objects.filter(student=student, sealed=True).values_list("skill_id", flat=True).distinct())


def practise_next(*, student, grade: int | None = None, include_reviews: bool = True) -> Recommendation | None:
    """Due reviews first; then, for the first skill of the map not yet proficient, a weak
    prerequisite (into earlier grades) if it has one, else the skill itself."""
    sealed = sealed_skill_ids(student)
    if include_reviews:
        for due in review_due(student=student):
            if may_open(student, due.skill) and due.skill.pk not in sealed:
                return Recommendation(due.skill, FocusSession.Reason.REVIEW)
    grade = grade or student_grade(student)
    if grade is None:
        return None
    levels = {m.skill_id: m.level for m in SkillMastery.objects.filter(student=student).only("skill_id", "level")}
    graph = None
    for skill in Skill.objects.filter(grade=grade, is_active=True):
        if level_rank(levels.get(skill.pk, MasteryLevel.NOT_STARTED)) >= level_rank(MasteryLevel.PROFICIENT):
            continue
        if skill.pk in sealed or not may_open(student, skill):
            continue
        graph = graph if graph is not None else _prerequisite_graph()
        weak = _weakest_prerequisite(skill.pk, graph, levels, set())
        if weak is not None:
            prerequisite = Skill.objects.filter(pk=weak, is_active=True).first()
            if prerequisite is not None and prerequisite.pk not in sealed and may_open(student, prerequisite):
                return Recommendation(prerequisite, FocusSession.Reason.PREREQUISITE)
        return Recommendation(skill, FocusSession.Reason.NEXT)
    return None


# --- The knowledge map ----------------------------------------------------------------------


@dataclass
class KnowledgeMap:
    grade: int
    student_id: int
    name: str
    disclosed: bool = True
    rows: list[SkillRow] = field(default_factory=list)
    next: Recommendation | None = None


def knowledge_map(*, student, grade: int, name: str = "") -> KnowledgeMap:
    """The student's own map of a grade: every skill with its level and prerequisites."""
    skills = skills_of_grade(grade)
    rows = _rows(skills, mastery_of(student=student, skill_ids=[s.pk for s in skills]))
    recommendation = practise_next(student=student, grade=grade)
    for row in rows:
        row.is_next = recommendation is not None and row.skill.pk == recommendation.skill.pk
    return KnowledgeMap(
        grade=grade,
        student_id=student.pk,
        name=name or school_selectors.display_name(student),
        rows=rows,
        next=recommendation,
    )


def disclosure_map(user_ids) -> dict[int, bool]:
    """May linked teachers and parents see each student's results? The rule of
    ``privacy.selectors.disclosure_allowed`` (the latest disclosure record, else the platform
    consent with the disclosure default) in one query for many students."""
    user_ids = list(user_ids)
    latest: dict[tuple[int, str], str] = {}
    records = (
        ConsentRecord.objects.filter(user_id__in=user_ids, purpose__in=["disclosure", "platform"])
        .order_by("user_id", "purpose", "-created_at", "-id")
        .values_list("user_id", "purpose", "action")
    )
    for user_id, purpose, action in records:
        latest.setdefault((user_id, purpose), action)
    allowed = {}
    for user_id in user_ids:
        own = latest.get((user_id, "disclosure"))
        platform = latest.get((user_id, "platform"))
        allowed[user_id] = (
            own == ConsentRecord.Action.GIVEN
            if own is not None
            else (CONSENT_DEFAULTS["disclosure"] and platform == ConsentRecord.Action.GIVEN)
        )
    return allowed


def child_map(*, viewer, child_id: int, grade: int | None = None) -> KnowledgeMap:
    """A parent's view of a linked child's map (P5.4.c); other children are 404."""
    child = school_selectors.child_get(viewer=viewer, child_id=child_id)
    grade = grade or student_grade(child) or 1
    if not disclosure_map([child.pk])[child.pk]:
        return KnowledgeMap(
            grade=grade, student_id=child.pk, name=school_selectors.display_name(child), disclosed=False
        )
    return knowledge_map(student=child, grade=grade)


@dataclass
class ClassMapRow:
    student_id: int
    name: str
    disclosed: bool
    levels: list[str | None]


@dataclass
class Struggle:
    skill: Skill
    students: int


@dataclass
class ClassMap:
    school_class: object
    grade: int
    skills: list[SkillRow]
    rows: list[ClassMapRow]
    struggling: list[Struggle]


def class_map(*, viewer, class_id: int, grade: int | None = None) -> ClassMap:
    """Students x skills of the teacher's class, and the skills most students fail (tried but
    not yet familiar). Students who withdrew disclosure show only their name. Six queries."""
    school_class = school_selectors.class_get_for_teacher(viewer=viewer, class_id=class_id)
    grade = grade or school_class.grade
    students = list(school_selectors.class_students(viewer=viewer, school_class=school_class))
    disclosed = disclosure_map(s.pk for s in students)
    skills = skills_of_grade(grade)
    shown = [s.pk for s in students if disclosed[s.pk]]
    levels = {
        (student_id, skill_id): level
        for student_id, skill_id, level in SkillMastery.objects.filter(
            student_id__in=shown, skill__in=[s.pk for s in skills]
        ).values_list("student_id", "skill_id", "level")
    }
    failing = dict.fromkeys((s.pk for s in skills), 0)
    rows = []
    for student in students:
        row = ClassMapRow(
            student_id=student.pk,
            name=school_selectors.display_name(student),
            disclosed=disclosed[student.pk],
            levels=[],
        )
        for skill in skills:
            level = levels.get((student.pk, skill.pk), MasteryLevel.NOT_STARTED) if row.disclosed else None
            row.levels.append(level)
            if level == MasteryLevel.ATTEMPTED:
                failing[skill.pk] += 1
        rows.append(row)
    by_id = {s.pk: s for s in skills}
    struggling = [
        Struggle(skill=by_id[skill_id], students=n)
        for skill_id, n in sorted(failing.items(), key=lambda kv: -kv[1])
        if n
    ][:STRUGGLING_LIMIT]
    return ClassMap(
        school_class=school_class, grade=grade, skills=_rows(skills, None), rows=rows, struggling=struggling
    )


# --- Leaderboard, focus, diagnostics, streak ------------------------------------------------


@dataclass
class GainRow:
    student_id: int
    name: str
    gained: int
    is_viewer: bool


def class_mastery_leaderboard(*, viewer, class_id: int, days: int = 7, limit: int = 10) -> list[GainRow]:
    """The class ranked by mastery gained in the last ``days`` (the sum of score rises), never
    by the number of answers. For the class's teacher and students; students who restrict
    dissemination are left out for everyone but themselves (P6.5). Three queries."""
    school_class = school_selectors.class_get(viewer=viewer, class_id=class_id)
    members = (
        Membership.objects.filter(school_class=school_class, ended_at__isnull=True)
        .filter(Q(student__profile__restrict_dissemination=False) | Q(student=viewer))
        .values("student_id")
    )
    since = timezone.now() - timedelta(days=days)
    rows = (
        MasteryChange.objects.filter(student_id__in=members, created_at__gte=since, after__gt=F("before"))
        .values("student_id", "student__username", "student__profile__full_name")
        .annotate(gained=Sum(F("after") - F("before")))
        .order_by("-gained", "student__profile__full_name", "student__username")[:limit]
    )
    return [
        GainRow(
            student_id=row["student_id"],
            name=row["student__profile__full_name"] or row["student__username"],
            gained=row["gained"],
            is_viewer=row["student_id"] == viewer.pk,
        )
        for row in rows
    ]


def focus_current(*, student, day: date | None = None) -> FocusSession | None:
    return FocusSession.objects.select_related("skill").filter(student=student, day=day or timezone.localdate()).first()


def diagnostic_get(*, viewer, diagnostic_id: int) -> Diagnostic:
    diagnostic = (
        Diagnostic.objects.filter(pk=diagnostic_id, student=viewer).first() if viewer.is_authenticated else None
    )
    if diagnostic is None:
        raise Http404
    return diagnostic


def diagnostic_active(*, student) -> Diagnostic | None:
    return Diagnostic.objects.filter(student=student, status=Diagnostic.Status.ACTIVE).first()


def streak_count(*, student, today: date | None = None) -> int:
    """Consecutive counting days ending today (or yesterday, while today is still young); a
    freeze day keeps the run going without adding to it."""
    today = today or timezone.localdate()
    rows = {
        r.day: r
        for r in StreakDay.objects.filter(student=student, day__gte=today - timedelta(days=400), day__lte=today)
    }

    def counts(day: date) -> bool:
        row = rows.get(day)
        return row is not None and row.right_first_answers >= settings.QALAN_STREAK_MIN_RIGHT

    day = today if counts(today) else today - timedelta(days=1)
    streak = 0
    while True:
        if counts(day):
            streak += 1
        elif not (day in rows and rows[day].is_freeze):
            break
        day -= timedelta(days=1)
    return streak
