"""``{% youtube VIDEO_ID TITLE %}``: a placeholder that loads the video only on request (P8.4)."""

import re

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()
_VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")


@register.simple_tag
def youtube(video_id: str, title: str = ""):
    if not _VIDEO_ID.match(video_id or ""):
        return ""
    src = f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1"
    return format_html(
        '<div class="video-embed"><div><p>{}</p><p class="note">{}</p>'
        '<button type="button" data-embed-src="{}" data-embed-title="{}">{}</button></div></div>',
        title,
        _(
            "This video is hosted by YouTube. Loading it sends your IP address to YouTube, which may set its own cookies."
        ),
        src,
        title,
        _("Load the video"),
    )
