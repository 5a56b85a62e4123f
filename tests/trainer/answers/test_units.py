"""Every unit as an item shows it, in every language, is accepted when a child types it back."""

import pytest

from qalan.trainer.answers import check
from qalan.trainer.answers.units import unit_canonical, unit_of_item
from qalan.trainer.content.locale import UNITS

SHOWN = [(code, lang, text) for code, texts in UNITS.items() for lang, text in texts.items()]


@pytest.mark.parametrize("code,lang,text", SHOWN, ids=[f"{c}-{lang}" for c, lang, _t in SHOWN])
def test_the_unit_shown_is_a_unit_read(code, lang, text):
    assert unit_canonical(text) == unit_of_item(code)
    assert check(form="number", key="12", raw=f"12 {text}", language=lang, unit=code).status == "right"
