"""Grade 2 figures: a polygon with its sides labelled, a column sum, a small data table."""

import math
from html import escape

from qalan.trainer.content.figures import drawer, svg_figure, svg_text, value_label


@drawer("g02_polygon", label={"kk": "Көпбұрыш", "ru": "Многоугольник", "en": "A polygon", "uz": "Koʻpburchak"})
def g02_polygon(params: dict, language: str) -> str:
    """A polygon whose sides are labelled with ``sides`` (a list of lengths), in ``unit``."""
    sides = params.get("sides", [])
    if isinstance(sides, str):
        sides = [int(s) for s in sides.split(",") if s.strip()]
    n = max(3, min(len(sides), 6))
    unit = params.get("unit", "cm")
    cx, cy, r = 130, 95, 65
    if n == 4:
        points = [(45, 40), (215, 40), (200, 150), (60, 150)]
    else:
        points = [
            (cx + r * math.sin(2 * math.pi * i / n + math.pi / n), cy - r * math.cos(2 * math.pi * i / n + math.pi / n))
            for i in range(n)
        ]
        if n == 3:
            points = [(130, 25), (225, 160), (35, 160)]
    body = '<polygon points="' + " ".join(f"{x:.1f},{y:.1f}" for x, y in points) + '"/>'
    labels = []
    for i in range(n):
        (x1, y1), (x2, y2) = points[i], points[(i + 1) % n]
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        dx, dy = mx - cx, my - cy
        d = math.hypot(dx, dy) or 1
        lx, ly = mx + 18 * dx / d, my + 18 * dy / d + 5
        text = value_label(sides[i] if i < len(sides) else "", language, unit)
        labels.append(text)
        body += svg_text(round(lx, 1), round(ly, 1), text)
    return svg_figure("g02_polygon", language, ", ".join(labels), body, width=260, height=190)


@drawer(
    "g02_column",
    label={"kk": "Бағанмен есептеу", "ru": "Запись столбиком", "en": "A column sum", "uz": "Ustun shaklida hisoblash"},
)
def g02_column(params: dict, language: str) -> str:
    """Two two-digit numbers one under the other with ``op`` (+ or −) and a line for the answer."""
    a, b, op = str(params.get("a", "")), str(params.get("b", "")), "+" if params.get("op", "+") == "+" else "−"
    body = ""
    for row, number in enumerate((a, b)):
        for i, digit in enumerate(reversed(number)):
            body += f'<text x="{100 - i * 24}" y="{40 + row * 34}" text-anchor="middle" fill="currentColor" stroke="none" font-size="24">{escape(digit)}</text>'
    body += f'<text x="40" y="58" text-anchor="middle" fill="currentColor" stroke="none" font-size="24">{op}</text>'
    body += '<line x1="55" y1="86" x2="115" y2="86"/>'
    body += '<text x="76" y="118" text-anchor="middle" fill="currentColor" stroke="none" font-size="24">?</text>'
    body += '<text x="100" y="118" text-anchor="middle" fill="currentColor" stroke="none" font-size="24">?</text>'
    return svg_figure("g02_column", language, f"{a} {op} {b}", body, width=150, height=130)


@drawer("g02_table", label={"kk": "Кесте", "ru": "Таблица", "en": "A table", "uz": "Jadval"})
def g02_table(params: dict, language: str) -> str:
    """A two-column table: ``head`` (two texts), ``rows`` a list of [label, value]; labels may be
    language maps."""
    head = params.get("head", ["", ""])
    rows = params.get("rows", [])

    def text(value):
        if isinstance(value, dict):
            return escape(str(value.get(language, "")))
        return value_label(value, language)

    height = 30 * (len(rows) + 1) + 10
    body = f'<rect x="5" y="5" width="250" height="{30 * (len(rows) + 1)}"/><line x1="165" y1="5" x2="165" y2="{5 + 30 * (len(rows) + 1)}"/>'
    for i, cells in enumerate([head, *rows]):
        y = 5 + 30 * i
        if i:
            body += f'<line x1="5" y1="{y}" x2="255" y2="{y}"/>'
        body += svg_text(85, y + 20, text(cells[0])) + svg_text(210, y + 20, text(cells[1]))
    details = "; ".join(f"{text(r[0])} {text(r[1])}" for r in rows)
    return svg_figure("g02_table", language, details, body, width=260, height=height)


@drawer("g02_lines", label={"kk": "Сызық", "ru": "Линия", "en": "A line", "uz": "Chiziq"})
def g02_lines(params: dict, language: str) -> str:
    """A segment, a ray, a line, a broken line or an angle (right, acute, obtuse), by ``kind``."""
    kind = str(params.get("kind", "segment"))
    dot = '<circle cx="{}" cy="{}" r="4" fill="currentColor"/>'
    arrow = '<polygon points="{0},{1} {2},{3} {4},{5}" fill="currentColor"/>'
    if kind == "segment":
        body = '<line x1="30" y1="90" x2="190" y2="60"/>' + dot.format(30, 90) + dot.format(190, 60)
    elif kind == "ray":
        body = '<line x1="30" y1="90" x2="200" y2="58"/>' + dot.format(30, 90) + arrow.format(205, 57, 193, 54, 195, 66)
    elif kind == "line":
        body = (
            '<line x1="15" y1="95" x2="205" y2="55"/>'
            + arrow.format(210, 54, 198, 51, 200, 63)
            + arrow.format(10, 96, 22, 93, 20, 105)
        )
    elif kind == "broken":
        pts = [(20, 120), (70, 40), (120, 110), (160, 50), (200, 90)]
        body = (
            '<polyline points="'
            + " ".join(f"{x},{y}" for x, y in pts)
            + '"/>'
            + "".join(dot.format(x, y) for x, y in pts)
        )
    else:
        end = {"right": (40, 20), "acute": (150, 40), "obtuse": (-30, 40)}.get(kind, (40, 20))
        body = (
            f'<line x1="40" y1="130" x2="200" y2="130"/><line x1="40" y1="130" x2="{40 + end[0]}" y2="{end[1]}"/>'
            + dot.format(40, 130)
        )
        if kind == "right":
            body += '<polyline points="40,110 60,110 60,130"/>'
        body = body.replace('x1="40" y1="130" x2="200"', 'x1="40" y1="130" x2="200"')
    return svg_figure("g02_lines", language, "", body)
