"""Turning a service's ValidationError into what the next page shows: messages, or the
errors on the form (one validation path: services raise, forms and pages show)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme


def error_messages(request, error) -> None:
    for message in error.messages:
        messages.error(request, message)


def apply_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's errors on the form: field errors on their fields, unknown fields and
    errors without a field (a plain ``ValidationError("...")``) at the top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, field_messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, field_messages)


class ServiceErrorMiddleware:
    """The net under every web view: a service's ValidationError that a view did not catch
    (a repeated submit, a second tab, a race) becomes a message on the page the person came
    from, never a server error. The API has its own handler (qalan/core/api.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, ValidationError):
            return None
        if request.path.startswith("/api/"):
            return None
        error_messages(request, exception)
        target = request.META.get("HTTP_REFERER", "")
        if not url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            target = "/"
        return redirect(target)
