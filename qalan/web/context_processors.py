from django.conf import settings

from qalan.privacy.cookies import choice_read


def site(request):
    return {
        "operator": settings.QALAN_OPERATOR,
        "data_region": settings.QALAN_DATA_REGION,
        "DEBUG": settings.DEBUG,
        "intro_video_id": settings.QALAN_INTRO_VIDEO_ID,
        # None until the visitor chooses: the banner shows and no optional script loads.
        "cookie_choice": choice_read(request),
    }
