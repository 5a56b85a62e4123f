"""Erasure of copies: a person's details kept in rows that belong to someone else.

An SMS to a parent names the child; a teacher's comment quotes a student. Such rows are not the
person's own, so the subject paths never reach them; their models declare ``copies``
(``qalan.core.inventory.Copy``): the path to the person the row is about, or the text fields to
search, and what erasure does (delete the copy, rewrite it without the person's values, or
archive it first where the law keeps it).
The engine runs these steps first, while the person's names are still on file.
"""

from __future__ import annotations

import re

from django.db import models, transaction
from django.db.models import Q

from qalan.core.inventory import REDACTED, Copy, CopyAction, Declaration, identifiers, subject_condition
from qalan.lifecycle.archive import archive_rows
from qalan.lifecycle.models import ArchivedRecord, ErasureStep

# The erasure step that carries out each action on copies.
COPY_STEP_ACTIONS = {
    CopyAction.DELETE: ErasureStep.Action.COPY_DELETE,
    CopyAction.REWRITE: ErasureStep.Action.COPY_REWRITE,
    CopyAction.ARCHIVE: ErasureStep.Action.COPY_ARCHIVE,
}


def copies_with(declaration: Declaration, action: str) -> list[Copy]:
    return [copy for copy in declaration.copies if COPY_STEP_ACTIONS[CopyAction(copy.action)] == action]


def copies_condition(declaration: Declaration, action: str, user) -> Q:
    """Rows holding a copy of ``user``'s details that the step ``action`` applies to."""
    condition = Q(pk__in=[])
    for copy in copies_with(declaration, action):
        condition |= Q(pk__in=declaration.copies_about(user, copy).values("pk"))
    if declaration.subjects:
        # The person's own rows go the declared way (deleted, archived, anonymised).
        condition &= ~subject_condition(declaration.subjects[0], user)
    return condition


def _pattern(values: list[str]) -> re.Pattern | None:
    if not values:
        return None
    return re.compile("|".join(re.escape(value) for value in values), re.IGNORECASE)


def rewrite_value(value, pattern: re.Pattern | None):
    """``value`` (text, or JSON made of dicts, lists and strings) with every match replaced."""
    if pattern is None:
        return value
    if isinstance(value, str):
        return pattern.sub(REDACTED, value)
    if isinstance(value, list):
        return [rewrite_value(item, pattern) for item in value]
    if isinstance(value, dict):
        return {key: rewrite_value(item, pattern) for key, item in value.items()}
    return value


def _cut(model, pks: list, path: str, user) -> None:
    model_field = model._meta.get_field(path)
    if model_field.many_to_many:
        through = model_field.remote_field.through
        through._default_manager.filter(
            **{f"{model_field.m2m_field_name()}__in": pks, model_field.m2m_reverse_field_name(): user}
        ).delete()
    elif model_field.null:
        model._default_manager.filter(pk__in=pks, **{path: user}).update(**{path: None})


def copies_rewrite(declaration: Declaration, pks: list, user, *, action: str) -> None:
    """Rewrite one batch (archived first for ``copy_archive``): the person's values go from the
    declared fields, their link is cut. Rows that name the person get every word of their name
    removed, not only the distinctive values they were found by."""
    model = declaration.model_class
    copies = copies_with(declaration, action)
    fields = sorted({name for copy in copies for name in copy.fields})
    pattern = _pattern(identifiers(user))
    with transaction.atomic():
        if action == COPY_STEP_ACTIONS[CopyAction.ARCHIVE]:
            rows = list(model._default_manager.filter(pk__in=pks))
            ArchivedRecord.objects.bulk_create(archive_rows(declaration=declaration, rows=rows, user=user))
        for row in model._default_manager.select_for_update().filter(pk__in=pks).only("pk", *fields):
            changed = {}
            for name in fields:
                before = getattr(row, name)
                after = rewrite_value(before, pattern)
                if after != before:
                    field = model._meta.get_field(name)
                    if isinstance(field, models.CharField) and field.max_length and isinstance(after, str):
                        after = after[: field.max_length]
                    changed[name] = after
            if changed:
                # An update, not save(): append-only models (the consent ledger) refuse save().
                model._default_manager.filter(pk=row.pk).update(**changed)
        for copy in copies:
            if copy.path:
                _cut(model, pks, copy.path, user)
