"""A generic seeder: puts one user into every model the inventory declares, from model _meta.

Text fields that erasure empties get the person's identifying strings (so that a scan after
erasure finds any leftover); fields erasure keeps get neutral text. Foreign keys to the user
model point at the user; other required foreign keys get a related row (reused for models that
hold no personal data, created for the user otherwise). A model the generic rules cannot fill
gets an entry in ``SEED_OVERRIDES``: ``"app.Model": lambda seeder: instance``.
"""

from __future__ import annotations

import itertools
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from qalan.core import inventory
from qalan.core.inventory import Category, Declaration
from qalan.lifecycle.erasure import erased_fields

_counter = itertools.count(1)
NEUTRAL = "seeded neutral text"


@dataclass(frozen=True)
class Identity:
    """Strings that identify one person; none may survive their erasure."""

    username: str
    phone: str
    email: str
    full_name: str
    ip: str

    @property
    def needles(self) -> list[str]:
        return [self.username, self.phone, self.email, self.full_name, self.ip]


def _finished_erasure_run(seeder: Seeder) -> models.Model:
    # A finished run that names the person (requested by them): a scheduled one would be
    # executed by any due-runner in the test and erase a seeded person.
    from qalan.lifecycle.models import ErasureRun

    return ErasureRun.objects.create(
        user=seeder.user,
        requested_by=seeder.user,
        subject_key="seed",
        reason="seed",
        status=ErasureRun.Status.CANCELLED,
    )


def _dated_row(model_label: str, **values) -> Callable[[Seeder], models.Model]:
    # One row a day (daily focus) or one active row per grade (diagnostic): each seeded row gets
    # its own day, so a person can be seeded into several models that point at it.
    def seed(seeder: Seeder) -> models.Model:
        from django.apps import apps

        obj = seeder.build(apps.get_model(model_label))
        obj.day = timezone.localdate() - timedelta(days=next(_counter))
        for name, value in values.items():
            setattr(obj, name, value)
        obj.save(force_insert=True)
        return obj

    return seed


def _finished_diagnostic(seeder: Seeder) -> models.Model:
    from qalan.trainer.models import Diagnostic

    obj = seeder.build(Diagnostic)
    obj.status = Diagnostic.Status.FINISHED
    obj.save(force_insert=True)
    return obj


def _served_item(seeder: Seeder) -> models.Model:
    # ``similar_to`` points at the model itself; the generic seeder would recurse. Fill every
    # other link so erasure has to deal with all of them.
    from qalan.trainer.models import ItemInstance

    obj = seeder.build(ItemInstance)
    obj.focus = SEED_OVERRIDES["trainer.FocusSession"](seeder)
    obj.diagnostic = SEED_OVERRIDES["trainer.Diagnostic"](seeder)
    obj.save(force_insert=True)
    return obj


def _submitted_mock(seeder: Seeder) -> models.Model:
    # One open mock per student and section: seeded mocks are submitted ones, so that several
    # models can each point at their own.
    from qalan.ent.models import EntMock

    obj = seeder.build(EntMock)
    obj.status = EntMock.Status.SUBMITTED
    obj.submitted_at = timezone.now()
    obj.save(force_insert=True)
    return obj


# Per-model seeding for models the generic rules cannot fill (or should not, like a run that
# would act by itself).
SEED_OVERRIDES: dict[str, Callable[[Seeder], models.Model]] = {
    "lifecycle.ErasureRun": _finished_erasure_run,
    "trainer.FocusSession": _dated_row("trainer.FocusSession"),
    "trainer.StreakDay": _dated_row("trainer.StreakDay"),
    "trainer.Diagnostic": _finished_diagnostic,
    "trainer.ItemInstance": _served_item,
    "ent.EntMock": _submitted_mock,
}


class SeedError(Exception):
    pass


def _user_label() -> str:
    return settings.AUTH_USER_MODEL.lower()


class Seeder:
    def __init__(self, user, identity: Identity, *, bystander=None, overrides=None):
        self.user = user
        self.identity = identity
        self.bystander = bystander
        self.overrides = SEED_OVERRIDES if overrides is None else overrides

    # --- public -------------------------------------------------------------------------

    def seed(self, model: type[models.Model], *, depth: int = 0) -> models.Model:
        label = model._meta.label
        if label in self.overrides:
            return self.overrides[label](self)
        if depth > 6:
            raise SeedError(f"{label}: foreign keys nest too deep to seed; add an override")
        problem = None
        for fill, to_bystander in self._variants(model):
            try:
                return self._create(model, depth=depth, fill=fill, secondary_to_bystander=to_bystander)
            except SeedError:
                raise
            except Exception as exc:
                problem = exc
        raise SeedError(f"{label}: {type(problem).__name__}: {problem}")

    def _variants(self, model):
        """Ways to fill a row, simplest first: optional links empty; then each optional link
        filled alone (a "exactly one target" constraint); then all; then other people as
        second parties (a "parent is not the child" constraint)."""
        optional = [
            f.name
            for f in model._meta.concrete_fields
            if f.is_relation and f.null and f.related_model._meta.label_lower != _user_label()
        ]
        fills = [frozenset()] + [frozenset({name}) for name in optional]
        if len(optional) > 1:
            fills.append(frozenset(optional))
        variants = [(fill, False) for fill in fills]
        if self.bystander is not None:
            variants += [(fill, True) for fill in fills]
        return variants

    def build(self, model: type[models.Model], *, depth: int = 0) -> models.Model:
        """An unsaved instance with its related rows saved (for bulk seeding)."""
        return self._instance(model, depth=depth, fill=frozenset(), secondary_to_bystander=False)

    # --- building -----------------------------------------------------------------------

    def _create(self, model, *, depth: int, fill: frozenset, secondary_to_bystander: bool):
        with transaction.atomic():
            obj = self._instance(model, depth=depth, fill=fill, secondary_to_bystander=secondary_to_bystander)
            obj.save(force_insert=True)
            for m2m in model._meta.many_to_many:
                if m2m.related_model._meta.label_lower == _user_label() and m2m.remote_field.through._meta.auto_created:
                    getattr(obj, m2m.name).add(self.user)
        return obj

    def _instance(self, model, *, depth: int, fill: frozenset, secondary_to_bystander: bool):
        entry = inventory.entry_for(model)
        declaration = entry if isinstance(entry, Declaration) else None
        erased = erased_fields(declaration) if declaration is not None else set()
        first_hops = {p.split("__")[0].split("@")[0] for p in (declaration.subjects if declaration else ())}
        primary = declaration.subjects[0].split("__")[0] if declaration and declaration.subjects else ""
        values, files = {}, {}
        for model_field in model._meta.concrete_fields:
            if (
                isinstance(model_field, models.AutoField)
                or getattr(model_field, "auto_now", False)
                or getattr(model_field, "auto_now_add", False)
            ):
                continue
            if isinstance(model_field, models.FileField):
                files[model_field.name] = self._file_content(declaration, model_field, erased)
                continue
            value = self._value(
                model,
                declaration,
                model_field,
                erased,
                first_hops | fill,
                depth,
                bystander_link=secondary_to_bystander and model_field.name != primary,
            )
            if value is not _SKIP:
                values[model_field.attname if model_field.is_relation else model_field.name] = value
        obj = model(**values)
        for name, content in files.items():
            if content is not None:
                getattr(obj, name).save(f"seed-{next(_counter)}.txt", ContentFile(content), save=False)
        return obj

    def _value(self, model, declaration, model_field, erased, first_hops, depth, *, bystander_link: bool):
        name = model_field.name
        if declaration is not None and name in declaration.subject_keys:
            return import_string(declaration.subject_keys[name])(self.user)
        for path in declaration.subjects if declaration else ():
            if "@" in path and path.split("@")[0] == name:
                return getattr(self.user, path.split("@")[1])
        if model_field.is_relation:
            return self._relation(model_field, first_hops, depth, bystander_link=bystander_link)
        if model_field.primary_key and isinstance(model_field, models.UUIDField):
            return uuid.uuid4()
        if model_field.primary_key:
            return f"seed{next(_counter)}{uuid.uuid4().hex}"[: model_field.max_length or 40]
        personal = (
            declaration is not None
            and name in erased
            and str(declaration.fields.get(name, Category.NONE)) != Category.NONE
        )
        if model_field.choices:
            return (
                model_field.choices[0][0]
                if not isinstance(model_field.choices[0][1], (list, tuple))
                else model_field.choices[0][1][0][0]
            )
        if not personal and model_field.has_default() and not model_field.unique:
            return _SKIP
        return self._scalar(model_field, personal)

    def _relation(self, model_field, first_hops, depth, *, bystander_link: bool):
        target = model_field.related_model
        if target._meta.label_lower == _user_label():
            return (self.bystander or self.user).pk if bystander_link else self.user.pk
        if model_field.null and model_field.name not in first_hops:
            return None
        target_entry = inventory.entry_for(target)
        if not isinstance(target_entry, Declaration) and not model_field.one_to_one:
            existing = target._default_manager.order_by("pk").first()
            if existing is not None:
                return existing.pk
        return self.seed(target, depth=depth + 1).pk

    def _text_for(self, model_field) -> str:
        limit = model_field.max_length or 10_000
        if isinstance(model_field, models.EmailField):
            return self.identity.email
        if isinstance(model_field, models.GenericIPAddressField):
            return self.identity.ip
        full = " ".join(self.identity.needles)
        if len(full) <= limit:
            return full
        for needle in sorted(self.identity.needles, key=len, reverse=True):
            if len(needle) <= limit:
                return needle
        return NEUTRAL[:limit]

    def _scalar(self, model_field, personal: bool):
        unique = f"-{next(_counter)}" if model_field.unique else ""
        if isinstance(model_field, models.GenericIPAddressField):
            return self.identity.ip if personal else "192.0.2.1"
        if isinstance(model_field, (models.CharField, models.TextField)):
            if isinstance(model_field, models.SlugField):
                return f"seed{unique}"[: model_field.max_length]
            if isinstance(model_field, models.URLField):
                return f"https://example.org/seed{unique}"
            text = self._text_for(model_field) if personal else NEUTRAL
            if isinstance(model_field, models.EmailField) and not personal:
                text = f"seed{unique}@example.org"
            limit = model_field.max_length or 10_000
            return (text[: limit - len(unique)] + unique) if unique else text[:limit]
        if isinstance(model_field, models.BooleanField):
            return False
        if isinstance(model_field, models.DateTimeField):
            return timezone.now()
        if isinstance(model_field, models.DateField):
            return timezone.localdate()
        if isinstance(model_field, models.TimeField):
            return timezone.localtime().time()
        if isinstance(model_field, models.DurationField):
            return timedelta(minutes=1)
        if isinstance(model_field, models.DecimalField):
            return Decimal("1")
        if isinstance(model_field, models.FloatField):
            return 1.0
        if isinstance(model_field, models.IntegerField):
            return next(_counter) if model_field.unique else 1
        if isinstance(model_field, models.UUIDField):
            return uuid.uuid4()
        if isinstance(model_field, models.JSONField):
            return {"seed": self.identity.needles} if personal else {}
        if isinstance(model_field, models.BinaryField):
            return " ".join(self.identity.needles).encode() if personal else b"seed"
        raise SeedError(
            f"cannot fill {model_field.model._meta.label}.{model_field.name} ({type(model_field).__name__})"
        )

    def _file_content(self, declaration, model_field, erased) -> bytes | None:
        if declaration is None:
            return None if model_field.blank else b"seed"
        return ("seeded file of " + " ".join(self.identity.needles)).encode()


_SKIP = object()


def seed_every_declared_model(seeder: Seeder) -> dict[str, str]:
    """Give the seeder's user at least one row in every declared model that has a subject path;
    returns {model: error} for those that could not be seeded."""
    failures = {}
    for declaration in inventory.declarations():
        if declaration.model.lower() == _user_label():
            continue
        if declaration.rows_for(seeder.user).exists():
            continue
        try:
            seeder.seed(declaration.model_class)
        except SeedError as exc:
            failures[declaration.model] = str(exc)
            continue
        if not declaration.rows_for(seeder.user).exists():
            failures[declaration.model] = "seeded, but no subject path leads from the row to the user"
    return failures


def leftovers(identity: Identity, *, exclude: tuple[str, ...] = ()) -> list[str]:
    """Every table cell (as JSON text) that still holds one of the identity's strings."""
    from django.apps import apps

    needles = [n.lower() for n in identity.needles]
    found = []
    for model in apps.get_models():
        if model._meta.proxy or model._meta.label in exclude:
            continue
        names = [f.attname for f in model._meta.concrete_fields]
        for row in model._default_manager.values_list(*names).iterator():
            text = json.dumps(row, default=_as_text, ensure_ascii=False).lower()
            for needle in needles:
                if needle in text:
                    found.append(f"{model._meta.label}: {needle!r} in row {row[0]!r}")
    return found


def _as_text(value) -> str:
    if isinstance(value, (bytes, memoryview)):
        return bytes(value).decode("latin-1")
    return str(value)


def files_holding(identity: Identity, root) -> list[str]:
    from pathlib import Path

    needles = [n.lower().encode() for n in identity.needles]
    found = []
    base = Path(root)
    if not base.exists():
        return found
    for path in base.rglob("*"):
        if path.is_file():
            content = path.read_bytes().lower() + str(path).lower().encode()
            if any(n in content for n in needles):
                found.append(str(path))
    return found
