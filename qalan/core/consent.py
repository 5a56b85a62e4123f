"""The consent vocabulary: the purposes a person consents to and the channels consent comes
through. The ledger itself (``ConsentRecord``) and its rules are the privacy app's; these names
are here so that apps below it (accounts, notify) can speak of consent without importing it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ConsentPurpose(models.TextChoices):
    PLATFORM = "platform", _("Processing of personal data to use the platform")
    MARKETING = "marketing", _("News and offers")
    ANALYTICS = "analytics", _("Analytics cookies (anonymous statistics of visits)")
    PREFERENCES = "preferences", _("Preference cookies (remembered language, video sound)")
    ADVERTISING = "advertising", _("Advertising and referral cookies")
    DISCLOSURE = "disclosure", _("Showing results to linked teachers and parents")
    CROSS_BORDER = "cross_border", _("Transfer outside Kazakhstan")


class ConsentChannel(models.TextChoices):
    WEB = "web", _("Website")
    APP = "app", _("Mobile app")
    OPERATOR = "operator", _("Entered by the operator")
