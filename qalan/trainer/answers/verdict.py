"""The outcome of checking one typed answer, and the answer forms an item can declare."""

from dataclasses import dataclass

FORMS = ("number", "fraction", "expression", "choice", "multi", "text")

RIGHT, WRONG, INVALID = "right", "wrong", "invalid"


@dataclass(frozen=True)
class Verdict:
    """``invalid`` means "not read as an answer of this form": it never costs the student a life."""

    status: str  # "right" | "wrong" | "invalid"
    message: str  # translated, for the student
    normalised: str  # canonical reading of the input; "" if unreadable
    code: str = ""  # machine code: "ok", "wrong", "wrong_unit", "not_reduced", "too_long", ...
