"""Numbers and keys as a reader of each language expects to see them: 31,5 / 31.5, 1 000 000, 5/7, 6a."""

from decimal import Decimal
from fractions import Fraction

NBSP = "\u00a0"
MINUS = "\u2212"  # the typographic minus sign; what students type is read by normalise.clean
# Russian (and Kazakh, which follows it) does not split four-digit numbers: 2025, 9600.
_NO_SPLIT_BELOW = {"kk": 10_000, "ru": 10_000}


def _language(language: str) -> str:
    return (language or "en").split("-")[0].split("_")[0].lower()


def _integer(n: int, language: str) -> str:
    digits = str(abs(n))
    if language == "en":
        grouped = f"{abs(n):,}"
    elif abs(n) < _NO_SPLIT_BELOW.get(language, 1000):
        grouped = digits
    else:
        grouped = f"{abs(n):,}".replace(",", NBSP)
    return (MINUS if n < 0 else "") + grouped


def _terminating(value: Fraction) -> bool:
    den = value.denominator
    for p in (2, 5):
        while den % p == 0:
            den //= p
    return den == 1


def _decimal_text(value: Fraction) -> str:
    """Exact decimal digits of a terminating fraction (no float ever touches it)."""
    places = 0
    while (value * 10**places).denominator != 1:
        places += 1
    scaled = abs(value.numerator * 10**places // value.denominator)
    whole, frac = divmod(scaled, 10**places) if places else (scaled, 0)
    return str(whole) + (f".{frac:0{places}d}" if places else "")


def number_format(value, language: str) -> str:
    """``31,5`` (kk/ru/uz) or ``31.5`` (en); ``1 000 000`` with no-break spaces or ``1,000,000``;
    ``9600`` in kk/ru; non-terminating rationals as ``5/7``; negatives with the minus sign −."""
    language = _language(language)
    if isinstance(value, bool):
        raise TypeError("number_format() takes a number, not a bool")
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"number_format() cannot show {value}")
        value = Fraction(value)
    value = Fraction(value)
    if value.denominator == 1:
        return _integer(value.numerator, language)
    sign = MINUS if value < 0 else ""
    if not _terminating(value):
        return f"{sign}{_integer(abs(value.numerator), language)}/{_integer(value.denominator, language)}"
    whole, _, frac = _decimal_text(value).partition(".")
    point = "." if language == "en" else ","
    return f"{sign}{_integer(int(whole), language)}{point}{frac}"


def fraction_format(numerator: int, denominator: int, language: str, whole: int | None = None) -> str:
    """A fraction kept as written: ``5/7``, ``-5/7``, mixed ``1 7/12``."""
    language = _language(language)
    if whole is not None:
        sign = MINUS if whole < 0 else ""
        return f"{sign}{_integer(abs(whole), language)} {numerator}/{denominator}"
    sign = MINUS if numerator < 0 else ""
    return f"{sign}{_integer(abs(numerator), language)}/{_integer(denominator, language)}"


_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
# Precedence of what a printed piece is, to know when it needs parentheses.
_SUM, _PRODUCT, _NEG, _IMPLICIT, _POWER, _ATOM = range(1, 7)


def _wrap(piece: tuple[str, int], at_least: int) -> str:
    text, level = piece
    return text if level >= at_least else f"({text})"


def _exponent(tree) -> str:
    """x², x⁻¹; a rational exponent stays ^(1/2)."""
    if tree.data == "ratio":
        signed, den = tree.children
        return f"^({_exponent(signed).translate(_PLAIN)}/{den})"
    sign = "-" if tree.data == "exp_neg" else ""
    return (sign + str(tree.children[0])).translate(_SUPERSCRIPT)


_PLAIN = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")


def _pretty(tree, language: str) -> tuple[str, int]:
    """Reads the lark tree (the author's order, not sympy's) and prints it for a reader."""
    kind, kids = tree.data, tree.children
    if kind == "number":
        return number_format(Fraction(str(kids[0])), language), _ATOM
    if kind == "var":
        return str(kids[0]), _ATOM
    if kind == "pi":
        return "π", _ATOM
    if kind == "pow":
        return _wrap(_pretty(kids[0], language), _ATOM) + _exponent(kids[1]), _POWER
    parts = [_pretty(k, language) for k in kids]
    if kind in ("add", "sub"):
        sign = " + " if kind == "add" else f" {MINUS} "
        return _wrap(parts[0], _SUM) + sign + _wrap(parts[1], _PRODUCT), _SUM
    if kind == "mul":
        left, right = _wrap(parts[0], _IMPLICIT), _wrap(parts[1], _POWER)
        # 6a, ab, x²y, 2(x + 1), (a + b)(a − b), 2√3; but a·6 and 2·3, and √2·x (√2x reads as √(2x)).
        root_first = left.startswith("√") and not left.endswith(")")
        if (right[:1].isalpha() or right[:1] in "(√π") and not root_first:
            return left + right, _IMPLICIT
        return _wrap(parts[0], _PRODUCT) + "·" + _wrap(parts[1], _POWER), _PRODUCT
    if kind == "div":
        return _wrap(parts[0], _PRODUCT) + "/" + _wrap(parts[1], _POWER), _PRODUCT
    if kind == "neg":
        return MINUS + _wrap(parts[0], _IMPLICIT), _NEG
    if kind == "sqrt":
        return "√" + _wrap(parts[0], _ATOM), _POWER
    raise ValueError(f"cannot print {kind}")


def expression_format(tree, language: str) -> str:
    return _pretty(tree, _language(language))[0]
