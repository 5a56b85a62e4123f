from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LifecycleConfig(AppConfig):
    name = "qalan.lifecycle"
    label = "lifecycle"
    verbose_name = _("Lifecycle")

    def ready(self) -> None:
        from django.conf import settings

        from qalan.core.inventory import register_subject_finder, retention_periods_check
        from qalan.lifecycle.sessions import request_log_rows_of, session_keys_of

        # A retention rule that would break the policy (payments under 5 years, logs over a
        # year) stops start-up instead of destroying data.
        retention_periods_check(settings.QALAN_RETENTION_DAYS)
        register_subject_finder("sessions.Session", session_keys_of)
        register_subject_finder("lifecycle.RequestLog", request_log_rows_of)
