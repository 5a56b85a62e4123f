"""Server-side SVG charts: geometry computed here, drawn by templates (no script, no CDN)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: float
    label: str


def column_chart(values: list[tuple[str, float]], *, width: int = 560, height: int = 140, gap: int = 4) -> list[Bar]:
    """Vertical bars scaled to the largest value (labels under the chart are the caller's)."""
    if not values:
        return []
    top = max(v for _, v in values) or 1
    slot = width / len(values)
    bars = []
    for i, (label, value) in enumerate(values):
        h = round(height * value / top, 1)
        bars.append(
            Bar(
                x=round(i * slot + gap / 2, 1),
                y=round(height - h, 1),
                width=round(slot - gap, 1),
                height=h,
                value=value,
                label=label,
            )
        )
    return bars


def percent_bars(values: list[tuple[str, int]], *, width: int = 300) -> list[Bar]:
    """Horizontal 0-100 % bars, one per row."""
    return [
        Bar(x=0, y=i * 24, width=round(width * max(0, min(100, v)) / 100, 1), height=16, value=v, label=label)
        for i, (label, v) in enumerate(values)
    ]
