"""A representative's power of attorney: the upload checked (type, size), stored encrypted,
opened only by the DPO with an audit event (P7.2)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _

from qalan.rights import crypto
from qalan.rights.models import (
    DataRequest,
    PowerOfAttorney,
)
from qalan.rights.services._common import (
    _audit,
    _event,
    _require_dpo,
)

POA_CONTENT_TYPES = {"application/pdf", "image/jpeg", "image/png"}


def _poa_check(upload) -> None:
    content_type = getattr(upload, "content_type", "") or ""
    if content_type not in POA_CONTENT_TYPES:
        raise ValidationError(_("Attach the document as a PDF, JPEG or PNG file."))
    if upload.size > settings.QALAN_POA_MAX_BYTES:
        raise ValidationError(
            _("The file is too large. Attach at most %(mb)s MB.")
            % {"mb": settings.QALAN_POA_MAX_BYTES // (1024 * 1024)}
        )


POA_EXTENSIONS = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}


def poa_filename(content_type: str) -> str:
    return "power-of-attorney" + POA_EXTENSIONS.get(content_type, "")


def _poa_store(request: DataRequest, *, upload, actor) -> PowerOfAttorney:
    _poa_check(upload)
    data = upload.read()
    PowerOfAttorney.objects.filter(request=request).delete()
    document = PowerOfAttorney.objects.create(
        request=request,
        # Not the uploaded file's name: it often carries the representative's or the child's name,
        # and nothing needs it (the DPO opens the document by the request's number).
        filename=poa_filename(upload.content_type),
        content_type=upload.content_type,
        size=len(data),
        content=crypto.encrypt(data),
        uploaded_by=actor if getattr(actor, "pk", None) else None,
    )
    _event(request, actor=actor, action="power_of_attorney_attached")
    _audit(request, actor=actor, event="poa_attached", size=len(data))
    return document


def power_of_attorney_attach(*, actor, request: DataRequest, upload) -> PowerOfAttorney:
    _require_dpo(actor)
    try:
        _poa_check(upload)
    except ValidationError as exc:
        raise ValidationError({"power_of_attorney": exc.messages}) from None
    with transaction.atomic():
        if not request.by_representative:
            request.by_representative = True
            request.save(update_fields=["by_representative"])
        return _poa_store(request, upload=upload, actor=actor)


def power_of_attorney_open(*, viewer, request: DataRequest) -> tuple[PowerOfAttorney, bytes]:
    """Decrypt the document for the DPO; every read is recorded."""
    _require_dpo(viewer)
    document = PowerOfAttorney.objects.filter(request=request).first()
    if document is None:
        raise Http404
    with transaction.atomic():
        _event(request, actor=viewer, action="power_of_attorney_read", public=False)
        _audit(request, actor=viewer, event="poa_read")
    return document, crypto.decrypt(document.content)
