"""Answer checking (stand-in: the real checker replaces this package wholesale at merge)."""

from dataclasses import dataclass
from fractions import Fraction

from django.utils.translation import gettext as _


@dataclass
class Verdict:
    status: str  # "right" | "wrong" | "invalid"
    message: str = ""
    normalised: str = ""
    code: str = ""


def _number(raw: str) -> Fraction | None:
    try:
        return Fraction(raw.strip().replace(",", ".").replace(" ", ""))
    except (ValueError, ZeroDivisionError):
        return None


def check(*, form, key, raw, language="en", unit="", choices=()) -> Verdict:
    raw = str(raw or "")
    if form in ("number", "fraction"):
        given, expected = _number(raw), _number(str(key))
        if given is None or expected is None:
            return Verdict("invalid", _("Type a number, for example 12 or 3/4."), "", "not_a_number")
        return Verdict("right" if given == expected else "wrong", "", str(given), "")
    if form == "expression":
        return Verdict("invalid", _("Type a number, for example 12 or 3/4."), "", "not_supported")
    given = ",".join(sorted(p.strip() for p in raw.casefold().split(","))) if form == "multi" else raw.strip().casefold()
    expected = ",".join(sorted(p.strip() for p in str(key).casefold().split(","))) if form == "multi" else str(key).strip().casefold()
    if not given:
        return Verdict("invalid", _("Type your answer."), "", "empty")
    return Verdict("right" if given == expected else "wrong", "", given, "")


def key_display(form, key, language) -> str:
    return str(key)
