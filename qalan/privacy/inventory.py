"""The personal-data inventory: what each model holds about people, why, and for how long.

Every app declares its models in its own ``privacy.py`` (collected at start-up by
``PrivacyConfig.ready``). This one source drives the "my data" report, export, erasure and
retention; ``tests/privacy/test_inventory.py`` fails when a model or a field is undeclared.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    IDENTITY = "identity", _("Identity (login, name, date of birth)")
    CONTACT = "contact", _("Contact details (phone, e-mail)")
    CREDENTIALS = "credentials", _("Credentials (password hash, codes, tokens)")
    PROFILE = "profile", _("Profile (grade, school, photo, about)")
    LEARNING = "learning", _("Learning and performance data")
    COMMUNICATION = "communication", _("Messages, comments and questions")
    SUPPORT = "support", _("Requests to the operator")
    CONSENT = "consent", _("Consents and their evidence")
    TECHNICAL = "technical", _("Technical data (IP address, device, browser)")
    FINANCIAL = "financial", _("Payments and transactions")
    AUDIT = "audit", _("Record of actions on your data")
    NONE = "none", _("Not personal (operational value)")


class Purpose(models.TextChoices):
    # Each value names the clause of section 4 of the policy it comes from.
    ACCOUNT = "account", _("Create the account, authenticate, recover access (4.1)")
    PERSONALISATION = "personalisation", _("Personalise the service (4.1)")
    LEARNING = "learning", _("Provide learning, show results and progress (4.1)")
    COMMUNICATION = "communication", _("Communication on the platform (4.1)")
    PAYMENTS = "payments", _("Extended access and its payment (4.1)")
    SERVICE_MESSAGES = "service_messages", _("Service messages (4.3)")
    LEGAL = "legal", _("Compliance with the law and accounting (4.4)")
    SECURITY = "security", _("Security and prevention of fraud (4.5)")
    PRIVACY_RIGHTS = "privacy_rights", _("Answer requests about personal data (6, 7)")


class LegalBasis(models.TextChoices):
    CONSENT = "consent", _("Consent of the user (2.1)")
    CONTRACT = "contract", _("Needed to provide the service the user asked for")
    LAW = "law", _("Required by the law of the Republic of Kazakhstan")


class Source(models.TextChoices):
    USER = "user", _("Provided by you")
    AUTOMATIC = "automatic", _("Collected automatically when you use the platform")
    OTHER_USER = "other_user", _("Provided by another user (teacher, parent)")
    OPERATOR = "operator", _("Created by the operator's staff")


class Retention(models.TextChoices):
    ACCOUNT_LIFETIME = "account_lifetime", _("While the account exists")
    UNTIL_WITHDRAWN = "until_withdrawn", _("Until withdrawn, then kept as evidence while the account exists")
    SHORT_LIVED = "short_lived", _("Minutes to days: deleted when it expires")
    SESSION = "session", _("Until sign-out or expiry")
    LOGS_ONE_YEAR = "logs_one_year", _("At most 1 year (5.1)")
    REQUEST_THREE_YEARS = "request_three_years", _("3 years after the answer, as evidence of the answer")
    PAYMENTS_FIVE_YEARS = "payments_five_years", _("At least 5 years, in the archive (5.1)")


class Erasure(models.TextChoices):
    DELETE = "delete", _("Deleted")
    ANONYMISE = "anonymise", _("Anonymised (kept only for statistics)")
    SCRUB = "scrub", _("The fact is kept; personal details are removed")
    ARCHIVE = "archive", _("Moved to the archive for the legal period")


@dataclass(frozen=True)
class Declaration:
    """A model that holds personal data.

    ``subjects`` are ORM paths from the model to the user the row is about ("" for the user
    model itself; ``"field@username"`` for a column that holds the username as text). ``fields`` names every concrete field (and many-to-many) of the model with
    its category, so that adding a column is a deliberate privacy decision.
    """

    model: str
    subjects: tuple[str, ...]
    fields: Mapping[str, Category]
    description: str
    purposes: tuple[Purpose, ...]
    legal_basis: LegalBasis
    source: Source
    retention: Retention
    erasure: Erasure
    recipients: tuple[str, ...] = ()

    @property
    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)

    @property
    def categories(self) -> list[Category]:
        seen = {c for c in self.fields.values() if c != Category.NONE}
        return [c for c in Category if c in seen]

    def rows_for(self, user) -> models.QuerySet:
        """Rows of this model about ``user`` (any of the subject paths)."""
        condition = Q()
        for path in self.subjects:
            if path == "":
                condition |= Q(pk=user.pk)
            elif "@" in path:
                column, attribute = path.split("@", 1)
                condition |= Q(**{f"{column}__iexact": getattr(user, attribute)})
            else:
                condition |= Q(**{path: user})
        return self.model_class._default_manager.filter(condition).distinct()


@dataclass(frozen=True)
class NotPersonal:
    """A model that holds no personal data, with the reason (checked by the inventory test)."""

    model: str
    reason: str


@dataclass
class _Registry:
    entries: dict[str, Declaration | NotPersonal] = field(default_factory=dict)

    def register(self, *entries: Declaration | NotPersonal) -> None:
        for entry in entries:
            key = entry.model.lower()
            if key in self.entries:
                raise ValueError(f"{entry.model} is declared twice in the privacy inventory")
            self.entries[key] = entry


_registry = _Registry()
register = _registry.register


def entry_for(model: type[models.Model] | str) -> Declaration | NotPersonal | None:
    label = model if isinstance(model, str) else model._meta.label
    return _registry.entries.get(label.lower())


def declarations() -> Iterator[Declaration]:
    """Every personal-data declaration, in a stable order."""
    for key in sorted(_registry.entries):
        entry = _registry.entries[key]
        if isinstance(entry, Declaration):
            yield entry


def all_entries() -> dict[str, Declaration | NotPersonal]:
    return dict(_registry.entries)


def user_model_label() -> str:
    return settings.AUTH_USER_MODEL
