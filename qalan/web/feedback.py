"""Turning a service's ValidationError into messages on the next page."""

from django.contrib import messages


def error_messages(request, error) -> None:
    for message in error.messages:
        messages.error(request, message)
