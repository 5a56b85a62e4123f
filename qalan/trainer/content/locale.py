"""Numbers, units and plural agreement as each language's textbooks write them (kk, ru, en, uz)."""

from decimal import Decimal
from fractions import Fraction

LANGUAGES = ("kk", "ru", "en", "uz")
NBSP = "\u00a0"
MINUS = "\u2212"

# Units are codes in the data (``unit: cm2``); the text shown is per language.
UNITS = {
    "cm": {"kk": "см", "ru": "см", "en": "cm", "uz": "sm"},
    "cm2": {"kk": "см²", "ru": "см²", "en": "cm²", "uz": "sm²"},
    "m": {"kk": "м", "ru": "м", "en": "m", "uz": "m"},
    "m2": {"kk": "м²", "ru": "м²", "en": "m²", "uz": "m²"},
    "km": {"kk": "км", "ru": "км", "en": "km", "uz": "km"},
    "kg": {"kk": "кг", "ru": "кг", "en": "kg", "uz": "kg"},
    "deg": {"kk": "°", "ru": "°", "en": "°", "uz": "°"},
    "percent": {"kk": "%", "ru": "%", "en": "%", "uz": "%"},
    "tenge": {"kk": "теңге", "ru": "тенге", "en": "tenge", "uz": "tenge"},
    "mm": {"kk": "мм", "ru": "мм", "en": "mm", "uz": "mm"},
    "dm": {"kk": "дм", "ru": "дм", "en": "dm", "uz": "dm"},
    "mm2": {"kk": "мм²", "ru": "мм²", "en": "mm²", "uz": "mm²"},
    "dm2": {"kk": "дм²", "ru": "дм²", "en": "dm²", "uz": "dm²"},
    "km2": {"kk": "км²", "ru": "км²", "en": "km²", "uz": "km²"},
    "ha": {"kk": "га", "ru": "га", "en": "ha", "uz": "ga"},
    "cm3": {"kk": "см³", "ru": "см³", "en": "cm³", "uz": "sm³"},
    "dm3": {"kk": "дм³", "ru": "дм³", "en": "dm³", "uz": "dm³"},
    "m3": {"kk": "м³", "ru": "м³", "en": "m³", "uz": "m³"},
    "l": {"kk": "л", "ru": "л", "en": "l", "uz": "l"},
    "ml": {"kk": "мл", "ru": "мл", "en": "ml", "uz": "ml"},
    "g": {"kk": "г", "ru": "г", "en": "g", "uz": "g"},
    "t": {"kk": "т", "ru": "т", "en": "t", "uz": "t"},
    "s": {"kk": "с", "ru": "с", "en": "s", "uz": "s"},
    "min": {"kk": "мин", "ru": "мин", "en": "min", "uz": "daq"},
    "h": {"kk": "сағ", "ru": "ч", "en": "h", "uz": "soat"},
    "km/h": {"kk": "км/сағ", "ru": "км/ч", "en": "km/h", "uz": "km/soat"},
    "m/s": {"kk": "м/с", "ru": "м/с", "en": "m/s", "uz": "m/s"},
}


def as_number(value) -> Fraction | None:
    """The exact value of an int, Fraction, Decimal or a numeric string (``"3/4"``, ``"-2.5"``)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | Fraction):
        return Fraction(value)
    if isinstance(value, Decimal):
        return Fraction(value)
    if isinstance(value, str):
        text = value.strip().replace(MINUS, "-")
        try:
            return Fraction(text) if text and text[-1].isdigit() else None
        except (ValueError, ZeroDivisionError):
            return None
    return None


def _grouped(digits: str, sep: str, min_len: int) -> str:
    if len(digits) < min_len:
        return digits
    parts = []
    while digits:
        parts.insert(0, digits[-3:])
        digits = digits[:-3]
    return sep.join(parts)


def _decimal_parts(value) -> tuple[str, str, str] | None:
    """(sign, whole digits, fractional digits) of a terminating number, else None."""
    number = as_number(value)
    if number is None:
        return None
    if isinstance(value, str) and "/" in value:
        return None  # written as a fraction: keep it a fraction
    sign = "-" if number < 0 else ""
    number = abs(number)
    denominator = number.denominator
    while denominator % 2 == 0:
        denominator //= 2
    while denominator % 5 == 0:
        denominator //= 5
    if denominator != 1:
        return None
    text = format(Decimal(number.numerator) / Decimal(number.denominator), "f")
    whole, _, fractional = text.partition(".")
    return sign, whole, fractional.rstrip("0")


def _literal_fraction(value) -> tuple[str, int, int] | None:
    """A fraction as written (``"6/8"`` stays 6/8: unsimplified fractions are the point of some items)."""
    if isinstance(value, str) and "/" in value:
        text = value.strip().replace(MINUS, "-")
        sign = "-" if text.startswith("-") else ""
        num, _, den = text.lstrip("-").partition("/")
        if num.isdigit() and den.isdigit():
            return sign, int(num), int(den)
    return None


def number_text(value, language: str) -> str:
    """``31,5`` and ``12 000`` in kk/ru/uz, ``31.5`` and ``12,000`` in en; fractions as ``3/4``.
    Whole numbers are grouped from five digits in kk/ru/uz (``8500``, ``12 000``), as textbooks do."""
    literal = _literal_fraction(value)
    if literal:
        return f"{MINUS if literal[0] else ''}{literal[1]}/{literal[2]}"
    parts = _decimal_parts(value)
    if parts is None:
        number = as_number(value)
        if number is None:
            return str(value)
        sign = MINUS if number < 0 else ""
        return f"{sign}{abs(number.numerator)}/{number.denominator}"
    sign, whole, fractional = parts
    if language == "en":
        whole, point = _grouped(whole, ",", 4), "."
    else:
        whole, point = _grouped(whole, NBSP, 5), ","
    return (MINUS if sign else "") + whole + (point + fractional if fractional else "")


def number_tex(value, language: str) -> str:
    """The number as TeX: ``2{,}5``, ``12\\,000``, ``\\frac{3}{4}``, ``-3``."""
    literal = _literal_fraction(value)
    if literal:
        return f"{literal[0]}\\frac{{{literal[1]}}}{{{literal[2]}}}"
    parts = _decimal_parts(value)
    if parts is None:
        number = as_number(value)
        if number is None:
            return str(value)
        sign = "-" if number < 0 else ""
        return f"{sign}\\frac{{{abs(number.numerator)}}}{{{number.denominator}}}"
    sign, whole, fractional = parts
    if language == "en":
        whole, point = _grouped(whole, "{,}", 4), "."
    else:
        whole, point = _grouped(whole, "\\,", 5), "{,}"
    return sign + whole + (point + fractional if fractional else "")


def unit_text(code: str, language: str) -> str:
    return UNITS.get(code, {}).get(language, code)


def plural_ru(value, one: str, few: str, many: str) -> str:
    """1 яблоко, 2 яблока, 5 яблок, 21 яблоко; a non-whole number takes the genitive singular."""
    number = as_number(value)
    if number is None or number.denominator != 1:
        return few
    n = abs(number.numerator)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def plural_en(value, one: str, other: str) -> str:
    number = as_number(value)
    return one if number == 1 else other


def plural_uz(value, noun: str) -> str:
    """Uzbek (and Kazakh) nouns after a numeral stay singular: 5 olma, 5 алма."""
    return noun


def plural(value, language: str, forms: list[str]) -> str:
    """The noun form that agrees with ``value``: ru takes (one, few, many), en (one, other),
    kk and uz one form."""
    if language == "ru" and len(forms) == 3:
        return plural_ru(value, *forms)
    if language == "en" and len(forms) == 2:
        return plural_en(value, *forms)
    return plural_uz(value, forms[0])
