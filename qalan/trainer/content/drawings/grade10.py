"""Grade 10 figures: the cube ABCDA1B1C1D1 with two lines drawn bold."""

from html import escape

from qalan.trainer.content.figures import drawer, svg_figure

# Oblique projection: the front face ABB1A1, the back face DCC1D1 shifted up and right.
_AT = {
    "A": (40, 170), "B": (150, 170), "C": (200, 130), "D": (90, 130),
    "A_1": (40, 60), "B_1": (150, 60), "C_1": (200, 20), "D_1": (90, 20),
}
_HIDDEN = {("A", "D"), ("D", "C"), ("D", "D_1")}
_EDGES = [("A", "B"), ("B", "C"), ("C", "D"), ("D", "A"), ("A_1", "B_1"), ("B_1", "C_1"), ("C_1", "D_1"), ("D_1", "A_1"),
          ("A", "A_1"), ("B", "B_1"), ("C", "C_1"), ("D", "D_1")]


def _label(name: str) -> str:
    return name.replace("_1", "₁")


def _text(x, y, content):
    return f'<text x="{x}" y="{y}" text-anchor="middle" fill="currentColor" stroke="none" font-size="13">{content}</text>'


@drawer("g10_cube", label={"kk": "Куб", "ru": "Куб", "en": "Cube", "uz": "Kub"})
def g10_cube(params: dict, language: str) -> str:
    """``lines``: [[end, end], ...] drawn bold (each may run along an edge or a face diagonal)."""
    body = ""
    for a, b in _EDGES:
        (x1, y1), (x2, y2) = _AT[a], _AT[b]
        dash = ' stroke-dasharray="5 4"' if (a, b) in _HIDDEN or (b, a) in _HIDDEN else ""
        body += f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke-width="1.5"{dash}/>'
    named = []
    for line in params.get("lines") or []:
        a, b = str(line[0]), str(line[1])
        if a in _AT and b in _AT:
            (x1, y1), (x2, y2) = _AT[a], _AT[b]
            body += f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke-width="4"/>'
            named.append(_label(a) + _label(b))
    for name, (x, y) in _AT.items():
        dx = -12 if x < 100 else 12
        dy = 16 if y > 100 else -6
        body += _text(x + dx, y + dy, escape(_label(name)))
    return svg_figure("g10_cube", language, ", ".join(named), body, width=230, height=195)
