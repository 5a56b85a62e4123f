"""The personal-data export: a ZIP streamed as it is built, with one JSON file per category of
data, a manifest, the files the person uploaded, and an offline HTML viewer (no scripts, no
external request). What goes in comes from the inventory, so new models are exported too."""

from __future__ import annotations

import io
import json
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import PurePosixPath
from uuid import UUID

from django.conf import settings
from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from qalan.core.inventory import Category, Declaration, declarations
from qalan.rights.report import section_for

FORMAT = "qalan-export/1"
MAX_FILE_BYTES = 20 * 1024 * 1024  # an uploaded file larger than this is listed, not copied


@dataclass
class ExportData:
    # category -> model label -> rows
    categories: dict[str, dict[str, list[dict]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    files: list[tuple[str, models.fields.files.FieldFile]] = field(default_factory=list)
    sections: list = field(default_factory=list)


def _hidden_secret() -> str:
    return _("[a secret: stored only as a one-way hash, so it cannot be shown]")


def _plain(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (Decimal, UUID)):
        return str(value)
    if isinstance(value, (bytes, memoryview)):
        return _("[a document stored encrypted: ask the data protection officer for a copy]")
    return value


def _value(obj: models.Model, name: str, category: str, data: ExportData):
    model_field = obj._meta.get_field(name)
    if model_field.many_to_many:
        return list(getattr(obj, name).values_list("pk", flat=True))
    if model_field.is_relation:
        return getattr(obj, model_field.attname)
    value = getattr(obj, name)
    if category == Category.CREDENTIALS:
        return _hidden_secret() if value else ""
    if isinstance(model_field, models.FileField):
        if not value:
            return ""
        arcname = f"files/{obj._meta.label_lower}/{obj.pk}-{name}{PurePosixPath(value.name).suffix}"
        data.files.append((arcname, value))
        return arcname
    return _plain(value)


def _collect_declaration(declaration: Declaration, user, data: ExportData) -> int:
    categories = list(declaration.categories)
    count = 0
    for obj in declaration.rows_for(user).order_by("pk"):
        count += 1
        for category in categories:
            row = {"id": obj.pk}
            for name, field_category in declaration.fields.items():
                if field_category == category:
                    row[name] = _value(obj, name, category, data)
            data.categories[category.value][declaration.model].append(row)
    return count


def export_collect(user) -> ExportData:
    from qalan.rights.report import _recipients_by_slug

    data = ExportData()
    recipients = _recipients_by_slug()
    for declaration in declarations():
        if not declaration.subjects:
            continue
        count = _collect_declaration(declaration, user, data)
        if count:
            data.sections.append(section_for(declaration, records=count, recipients=recipients))
    return data


def _manifest(user, data: ExportData, generated_at: datetime) -> dict:
    from qalan.privacy.selectors import policy_current

    policy = policy_current()
    operator = settings.QALAN_OPERATOR
    return {
        "format": FORMAT,
        "generated_at": generated_at.isoformat(),
        "account": {"id": user.pk, "username": user.username},
        "operator": {"name": str(operator["name"]), "address": str(operator["address"]), "email": operator["email"]},
        "data_region": settings.QALAN_DATA_REGION,
        "policy_version": policy.version if policy else None,
        "viewer": "index.html",
        "files": [
            {
                "name": f"{category}.json",
                "category": category,
                "title": str(Category(category).label),
                "records": sum(len(rows) for rows in models_rows.values()),
            }
            for category, models_rows in sorted(data.categories.items())
        ],
        "models": [
            {
                "model": s.model,
                "title": s.title,
                "description": s.description,
                "records": s.records,
                "categories": s.categories,
                "purposes": s.purposes,
                "legal_basis": s.legal_basis,
                "source": s.source,
                "retention": s.retention,
                "erasure": s.erasure,
                "recipients": [str(getattr(r, "name", r)) for r in s.recipients],
            }
            for s in data.sections
        ],
        "uploaded_files": [arcname for arcname, _file in data.files],
    }


def _table(label: str, rows: list[dict]) -> dict:
    columns = list(rows[0].keys()) if rows else []
    return {"model": label, "columns": columns, "rows": [[row.get(c, "") for c in columns] for row in rows]}


def _viewer_html(user, data: ExportData, manifest: dict) -> str:
    categories = [
        {
            "key": category,
            "title": str(Category(category).label),
            "models": [_table(label, rows) for label, rows in sorted(models_rows.items())],
        }
        for category, models_rows in sorted(data.categories.items())
    ]
    return render_to_string(
        "rights/export_viewer.html",
        {"manifest": manifest, "categories": categories, "sections": data.sections, "subject": user},
    )


class _Sink(io.RawIOBase):
    """A write-only stream whose bytes are taken out as the ZIP is written (no seeking)."""

    def __init__(self):
        self._chunks: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:
        self._chunks.append(bytes(b))
        return len(b)

    def take(self) -> bytes:
        chunk, self._chunks = b"".join(self._chunks), []
        return chunk


def _dumps(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2, default=str).encode("utf-8")


def export_zip_stream(user) -> Iterator[bytes]:
    """The ZIP, chunk by chunk, for a streaming response."""
    generated_at = timezone.now()
    data = export_collect(user)
    manifest = _manifest(user, data, generated_at)
    sink = _Sink()
    with zipfile.ZipFile(sink, mode="w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", _dumps(manifest))
        yield sink.take()
        for category, models_rows in sorted(data.categories.items()):
            archive.writestr(f"{category}.json", _dumps(dict(sorted(models_rows.items()))))
            yield sink.take()
        for arcname, stored in data.files:
            try:
                if stored.size > MAX_FILE_BYTES:
                    continue
                with stored.open("rb") as source, archive.open(arcname, "w") as target:
                    while chunk := source.read(64 * 1024):
                        target.write(chunk)
                        yield sink.take()
            except (FileNotFoundError, OSError):
                continue
        archive.writestr("index.html", _viewer_html(user, data, manifest).encode("utf-8"))
    yield sink.take()


def export_filename(user) -> str:
    return f"qalan-my-data-{timezone.localdate():%Y-%m-%d}.zip"
