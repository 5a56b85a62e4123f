"""A change of privilege ends every session of the account (issue 13, B8).

Whoever changes a role, the staff or superuser flag, the groups or the permissions of an
account (``user_set_role``, the administration site, a shell), the account's browser sessions
and app tokens are revoked: its next request signs in afresh under a new session key, so a
session fixed or stolen before a promotion gains nothing from it, and a demoted account keeps
no session that was opened with the old rights. Receivers rather than a service call, because
the administration site and ``save()`` change these fields without going through a service.
A password changed outside the services (``manage.py changepassword``, a shell) ends them too.
"""

from django.db.models.signals import m2m_changed, post_save, pre_save
from django.dispatch import receiver

from qalan.accounts.models import DeviceSession, User
from qalan.accounts.services import device_sessions_revoke_all, password_change_is_handled

PRIVILEGE_FIELDS = ("role", "is_staff", "is_superuser")
_BEFORE = "_qalan_privileges_before"
_HASH_BEFORE = "_qalan_hash_before"  # the stored password hash before a save


def sessions_end_for_privilege_change(*, user: User) -> int:
    """Revoke every device session (browser and app) of ``user``; audited when there was one."""
    if not DeviceSession.objects.filter(user=user, revoked_at__isnull=True).exists():
        return 0
    return device_sessions_revoke_all(actor=None, user=user)


@receiver(pre_save, sender=User)
def _privileges_remember(sender, instance: User, raw: bool = False, update_fields=None, **kwargs):
    if raw or instance.pk is None:
        return
    if update_fields is not None and not set(update_fields) & {*PRIVILEGE_FIELDS, "password"}:
        return
    stored = User.objects.filter(pk=instance.pk).values_list(*PRIVILEGE_FIELDS, "password").first()
    if stored is not None:
        setattr(instance, _BEFORE, stored[:-1])
        setattr(instance, _HASH_BEFORE, stored[-1])


@receiver(post_save, sender=User)
def _privileges_compare(sender, instance: User, created: bool, raw: bool = False, **kwargs):
    before = instance.__dict__.pop(_BEFORE, None)
    password_before = instance.__dict__.pop(_HASH_BEFORE, None)
    if created or raw or before is None:
        return
    if tuple(before) != tuple(getattr(instance, name) for name in PRIVILEGE_FIELDS):
        sessions_end_for_privilege_change(user=instance)
    elif password_before != instance.password and not password_change_is_handled():
        # A password set outside the services (``manage.py changepassword``, a shell): whoever
        # knew the old one keeps no session or app token (the services keep the changer's own).
        sessions_end_for_privilege_change(user=instance)


@receiver(m2m_changed, sender=User.groups.through)
@receiver(m2m_changed, sender=User.user_permissions.through)
def _privileges_grouped(sender, instance, action: str, reverse: bool, pk_set, **kwargs):
    if action in ("post_add", "post_remove"):
        if not pk_set:
            return
        users = [instance] if not reverse else list(User.objects.filter(pk__in=pk_set))
    elif action == "pre_clear":
        if not reverse:
            related = instance.groups if sender is User.groups.through else instance.user_permissions
            users = [instance] if related.exists() else []
        else:
            users = list(instance.user_set.all())
    else:
        return
    for user in users:
        sessions_end_for_privilege_change(user=user)
