from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RightsConfig(AppConfig):
    name = "qalan.rights"
    label = "rights"
    verbose_name = _("Rights and requests")

    def ready(self) -> None:
        from qalan.core import calendar
        from qalan.rights.models import transferred_days

        # Request deadlines count business days; the operator's table of transferred days is here.
        calendar.transfers_source_set(transferred_days)
        from qalan.rights import receivers  # noqa: F401  (the cool-off the erasure engine waits for)
