from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "qalan.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from django.contrib import admin

        from qalan.accounts import privilege, signals  # noqa: F401
        from qalan.accounts.views import admin_login

        # The administration site's own sign-in form would skip the second factor: it sends
        # to the site's two-step sign-in instead (the URL conf reads the site's views later).
        admin.site.login = admin_login
