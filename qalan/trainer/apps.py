from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainerConfig(AppConfig):
    name = "qalan.trainer"
    label = "trainer"
    verbose_name = _("Maths trainer")
