"""The mastery model: one score (0–100) and one level per student and skill, from counted answers.

**Evidence.** Only answers that *count* are read (``ItemAttempt.counts``): the first readable
answer to a fresh instance whose hints and solution were not shown. A similar instance served
after a mistake is fresh (new numbers), so it counts; a second answer to the same instance, an
answer after opening a hint or the solution, and any answer to a closed item never count. The
latest ``WINDOW`` counted answers are kept in ``SkillMastery.evidence``.

**Score.** A weighted share of right answers, newest first. A right answer weighs its difficulty
(1–3): solving a hard item says more than solving an easy one; a wrong answer weighs
``4 - difficulty``: missing an easy item says more than missing a hard one. Each older answer
weighs ``DECAY`` (0.85) times the one after it, so recent answers lead and a run of recent
mistakes pulls the score down. One imaginary wrong answer of weight ``PRIOR`` (1) keeps thin
evidence modest: one right answer gives 50, never 100. Easy items alone top out near 87.

    score = 100 * Σ right_i · w_i / (PRIOR + Σ w_i),   w_i = weight_i · DECAY^(age in answers)

**Levels** need a score *and* enough evidence:
not_started (nothing counted) · attempted · familiar (≥ 50, ≥ 2 pieces of evidence) ·
proficient (≥ 70, ≥ 4 counted answers) · mastered (≥ 90, ≥ 6 counted, a right answer of
difficulty ≥ 2 among the last three, and a passed spaced review).

**Spaced review.** When a skill first reaches proficient it is due for review after
``INTERVALS[0]`` day(s). A counted answer given once the review is due *is* the review: right,
and the interval grows along ``INTERVALS`` (1, 3, 7, 14, 30, 60 days); wrong, and the interval
steps back (the wrong answer has already lowered the score). "Passed a review" is an interval of
3 days or more, so a failed review also takes "mastered" away until the next one is passed.

**Placement.** The diagnostic places a skill it judged known with two pieces of evidence
(right, difficulty 1, marked ``placed``): "familiar", never more; real answers soon outweigh it.
Every change of a score writes a ``MasteryChange`` (the class leaderboard sums the gains).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from qalan.trainer.models import MasteryChange, MasteryLevel, SkillMastery

WINDOW = 20
DECAY = 0.85
PRIOR = 1.0
INTERVALS = (1, 3, 7, 14, 30, 60)
FAMILIAR, PROFICIENT, MASTERED = 50, 70, 90
PLACED = "placed"

LEVEL_ORDER = [
    MasteryLevel.NOT_STARTED,
    MasteryLevel.ATTEMPTED,
    MasteryLevel.FAMILIAR,
    MasteryLevel.PROFICIENT,
    MasteryLevel.MASTERED,
]


def level_rank(level: str) -> int:
    return LEVEL_ORDER.index(level) if level in LEVEL_ORDER else 0


def is_known(level: str) -> bool:
    """Known enough to build on: familiar or better."""
    return level_rank(level) >= level_rank(MasteryLevel.FAMILIAR)


def _weight(right: int, difficulty: int) -> float:
    difficulty = min(3, max(1, int(difficulty)))
    return float(difficulty if right else 4 - difficulty)


def score_of(evidence: list) -> int:
    """The score of an evidence list (oldest first): ``[[right 0/1, difficulty, iso time, *mark]]``."""
    total = hits = 0.0
    for age, entry in enumerate(reversed(evidence)):
        w = _weight(entry[0], entry[1]) * DECAY**age
        total += w
        hits += w * (1 if entry[0] else 0)
    return round(100 * hits / (PRIOR + total)) if total else 0


def _real(evidence: list) -> list:
    return [e for e in evidence if len(e) < 4 or e[3] != PLACED]


def level_of(*, score: int, evidence: list, counted: int, review_interval_days: int) -> str:
    if not evidence:
        return MasteryLevel.NOT_STARTED
    recent = _real(evidence)[-3:]
    recent_hard = any(e[0] and e[1] >= 2 for e in recent)
    if score >= MASTERED and counted >= 6 and recent_hard and review_interval_days >= INTERVALS[1]:
        return MasteryLevel.MASTERED
    if score >= PROFICIENT and counted >= 4:
        return MasteryLevel.PROFICIENT
    if score >= FAMILIAR and len(evidence) >= 2:
        return MasteryLevel.FAMILIAR
    return MasteryLevel.ATTEMPTED


def _step(interval: int, up: bool) -> int:
    index = INTERVALS.index(interval) if interval in INTERVALS else 0
    index = min(len(INTERVALS) - 1, index + 1) if up else max(0, index - 1)
    return INTERVALS[index]


@dataclass
class Change:
    mastery: SkillMastery
    before: int
    after: int
    reviewed: bool = False


def _get(student, skill) -> SkillMastery:
    mastery, _created = SkillMastery.objects.select_for_update().get_or_create(student=student, skill=skill)
    return mastery


def _save(mastery: SkillMastery, before: int, at: datetime) -> None:
    mastery.score = score_of(mastery.evidence)
    mastery.level = level_of(
        score=mastery.score,
        evidence=mastery.evidence,
        counted=mastery.counted,
        review_interval_days=mastery.review_interval_days,
    )
    if level_rank(mastery.level) >= level_rank(MasteryLevel.PROFICIENT) and not mastery.review_interval_days:
        mastery.review_interval_days = INTERVALS[0]
        mastery.review_due_at = at + timedelta(days=INTERVALS[0])
    if mastery.level == MasteryLevel.MASTERED and mastery.mastered_at is None:
        mastery.mastered_at = at
    mastery.save()
    if mastery.score != before:
        MasteryChange.objects.create(
            student_id=mastery.student_id, skill_id=mastery.skill_id, before=before, after=mastery.score, created_at=at
        )


def mastery_record(*, student, skill, right: bool, difficulty: int, at: datetime | None = None) -> Change:
    """Add one *counted* answer to the student's evidence (call inside the answer's transaction)."""
    at = at or timezone.now()
    mastery = _get(student, skill)
    before = mastery.score
    reviewed = bool(mastery.review_due_at and at >= mastery.review_due_at)
    mastery.evidence = [*mastery.evidence, [1 if right else 0, int(difficulty), at.isoformat()]][-WINDOW:]
    mastery.counted += 1
    mastery.last_counted_at = at
    if reviewed:
        mastery.review_interval_days = _step(mastery.review_interval_days, up=right)
        mastery.review_due_at = at + timedelta(days=mastery.review_interval_days)
    _save(mastery, before, at)
    return Change(mastery=mastery, before=before, after=mastery.score, reviewed=reviewed)


def mastery_place_known(*, student, skill, at: datetime | None = None) -> Change:
    """The diagnostic judged the skill known: at least "familiar", unless real evidence says more."""
    at = at or timezone.now()
    mastery = _get(student, skill)
    before = mastery.score
    if not is_known(mastery.level):
        placed = [1, 1, at.isoformat(), PLACED]
        mastery.evidence = [*mastery.evidence, placed, placed][-WINDOW:]
        _save(mastery, before, at)
    return Change(mastery=mastery, before=before, after=mastery.score)
