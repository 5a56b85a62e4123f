"""Content texts to HTML: TeX between ``$...$`` becomes MathML (server-side), the rest is escaped."""

from html import escape

from django.utils.safestring import SafeString, mark_safe
from latex2mathml.converter import convert

# What the API says texts are written in: TeX between $...$, for clients that render it themselves.
text_format = "tex"


def tex_segments(text: str) -> list[str]:
    """The TeX parts of a text (between pairs of ``$``)."""
    return str(text).split("$")[1::2]


def render_html(text: str, language: str = "") -> SafeString:
    parts = str(text).split("$")
    if len(parts) % 2 == 0:
        # An unpaired $: show the text as it is rather than guess.
        return mark_safe(escape(str(text)))
    html = []
    for i, part in enumerate(parts):
        html.append(convert(part) if i % 2 else escape(part))
    return mark_safe("".join(html))
