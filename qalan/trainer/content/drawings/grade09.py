"""Grade 9 figures: two points on the coordinate plane, a circular sector."""

import math

from qalan.trainer.content.figures import drawer, svg_figure, svg_text, value_label


@drawer(
    "g09_points",
    label={
        "kk": "Координаталық жазықтық",
        "ru": "Координатная плоскость",
        "en": "Coordinate plane",
        "uz": "Koordinata tekisligi",
    },
)
def g09_points(params: dict, language: str) -> str:
    """The axes and the points A and B joined by a segment; the scale fits both points."""
    pts = [
        (float(params.get("ax", 0)), float(params.get("ay", 0))),
        (float(params.get("bx", 0)), float(params.get("by", 0))),
    ]
    span = max(1.0, *(abs(v) for p in pts for v in p))
    w, h, cx, cy = 220, 220, 110, 110
    k = 95 / span

    def at(x, y):
        return round(cx + k * x, 1), round(cy - k * y, 1)

    body = f'<line x1="5" y1="{cy}" x2="{w - 5}" y2="{cy}" stroke-width="1"/><line x1="{cx}" y1="{h - 5}" x2="{cx}" y2="5" stroke-width="1"/>'
    body += svg_text(w - 10, cy - 6, "x") + svg_text(cx + 10, 14, "y") + svg_text(cx - 8, cy + 16, "O")
    (x1, y1), (x2, y2) = at(*pts[0]), at(*pts[1])
    body += f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"/>'
    details = []
    for name, (x, y), (px, py) in (("A", (x1, y1), pts[0]), ("B", (x2, y2), pts[1])):
        body += f'<circle cx="{x}" cy="{y}" r="3" fill="currentColor"/>' + svg_text(x + 10, y - 8, name)
        sep = ", " if language == "en" else "; "
        details.append(
            f"{name}({value_label(px if px % 1 else int(px), language)}{sep}{value_label(py if py % 1 else int(py), language)})"
        )
    return svg_figure("g09_points", language, ", ".join(details), body, width=w, height=h)


@drawer(
    "g09_sector",
    label={"kk": "Дөңгелек секторы", "ru": "Круговой сектор", "en": "Circular sector", "uz": "Doiraviy sektor"},
)
def g09_sector(params: dict, language: str) -> str:
    """A circle with a sector of ``angle`` degrees shaded and its radius labelled."""
    angle = float(params.get("angle", 60))
    r, cx, cy = 70, 110, 90
    end = math.radians(angle)
    x2, y2 = cx + r * math.cos(end), cy - r * math.sin(end)
    large = 1 if angle > 180 else 0
    body = f'<circle cx="{cx}" cy="{cy}" r="{r}" stroke-width="1"/>'
    body += f'<path d="M {cx} {cy} L {cx + r} {cy} A {r} {r} 0 {large} 0 {x2:.1f} {y2:.1f} Z" fill="currentColor" fill-opacity="0.25"/>'
    label_r = value_label(params.get("radius", ""), language, params.get("unit", ""))
    label_a = value_label(params.get("angle", ""), language, "deg")
    mid = end / 2
    body += svg_text(cx + r / 2, cy + 16, label_r) + svg_text(
        round(cx + 28 * math.cos(mid), 1) + 12, round(cy - 28 * math.sin(mid), 1), label_a, "start"
    )
    return svg_figure("g09_sector", language, f"R {label_r}, {label_a}", body, height=180)
