"""SVG figures drawn from an item's parameters, registered by name; no script, no external references.

The basic drawers live here; more live in ``qalan.trainer.content.drawings`` (one module per
grade or topic), registered with ``@drawer(name, label={kk, ru, en, uz})``.
"""

import importlib
import pkgutil
from collections.abc import Callable
from html import escape

from qalan.trainer.content.locale import as_number, number_text, unit_text

_DRAWERS: dict[str, Callable[[dict, str], str]] = {}
LABELS = {
    "rectangle": {"kk": "Тіктөртбұрыш", "ru": "Прямоугольник", "en": "Rectangle", "uz": "Toʻgʻri toʻrtburchak"},
    "triangle": {"kk": "Үшбұрыш", "ru": "Треугольник", "en": "Triangle", "uz": "Uchburchak"},
    "angle": {"kk": "Бұрыш", "ru": "Угол", "en": "Angle", "uz": "Burchak"},
    "number_line": {"kk": "Сан түзуі", "ru": "Числовая прямая", "en": "Number line", "uz": "Son oʻqi"},
    "fraction_bar": {"kk": "Бөлшек жолағы", "ru": "Полоска дроби", "en": "Fraction bar", "uz": "Kasr tasmasi"},
}


_loaded = False


def drawer(name: str, label: dict | None = None):
    """Register a drawer; ``label`` (kk, ru, en, uz) names the figure for screen readers."""

    def register(function):
        if name in _DRAWERS and _DRAWERS[name] is not function:
            raise ValueError(f"figure {name!r} is registered twice")
        _DRAWERS[name] = function
        if label:
            LABELS[name] = label
        return function

    return register


def _ensure_loaded() -> None:
    global _loaded
    if not _loaded:
        _loaded = True
        from qalan.trainer.content import drawings

        for module in pkgutil.iter_modules(drawings.__path__):
            if not module.name.startswith("_"):
                importlib.import_module(f"{drawings.__name__}.{module.name}")


def drawer_names() -> list[str]:
    _ensure_loaded()
    return sorted(_DRAWERS)


def figure_draw(name: str, params: dict, language: str) -> str:
    _ensure_loaded()
    return _DRAWERS[name](params, language)


def value_label(value, language: str, unit: str = "") -> str:
    text = value if isinstance(value, str) else number_text(value, language)
    if unit and text not in ("", "?"):
        text = f"{text}°" if unit == "deg" else f"{text} {unit_text(unit, language)}"
    return escape(text)


def svg_figure(kind: str, language: str, details: str, body: str, width: int = 220, height: int = 160) -> str:
    aria = escape(f"{LABELS[kind][language]}: {details}" if details else LABELS[kind][language])
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="{aria}"><g fill="none" stroke="currentColor" '
        f'stroke-width="2">{body}</g></svg>'
    )


def svg_text(x, y, content, anchor="middle") -> str:
    """A label at (x, y); ``content`` must be escaped already (``value_label`` does it)."""
    return f'<text x="{x}" y="{y}" text-anchor="{anchor}" fill="currentColor" stroke="none" font-size="14">{content}</text>'


@drawer("rectangle")
def rectangle(params: dict, language: str) -> str:
    """A rectangle with its length (below) and width (right) labelled."""
    unit = params.get("unit", "")
    length, width = (
        value_label(params.get("length", ""), language, unit),
        value_label(params.get("width", ""), language, unit),
    )
    body = (
        '<rect x="30" y="25" width="150" height="90"/>' + svg_text(105, 140, length) + svg_text(188, 75, width, "start")
    )
    return svg_figure("rectangle", language, f"{length} × {width}", body)


@drawer("triangle")
def triangle(params: dict, language: str) -> str:
    """A triangle ABC with optional labels of the angles at A, B, C and of the sides."""
    corners = {"a": (25, 135), "b": (195, 135), "c": (80, 25)}
    body = '<polygon points="25,135 195,135 80,25"/>'
    details = []
    offsets = {"a": (28, -8), "b": (-30, -8), "c": (0, 30)}
    for corner, (x, y) in corners.items():
        body += svg_text(
            x + (-10 if corner == "a" else 10 if corner == "b" else 0),
            y + (15 if corner != "c" else -8),
            corner.upper(),
        )
        if f"angle_{corner}" in params:
            label = value_label(params[f"angle_{corner}"], language, "deg")
            dx, dy = offsets[corner]
            body += svg_text(x + dx, y + dy, label)
            details.append(f"{corner.upper()} {label}")
    for side, (x, y) in {"side_ab": (110, 152), "side_bc": (148, 75), "side_ca": (40, 75)}.items():
        if side in params:
            label = value_label(params[side], language, params.get("unit", ""))
            body += svg_text(x, y, label)
            details.append(f"{side[-2:].upper()} {label}")
    return svg_figure("triangle", language, ", ".join(details), body)


@drawer("angle")
def angle(params: dict, language: str) -> str:
    """Two rays from a vertex with the angle's measure (a label; the drawing is schematic)."""
    label = value_label(params.get("label", ""), language, "deg")
    body = '<line x1="30" y1="130" x2="200" y2="130"/><line x1="30" y1="130" x2="150" y2="30"/>'
    body += '<path d="M 70 130 A 40 40 0 0 0 61 104"/>' + svg_text(95, 118, label, "start")
    return svg_figure("angle", language, label, body)


@drawer("number_line")
def number_line(params: dict, language: str) -> str:
    """A number line from ``start`` to ``end`` with whole ticks and a marked point ``mark``."""
    start, end = int(params.get("start", 0)), int(params.get("end", 10))
    span = max(end - start, 1)
    body = '<line x1="10" y1="80" x2="210" y2="80"/>'
    for i in range(span + 1):
        x = 10 + 200 * i / span
        body += f'<line x1="{x:.1f}" y1="74" x2="{x:.1f}" y2="86"/>' + svg_text(
            round(x, 1), 104, value_label(start + i, language)
        )
    details = f"{value_label(start, language)} … {value_label(end, language)}"
    if "mark" in params and params["mark"] not in ("", None):
        mark = as_number(params["mark"])
        if mark is not None and start <= mark <= end:
            x = 10 + 200 * float(mark - start) / span
            body += f'<circle cx="{x:.1f}" cy="80" r="5" fill="currentColor"/>'
            shown = value_label(params.get("mark_label", "?"), language)
            body += svg_text(round(x, 1), 62, shown)
            details += f", {shown}"
    return svg_figure("number_line", language, details, body, height=120)


@drawer("fraction_bar")
def fraction_bar(params: dict, language: str) -> str:
    """A bar split into ``parts`` equal parts with ``shaded`` of them shaded."""
    parts, shaded = max(int(params.get("parts", 1)), 1), int(params.get("shaded", 0))
    step = 200 / parts
    body = "".join(
        f'<rect x="{10 + i * step:.1f}" y="40" width="{step:.1f}" height="40"'
        + (' fill="currentColor" fill-opacity="0.3"' if i < shaded else "")
        + "/>"
        for i in range(parts)
    )
    return svg_figure("fraction_bar", language, f"{shaded}/{parts}", body, height=120)
