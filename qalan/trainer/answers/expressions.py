"""Typed algebraic expressions: a small bounded lark grammar read into sympy, compared by equivalence."""

import re
from dataclasses import dataclass
from fractions import Fraction
from math import comb

import sympy
from lark import Lark, Transformer, Tree, v_args
from lark.exceptions import LarkError, VisitError

from qalan.trainer.answers.normalise import MAX_LENGTH, clean, strip_letter_prefix

# Bounds, all checked before sympy does any work, so a hostile input costs microseconds.
MAX_DEPTH = 20  # parentheses
MAX_TOKENS = 60
MAX_NODES = 120
MAX_LITERAL_DIGITS = 12
MAX_EXPONENT = 12
MAX_DEGREE = 24  # of the polynomial the expression would expand to
MAX_TERMS = 200  # estimated terms after expansion: (a+b+c+d)^6 is 84; keeps expand() in milliseconds
MAX_BITS = 2000  # estimated size of the numbers: 9^12^2 is fine, ((9^12)^12)^12 is not

GRAMMAR = r"""
?start: sum
?sum: product
    | sum "+" product -> add
    | sum "-" product -> sub
?product: unary
    | product "*" unary -> mul
    | product "/" unary -> div
?unary: implicit
    | "-" unary -> neg
    | "+" unary
// Implicit multiplication binds tighter than * and /: 2(x+1), (a+b)(a-b), 3xy, a/2b = a/(2b).
// Its right operand is never a bare number, so "2 3" is not read as 6.
?implicit: power
    | implicit factor -> mul
?power: atom
    | atom "^" exponent -> pow
?factor: letter
    | letter "^" exponent -> pow
?atom: NUMBER -> number
    | letter
?letter: VAR -> var
    | PI -> pi
    | "(" sum ")"
    | "sqrt" "(" sum ")" -> sqrt
    | "√" atom -> sqrt
// Exponents are literals: x^2, x^-1, x^(-1), x^(1/2); so 9^9^9 cannot even be written.
?exponent: signed
    | "(" signed ")"
    | "(" signed "/" NUMBER ")" -> ratio
?signed: NUMBER -> exp_pos
    | "-" NUMBER -> exp_neg
    | "+" NUMBER -> exp_pos
PI: "pi" | "π"
VAR: /[a-zA-Zα-ορ-ωΑ-Ω]/
NUMBER: /\d+(\.\d+)?/
%ignore " "
"""

_PARSER = Lark(GRAMMAR, parser="lalr", maybe_placeholders=False)


class TooComplex(ValueError):
    pass


class NotAnExpression(ValueError):
    pass


class Equation(NotAnExpression):
    pass


class NonLatinLetters(NotAnExpression):
    pass


class DivisionByZero(ValueError):
    pass


# Cyrillic letters a Latin variable is typed with on a Kazakh or Russian layout, because they look
# the same in print. Lowercase в, н, м, т, п are NOT folded: в and н look like B and H but are read
# as v and n, and in italics т looks like m and п like n; guessing would turn mistakes into answers.
_LOOKALIKES = str.maketrans("аеорсухкіһАВЕКМНОРСТХУІ", "aeopcyxkihABEKMHOPCTXYI")
EQUATION = re.compile(r"[=<>≤≥≠]")
_ALLOWED = re.compile(r"[\d\sa-zA-Zα-ωΑ-Ω+\-*/^().√]*")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")
_TOKEN = re.compile(r"\d+(?:\.\d+)?|sqrt|pi|\S")
_TOWER = re.compile(r"\^\s*(?:\(\s*[-+]?\s*[\w.]+\s*(?:/\s*[\w.]+\s*)?\)|[-+]?\s*[\w.]+)\s*\^")


def prepare(raw: str, *, fold_case: bool) -> str:
    """The text the grammar reads; raises for what is too long, too complex or not an expression."""
    if len(raw) > MAX_LENGTH:
        raise TooComplex("too_long")
    text = strip_letter_prefix(clean(raw, expression=True).translate(_LOOKALIKES), keep_if_used=True)
    text = _DECIMAL_COMMA.sub(".", text)
    if fold_case:  # phones capitalise the first letter; a key without capitals means none matter
        text = text.lower()
    if EQUATION.search(text):
        raise Equation(text)
    if not _ALLOWED.fullmatch(text):
        if any(c.isalpha() and not _ALLOWED.fullmatch(c) for c in text):
            raise NonLatinLetters(text)
        raise NotAnExpression(text)
    tokens = _TOKEN.findall(text)
    if not tokens:
        raise NotAnExpression(text)
    if len(tokens) > MAX_TOKENS or _TOWER.search(text):
        raise TooComplex("too_complex")
    if any(len(part) > MAX_LITERAL_DIGITS for token in tokens for part in token.split(".") if part.isdigit()):
        raise TooComplex("too_complex")
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth > MAX_DEPTH:
            raise TooComplex("too_complex")
        if depth < 0:
            raise NotAnExpression(text)
    if depth:
        raise NotAnExpression(text)
    return text


@dataclass(frozen=True)
class _Value:
    """A sympy expression with upper bounds on what expanding it would cost."""

    expr: sympy.Expr
    degree: int = 0
    terms: int = 1
    bits: int = 1


def _bounded(expr, degree: int, terms: int, bits: int) -> _Value:
    if degree > MAX_DEGREE or terms > MAX_TERMS or bits > MAX_BITS:
        raise TooComplex("too_complex")
    return _Value(expr, degree, terms, bits)


@v_args(inline=True)
class _ToSympy(Transformer):
    """Builds sympy objects directly (never sympify of a string), checking the bounds at every node."""

    def number(self, token):
        value = Fraction(str(token))
        bits = value.numerator.bit_length() + value.denominator.bit_length()
        return _bounded(sympy.Rational(value.numerator, value.denominator), 0, 1, bits)

    def var(self, token):
        return _Value(sympy.Symbol(str(token)), 1)

    def pi(self, _token):
        return _Value(sympy.pi, 0, 1, 2)

    def add(self, a, b):
        return _bounded(sympy.Add(a.expr, b.expr), max(a.degree, b.degree), a.terms + b.terms, max(a.bits, b.bits) + 1)

    def sub(self, a, b):
        return _bounded(sympy.Add(a.expr, -b.expr), max(a.degree, b.degree), a.terms + b.terms, max(a.bits, b.bits) + 1)

    def mul(self, a, b):
        return _bounded(sympy.Mul(a.expr, b.expr), a.degree + b.degree, a.terms * b.terms, a.bits + b.bits)

    def div(self, a, b):
        if b.expr == 0:
            raise DivisionByZero("division_by_zero")
        expr = sympy.Mul(a.expr, sympy.Pow(b.expr, -1))
        return _bounded(expr, a.degree + b.degree, a.terms * b.terms, a.bits + b.bits)

    def neg(self, a):
        return _Value(-a.expr, a.degree, a.terms, a.bits)

    def sqrt(self, a):
        return _bounded(sympy.sqrt(a.expr), (a.degree + 1) // 2, 1, a.bits)

    def exp_pos(self, token):
        return self._literal(token)

    def exp_neg(self, token):
        return -self._literal(token)

    def ratio(self, numerator, denominator):
        den = self._literal(denominator)
        if den == 0:
            raise DivisionByZero("division_by_zero")
        return Fraction(numerator, den)

    @staticmethod
    def _literal(token) -> Fraction:
        if "." in str(token) or int(str(token)) > MAX_EXPONENT:
            raise TooComplex("too_complex")
        return Fraction(int(str(token)))

    def pow(self, base, exponent: Fraction):
        if exponent == 0 and base.expr == 0:
            raise NotAnExpression("0^0")
        if exponent < 0 and base.expr == 0:
            raise DivisionByZero("division_by_zero")
        power = abs(exponent)
        whole = power.numerator // power.denominator + (power.denominator > 1)
        # (t terms)^n expands to at most C(n+t-1, t-1) terms; a root is one opaque term.
        terms = comb(whole + base.terms - 1, base.terms - 1) if power.denominator == 1 else 1
        expr = sympy.Pow(base.expr, sympy.Rational(exponent.numerator, exponent.denominator))
        return _bounded(expr, base.degree * whole, terms, base.bits * max(whole, 1))


def _count_nodes(tree) -> int:
    return sum(1 + len(t.children) for t in tree.iter_subtrees()) if isinstance(tree, Tree) else 1


def parse_tree(text: str):
    try:
        tree = _PARSER.parse(text)
    except LarkError:
        raise NotAnExpression(text) from None
    if _count_nodes(tree) > MAX_NODES:
        raise TooComplex("too_complex")
    return tree


def to_sympy(tree) -> sympy.Expr:
    try:
        value = _ToSympy().transform(tree)
    except VisitError as error:
        raise error.orig_exc from None
    if value.expr.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
        raise DivisionByZero("division_by_zero")
    return value.expr


def expression_read(raw: str, *, fold_case: bool = False):
    """(lark tree, sympy expression) of a typed expression; raises TooComplex, NotAnExpression, DivisionByZero."""
    tree = parse_tree(prepare(raw, fold_case=fold_case))
    return tree, to_sympy(tree)


_PROBE = [sympy.Rational(n, d) for n, d in ((7, 3), (-11, 5), (13, 7), (17, 11), (-19, 13), (23, 17), (29, 19))]


def _probe(diff: sympy.Expr):
    """The difference at one exact rational point: a nonzero value proves "not equivalent" without
    expanding anything. Returns None when the point says nothing (a root, a pole, π)."""
    symbols = sorted(diff.free_symbols, key=lambda s: s.name)
    point = {s: _PROBE[i % len(_PROBE)] + i // len(_PROBE) for i, s in enumerate(symbols)}
    value = diff.xreplace(point)
    return value if value.is_Rational else None


def equivalent(student: sympy.Expr, key: sympy.Expr) -> bool:
    """Algebraic equivalence: expand the difference; rational functions are cancelled first."""
    diff = sympy.Add(student, -key)
    if diff == 0:
        return True
    probe = _probe(diff)
    if probe is not None and probe != 0:
        return False
    if sympy.expand(diff) == 0:
        return True
    numerator, denominator = sympy.fraction(sympy.together(diff))
    if denominator.free_symbols:
        return sympy.expand(numerator) == 0
    return False


def canonical(expr: sympy.Expr) -> str:
    """What was read, in the notation students type: ``6*a``, ``x^2 - 1``."""
    return sympy.sstr(expr).replace("**", "^")


# --- The form a task asks for ----------------------------------------------------------------
# A key may ask for a form as well as a value: ``factor: 3*(x+2)`` (the answer must be a
# product, e.g. "take out the common factor"), ``expand: x^2+5x+6`` (no brackets of sums left,
# like terms collected). Without a prefix any equivalent expression is right.

SHAPES = ("factor", "expand")
_SHAPE = re.compile(r"^\s*(factor|expand)\s*:\s*", re.I)


def shape_split(key: str) -> tuple[str, str]:
    match = _SHAPE.match(key)
    return (match.group(1).lower(), key[match.end() :]) if match else ("", key)


def _unwrap(tree):
    while isinstance(tree, Tree) and tree.data == "neg":
        tree = tree.children[0]
    return tree


def _has_sum(tree) -> bool:
    return isinstance(tree, Tree) and any(t.data in ("add", "sub") for t in tree.iter_subtrees())


def is_product(tree) -> bool:
    """A product (or power) with a factor that is itself a sum: 3(x+2), (a-b)(a+b), (x+1)^2."""
    top = _unwrap(tree)
    return isinstance(top, Tree) and top.data in ("mul", "div", "pow") and _has_sum(top)


def is_expanded(tree, expr) -> bool:
    """No sum left inside a product or a power, and as many terms as the expanded polynomial."""
    for node in tree.iter_subtrees() if isinstance(tree, Tree) else ():
        if node.data in ("mul", "div", "pow", "sqrt") and any(
            _has_sum(c) or (isinstance(c, Tree) and c.data in ("add", "sub")) for c in node.children
        ):
            return False
    summands = 1
    for node in tree.iter_subtrees() if isinstance(tree, Tree) else ():
        if node.data in ("add", "sub"):
            summands += 1
    return summands == len(sympy.Add.make_args(sympy.expand(expr)))
