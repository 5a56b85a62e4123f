from django.conf import settings
from django.utils.translation import gettext_lazy as _

from qalan.accounts.navigation import start_page
from qalan.notify.models import OutboxMessage
from qalan.privacy.cookies import choice_read

REGION_NAMES = {"KZ": _("Kazakhstan")}


def site(request):
    return {
        "operator": settings.QALAN_OPERATOR,
        "data_region": REGION_NAMES.get(settings.QALAN_DATA_REGION, settings.QALAN_DATA_REGION),
        "DEBUG": settings.DEBUG,
        "intro_video_id": settings.QALAN_INTRO_VIDEO_ID,
        # None until the visitor chooses: the banner shows and no optional script loads.
        "cookie_choice": choice_read(request),
        "unread_notifications": _unread(request),
        "start_page": _start(request),
    }


def _start(request) -> str:
    user = getattr(request, "user", None)
    return start_page(user) if user is not None and user.is_authenticated else ""


def _unread(request) -> int:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return OutboxMessage.objects.filter(user=user, channel=OutboxMessage.Channel.INAPP, read_at__isnull=True).count()
