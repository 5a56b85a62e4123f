"""Percentages: a percent of a number, what percent one number is of another, a discounted price."""

from fractions import Fraction

from qalan.trainer.content.generators._util import number_key
from qalan.trainer.content.registry import generator, verifier


@generator("percent_of")
def percent_of(rng, options):
    """p % of n with a whole result."""
    while True:
        p = rng.choice(options.get("percents", [5, 10, 15, 20, 25, 30, 40, 50, 75]))
        n = rng.randrange(20, options.get("max_number", 500) + 1, 4)
        if p * n % 100 == 0:
            return {"values": {"p": p, "n": n, "result": p * n // 100}, "key": str(p * n // 100)}


@verifier("percent_of")
def percent_of_verify(values, key):
    return Fraction(key) == Fraction(values["p"], 100) * values["n"] and Fraction(key).denominator == 1


@generator("percent_share")
def percent_share(rng, options):
    """What percent a is of b: a whole percent below 100."""
    b = rng.choice([20, 25, 40, 50, 60, 80, 100, 120, 200, 250])
    while True:
        a = rng.randint(1, b - 1)
        if a * 100 % b == 0:
            return {"values": {"a": a, "b": b, "result": a * 100 // b}, "key": str(a * 100 // b)}


@verifier("percent_share")
def percent_share_verify(values, key):
    return 0 < int(key) < 100 and Fraction(values["a"], values["b"]) == Fraction(int(key), 100)


@generator("percent_discount")
def percent_discount(rng, options):
    price = rng.randrange(1000, options.get("max_price", 20000) + 1, 500)
    p = rng.choice([5, 10, 15, 20, 25, 30, 40, 50])
    discount = Fraction(price * p, 100)
    return {
        "values": {"price": price, "p": p, "discount": number_key(discount), "result": number_key(price - discount)},
        "key": number_key(price - discount),
    }


@verifier("percent_discount")
def percent_discount_verify(values, key):
    return Fraction(key) == Fraction(values["price"]) * (100 - values["p"]) / 100 and Fraction(key) > 0
