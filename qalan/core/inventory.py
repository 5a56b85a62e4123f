"""The personal-data inventory: what each model holds about people, why, and for how long.

Every app declares its models in its own ``privacy.py`` (collected at start-up by
``PrivacyConfig.ready``). This one source drives the "my data" report, export, erasure and
retention; ``tests/privacy/test_inventory.py`` fails when a model or a field is undeclared.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import Q
from django.db.models.functions import Cast
from django.utils.module_loading import import_string
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
    NONE = "none", _("Not personal: a technical value the service needs")


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


class FieldRule(models.TextChoices):
    """What anonymising or scrubbing a row does to one field (``Declaration.field_rules``)."""

    KEEP = "keep", _("Kept")
    CLEAR = "clear", _("Emptied")
    REDACT = "redact", _("Replaced by a removal marker")


# What REDACT writes into a text field: the row stays (a comment in a thread), its words go.
REDACTED = "[removed]"

# Categories that anonymisation keeps by default: learning results survive, without their
# person, for statistics (P5.1.b); everything else personal is emptied.
KEPT_WHEN_ANONYMISED = frozenset({"none", "learning"})


class CopyAction(models.TextChoices):
    """What erasing a person does to a copy of their details kept in someone else's record."""

    DELETE = "delete", _("Deleted")
    REWRITE = "rewrite", _("Kept for its owner, without the person's details")
    ARCHIVE = (
        "archive",
        _("Moved to the archive as the law requires, and kept for its owner without the person's details"),
    )


@dataclass(frozen=True)
class Copy:
    """Where rows of a model copy the identifying values of a person who is NOT the row's owner
    (an SMS to a parent naming the child, a teacher's comment quoting a student's name).

    ``path`` is the ORM path to the person the row is ABOUT (a nullable foreign key or a
    many-to-many, e.g. ``"about"``, that the service writing the copy fills); "" means the
    rows are found by their text: those whose ``fields`` hold the person's distinctive values
    (username, e-mail, phone, full name), for free text another person wrote. ``fields`` are
    the text and JSON fields the copy can be in. On erasure of the person: DELETE removes the
    rows; REWRITE replaces the person's values in ``fields`` by ``REDACTED`` and cuts ``path``;
    ARCHIVE first puts the row as it was into the encrypted archive (evidence the law keeps,
    e.g. who consented for a child), then rewrites it. Rows that are the person's own (their
    first subject path) are left to the declaration's ``erasure``.
    """

    fields: tuple[str, ...]
    action: CopyAction
    path: str = ""


@dataclass(frozen=True)
class Declaration:
    """A model that holds personal data.

    ``subjects`` are ORM paths from the model to the user the row is about ("" for the user
    model itself; ``"field@username"`` for a column that holds the user's username, phone or
    e-mail as text, e.g. ``"recipient@phone"``; an empty value matches nothing). ``fields`` names every concrete field (and many-to-many) of the model with
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
    # --- Optional, read by the lifecycle engine (erasure and retention). ---
    # Per-field override of what anonymising / scrubbing does (default: see ``rule_for``).
    field_rules: Mapping[str, FieldRule] = field(default_factory=dict)
    # Fields that belong to only some of the subjects: {"explanation": ("user",)} empties the
    # explanation only when the row's ``user`` is erased, not when its author is.
    field_owners: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Columns that hold a value computed from the user (a keyed pseudonym):
    # {"user_key": "dotted.path.to.function"}; the function takes the user and returns the value.
    subject_keys: Mapping[str, str] = field(default_factory=dict)
    # The datetime field retention counts from ("" = inferred, see ``retention_clock``).
    retention_field: str = ""
    # Values set on every row erasure anonymises or scrubs, e.g. {"scrubbed": True}. A boolean
    # field named ``scrubbed`` or ``anonymised`` is set to True without being named here.
    erasure_marks: Mapping[str, Any] = field(default_factory=dict)
    # Dotted path to a function that empties one batch of rows in place of the engine's plain
    # update, called inside the batch's transaction as f(pks=, user=, values=, links=) with the
    # field values and the links to the user the engine would set (the audit chain records
    # each scrub as an event of its own).
    eraser: str = ""
    # Copies of another person's details in this model's rows, and what their erasure does
    # (``Copy``): the rows are about that person but belong to someone else.
    copies: tuple[Copy, ...] = ()

    @property
    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)

    def rule_for(self, name: str) -> FieldRule:
        """What anonymising or scrubbing does to field ``name``: the declared rule, else KEEP
        for operational and learning values and CLEAR for every other personal category."""
        if name in self.field_rules:
            return FieldRule(self.field_rules[name])
        return FieldRule.KEEP if str(self.fields.get(name, "none")) in KEPT_WHEN_ANONYMISED else FieldRule.CLEAR

    def owned_by(self, name: str, path: str) -> bool:
        """Does erasing the subject reached through ``path`` touch field ``name``?"""
        owners = self.field_owners.get(name)
        return owners is None or path in owners

    @property
    def categories(self) -> list[Category]:
        seen = {c for c in self.fields.values() if c != Category.NONE}
        return [c for c in Category if c in seen]

    def rows_for(self, user) -> models.QuerySet:
        """Rows of this model about ``user`` (any of the subject paths)."""
        condition = Q(pk__in=[])
        for path in self.subjects:
            condition |= subject_condition(path, user)
        for column, function in self.subject_keys.items():
            condition |= Q(**{column: import_string(function)(user)})
        finder = _subject_finders.get(self.model.lower())
        if finder is not None:
            condition |= finder_condition(finder, user)
        return self.model_class._default_manager.filter(condition).distinct()

    def copies_about(self, user, copy: Copy) -> models.QuerySet:
        """Rows of this model that hold a copy of ``user``'s details (see ``Copy``)."""
        rows = self.model_class._default_manager.all()
        if copy.path:
            return rows.filter(**{copy.path: user}).distinct()
        condition = Q(pk__in=[])
        for name in copy.fields:
            column = name
            if isinstance(self.model_class._meta.get_field(name), models.JSONField):
                # Searched as text; SQLite keeps non-ASCII letters of JSON as \u escapes.
                column = f"_copy_text_{name}"
                rows = rows.annotate(**{column: Cast(name, models.TextField())})
            for value in identifiers(user, distinctive=True):
                for form in {value, json.dumps(value)[1:-1]}:
                    condition |= Q(**{f"{column}__icontains": form})
        return rows.filter(condition).distinct()


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


def subject_condition(path: str, user) -> Q:
    """The filter of one subject path (see ``Declaration``) for ``user``."""
    if path == "":
        return Q(pk=user.pk)
    if "@" in path:
        column, attribute = path.split("@", 1)
        value = getattr(user, attribute)
        # An empty e-mail or phone names nobody (and would match every empty column).
        return Q(**{f"{column}__iexact": value}) if value else Q(pk__in=[])
    return Q(**{path: user})


# Shorter values are not searched for in other people's text (they would match other words).
IDENTIFIER_MIN_LENGTH = 4


def identifiers(user, *, distinctive: bool = False) -> list[str]:
    """The values that identify ``user``, longest first: the identity and contact text
    fields the inventory declares on the user model and on its one-to-one rows (the profile),
    and each word of a full name. ``distinctive`` leaves out single words of a name (a first
    name alone names many people): what may be searched for in text nobody linked to them."""
    values: set[str] = set()
    wanted = {Category.IDENTITY, Category.CONTACT}
    rows = [(user, entry_for(user))]
    for relation in user._meta.related_objects:
        if relation.one_to_one:
            related = getattr(user, relation.get_accessor_name(), None)
            if related is not None:
                rows.append((related, entry_for(type(related))))
    for row, declaration in rows:
        if not isinstance(declaration, Declaration):
            continue
        for model_field in row._meta.concrete_fields:
            textual = isinstance(model_field, (models.CharField, models.TextField)) and not model_field.choices
            if textual and declaration.fields.get(model_field.name) in wanted:
                value = (getattr(row, model_field.attname) or "").strip()
                if value:
                    values.add(value)
                    if not distinctive and " " in value and "@" not in value:
                        values.update(value.split())
    return sorted((v for v in values if len(v) >= IDENTIFIER_MIN_LENGTH), key=lambda v: (-len(v), v))


# Models whose rows lead to a user only through their content (a signed session blob):
# ``register_subject_finder("sessions.Session", fn)`` where ``fn(user)`` returns primary keys
# or a ``Q`` filter.
_subject_finders: dict[str, Callable[[Any], Any]] = {}


def register_subject_finder(model: str, finder: Callable[[Any], Any]) -> None:
    _subject_finders[model.lower()] = finder


def subject_finder(model: str) -> Callable[[Any], Any] | None:
    return _subject_finders.get(model.lower())


def finder_condition(finder: Callable[[Any], Any], user) -> Q:
    found = finder(user)
    return found if isinstance(found, Q) else Q(pk__in=list(found))


# --- Retention periods (P4.6, P5.1) -------------------------------------------------------
# Days each time-bound retention keeps a row, counted from its clock (``retention_clock``).
# ``settings.QALAN_RETENTION_DAYS`` may change them within the bounds below.
RETENTION_DEFAULT_DAYS: dict[str, int] = {
    Retention.SHORT_LIVED: 1,
    Retention.SESSION: 90,
    Retention.LOGS_ONE_YEAR: 365,
    Retention.REQUEST_THREE_YEARS: 3 * 365 + 1,
    # Five years may hold two 29 Februaries: 1827 days is never shorter than five years.
    Retention.PAYMENTS_FIVE_YEARS: 5 * 365 + 2,
}
# (minimum, maximum) days the policy allows: payments at least 5 years (P5.1.c), logs at most
# 1 year (P5.1.d), request evidence at least 3 years (the limitation period).
RETENTION_BOUNDS: dict[str, tuple[int | None, int | None]] = {
    Retention.SHORT_LIVED: (0, 30),
    Retention.SESSION: (1, 366),
    Retention.LOGS_ONE_YEAR: (1, 366),
    Retention.REQUEST_THREE_YEARS: (3 * 365, None),
    Retention.PAYMENTS_FIVE_YEARS: (5 * 365 + 2, None),
}
# Fields retention counts from, tried in order when a declaration names none.
RETENTION_CLOCK_CANDIDATES = (
    "expires_at",
    "expire_date",
    "last_used_at",
    "closed_at",
    "answered_at",
    "created_at",
    "received_at",
    "attempt_time",
    "action_time",
    "sent_at",
    "recorded_at",
    "archived_at",
)


def retention_periods_check(periods: Mapping[str, int]) -> dict[str, int]:
    """The periods in force; refuses (at start-up) any that would break the policy."""
    merged = {**RETENTION_DEFAULT_DAYS}
    problems = []
    for key, days in periods.items():
        if key not in RETENTION_BOUNDS:
            problems.append(f"unknown retention {key!r} (known: {', '.join(sorted(RETENTION_BOUNDS))})")
            continue
        low, high = RETENTION_BOUNDS[key]
        if low is not None and days < low:
            problems.append(f"{key} keeps data {days} days, less than its minimum of {low} days")
        if high is not None and days > high:
            problems.append(f"{key} keeps data {days} days, more than its maximum of {high} days")
        merged[key] = int(days)
    if problems:
        raise ImproperlyConfigured("Refusing retention rules that break the Privacy Policy: " + "; ".join(problems))
    return merged


def retention_days(retention: str) -> int | None:
    """Days rows of this retention live (None: no time limit, e.g. while the account exists)."""
    if retention not in RETENTION_DEFAULT_DAYS:
        return None
    return retention_periods_check(getattr(settings, "QALAN_RETENTION_DAYS", {}))[retention]


def retention_clock(declaration: Declaration) -> str | None:
    """The datetime field a declaration's retention counts from, or None when none fits."""
    model = declaration.model_class
    names = [declaration.retention_field] if declaration.retention_field else RETENTION_CLOCK_CANDIDATES
    for name in names:
        try:
            model_field = model._meta.get_field(name)
        # Bandit B112: a model without this field simply tries the next candidate.
        except Exception:  # nosec B112
            continue
        if isinstance(model_field, (models.DateTimeField, models.DateField)):
            return name
    return None
