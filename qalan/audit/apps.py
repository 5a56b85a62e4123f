from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import pre_delete
from django.utils.translation import gettext_lazy as _


def _forget_deleted_user(sender, instance, **kwargs):
    from qalan.audit.services import audit_forget_user

    audit_forget_user(user=instance)


class AuditConfig(AppConfig):
    name = "qalan.audit"
    label = "audit"
    verbose_name = _("Audit")

    def ready(self) -> None:
        # An account row that goes sets actor/subject of its events to NULL (SET_NULL); the
        # chain would see that as tampering unless the removal is a recorded scrub first.
        pre_delete.connect(
            _forget_deleted_user, sender=settings.AUTH_USER_MODEL, dispatch_uid="qalan.audit.forget_user"
        )
