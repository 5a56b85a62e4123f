"""Grade 8 figures: a tangent to a circle from an outside point."""

from qalan.trainer.content.figures import drawer, svg_figure, svg_text


@drawer(
    "g08_tangent",
    label={
        "kk": "Шеңбер және жанама",
        "ru": "Окружность и касательная",
        "en": "A circle and a tangent",
        "uz": "Aylana va urinma",
    },
)
def g08_tangent(params: dict, language: str) -> str:
    """A circle with centre O, a tangent from A touching it at B, the radius OB and the segment OA."""
    # O = (70, 90), r = 45; A = (200, 90); B is the point of contact: OB ⟂ AB.
    body = '<circle cx="70" cy="90" r="45"/><line x1="70" y1="90" x2="200" y2="90"/>'
    body += '<line x1="70" y1="90" x2="85.6" y2="47.8"/><line x1="85.6" y1="47.8" x2="200" y2="90"/>'
    body += '<circle cx="70" cy="90" r="3" fill="currentColor"/>'
    body += svg_text(62, 108, "O") + svg_text(208, 95, "A", "start") + svg_text(84, 38, "B")
    return svg_figure("g08_tangent", language, "O, AB", body)
