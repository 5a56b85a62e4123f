"""What the student reads about an answer, in their language; examples are formatted for it."""

from decimal import Decimal

from django.utils.translation import gettext as _

from qalan.trainer.answers.display import number_format


def hint(form: str, language: str) -> str:
    """The expected form of the answer, with an example written the reader's way."""
    if form == "number":
        return _("Enter a number, for example %(integer)s, %(decimal)s or %(fraction)s.") % {
            "integer": number_format(12, language),
            "decimal": number_format(Decimal("2.5"), language),
            "fraction": "3/4",
        }
    if form == "fraction":
        return _("Write the answer as a fraction in lowest terms, for example %(example)s.") % {"example": "3/4"}
    if form == "expression":
        return _("Enter an expression, for example %(example)s.") % {"example": "3a + 2"}
    if form == "choice":
        return _("Choose one of the options.")
    if form == "multi":
        return _("Choose one or more of the options.")
    return _("Type the answer in words.")


def _reason(code: str, **values) -> str:
    """Why the input was not read, when the bare hint would not say it."""
    if code == "too_long":
        return _("The answer is too long.")
    if code == "too_complex":
        return _("The expression is too complicated to check.")
    if code == "division_by_zero":
        return _("You cannot divide by zero.")
    if code == "equation":
        return _("This is an equation or an inequality, not an expression.")
    if code == "unknown_unit":
        return _("“%(word)s” is not a unit we know.") % values
    if code == "unit_not_expected":
        return _("This answer needs no unit: write only the number.")
    return ""


def invalid_message(form: str, code: str, language: str, **values) -> str:
    if code == "not_reduced":
        return _("Not in lowest terms yet: reduce the fraction, for example %(before)s = %(after)s.") % {
            "before": "6/8",
            "after": "3/4",
        }
    if code == "not_factored":
        return _(
            "The value is right, but the task asks for a product: write it with brackets, for example %(example)s."
        ) % {"example": "3(a + 2)"}
    if code == "not_expanded":
        return _("The value is right, but open the brackets and collect like terms, for example %(example)s.") % {
            "example": "3a + 6"
        }
    if code == "latin_letters":
        return _("Write the variables in Latin letters, for example %(example)s.") % {"example": "3a + 2"}
    return " ".join(filter(None, (_reason(code, **values), hint(form, language))))


def wrong_unit_message(unit: str) -> str:
    return _("Check the units: the answer is expected in %(unit)s.") % {"unit": unit}


def right_message() -> str:
    return _("Right!")


def wrong_message() -> str:
    return _("That is not the right answer.")
