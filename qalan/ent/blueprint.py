"""The ENT blueprint as data: sections, positions, question types, points, timing and the pool of
trainer skills behind each position. Everything the NTC may change lives here, in one place.

Source: the specification of the Unified National Testing (ҰБТ / ЕНТ) published by the National
Testing Center of the Ministry of Science and Higher Education of Kazakhstan (testcenter.kz),
"ҰБТ тестінің спецификациясы / Спецификация теста ЕНТ", editions 2024–2026:

- Mathematical literacy: 10 tasks, one right answer of 4 options, 1 point each (10 points).
- Mathematics (profile subject): 40 tasks, 50 points. Tasks 1–25: one right answer of 4 options,
  1 point each. Tasks 26–30: context tasks (a situation and a question), one right answer of 4,
  1 point each. Tasks 31–40: one or more right answers of 6 options, 2 points each: 2 for every
  right option and no wrong one, 1 for one mistake (one wrong option chosen or one right option
  missed), 0 otherwise. (25 + 5 + 10 × 2 = 50; a split of 30 / 5 / 5 would give 45, not the
  published 50 points, so the 25 / 5 / 10 split of the specification is used.)
- The whole ENT takes 240 minutes for five subjects (120 tasks). A mock of one section gets the
  share of its tasks: 10/120 and 40/120 of 240 minutes, i.e. 20 and 80 minutes
  (``QALAN_ENT_LITERACY_MINUTES``, ``QALAN_ENT_MATHS_MINUTES``).

Assumptions (not fixed by the specification, ours): the literacy section uses 4 options (the
specification allows 4 or 5); a context task here is a word problem with its own situation (the
NTC groups 5 questions on one shared situation; see docs/notes-ent.md); pools draw on trainer
skills of grades 5–11 whose items have a numeric answer, so that the options are exact numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SectionCode(models.TextChoices):
    LITERACY = "literacy", _("Mathematical literacy")
    MATHS = "maths", _("Mathematics (profile subject)")


class QuestionType(models.TextChoices):
    SINGLE = "single", _("One right answer")
    CONTEXT = "context", _("Context task")
    MULTI = "multi", _("One or more right answers")


@dataclass(frozen=True)
class QuestionRule:
    options: int
    points: int
    multi: bool = False


# How each type of question is asked and scored (the specification, above).
RULES: dict[str, QuestionRule] = {
    QuestionType.SINGLE: QuestionRule(options=4, points=1),
    QuestionType.CONTEXT: QuestionRule(options=4, points=1),
    QuestionType.MULTI: QuestionRule(options=6, points=2, multi=True),
}

# A multiple-choice task: points by the number of mistakes (wrong options chosen + right ones missed).
MULTI_POINTS_BY_MISTAKES = {0: 2, 1: 1}


@dataclass(frozen=True)
class Position:
    number: int
    type: str
    skills: tuple[str, ...]
    difficulty: int = 2

    @property
    def rule(self) -> QuestionRule:
        return RULES[self.type]

    @property
    def points(self) -> int:
        return self.rule.points


@dataclass(frozen=True)
class Section:
    code: str
    minutes_setting: str
    default_minutes: int
    positions: tuple[Position, ...]
    # A practice set: this many positions (spread over the section), timed in proportion.
    practice_size: int

    @property
    def minutes(self) -> int:
        return int(getattr(settings, self.minutes_setting, self.default_minutes))

    @property
    def max_points(self) -> int:
        return sum(p.points for p in self.positions)

    @property
    def label(self) -> str:
        return str(SectionCode(self.code).label)

    def practice_positions(self) -> tuple[Position, ...]:
        step = len(self.positions) / self.practice_size
        return tuple(self.positions[int(i * step)] for i in range(self.practice_size))

    def practice_minutes(self) -> int:
        return max(1, round(self.minutes * self.practice_size / len(self.positions)))


def _positions(start: int, kind: str, pools: list[tuple[str, ...]], difficulty: int = 2) -> tuple[Position, ...]:
    return tuple(Position(start + i, kind, pool, difficulty) for i, pool in enumerate(pools))


LITERACY = Section(
    code=SectionCode.LITERACY,
    minutes_setting="QALAN_ENT_LITERACY_MINUTES",
    default_minutes=20,
    practice_size=5,
    positions=_positions(
        1,
        QuestionType.SINGLE,
        [
            ("Q6.PC.OF", "Q6.PC.SHARE"),
            ("Q6.PC.DISCOUNT", "Q6.PC.INCREASE"),
            ("Q5.WP.MOTION",),
            ("Q6.RAT.PROPORTION", "Q6.RAT.DIRECT", "Q6.RAT.INVERSE"),
            ("Q6.RAT.SCALE", "Q5.ME.UNITS"),
            ("Q5.DA.BAR_CHART", "Q5.DA.MEAN"),
            ("Q6.DA.STATS", "Q7.DA.MEAN_MEDIAN"),
            ("Q6.DA.PROBABILITY", "Q9.DA.PROBABILITY"),
            ("Q5.ME.CUBOID_VOLUME", "Q5.ME.CUBOID_SURFACE", "Q6.GE.CIRCLE_AREA"),
            ("Q9.WP.COMPOUND_INTEREST", "Q6.WP.EQUATION"),
        ],
    ),
)

MATHS = Section(
    code=SectionCode.MATHS,
    minutes_setting="QALAN_ENT_MATHS_MINUTES",
    default_minutes=80,
    practice_size=10,
    positions=_positions(
        1,
        QuestionType.SINGLE,
        [
            ("Q6.NUM.RATIONAL_OPS", "Q5.NUM.ORDER_OPS"),
            ("Q7.ALG.POWER_RULES", "Q7.NUM.POWER"),
            ("Q8.NUM.SQRT_RULES", "Q8.NUM.SQRT"),
            ("Q11.NUM.NTH_ROOT", "Q9.ALG.POWER_RULES"),
            ("Q7.ALG.LINEAR_EQ", "Q7.ALG.EQ_BOTH_SIDES"),
            ("Q8.ALG.QE_SOLVE", "Q8.ALG.QE_INCOMPLETE"),
            ("Q8.ALG.VIETA", "Q8.ALG.QE_DISCRIMINANT"),
            ("Q7.ALG.SYSTEM_SUB", "Q7.ALG.SYSTEM_ADD", "Q9.ALG.SYSTEM_SUBST"),
            ("Q8.ALG.LINEAR_INEQ", "Q8.ALG.INEQ_SYSTEM"),
            ("Q9.ALG.QUAD_INEQ_INT",),
            ("Q7.FN.LINEAR_VALUE", "Q7.FN.SLOPE"),
            ("Q8.FN.VERTEX", "Q8.FN.QUAD_VALUE", "Q9.FN.ZEROS"),
            ("Q9.ALG.AP_NTH", "Q9.ALG.AP_SUM"),
            ("Q9.ALG.GP_NTH", "Q9.ALG.GP_SUM"),
            ("Q10.ALG.TRIG_EQ_ROOT",),
            ("Q11.ALG.LOG_VALUE", "Q11.ALG.LOG_PROPS"),
            ("Q11.ALG.EXP_EQ", "Q11.ALG.LOG_EQ"),
            ("Q10.FN.DERIV_VALUE",),
            ("Q10.FN.EXTREMA", "Q11.FN.EXTREMUM", "Q11.FN.GREATEST_LEAST"),
            ("Q9.DA.PERMUTATIONS", "Q9.DA.ARRANGEMENTS", "Q9.DA.COMBINATIONS", "Q11.DA.COMBINATIONS"),
            ("Q7.GE.TRIANGLE_ANGLES", "Q7.GE.ISOSCELES", "Q7.GE.EXTERIOR", "Q8.GE.POLYGON_ANGLES"),
            ("Q8.GE.AREA_TRAPEZOID", "Q8.GE.AREA_RHOMBUS", "Q8.GE.AREA_PARALLELOGRAM"),
            ("Q9.GE.LAW_COSINES", "Q9.GE.LAW_SINES", "Q9.GE.AREA_SINE"),
            ("Q9.GE.VEC_LENGTH", "Q9.GE.DOT_PRODUCT", "Q9.GE.DISTANCE"),
            ("Q10.GE.BOX_DIAGONAL", "Q11.GE.PRISM_VOLUME", "Q11.GE.PYRAMID_VOLUME", "Q11.GE.SPACE_DISTANCE"),
        ],
    )
    + _positions(
        26,
        QuestionType.CONTEXT,
        [
            ("Q7.WP.EQUATIONS", "Q6.WP.EQUATION"),
            ("Q7.WP.SYSTEMS", "Q9.WP.SYSTEM_PROBLEM"),
            ("Q8.WP.QUADRATIC", "Q8.WP.PYTHAGORAS"),
            ("Q9.WP.PROGRESSION", "Q9.WP.COMPOUND_INTEREST"),
            ("Q10.WP.VELOCITY", "Q11.WP.OPTIMISATION"),
        ],
    )
    + _positions(
        31,
        QuestionType.MULTI,
        [
            ("Q5.FR.SIMPLIFY", "Q5.DEC.TO_FRACTION"),
            ("Q5.FR.ADD", "Q5.FR.MUL", "Q5.FR.DIV"),
            ("Q6.RAT.RATIO",),
            ("Q9.DA.PROBABILITY", "Q6.DA.PROBABILITY"),
            ("Q10.DA.TWO_DICE", "Q10.DA.MULTIPLICATION"),
            ("Q11.DA.BINOMIAL", "Q11.DA.PROBABILITY"),
            ("Q8.GE.TRIG_RATIOS",),
            ("Q10.ALG.TRIG_TAN", "Q10.ALG.TRIG_IDENTITY"),
            ("Q9.NUM.RATIONAL_POWER", "Q11.ALG.RATIONAL_EXP"),
            ("Q11.FN.DEF_INTEGRAL", "Q11.FN.AREA"),
        ],
        difficulty=3,
    ),
)

SECTIONS: dict[str, Section] = {LITERACY.code: LITERACY, MATHS.code: MATHS}

# Who the track is for; others may open it and are told so.
GRADES = (10, 11)


def section_get(code: str) -> Section:
    try:
        return SECTIONS[code]
    except KeyError:
        raise LookupError(f"unknown ENT section {code!r}") from None


def all_skill_codes() -> set[str]:
    return {code for section in SECTIONS.values() for p in section.positions for code in p.skills}
