import logging

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "qalan.web"
    label = "web"
    verbose_name = _("Website")

    def ready(self) -> None:
        from qalan.core import hooks
        from qalan.web.views import language_chosen

        hooks.language_chosen.connect(language_chosen, dispatch_uid="web.language_chosen")
        if settings.QALAN_LOG_FORMAT == "json":
            # Python's warnings become log records too (JSON, scrubbed) instead of bare text
            # on stderr; Django does not route them through logging itself.
            logging.captureWarnings(True)
