from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "qalan.web"
    label = "web"
    verbose_name = _("Website")

    def ready(self) -> None:
        from qalan.core import hooks
        from qalan.web.views import language_chosen

        hooks.language_chosen.connect(language_chosen, dispatch_uid="web.language_chosen")
