"""Item text to HTML: escaped text with ``$...$`` TeX as MathML (no script; a fallback until the
content branch's ``content.render.render_html`` arrives). Used by the API and the web pages."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from latex2mathml.converter import convert

_MATH = re.compile(r"\$([^$]+)\$")


def text_html(text: str, language: str = "en") -> SafeString:
    parts, last = [], 0
    for match in _MATH.finditer(text or ""):
        parts.append(escape(text[last:match.start()]))
        try:
            parts.append(convert(match.group(1)))
        except Exception:  # noqa: BLE001 - malformed TeX is shown as typed, never as a 500
            parts.append(escape(match.group(0)))
        last = match.end()
    parts.append(escape((text or "")[last:]))
    return mark_safe("".join(parts).replace("\n", "<br>"))  # noqa: S308 - every piece is escaped or MathML
