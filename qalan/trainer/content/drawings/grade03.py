"""Grade 3 figures: a rectangle of unit squares on squared paper."""

from qalan.trainer.content.figures import drawer, svg_figure


@drawer(
    "g03_grid",
    label={
        "kk": "Шаршы торлы тіктөртбұрыш",
        "ru": "Прямоугольник на клетчатой бумаге",
        "en": "Rectangle on squared paper",
        "uz": "Katakli qogʻozdagi toʻgʻri toʻrtburchak",
    },
)
def g03_grid(params: dict, language: str) -> str:
    """``rows`` x ``cols`` unit squares, each 1 cm by 1 cm, the rectangle outlined and shaded."""
    rows, cols = max(int(params.get("rows", 1)), 1), max(int(params.get("cols", 1)), 1)
    cell = min(200 // (cols + 2), 120 // (rows + 2), 24)
    width, height = cell * (cols + 2), cell * (rows + 2)
    body = ""
    for i in range(cols + 3):
        body += f'<line x1="{i * cell}" y1="0" x2="{i * cell}" y2="{height}" stroke-width="0.5" stroke-opacity="0.4"/>'
    for j in range(rows + 3):
        body += f'<line x1="0" y1="{j * cell}" x2="{width}" y2="{j * cell}" stroke-width="0.5" stroke-opacity="0.4"/>'
    body += f'<rect x="{cell}" y="{cell}" width="{cols * cell}" height="{rows * cell}" fill="currentColor" fill-opacity="0.2"/>'
    return svg_figure("g03_grid", language, f"{rows} × {cols}", body, width=width, height=height)
