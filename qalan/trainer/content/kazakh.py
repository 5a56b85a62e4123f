"""Kazakh case and plural suffixes after numbers and words, by vowel harmony and the final sound."""

import re
from decimal import Decimal
from fractions import Fraction

BACK = set("аоұыяё")
FRONT = set("әөүіеэ")
VOICELESS = set("пфкқтсшщхһчц")
# б, в, г, д end only loan words; spoken devoiced, they take the voiceless forms.
DEVOICED = set("бвгд")
NASAL = set("мнң")
VOICED_ZH = set("жз")
# р, й, у (and и, the loan-word semivowel) behave like vowels before -лар and -мен.
LIQUID = set("рйуи")
VOWELS = BACK | FRONT | set("юиу")

UNITS = ["нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"]
TENS = ["", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"]
BIG = [(10**12, "триллион"), (10**9, "миллиард"), (10**6, "миллион"), (1000, "мың")]

# Each case: (back, front) pairs for the final-sound classes.
SUFFIXES = {
    "dat": {"vowel": "ға", "liquid": "ға", "l": "ға", "nasal": "ға", "zh": "ға", "voiceless": "қа"},
    "loc": {"vowel": "да", "liquid": "да", "l": "да", "nasal": "да", "zh": "да", "voiceless": "та"},
    "acc": {"vowel": "ны", "liquid": "ды", "l": "ды", "nasal": "ды", "zh": "ды", "voiceless": "ты"},
    "gen": {"vowel": "ның", "liquid": "дың", "l": "дың", "nasal": "ның", "zh": "дың", "voiceless": "тың"},
    "abl": {"vowel": "дан", "liquid": "дан", "l": "дан", "nasal": "нан", "zh": "дан", "voiceless": "тан"},
    "pl": {"vowel": "лар", "liquid": "лар", "l": "дар", "nasal": "дар", "zh": "дар", "voiceless": "тар"},
    "ins": {"vowel": "мен", "liquid": "мен", "l": "мен", "nasal": "мен", "zh": "бен", "voiceless": "пен"},
}
CASES = tuple(SUFFIXES)
_TO_FRONT = str.maketrans("аыұқғ", "еіүкг")


def _last_word_of_integer(n: int) -> str:
    """The last word of the spoken form of a whole number (``25`` жиырма бес -> ``бес``)."""
    n = abs(n)
    if n == 0:
        return UNITS[0]
    if n % 10:
        return UNITS[n % 10]
    if n % 100:
        return TENS[n % 100 // 10]
    if n % 1000:
        return "жүз"
    for size, word in reversed(BIG):
        if n % (size * 1000) or size == BIG[0][0]:
            return word
    return "мың"


def spoken_last_word(value) -> str:
    """The last spoken word of a number: a fraction a/b is read "b-дан a", a decimal ends with
    its fractional part (``0,5`` нөл бүтін оннан бес), so both end with a whole number's word."""
    text = str(value).strip().replace("\u2212", "-").replace(",", ".").replace("\u00a0", "").replace(" ", "")
    if isinstance(value, Fraction) and value.denominator != 1:
        return _last_word_of_integer(value.numerator)
    if re.fullmatch(r"-?\d+/\d+", text):
        return _last_word_of_integer(int(text.split("/")[0]))
    if isinstance(value, Decimal) or re.fullmatch(r"-?\d*\.\d+", text):
        fractional = text.split(".")[1] if "." in text else ""
        if fractional.strip("0"):
            return _last_word_of_integer(int(fractional))
        text = text.split(".")[0]
    return _last_word_of_integer(int(Fraction(text)))


def is_front(word: str) -> bool:
    """Vowel harmony: the last clear back or front vowel decides (loan words included)."""
    for letter in reversed(word.lower()):
        if letter in FRONT:
            return True
        if letter in BACK:
            return False
    return False


def _final_class(word: str) -> str:
    last = word.lower().rstrip()[-1]
    if last in LIQUID:
        return "liquid"
    if last in VOWELS:
        return "vowel"
    if last == "л":
        return "l"
    if last in NASAL:
        return "nasal"
    if last in VOICED_ZH:
        return "zh"
    if last in VOICELESS or last in DEVOICED:
        return "voiceless"
    return "vowel"


def suffix(word: str, case: str) -> str:
    """The suffix of ``case`` (dat, loc, acc, gen, abl, pl, ins) for a Kazakh word."""
    base = SUFFIXES[case][_final_class(word)]
    if case == "ins":
        return base  # -мен does not follow vowel harmony
    return base.translate(_TO_FRONT) if is_front(word) else base


def with_case(word: str, case: str) -> str:
    """``мектеп`` + dat -> ``мектепке``."""
    return word + suffix(word, case)


def number_suffix(value, case: str) -> str:
    """The suffix after a number, decided by how the number is read (``6`` алты -> ``ға``)."""
    return suffix(spoken_last_word(value), case)


def number_with_case(value, case: str, shown: str | None = None) -> str:
    """A number as written (``shown``, default ``str(value)``) with its hyphenated suffix: ``3-ке``."""
    return f"{shown if shown is not None else value}-{number_suffix(value, case)}"
