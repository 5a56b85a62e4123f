"""Geometry and measurement: rectangles and squares, angles of a triangle, adjacent angles, areas."""

from fractions import Fraction

from qalan.trainer.content.generators._util import number_key
from qalan.trainer.content.registry import generator, verifier


@generator("rectangle_perimeter")
def rectangle_perimeter(rng, options):
    width = rng.randint(2, options.get("max_side", 20) - 1)
    length = rng.randint(width + 1, options.get("max_side", 20))
    return {
        "values": {"length": length, "width": width, "sum": length + width, "result": 2 * (length + width)},
        "key": str(2 * (length + width)),
    }


@verifier("rectangle_perimeter")
def rectangle_perimeter_verify(values, key):
    return values["length"] > values["width"] > 0 and int(key) == values["length"] * 2 + values["width"] * 2


@generator("rectangle_area")
def rectangle_area(rng, options):
    width = rng.randint(2, options.get("max_side", 15) - 1)
    length = rng.randint(width + 1, options.get("max_side", 15))
    return {"values": {"length": length, "width": width, "result": length * width}, "key": str(length * width)}


@verifier("rectangle_area")
def rectangle_area_verify(values, key):
    return values["length"] > values["width"] > 0 and int(key) == sum([values["length"]] * values["width"])


@generator("square_side")
def square_side(rng, options):
    side = rng.randint(2, options.get("max_side", 25))
    return {"values": {"perimeter": 4 * side, "result": side}, "key": str(side)}


@verifier("square_side")
def square_side_verify(values, key):
    return values["perimeter"] % 4 == 0 and int(key) * 4 == values["perimeter"]


@generator("triangle_third_angle")
def triangle_third_angle(rng, options):
    """Two angles of a triangle, each at least 15°, the third at least 10°."""
    while True:
        a, b = rng.randint(15, 150), rng.randint(15, 150)
        if 180 - a - b >= 10:
            return {"values": {"a": a, "b": b, "result": 180 - a - b}, "key": str(180 - a - b)}


@verifier("triangle_third_angle")
def triangle_third_angle_verify(values, key):
    return min(values["a"], values["b"]) >= 15 and int(key) >= 10 and values["a"] + values["b"] + int(key) == 180


@generator("isosceles_apex")
def isosceles_apex(rng, options):
    base = rng.randint(20, 85)
    return {"values": {"base_angle": base, "result": 180 - 2 * base}, "key": str(180 - 2 * base)}


@verifier("isosceles_apex")
def isosceles_apex_verify(values, key):
    return int(key) > 0 and int(key) + values["base_angle"] * 2 == 180


@generator("adjacent_angle")
def adjacent_angle(rng, options):
    a = rng.choice([x for x in range(10, 171, 5) if x != 90])
    return {"values": {"a": a, "result": 180 - a}, "key": str(180 - a)}


@verifier("adjacent_angle")
def adjacent_angle_verify(values, key):
    return 0 < int(key) < 180 and int(key) + values["a"] == 180


@generator("exterior_angle")
def exterior_angle(rng, options):
    exterior = rng.randint(60, 170)
    known = rng.randint(10, exterior - 10)
    return {"values": {"exterior": exterior, "known": known, "result": exterior - known}, "key": str(exterior - known)}


@verifier("exterior_angle")
def exterior_angle_verify(values, key):
    interior = 180 - values["exterior"]
    return int(key) > 0 and interior + values["known"] + int(key) == 180


@generator("triangle_area")
def triangle_area(rng, options):
    """Base · height / 2; with ``halves: false`` the product is even, so the area is whole."""
    while True:
        base, height = rng.randint(3, options.get("max_side", 20)), rng.randint(2, options.get("max_side", 20))
        if options.get("halves", True) or base * height % 2 == 0:
            break
    area = Fraction(base * height, 2)
    return {
        "values": {"base": base, "height": height, "product": base * height, "result": number_key(area)},
        "key": number_key(area),
    }


@verifier("triangle_area")
def triangle_area_verify(values, key):
    return Fraction(key) * 2 == values["base"] * values["height"]
