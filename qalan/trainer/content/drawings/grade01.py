"""Grade 1 figures: objects to count, a ruler under a segment, shapes, polygons, coins, a clock face."""

import math
from html import escape

from qalan.trainer.content.figures import drawer, svg_figure, svg_text
from qalan.trainer.content.locale import unit_text


@drawer("g01_dots", label={"kk": "Заттар", "ru": "Предметы", "en": "Objects", "uz": "Narsalar"})
def g01_dots(params: dict, language: str) -> str:
    """``count`` shapes (``kind``: circle, star, square, triangle) in rows of five (a ten-frame layout), so a child can count them."""
    count = max(0, min(int(params.get("count", 0)), 20))
    kind = str(params.get("kind", "circle"))
    body = ""
    for i in range(count):
        row, col = divmod(i, 5)
        x, y = 30 + col * 40, 30 + row * 36
        shape = {
            "star": " ".join(
                f"{x + r * math.sin(math.pi * k / 5):.1f},{y - r * math.cos(math.pi * k / 5):.1f}"
                for k, r in ((k, 14 if k % 2 == 0 else 6) for k in range(10))
            ),
            "triangle": f"{x - 13},{y + 11} {x + 13},{y + 11} {x},{y - 13}",
            "diamond": f"{x},{y - 14} {x + 10},{y} {x},{y + 14} {x - 10},{y}",
        }
        if kind == "balloon":
            body += (
                f'<ellipse cx="{x}" cy="{y - 3}" rx="10" ry="12" fill="currentColor" fill-opacity="0.25"/>'
                f'<line x1="{x}" y1="{y + 9}" x2="{x}" y2="{y + 16}" stroke-width="1"/>'
            )
        elif kind in shape:
            body += f'<polygon points="{shape[kind]}" fill="currentColor" fill-opacity="0.25"/>'
        elif kind == "square":
            body += f'<rect x="{x - 12}" y="{y - 12}" width="24" height="24" fill="currentColor" fill-opacity="0.25"/>'
        else:
            body += f'<circle cx="{x}" cy="{y}" r="13" fill="currentColor" fill-opacity="0.25"/>'
    height = 30 + max(1, math.ceil(count / 5)) * 36
    return svg_figure("g01_dots", language, "", body, width=220, height=height)


@drawer(
    "g01_ruler",
    label={
        "kk": "Сызғыш және кесінді",
        "ru": "Линейка и отрезок",
        "en": "A ruler and a segment",
        "uz": "Chizgʻich va kesma",
    },
)
def g01_ruler(params: dict, language: str) -> str:
    """A segment from 0 to ``length`` cm drawn above a ruler marked 0 … ``end`` cm."""
    length = int(params.get("length", 5))
    end = max(int(params.get("end", 15)), length)
    step = 280 / end
    body = f'<line x1="20" y1="30" x2="{20 + length * step:.1f}" y2="30" stroke-width="4"/>'
    body += f'<circle cx="20" cy="30" r="3" fill="currentColor"/><circle cx="{20 + length * step:.1f}" cy="30" r="3" fill="currentColor"/>'
    body += f'<rect x="10" y="45" width="{300}" height="40"/>'
    for i in range(end + 1):
        x = 20 + i * step
        body += f'<line x1="{x:.1f}" y1="45" x2="{x:.1f}" y2="{60 if i % 5 else 65}" stroke-width="1"/>'
        body += (
            f'<text x="{x:.1f}" y="80" text-anchor="middle" fill="currentColor" stroke="none" font-size="10">{i}</text>'
        )
    return svg_figure("g01_ruler", language, "", body, width=320, height=100)


def _polygon_points(n: int, cx=110, cy=80, r=60) -> list[tuple[float, float]]:
    return [(cx + r * math.sin(2 * math.pi * i / n), cy - r * math.cos(2 * math.pi * i / n)) for i in range(n)]


@drawer("g01_polygon", label={"kk": "Көпбұрыш", "ru": "Многоугольник", "en": "A polygon", "uz": "Koʻpburchak"})
def g01_polygon(params: dict, language: str) -> str:
    """A polygon with ``corners`` vertices (3 … 8), slightly irregular by ``tilt``."""
    n = max(3, min(int(params.get("corners", 3)), 8))
    tilt = int(params.get("tilt", 0))
    points = _polygon_points(n)
    points = [
        (x + (6 if (i + tilt) % 2 else -4), y + (5 if (i + tilt) % 3 == 0 else 0)) for i, (x, y) in enumerate(points)
    ]
    body = '<polygon points="' + " ".join(f"{x:.1f},{y:.1f}" for x, y in points) + '"/>'
    body += "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="currentColor"/>' for x, y in points)
    return svg_figure("g01_polygon", language, "", body)


@drawer("g01_shape", label={"kk": "Фигура", "ru": "Фигура", "en": "A shape", "uz": "Shakl"})
def g01_shape(params: dict, language: str) -> str:
    """One plane shape: circle, oval, triangle, square, rectangle, pentagon, hexagon."""
    kind = str(params.get("kind", "circle"))
    body = {
        "circle": '<circle cx="110" cy="80" r="55"/>',
        "oval": '<ellipse cx="110" cy="80" rx="85" ry="45"/>',
        "triangle": '<polygon points="30,140 190,140 110,20"/>',
        "square": '<rect x="50" y="20" width="120" height="120"/>',
        "rectangle": '<rect x="20" y="40" width="180" height="80"/>',
        "pentagon": '<polygon points="' + " ".join(f"{x:.1f},{y:.1f}" for x, y in _polygon_points(5)) + '"/>',
        "hexagon": '<polygon points="' + " ".join(f"{x:.1f},{y:.1f}" for x, y in _polygon_points(6)) + '"/>',
    }.get(kind, '<circle cx="110" cy="80" r="55"/>')
    return svg_figure("g01_shape", language, "", body)


@drawer("g01_coins", label={"kk": "Тиындар", "ru": "Монеты", "en": "Coins", "uz": "Tangalar"})
def g01_coins(params: dict, language: str) -> str:
    """Coins in a row, ``coins`` a list of values in tenge (or a comma-separated string)."""
    coins = params.get("coins", [])
    if isinstance(coins, str):
        coins = [int(c) for c in coins.split(",") if c.strip()]
    coins = [int(c) for c in coins][:8]
    body = ""
    for i, c in enumerate(coins):
        row, col = divmod(i, 4)
        x, y = 35 + col * 55, 35 + row * 60
        r = 18 + (4 if c >= 10 else 0) + (3 if c >= 50 else 0)
        body += f'<circle cx="{x}" cy="{y}" r="{r}"/>' + svg_text(x, y + 5, escape(str(c)))
    details = " + ".join(str(c) for c in coins) + " " + unit_text("tenge", language)
    return svg_figure(
        "g01_coins", language, details, body, width=230, height=40 + 60 * max(1, math.ceil(len(coins) / 4))
    )


@drawer("g01_clock", label={"kk": "Сағат", "ru": "Часы", "en": "A clock", "uz": "Soat"})
def g01_clock(params: dict, language: str) -> str:
    """A clock face showing ``hour`` (1 … 12) and ``minute`` (0 … 55, in fives)."""
    hour, minute = int(params.get("hour", 12)) % 12, int(params.get("minute", 0)) % 60
    cx, cy, r = 100, 100, 80
    body = f'<circle cx="{cx}" cy="{cy}" r="{r}"/>'
    for h in range(1, 13):
        a = 2 * math.pi * h / 12
        body += svg_text(round(cx + 64 * math.sin(a), 1), round(cy - 64 * math.cos(a) + 5, 1), str(h))
    for m in range(60):
        a = 2 * math.pi * m / 60
        inner = 74 if m % 5 else 70
        body += (
            f'<line x1="{cx + inner * math.sin(a):.1f}" y1="{cy - inner * math.cos(a):.1f}" '
            f'x2="{cx + r * math.sin(a):.1f}" y2="{cy - r * math.cos(a):.1f}" stroke-width="1"/>'
        )
    ha = 2 * math.pi * (hour + minute / 60) / 12
    ma = 2 * math.pi * minute / 60
    body += f'<line x1="{cx}" y1="{cy}" x2="{cx + 38 * math.sin(ha):.1f}" y2="{cy - 38 * math.cos(ha):.1f}" stroke-width="5"/>'
    body += f'<line x1="{cx}" y1="{cy}" x2="{cx + 60 * math.sin(ma):.1f}" y2="{cy - 60 * math.cos(ma):.1f}" stroke-width="3"/>'
    body += f'<circle cx="{cx}" cy="{cy}" r="4" fill="currentColor"/>'
    return svg_figure("g01_clock", language, "", body, width=200, height=200)
