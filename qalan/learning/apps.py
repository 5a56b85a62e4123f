from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "qalan.learning"
    label = "learning"
    verbose_name = _("Learning")

    def ready(self) -> None:
        from qalan.learning import receivers  # noqa: F401  (sections of the class page)
