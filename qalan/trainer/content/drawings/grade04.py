"""Grade 4 figures: a bar chart, a circle with its radius and diameter, a cuboid."""

from html import escape

from qalan.trainer.content.figures import drawer, svg_figure, svg_text, value_label


@drawer(
    "g04_bar_chart",
    label={"kk": "Бағандық диаграмма", "ru": "Столбчатая диаграмма", "en": "Bar chart", "uz": "Ustunli diagramma"},
)
def g04_bar_chart(params: dict, language: str) -> str:
    """Bars ``bars`` (numbers) with ``labels`` (language maps or strings) and the value on each bar."""
    bars = [int(v) for v in params.get("bars", [])] or [0]
    labels = params.get("labels", [])
    top = max(max(bars), 1)
    width, height, base = 52 * len(bars) + 30, 190, 160
    body = f'<line x1="20" y1="{base}" x2="{width - 10}" y2="{base}"/><line x1="20" y1="10" x2="20" y2="{base}"/>'
    details = []
    for i, v in enumerate(bars):
        h = round(130 * v / top)
        x = 30 + 52 * i
        label = labels[i] if i < len(labels) else ""
        label = label.get(language, "") if isinstance(label, dict) else str(label)
        body += f'<rect x="{x}" y="{base - h}" width="26" height="{h}" fill="currentColor" fill-opacity="0.3"/>'
        body += svg_text(x + 13, base - h - 4, value_label(v, language)) + svg_text(
            x + 13, base + 18, escape(label)
        ).replace('font-size="14"', 'font-size="12"')
        details.append(f"{label} {v}")
    return svg_figure("g04_bar_chart", language, escape(", ".join(details)), body, width=width, height=height)


@drawer("g04_circle", label={"kk": "Шеңбер", "ru": "Окружность", "en": "Circle", "uz": "Aylana"})
def g04_circle(params: dict, language: str) -> str:
    """A circle with centre O; ``radius`` labels a radius, ``diameter`` labels a diameter (``?`` for the unknown)."""
    unit = params.get("unit", "")
    body = '<circle cx="110" cy="80" r="65"/><circle cx="110" cy="80" r="2" fill="currentColor"/>' + svg_text(
        104, 96, "O"
    )
    details = []
    if "radius" in params:
        label = value_label(params["radius"], language, unit)
        body += '<line x1="110" y1="80" x2="156" y2="34"/>' + svg_text(150, 66, label, "start")
        details.append(f"r {label}")
    if "diameter" in params:
        label = value_label(params["diameter"], language, unit)
        body += '<line x1="45" y1="80" x2="175" y2="80"/>' + svg_text(75, 74, label)
        details.append(f"d {label}")
    return svg_figure("g04_circle", language, ", ".join(details), body)


@drawer(
    "g04_cuboid",
    label={
        "kk": "Тікбұрышты параллелепипед",
        "ru": "Прямоугольный параллелепипед",
        "en": "Cuboid",
        "uz": "Toʻgʻri burchakli parallelepiped",
    },
)
def g04_cuboid(params: dict, language: str) -> str:
    """A cuboid in oblique projection with its length, width and height labelled."""
    unit = params.get("unit", "")
    a, b, c = (value_label(params.get(k, ""), language, unit) for k in ("length", "width", "height"))
    body = '<g transform="translate(40 0)">' + (
        '<rect x="30" y="55" width="120" height="80"/>'
        '<polyline points="30,55 70,20 190,20 190,100 150,135"/><line x1="150" y1="55" x2="190" y2="20"/>'
        '<polyline points="30,135 70,100 190,100" stroke-dasharray="4 3"/><line x1="70" y1="20" x2="70" y2="100" stroke-dasharray="4 3"/>'
    )
    body += svg_text(90, 152, a) + svg_text(176, 128, b, "start") + svg_text(24, 100, c, "end") + "</g>"
    return svg_figure("g04_cuboid", language, f"{a} × {b} × {c}", body, width=270)
