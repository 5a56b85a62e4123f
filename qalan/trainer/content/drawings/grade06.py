"""Grade 6 figures: a coordinate line with a marked point, a coordinate plane with a point, a circle."""

from qalan.trainer.content.figures import drawer, svg_figure, svg_text, value_label


@drawer(
    "g06_coordinate_line",
    label={
        "kk": "Координаталық түзу",
        "ru": "Координатная прямая",
        "en": "Coordinate line",
        "uz": "Koordinata toʻgʻri chizigʻi",
    },
)
def g06_coordinate_line(params: dict, language: str) -> str:
    """Whole ticks from ``start`` to ``end``; 0 and 1 labelled (the unit segment); point ``label`` at ``point``."""
    start, end = int(params.get("start", -5)), int(params.get("end", 5))
    point, label = params.get("point"), str(params.get("label", "A"))
    span = max(end - start, 1)
    x_of = lambda v: 15 + 210 * (v - start) / span  # noqa: E731
    body = '<line x1="5" y1="70" x2="235" y2="70"/><polyline points="229,65 235,70 229,75"/>'
    for v in range(start, end + 1):
        x = x_of(v)
        body += f'<line x1="{x:.1f}" y1="64" x2="{x:.1f}" y2="76" stroke-width="{2 if v == 0 else 1}"/>'
        if v in (0, 1):
            body += svg_text(round(x, 1), 96, value_label(v, language))
    if point is not None:
        x = x_of(int(point))
        body += f'<circle cx="{x:.1f}" cy="70" r="4" fill="currentColor"/>' + svg_text(round(x, 1), 52, label)
    return svg_figure("g06_coordinate_line", language, f"{label}, 0, 1", body, width=240, height=110)


@drawer(
    "g06_plane",
    label={
        "kk": "Координаталық жазықтық",
        "ru": "Координатная плоскость",
        "en": "Coordinate plane",
        "uz": "Koordinata tekisligi",
    },
)
def g06_plane(params: dict, language: str) -> str:
    """A grid from −6 to 6 on both axes, axes x and y, unit marks 1, and point ``label`` at (x, y)."""
    size, step, centre = 13, 15, 105
    body = ""
    for i in range(size):
        c = 15 + i * step
        body += f'<line x1="{c}" y1="15" x2="{c}" y2="195" stroke-width="0.5"/><line x1="15" y1="{c}" x2="195" y2="{c}" stroke-width="0.5"/>'
    body += f'<line x1="10" y1="{centre}" x2="205" y2="{centre}"/><line x1="{centre}" y1="205" x2="{centre}" y2="5"/>'
    body += f'<polyline points="199,{centre - 5} 205,{centre} 199,{centre + 5}"/><polyline points="{centre - 5},11 {centre},5 {centre + 5},11"/>'
    body += svg_text(212, centre + 5, "x") + svg_text(centre + 12, 12, "y") + svg_text(centre - 8, centre + 14, "O")
    body += svg_text(centre + step, centre + 14, value_label(1, language)) + svg_text(
        centre - 10, centre - step + 5, value_label(1, language)
    )
    x, y, label = params.get("x"), params.get("y"), str(params.get("label", "A"))
    if x is not None and y is not None:
        px, py = centre + int(x) * step, centre - int(y) * step
        body += f'<circle cx="{px}" cy="{py}" r="4" fill="currentColor"/>' + svg_text(px + 10, py - 6, label)
    return svg_figure("g06_plane", language, label, body, width=220, height=210)


@drawer("g06_circle", label={"kk": "Шеңбер", "ru": "Окружность", "en": "Circle", "uz": "Aylana"})
def g06_circle(params: dict, language: str) -> str:
    """A circle with its centre O and a radius (or a diameter) labelled."""
    unit = params.get("unit", "")
    body = '<circle cx="110" cy="80" r="60"/><circle cx="110" cy="80" r="2.5" fill="currentColor"/>' + svg_text(
        104, 96, "O"
    )
    if params.get("diameter") not in (None, ""):
        text = value_label(params["diameter"], language, unit)
        body += '<line x1="50" y1="80" x2="170" y2="80"/>' + svg_text(140, 72, f"d = {text}")
        details = f"d = {text}"
    else:
        text = value_label(params.get("radius", ""), language, unit)
        body += '<line x1="110" y1="80" x2="152" y2="38"/>' + svg_text(150, 66, f"r = {text}", "start")
        details = f"r = {text}"
    return svg_figure("g06_circle", language, details, body, width=220, height=160)
