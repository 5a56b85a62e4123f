"""The blueprint follows the NTC's published format, and every pool draws on real trainer skills
whose items can be asked as ENT questions."""

import random

import pytest

from qalan.ent.blueprint import LITERACY, MATHS, RULES, SECTIONS, QuestionType, all_skill_codes
from qalan.ent.options import NUMERIC_FORMS, key_value, options_for
from qalan.trainer.content.build import build
from qalan.trainer.content.loader import definition_of, load_all
from qalan.trainer.content.locale import LANGUAGES


def test_literacy_has_ten_single_choice_questions_for_ten_points():
    assert [p.number for p in LITERACY.positions] == list(range(1, 11))
    assert {p.type for p in LITERACY.positions} == {QuestionType.SINGLE}
    assert LITERACY.max_points == 10
    assert all(p.rule.options == 4 for p in LITERACY.positions)


def test_mathematics_has_forty_questions_for_fifty_points():
    types = [p.type for p in MATHS.positions]
    assert [p.number for p in MATHS.positions] == list(range(1, 41))
    assert types.count(QuestionType.SINGLE) == 25
    assert types.count(QuestionType.CONTEXT) == 5
    assert types.count(QuestionType.MULTI) == 10
    assert MATHS.max_points == 50
    assert RULES[QuestionType.MULTI].options == 6 and RULES[QuestionType.MULTI].points == 2


def test_timing_is_the_share_of_240_minutes_and_configurable(settings):
    assert (LITERACY.minutes, MATHS.minutes) == (20, 80)
    settings.QALAN_ENT_MATHS_MINUTES = 90
    assert MATHS.minutes == 90
    assert MATHS.practice_minutes() == round(90 * MATHS.practice_size / 40)


def test_practice_sets_spread_over_the_section():
    positions = MATHS.practice_positions()
    assert len(positions) == MATHS.practice_size
    assert {p.type for p in positions} == {QuestionType.SINGLE, QuestionType.CONTEXT, QuestionType.MULTI}


@pytest.fixture(scope="module")
def shipped():
    collection = load_all()
    assert not collection.errors
    templates = {}
    for content in collection.files:
        for skill in content.data["skills"]:
            templates[skill["code"]] = (content.data["chapter"]["grade"], skill["templates"])
    return templates


class _Row:
    def __init__(self, template):
        self.generator = template.get("generator", "")
        self.definition = definition_of(template)


def test_every_pool_skill_exists_in_grades_5_to_11_with_numeric_items(shipped):
    for code in sorted(all_skill_codes()):
        assert code in shipped, f"{code} is not a shipped skill"
        grade, templates = shipped[code]
        assert 5 <= grade <= 11
        assert {t["answer_form"] for t in templates} <= set(NUMERIC_FORMS), code


def test_every_pool_item_makes_distinct_options_with_the_right_key(shipped):
    for section in SECTIONS.values():
        for position in section.positions:
            for code in position.skills:
                for template in shipped[code][1]:
                    for seed in range(25):
                        seed = random.Random(f"{code}{seed}").getrandbits(62)
                        built = build(_Row(template), seed)
                        made = options_for(
                            form=template["answer_form"],
                            key=built.key,
                            unit=built.unit,
                            seed=seed,
                            count=position.rule.options,
                            multi=position.rule.multi,
                        )
                        assert len(made.options) == position.rule.options
                        for lang in LANGUAGES:
                            texts = [o["text"][lang] for o in made.options]
                            assert len(set(texts)) == len(texts), (code, built.key, texts)
                        right = made.key.split(",")
                        assert (1 <= len(right) <= 3) if position.rule.multi else len(right) == 1
                        assert key_value(built.key) is not None
