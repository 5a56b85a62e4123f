"""Options are exact: the right one equals the key, distractors never do, the same seed gives
the same options, multiple choice marks every form equal to the answer."""

from fractions import Fraction

from qalan.ent.options import distractors, key_value, options_multi, options_single
from qalan.trainer.answers.numbers import number_key


def _value(text: str) -> Fraction:
    tex = text.strip("$").split("$")[0]
    if tex.startswith(("\\frac", "-\\frac")):
        sign = -1 if tex.startswith("-") else 1
        num, den = tex.split("{")[1].rstrip("}"), tex.split("{")[2].rstrip("}")
        return sign * Fraction(int(num), int(den))
    return number_key(tex.replace("{,}", ".").replace("\\,", "")).value


def test_the_right_single_option_is_the_key_and_no_other_is():
    for key in ("12", "3/4", "-2.5", "0", "1 7/12", "250"):
        for seed in range(40):
            made = options_single(key=key, unit="", seed=seed, count=4)
            values = {o["id"]: _value(o["text"]["en"]) for o in made.options}
            assert values[made.key] == key_value(key)
            assert sum(v == key_value(key) for v in values.values()) == 1


def test_multi_marks_exactly_the_options_equal_to_the_answer():
    counts = set()
    for key in ("3/4", "12", "2.5", "7/3"):
        for seed in range(60):
            made = options_multi(key=key, unit="", seed=seed, count=6)
            right = set(made.key.split(","))
            counts.add(len(right))
            for option in made.options:
                assert (_value(option["text"]["en"]) == key_value(key)) == (option["id"] in right)
    assert counts == {1, 2, 3}


def test_the_same_seed_gives_the_same_options():
    assert options_single(key="5/7", unit="cm", seed=7, count=4) == options_single(
        key="5/7", unit="cm", seed=7, count=4
    )


def test_distractors_are_distinct_and_never_the_answer():
    for value in (Fraction(0), Fraction(1), Fraction(-3), Fraction(1, 2), Fraction(1000)):
        wrong = distractors(value, __import__("random").Random(1), 5)
        assert len(set(wrong)) == 5 and value not in wrong


def test_options_are_written_the_readers_way():
    made = options_single(key="2.5", unit="cm", seed=3, count=4)
    right = next(o for o in made.options if o["id"] == made.key)
    assert right["text"]["en"] == "$2.5$ cm"
    assert right["text"]["ru"] == "$2{,}5$ см"
