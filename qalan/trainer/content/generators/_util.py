"""Helpers shared by the generators: exact keys and small draws."""

from fractions import Fraction
from math import gcd


def fraction_key(value: Fraction) -> str:
    """A key in lowest terms: ``5/7``, ``2``, ``-3/4``."""
    value = Fraction(value)
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


def number_key(value) -> str:
    """A number key: a whole number or a terminating decimal (``2.5``), else a fraction."""
    value = Fraction(value)
    if value.denominator == 1:
        return str(value.numerator)
    d = value.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    if d == 1:
        from decimal import Decimal

        return format((Decimal(value.numerator) / Decimal(value.denominator)).normalize(), "f")
    return fraction_key(value)


def proper(rng, max_denominator: int, min_denominator: int = 2) -> tuple[int, int]:
    """A proper fraction in lowest terms."""
    while True:
        b = rng.randint(min_denominator, max_denominator)
        a = rng.randint(1, b - 1)
        if gcd(a, b) == 1:
            return a, b


def lcm(a: int, b: int) -> int:
    return a * b // gcd(a, b)
