"""Grade 11 figures: the region under a parabola, a cylinder, a cone, a ball, a pyramid, a prism."""

from fractions import Fraction

from qalan.trainer.content.figures import drawer, svg_figure, svg_text, value_label

DASHED = ' stroke-dasharray="4 4"'


def _poly(coefs: dict, x: float) -> float:
    return sum(float(Fraction(c)) * x ** int(p) for p, c in (coefs or {}).items())


@drawer(
    "g11_area",
    label={
        "kk": "Қисықсызықты трапеция",
        "ru": "Криволинейная трапеция",
        "en": "Region under a curve",
        "uz": "Egri chiziqli trapetsiya",
    },
)
def g11_area(params: dict, language: str) -> str:
    """The graph of y = f(x) with the region between x = a, x = b and the x-axis shaded."""
    coefs, a, b = params.get("f") or {}, float(Fraction(params.get("a", 0))), float(Fraction(params.get("b", 1)))
    lo, hi = min(a, 0) - 0.4, b + 0.25
    xs = [lo + (hi - lo) * i / 60 for i in range(61)]
    ys = [_poly(coefs, x) for x in xs]
    top = max(max(ys[i] for i in range(61) if a - 1e-9 <= xs[i] <= b + 1e-9), 1.0)
    bottom = min(min(ys), 0.0)
    bottom = max(bottom, -top * 0.4)
    w, _h, left, base_y = 220, 160, 20, 140

    def sx(x):
        return left + (x - lo) / (hi - lo) * (w - 2 * left)

    def sy(y):
        y = max(min(y, top * 1.15), bottom)
        return base_y - (y - bottom) / (top * 1.15 - bottom) * (base_y - 15) if top * 1.15 > bottom else base_y

    zero = sy(0)
    region = [f"{sx(a):.1f},{zero:.1f}"]
    region += [f"{sx(x):.1f},{sy(y):.1f}" for x, y in zip(xs, ys, strict=True) if a <= x <= b]
    region += [f"{sx(b):.1f},{sy(_poly(coefs, b)):.1f}", f"{sx(b):.1f},{zero:.1f}"]
    curve = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in zip(xs, ys, strict=True))
    body = f'<polygon points="{" ".join(region)}" fill="currentColor" fill-opacity="0.2" stroke="none"/>'
    body += f'<polyline points="{curve}"/>'
    body += f'<line x1="{left - 10}" y1="{zero:.1f}" x2="{w - 5}" y2="{zero:.1f}" stroke-width="1"/>'
    body += f'<line x1="{sx(0):.1f}" y1="{base_y + 10}" x2="{sx(0):.1f}" y2="5" stroke-width="1"/>'
    body += svg_text(w - 10, zero - 6, "x") + svg_text(sx(0) + 10, 14, "y")
    for x in {a, b}:
        if x != 0:
            body += svg_text(
                round(sx(x), 1), zero + 16, value_label(params.get("a") if x == a else params.get("b"), language)
            )
    body += svg_text(round(sx(0) - 8, 1), zero + 16, "0")
    return svg_figure(
        "g11_area",
        language,
        f"{value_label(params.get('a', ''), language)} … {value_label(params.get('b', ''), language)}",
        body,
    )


def _label(params, name, language):
    value = params.get(name)
    return "" if value in (None, "") else value_label(value, language, params.get("unit", ""))


@drawer("g11_cylinder", label={"kk": "Цилиндр", "ru": "Цилиндр", "en": "Cylinder", "uz": "Silindr"})
def g11_cylinder(params: dict, language: str) -> str:
    """A cylinder with its radius (or diameter) and height marked."""
    body = '<ellipse cx="110" cy="30" rx="60" ry="14"/>'
    body += (
        '<path d="M 50 130 A 60 14 0 0 0 170 130"/><path d="M 50 130 A 60 14 0 0 1 170 130" stroke-dasharray="4 4"/>'
    )
    body += '<line x1="50" y1="30" x2="50" y2="130"/><line x1="170" y1="30" x2="170" y2="130"/>'
    body += (
        '<line x1="110" y1="30" x2="170" y2="30" stroke-width="1"/><circle cx="110" cy="30" r="2" fill="currentColor"/>'
    )
    body += '<line x1="110" y1="30" x2="110" y2="130" stroke-width="1" stroke-dasharray="3 3"/>'
    r, hgt = _label(params, "r", language), _label(params, "h", language)
    d = _label(params, "d", language)
    details = []
    if r:
        body += svg_text(140, 25, f"r = {r}")
        details.append(f"r = {r}")
    if d:
        body += svg_text(110, 158, f"d = {d}")
        details.append(f"d = {d}")
    if hgt:
        body += svg_text(178, 84, f"h = {hgt}", "start")
        details.append(f"h = {hgt}")
    return svg_figure("g11_cylinder", language, ", ".join(details), body, width=240, height=165)


@drawer("g11_cone", label={"kk": "Конус", "ru": "Конус", "en": "Cone", "uz": "Konus"})
def g11_cone(params: dict, language: str) -> str:
    """A cone: the apex, the base, the height, the radius and the slant height (those given)."""
    body = '<path d="M 50 130 A 60 14 0 0 0 170 130"/><path d="M 50 130 A 60 14 0 0 1 170 130" stroke-dasharray="4 4"/>'
    body += '<line x1="110" y1="15" x2="50" y2="130"/><line x1="110" y1="15" x2="170" y2="130"/>'
    body += '<line x1="110" y1="15" x2="110" y2="130" stroke-width="1" stroke-dasharray="3 3"/>'
    body += '<line x1="110" y1="130" x2="170" y2="130" stroke-width="1"/>'
    details = []
    for name, (x, y, anchor) in {"r": (140, 157, "middle"), "h": (114, 80, "start"), "l": (146, 66, "start")}.items():
        text = _label(params, name, language)
        if text:
            body += svg_text(x, y, f"{name} = {text}", anchor)
            details.append(f"{name} = {text}")
    return svg_figure("g11_cone", language, ", ".join(details), body, width=240, height=160)


@drawer("g11_ball", label={"kk": "Шар", "ru": "Шар", "en": "Ball", "uz": "Shar"})
def g11_ball(params: dict, language: str) -> str:
    """A ball with its centre and a radius (or a diameter) marked."""
    body = '<circle cx="110" cy="80" r="60"/><path d="M 50 80 A 60 16 0 0 0 170 80"/>'
    body += '<path d="M 50 80 A 60 16 0 0 1 170 80" stroke-dasharray="4 4"/>'
    body += '<circle cx="110" cy="80" r="2" fill="currentColor"/>'
    text = _label(params, "value", language)
    name = "d" if params.get("given") == "d" else "R"
    if name == "d":
        body += '<line x1="50" y1="80" x2="170" y2="80" stroke-width="1"/>'
    else:
        body += '<line x1="110" y1="80" x2="170" y2="80" stroke-width="1"/>'
    body += svg_text(145 if name == "R" else 110, 55, f"{name} = {text}" if text else name)
    return svg_figure("g11_ball", language, f"{name} = {text}", body)


@drawer(
    "g11_pyramid",
    label={
        "kk": "Дұрыс төртбұрышты пирамида",
        "ru": "Правильная четырёхугольная пирамида",
        "en": "Regular square pyramid",
        "uz": "Muntazam toʻrtburchakli piramida",
    },
)
def g11_pyramid(params: dict, language: str) -> str:
    """A regular quadrilateral pyramid SABCD with its height and, if given, its apothem."""
    a, b, c, d, s, o = (40, 130), (140, 130), (185, 100), (85, 100), (112, 15), (112, 115)
    body = f'<polyline points="{d[0]},{d[1]} {a[0]},{a[1]} {b[0]},{b[1]} {c[0]},{c[1]}"/>'
    body += f'<polyline points="{c[0]},{c[1]} {d[0]},{d[1]}" stroke-dasharray="4 4"/>'
    body += "".join(
        f'<line x1="{s[0]}" y1="{s[1]}" x2="{p[0]}" y2="{p[1]}"{DASHED if p == d else ""}/>' for p in (a, b, c, d)
    )
    body += f'<line x1="{s[0]}" y1="{s[1]}" x2="{o[0]}" y2="{o[1]}" stroke-width="1" stroke-dasharray="3 3"/>'
    details = []
    side = _label(params, "a", language)
    if side:
        body += svg_text(90, 150, f"a = {side}")
        details.append(f"a = {side}")
    hgt = _label(params, "h", language)
    if hgt:
        body += svg_text(116, 80, f"h = {hgt}", "start")
        details.append(f"h = {hgt}")
    apothem = _label(params, "m", language)
    if apothem:
        mid = ((a[0] + b[0]) // 2, a[1])
        body += f'<line x1="{s[0]}" y1="{s[1]}" x2="{mid[0]}" y2="{mid[1]}" stroke-width="1"/>'
        body += svg_text(62, 80, f"m = {apothem}", "end")
        details.append(f"m = {apothem}")
    for name, (x, y) in {
        "S": (s[0], s[1] - 3),
        "A": (a[0] - 8, a[1] + 12),
        "B": (b[0] + 4, b[1] + 12),
        "C": (c[0] + 10, c[1]),
        "D": (d[0] - 10, d[1] - 2),
    }.items():
        body += svg_text(x, y, name)
    return svg_figure("g11_pyramid", language, ", ".join(details), body, width=220, height=160)


@drawer("g11_prism", label={"kk": "Тік призма", "ru": "Прямая призма", "en": "Right prism", "uz": "Toʻgʻri prizma"})
def g11_prism(params: dict, language: str) -> str:
    """A right prism whose base is a right triangle (``base: triangle``) or a rectangle."""
    h = 80
    if params.get("base") == "triangle":
        bottom = [(40, 140), (150, 140), (80, 110)]
    else:
        bottom = [(40, 140), (150, 140), (190, 110), (80, 110)]
    top = [(x, y - h) for x, y in bottom]
    hidden = {len(bottom) - 1}
    body = ""
    n = len(bottom)
    for i in range(n):
        p, q = bottom[i], bottom[(i + 1) % n]
        dashed = i in hidden or ((i + 1) % n in hidden and i == n - 2)
        body += f'<line x1="{p[0]}" y1="{p[1]}" x2="{q[0]}" y2="{q[1]}"{DASHED if dashed else ""}/>'
        p, q = top[i], top[(i + 1) % n]
        body += f'<line x1="{p[0]}" y1="{p[1]}" x2="{q[0]}" y2="{q[1]}"/>'
        p, q = bottom[i], top[i]
        body += f'<line x1="{p[0]}" y1="{p[1]}" x2="{q[0]}" y2="{q[1]}"{DASHED if i in hidden else ""}/>'
    details = []
    for name, (x, y, anchor) in {
        "a": (95, 156, "middle"),
        "b": (178, 134, "start") if n == 4 else (56, 120, "end"),
        "h": (34, 104, "end"),
    }.items():
        text = _label(params, name, language)
        if text:
            body += svg_text(x, y, text, anchor)
            details.append(f"{name} = {text}")
    return svg_figure("g11_prism", language, ", ".join(details), body, width=220, height=165)
