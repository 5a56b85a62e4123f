"""One error shape for the whole API: ``{"message": str, "errors": {field: [str]}}``."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


def _flatten(detail) -> dict[str, list[str]]:
    if isinstance(detail, dict):
        return {
            key: [str(m) for m in (value if isinstance(value, list) else [value])]
            if not isinstance(value, dict)
            else [str(v) for v in value.values()]
            for key, value in detail.items()
        }
    if isinstance(detail, list):
        return {"non_field_errors": [str(m) for m in detail]}
    return {}


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        exc = exceptions.ValidationError(detail=errors)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        errors = _flatten(exc.detail)
        first = next(iter(errors.values()), [""])
        message = first[0] if first else _("Check the highlighted fields.")
        response.data = {"message": message, "errors": errors}
        response.status_code = status.HTTP_400_BAD_REQUEST
    else:
        detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
        response.data = {"message": str(detail), "errors": {}}
    if getattr(exc, "error_code", None):
        # A machine-readable reason where a client must react to it (e.g. ``otp_required``).
        response.data["code"] = exc.error_code
    return response


class ErrorResponse(Response):
    def __init__(
        self, message: str, *, status_code: int, errors: dict | None = None, headers=None, code: str | None = None
    ):
        data = {"message": str(message), "errors": errors or {}}
        if code:
            data["code"] = code
        super().__init__(data, status=status_code, headers=headers)


def page_not_found(request, exception):
    """Django's 404 (a path no URL pattern matches, such as ``/api/v1/classes/abc``) in the API's
    error shape under ``/api/``, so an app reads every API error the same way; the web's page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse({"message": str(exceptions.NotFound.default_detail), "errors": {}}, status=404)
    return defaults.page_not_found(request, exception)
