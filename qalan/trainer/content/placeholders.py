"""Filling ``[[name]]`` placeholders in content texts: numbers per language, Kazakh suffixes, plurals.

Syntax (chosen not to clash with TeX braces):
``[[a]]``             the value, a number written the language's way (``2,5`` / ``2.5``; in TeX ``2{,}5``,
                      a fraction value ``3/4`` becomes ``\\frac{3}{4}`` inside ``$...$``);
``[[a:dat]]``         in kk texts the value with its Kazakh suffix (``3-ке``, ``6-ға``); cases dat, loc,
                      acc, gen, abl, ins, pl (other languages: the value only);
``[[a|яблоко|яблока|яблок]]``  the value and the noun agreeing with it (ru: one|few|many, en:
                      one|other, kk/uz: one form, nouns after numerals stay singular).
A value may also be a map of languages (a word): ``[[thing:acc]]`` puts the Kazakh word in a case.
"""

import re

from qalan.trainer.content import kazakh
from qalan.trainer.content.locale import as_number, number_tex, number_text, plural

PLACEHOLDER = re.compile(r"\[\[([A-Za-z_][A-Za-z0-9_]*)(?::([a-z]+))?((?:\|[^\]|]+)*)\]\]")
LEFTOVER = re.compile(r"\[\[|\]\]")
CASES = kazakh.CASES


def _value_text(value, language: str, in_tex: bool) -> str:
    if isinstance(value, dict):
        return str(value.get(language, ""))
    if as_number(value) is not None:
        return number_tex(value, language) if in_tex else number_text(value, language)
    return str(value)


def _replace(match: re.Match, values: dict, language: str, in_tex: bool) -> str:
    name, case, forms = match.group(1), match.group(2), match.group(3)
    if name not in values or (case and case not in CASES):
        return match.group(0)  # left visible: the loader and the tests report it
    value = values[name]
    text = _value_text(value, language, in_tex)
    if case and language == "kk":
        if as_number(value) is not None and not isinstance(value, dict):
            text = kazakh.number_with_case(value, case, text)
        else:
            text = kazakh.with_case(text, case)
    if forms:
        text = f"{text} {plural(value, language, forms.strip('|').split('|'))}"
    return text


def fill(text: str, values: dict, language: str) -> str:
    """``text`` with its placeholders replaced; TeX segments (between ``$``) get TeX numbers."""
    segments = str(text).split("$")
    for i, segment in enumerate(segments):
        in_tex = i % 2 == 1
        segments[i] = PLACEHOLDER.sub(lambda m, t=in_tex: _replace(m, values, language, t), segment)
    return "$".join(segments)


def names_used(text: str) -> set[str]:
    return {m.group(1) for m in PLACEHOLDER.finditer(str(text))}


def leftover(text: str) -> bool:
    """Whether a placeholder (or a stray ``[[``/``]]``) is left in a filled text."""
    return bool(LEFTOVER.search(str(text)))
