from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "qalan.privacy"
    label = "privacy"
    verbose_name = _("Privacy")

    def ready(self) -> None:
        # Collect every app's personal-data declarations (``<app>/privacy.py``).
        autodiscover_modules("privacy")
        from qalan.privacy import receivers  # noqa: F401  (the core hooks this app answers)
