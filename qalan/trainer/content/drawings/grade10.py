"""Grade 10 figures: the cube ABCDA1B1C1D1 with two lines drawn bold."""

from html import escape

from qalan.trainer.content.figures import drawer, svg_figure

# Oblique projection: the front face ABB1A1, the back face DCC1D1 shifted up and right.
_AT = {
    "A": (40, 170),
    "B": (150, 170),
    "C": (200, 130),
    "D": (90, 130),
    "A_1": (40, 60),
    "B_1": (150, 60),
    "C_1": (200, 20),
    "D_1": (90, 20),
}
_HIDDEN = {("A", "D"), ("D", "C"), ("D", "D_1")}
_EDGES = [
    ("A", "B"),
    ("B", "C"),
    ("C", "D"),
    ("D", "A"),
    ("A_1", "B_1"),
    ("B_1", "C_1"),
    ("C_1", "D_1"),
    ("D_1", "A_1"),
    ("A", "A_1"),
    ("B", "B_1"),
    ("C", "C_1"),
    ("D", "D_1"),
]


def _label(name: str) -> str:
    return name.replace("_1", "₁")


def _text(x, y, content):
    return (
        f'<text x="{x}" y="{y}" text-anchor="middle" fill="currentColor" stroke="none" font-size="13">{content}</text>'
    )


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


@drawer(
    "g10_oblique",
    label={
        "kk": "Перпендикуляр және көлбеу",
        "ru": "Перпендикуляр и наклонная",
        "en": "Perpendicular and oblique line",
        "uz": "Perpendikulyar va ogʻma",
    },
)
def g10_oblique(params: dict, language: str) -> str:
    """A plane α (a parallelogram), the perpendicular MO, the oblique MA and its projection OA;
    ``mo``, ``ma``, ``oa`` are optional labels (strings, "?" for the unknown)."""
    m, o, a = (80, 25), (80, 135), (175, 150)
    body = '<polygon points="15,165 55,105 215,105 175,165" stroke-width="1"/>'
    body += f'<line x1="{m[0]}" y1="{m[1]}" x2="{o[0]}" y2="{o[1]}"/><line x1="{m[0]}" y1="{m[1]}" x2="{a[0]}" y2="{a[1]}"/>'
    body += f'<line x1="{o[0]}" y1="{o[1]}" x2="{a[0]}" y2="{a[1]}" stroke-dasharray="5 4"/>'
    body += f'<path d="M {o[0]} {o[1] - 12} L {o[0] + 11} {o[1] - 10} L {o[0] + 11} {o[1] + 2}" stroke-width="1"/>'
    body += (
        _text(m[0] - 10, m[1], "M")
        + _text(o[0] - 12, o[1] + 8, "O")
        + _text(a[0] + 12, a[1] + 6, "A")
        + _text(200, 122, "α")
    )
    details = []
    for key, (x, y) in {"mo": (66, 85), "ma": (140, 80), "oa": (128, 158)}.items():
        if params.get(key) not in (None, ""):
            label = escape(str(params[key]))
            body += _text(x, y, label)
            details.append(f"{key.upper()} {label}")
    return svg_figure("g10_oblique", language, ", ".join(details), body, width=230, height=180)


@drawer(
    "g10_pyramid",
    label={
        "kk": "Дұрыс төртбұрышты пирамида",
        "ru": "Правильная четырёхугольная пирамида",
        "en": "Regular square pyramid",
        "uz": "Muntazam toʻrtburchakli piramida",
    },
)
def g10_pyramid(params: dict, language: str) -> str:
    """A regular square pyramid SABCD with its height SO and apothem SK; ``h``, ``a``, ``m`` labels."""
    s, a, b, c, d = (120, 20), (40, 160), (160, 160), (200, 120), (80, 120)
    o, k = (120, 140), (100, 160)
    body = f'<polygon points="{a[0]},{a[1]} {b[0]},{b[1]} {c[0]},{c[1]}" stroke-width="1.5" fill="none"/>'
    body += f'<line x1="{a[0]}" y1="{a[1]}" x2="{d[0]}" y2="{d[1]}" stroke-width="1" stroke-dasharray="5 4"/>'
    body += f'<line x1="{d[0]}" y1="{d[1]}" x2="{c[0]}" y2="{c[1]}" stroke-width="1" stroke-dasharray="5 4"/>'
    for p in (a, b, c):
        body += f'<line x1="{s[0]}" y1="{s[1]}" x2="{p[0]}" y2="{p[1]}" stroke-width="1.5"/>'
    body += f'<line x1="{s[0]}" y1="{s[1]}" x2="{d[0]}" y2="{d[1]}" stroke-width="1" stroke-dasharray="5 4"/>'
    body += f'<line x1="{s[0]}" y1="{s[1]}" x2="{o[0]}" y2="{o[1]}" stroke-width="1" stroke-dasharray="3 3"/>'
    body += f'<line x1="{s[0]}" y1="{s[1]}" x2="{k[0]}" y2="{k[1]}" stroke-width="2"/>'
    body += f'<line x1="{o[0]}" y1="{o[1]}" x2="{k[0]}" y2="{k[1]}" stroke-width="1" stroke-dasharray="3 3"/>'
    for name, (x, y), (dx, dy) in (
        ("S", s, (0, -6)),
        ("A", a, (-10, 14)),
        ("B", b, (10, 14)),
        ("C", c, (12, 4)),
        ("D", d, (-12, 0)),
        ("O", o, (10, 4)),
        ("K", k, (0, 14)),
    ):
        body += _text(x + dx, y + dy, name)
    details = []
    for key, (x, y) in {"h": (130, 90), "m": (92, 95), "a": (150, 176)}.items():
        if params.get(key) not in (None, ""):
            label = escape(str(params[key]))
            body += _text(x, y, label)
            details.append(f"{key} {label}")
    return svg_figure("g10_pyramid", language, ", ".join(details), body, width=230, height=185)
