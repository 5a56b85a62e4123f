"""Grade 5 figures: a cuboid with its edges labelled, a bar chart."""

from html import escape

from qalan.trainer.content.figures import drawer, svg_figure, svg_text, value_label


@drawer(
    "g05_cuboid",
    label={
        "kk": "Тікбұрышты параллелепипед",
        "ru": "Прямоугольный параллелепипед",
        "en": "Cuboid",
        "uz": "Toʻgʻri burchakli parallelepiped",
    },
)
def g05_cuboid(params: dict, language: str) -> str:
    """A cuboid in oblique projection: length (front, below), width (depth, right), height (left)."""
    unit = params.get("unit", "")
    a, b, c = (value_label(params.get(k, ""), language, unit) for k in ("length", "width", "height"))
    front = '<rect x="30" y="60" width="120" height="70"/>'
    back = '<polyline points="30,60 70,25 190,25 150,60"/><polyline points="190,25 190,95 150,130"/>'
    hidden = '<polyline points="30,130 70,95 190,95" stroke-dasharray="4 4"/><line x1="70" y1="25" x2="70" y2="95" stroke-dasharray="4 4"/>'
    body = front + back + hidden + svg_text(90, 150, a) + svg_text(184, 124, b, "start") + svg_text(24, 100, c, "end")
    return svg_figure("g05_cuboid", language, f"{a} × {b} × {c}", body, width=240, height=160)


@drawer(
    "g05_bar_chart",
    label={"kk": "Бағанды диаграмма", "ru": "Столбчатая диаграмма", "en": "Bar chart", "uz": "Ustunli diagramma"},
)
def g05_bar_chart(params: dict, language: str) -> str:
    """Vertical bars with their values on top and language labels below; a scale every 10."""
    bars = [int(v) for v in params.get("values", [])]
    labels = params.get("labels", [])
    top = max(bars + [10])
    top = (top + 9) // 10 * 10
    height, base, left = 120, 140, 40
    body = f'<line x1="{left}" y1="{base}" x2="{left + 50 * len(bars)}" y2="{base}"/><line x1="{left}" y1="{base}" x2="{left}" y2="{base - height - 5}"/>'
    for tick in range(0, top + 1, 10):
        y = base - height * tick / top
        body += f'<line x1="{left - 4}" y1="{y:.1f}" x2="{left}" y2="{y:.1f}" stroke-width="1"/>'
        if tick % 20 == 0:
            body += svg_text(left - 8, round(y + 5, 1), value_label(tick, language), "end")
    details = []
    for i, value in enumerate(bars):
        h = height * value / top
        x = left + 10 + 50 * i
        body += f'<rect x="{x}" y="{base - h:.1f}" width="30" height="{h:.1f}" fill="currentColor" fill-opacity="0.3"/>'
        label = (
            labels[i].get(language, "")
            if i < len(labels) and isinstance(labels[i], dict)
            else str(labels[i] if i < len(labels) else "")
        )
        body += svg_text(x + 15, round(base - h - 4, 1), value_label(value, language)) + svg_text(
            x + 15, base + 16, escape(label)
        )
        details.append(f"{escape(label)} {value_label(value, language)}")
    return svg_figure("g05_bar_chart", language, ", ".join(details), body, width=left + 50 * len(bars) + 10, height=165)
