from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "qalan.community"
    label = "community"
    verbose_name = _("Community")

    def ready(self) -> None:
        from qalan.community import receivers  # noqa: F401  (sections of learning pages)
