from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchoolsConfig(AppConfig):
    name = "qalan.schools"
    label = "schools"
    verbose_name = _("Schools")

    def ready(self) -> None:
        from qalan.schools import receivers  # noqa: F401  (children and separate operators)
