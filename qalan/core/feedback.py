"""Turning a service's ValidationError into what the next page shows: messages, or the
errors on the form (one validation path: services raise, forms and pages show)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError


def error_messages(request, error) -> None:
    for message in error.messages:
        messages.error(request, message)


def apply_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's field errors on the form (unknown fields go to the top)."""
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)
