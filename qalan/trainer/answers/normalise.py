"""Character-level clean-up of what students type: dashes, signs, spaces, vulgar fractions, prefixes."""

import re
import unicodedata

MAX_LENGTH = 200

# Every dash a keyboard, a phone or a word processor may produce stands for minus.
_DASHES = dict.fromkeys(map(ord, "\u2212\u2010\u2011\u2012\u2013\u2014\u2015\ufe58\ufe63\uff0d\u02d7"), "-")
_TIMES = dict.fromkeys(map(ord, "×·⋅∙•✕"), "*")
_DIVIDE = dict.fromkeys(map(ord, "÷\u2044\u2215"), "/")
# NFKC turns these into plain spaces too; listed so the intent survives a change of normal form.
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2009\u202f\u2007\u2008\u200a\u3000\t\n\r"), " ")

VULGAR = {
    "½": (1, 2),
    "⅓": (1, 3),
    "⅔": (2, 3),
    "¼": (1, 4),
    "¾": (3, 4),
    "⅕": (1, 5),
    "⅖": (2, 5),
    "⅗": (3, 5),
    "⅘": (4, 5),
    "⅙": (1, 6),
    "⅚": (5, 6),
    "⅐": (1, 7),
    "⅛": (1, 8),
    "⅜": (3, 8),
    "⅝": (5, 8),
    "⅞": (7, 8),
    "⅑": (1, 9),
    "⅒": (1, 10),
}
_VULGAR = re.compile(r"(\d?)\s*([" + "".join(VULGAR) + "])")
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_SUPERSCRIPTS = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+")

_ANSWER_PREFIX = re.compile(r"^(?:ответ|жауабы|жауап|answer|javob|ans)\s*[:.\-]?\s*", re.I)
# "x = 5", "х=5" (Cyrillic), "S = 24", "x1 = 2": one letter, optionally an index, then "=".
_LETTER_PREFIX = re.compile(r"^([^\W\d_])\d?\s*=\s*")
_COLON = re.compile(r"(?<=\d)\s*:\s*(?=\d)")


def _vulgar(text: str, expression: bool) -> str:
    """``1½`` is the mixed number 1 1/2; in an expression it must stay one number: ``(1+1/2)``."""

    def replace(match: re.Match) -> str:
        whole, (num, den) = match.group(1), VULGAR[match.group(2)]
        if expression:
            return f"({whole}+{num}/{den})" if whole else f"({num}/{den})"
        return f"{whole} {num}/{den}" if whole else f"{num}/{den}"

    return _VULGAR.sub(replace, text)


def clean(raw: str, *, expression: bool = False) -> str:
    """One spelling for every sign; before NFKC, which would turn ``1½`` into ``11⁄2`` and ``x²`` into ``x2``."""
    text = _vulgar(str(raw), expression)
    text = _SUPERSCRIPTS.sub(lambda m: "^" + m.group(0).translate(_SUPERSCRIPT), text)
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_SPACES).translate(_DASHES).translate(_TIMES).translate(_DIVIDE)
    text = text.replace("**", "^")
    text = " ".join(text.split())
    text = _ANSWER_PREFIX.sub("", text)
    text = text.rstrip(". ").strip()
    return _COLON.sub("/", text)


def strip_letter_prefix(text: str, *, keep_if_used: bool = False) -> str:
    """Drop ``x =`` before the answer; in an expression only when the letter is not used after it
    (``y = 2x + 1`` is the expression ``2x + 1``, ``x = x + 1`` is an equation)."""
    match = _LETTER_PREFIX.match(text)
    if not match:
        return text
    rest = text[match.end() :]
    if keep_if_used and match.group(1) in rest:
        return text
    return rest


# Uzbek Latin writes oʻ/gʻ and the tutuq belgisi with any of these; they are one letter to a reader.
_APOSTROPHES = dict.fromkeys(map(ord, "\u02bb\u02bc\u2018\u2019\u0060\u00b4\u02b9"), "'")
_QUOTES = '"«»„“”‹›'


def text_normalise(raw: str) -> str:
    """Words compare after NFKC, casefold, ё→е, one spacing, no final full stop or quotes.

    Latin/Cyrillic look-alikes are NOT folded: in a word they are different letters.
    """
    text = unicodedata.normalize("NFKC", str(raw)).translate(_APOSTROPHES).translate(_DASHES)
    text = text.casefold().replace("ё", "е")
    text = " ".join(text.split()).rstrip(".").strip()
    return text.strip(_QUOTES).strip()
