"""Grade 7 figures: a segment with a point on it, two crossing lines, parallel lines and a transversal, a chord."""

from qalan.trainer.content.figures import drawer, svg_figure, svg_text, value_label


@drawer("g07_segment", label={"kk": "Кесінді", "ru": "Отрезок", "en": "Segment", "uz": "Kesma"})
def g07_segment(params: dict, language: str) -> str:
    """Segment AB with a point C on it; the length of AB labelled below."""
    ab = value_label(params.get("ab", ""), language, params.get("unit", ""))
    body = '<line x1="20" y1="60" x2="200" y2="60"/>'
    for x, name in ((20, "A"), (125, "C"), (200, "B")):
        body += f'<circle cx="{x}" cy="60" r="3" fill="currentColor"/>' + svg_text(x, 45, name)
    body += svg_text(110, 95, f"AB = {ab}")
    return svg_figure("g07_segment", language, f"AB = {ab}", body, height=110)


@drawer(
    "g07_crossing",
    label={
        "kk": "Қиылысатын екі түзу",
        "ru": "Две пересекающиеся прямые",
        "en": "Two crossing lines",
        "uz": "Kesishuvchi ikki toʻgʻri chiziq",
    },
)
def g07_crossing(params: dict, language: str) -> str:
    """Two lines crossing at O with the four angles numbered 1-4."""
    body = '<line x1="20" y1="130" x2="200" y2="30"/><line x1="20" y1="40" x2="200" y2="120"/>'
    body += svg_text(110, 62, "1") + svg_text(150, 85, "2") + svg_text(110, 108, "3") + svg_text(70, 85, "4")
    return svg_figure("g07_crossing", language, "1, 2, 3, 4", body)


@drawer(
    "g07_parallel",
    label={
        "kk": "Параллель түзулер және қиюшы",
        "ru": "Параллельные прямые и секущая",
        "en": "Parallel lines and a transversal",
        "uz": "Parallel toʻgʻri chiziqlar va kesuvchi",
    },
)
def g07_parallel(params: dict, language: str) -> str:
    """Lines a ∥ b cut by a transversal c, with the numbered angles 1 (at a) and 2 (at b) placed by their kind."""
    body = '<line x1="10" y1="50" x2="210" y2="50"/><line x1="10" y1="115" x2="210" y2="115"/><line x1="70" y1="150" x2="160" y2="15"/>'
    body += svg_text(200, 43, "a") + svg_text(200, 108, "b") + svg_text(168, 20, "c")
    # The transversal meets a at (136.7, 50) and b at (93.3, 115).
    kind = params.get("kind", "alternate")
    body += svg_text(114, 70, "1")
    spot = {"alternate": (108, 108), "corresponding": (64, 136), "interior": (80, 108)}.get(kind, (108, 108))
    body += svg_text(*spot, "2")
    return svg_figure("g07_parallel", language, "a ∥ b", body)


@drawer(
    "g07_chord",
    label={
        "kk": "Шеңбер және хорда",
        "ru": "Окружность и хорда",
        "en": "A circle and a chord",
        "uz": "Aylana va vatar",
    },
)
def g07_chord(params: dict, language: str) -> str:
    """A circle with centre O and chord AB, with the radii OA and OB."""
    body = '<circle cx="110" cy="80" r="65"/><polygon points="110,80 52,110 168,110"/>'
    body += '<circle cx="110" cy="80" r="3" fill="currentColor"/>'
    body += svg_text(110, 70, "O") + svg_text(42, 124, "A") + svg_text(178, 124, "B")
    return svg_figure("g07_chord", language, "O, AB", body)
