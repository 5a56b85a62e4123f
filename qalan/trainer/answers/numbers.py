"""Exact reading of typed numbers (integers, decimals, fractions, mixed numbers) as Fractions."""

import re
from dataclasses import dataclass
from fractions import Fraction
from math import gcd

MAX_DIGITS = 30  # per number written; a school answer never needs more, and it bounds the work


@dataclass(frozen=True)
class Reading:
    """A number as the student wrote it: its exact value and the way it was written."""

    value: Fraction
    kind: str  # "integer" | "decimal" | "fraction" | "mixed"
    text: str  # canonical ASCII spelling of what was written: "12", "-2.5", "10/14", "1 7/12"
    reduced: bool = True  # for "fraction"/"mixed": numerator and denominator have no common factor
    integer_terms: bool = True  # for "fraction": numerator and denominator are whole numbers


class NotANumber(ValueError):
    pass


class DivisionByZero(ValueError):
    pass


_DECIMAL = r"(?:\d+(?:\.\d+)?|\.\d+)"
_INTEGER_RE = re.compile(r"\d+")
_DECIMAL_RE = re.compile(_DECIMAL)
_FRACTION_RE = re.compile(rf"({_DECIMAL})/({_DECIMAL})")
_MIXED_RE = re.compile(r"(\d+) ([1-9]\d*)/(\d+)")
_GROUPED = re.compile(r"(?<!\d)\d{1,3}(?: \d{3})+(?=$|[.,/])")
_COMMA_GROUPS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


def _ungroup(text: str, language: str) -> str:
    """Thousands separators out, decimal comma to point: ``1 000 000``, ``1,000,000`` (two or more
    groups, or one in English), ``2,5`` = ``2.5``."""
    text = _GROUPED.sub(lambda m: m.group(0).replace(" ", ""), text)
    for part in text.split("/"):
        if _COMMA_GROUPS.match(part) and (part.count(",") > 1 or language == "en"):
            text = text.replace(part, part.replace(",", ""), 1)
    return text.replace(",", ".")


def _decimal(text: str) -> Fraction:
    return Fraction(text if not text.startswith(".") else "0" + text)


def _canonical(text: str) -> str:
    return "0" + text if text.startswith(".") else text


def number_read(text: str, language: str = "en") -> Reading:
    """Read a number written without its unit; raises NotANumber or DivisionByZero."""
    text = " ".join(text.split())
    text = re.sub(r"\s*/\s*", "/", text)
    sign, text = (-1, text[1:].strip()) if text[:1] == "-" else (1, text[1:].strip() if text[:1] == "+" else text)
    minus = "-" if sign < 0 else ""
    if sum(c.isdigit() for c in text) > MAX_DIGITS:
        raise NotANumber(text)
    # "1 7/12" is a mixed number only with a proper fraction part; "1 000/3" is a thousand over three.
    match = _MIXED_RE.fullmatch(text)
    if match and int(match.group(2)) < int(match.group(3)):
        whole, num, den = (int(g) for g in match.groups())
        value = sign * (whole + Fraction(num, den))
        return Reading(value, "mixed", f"{minus}{whole} {num}/{den}", reduced=gcd(num, den) == 1)
    text = _ungroup(text, language)
    if _INTEGER_RE.fullmatch(text):
        return Reading(sign * Fraction(int(text)), "integer", minus + str(int(text)))
    if _DECIMAL_RE.fullmatch(text):
        return Reading(sign * _decimal(text), "decimal", minus + _canonical(text))
    match = _FRACTION_RE.fullmatch(text)
    if match:
        num_text, den_text = match.groups()
        num, den = _decimal(num_text), _decimal(den_text)
        if den == 0:
            raise DivisionByZero(text)
        whole_terms = bool(_INTEGER_RE.fullmatch(num_text) and _INTEGER_RE.fullmatch(den_text))
        reduced = whole_terms and gcd(int(num), int(den)) == 1
        canonical = f"{minus}{_canonical(num_text)}/{_canonical(den_text)}"
        return Reading(sign * num / den, "fraction", canonical, reduced=reduced, integer_terms=whole_terms)
    raise NotANumber(text)


_KEY_RE = re.compile(r"-?(?:\d+(?:\.\d+)?|\d+/\d+|\d+ \d+/\d+)")


def number_key(key: str) -> Reading:
    """A key as written in content: ``12``, ``-2.5``, ``5/7``, ``1 7/12``; raises ValueError."""
    key = str(key).strip()
    if not _KEY_RE.fullmatch(key):
        raise ValueError(f"number key {key!r}: write an integer, a decimal with a point, a/b or a mixed 1 7/12")
    try:
        reading = number_read(key, "en")
    except DivisionByZero:
        raise ValueError(f"number key {key!r}: the denominator is zero") from None
    except NotANumber:
        reading = None
    if reading is None or (" " in key and reading.kind != "mixed"):
        raise ValueError(f"number key {key!r}: a mixed number needs a proper fraction part, e.g. 1 7/12")
    return reading
