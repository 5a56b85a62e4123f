"""Content texts to HTML: TeX between ``$...$`` becomes MathML (server-side, no script), the rest
is escaped. The one renderer of item texts for the web pages, the API's ``*_html`` fields and
the content checks."""

from html import escape

from django.utils.safestring import SafeString, mark_safe
from latex2mathml.converter import convert

# What the API says texts are written in: TeX between $...$, for clients that render it themselves.
text_format = "tex"


def tex_segments(text: str) -> list[str]:
    """The TeX parts of a text (between pairs of ``$``)."""
    return str(text).split("$")[1::2]


def _math(tex: str) -> str:
    try:
        return convert(tex)
    except Exception:
        return escape(f"${tex}$")


def render_html(text: str, language: str = "") -> SafeString:
    text = "" if text is None else str(text)
    parts = text.split("$")
    if len(parts) % 2 == 0:
        # An unpaired $: show the text as it is rather than guess.
        # Bandit B308, B703: the whole text is escaped first.
        return mark_safe(escape(text).replace("\n", "<br>"))  # nosec B308, B703
    html = [_math(part) if i % 2 else escape(part).replace("\n", "<br>") for i, part in enumerate(parts)]
    # Text parts are escaped; math parts are latex2mathml's MathML, which escapes what it reads.
    return mark_safe("".join(html))  # nosec B308, B703
