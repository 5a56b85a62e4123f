"""The one place the rights app calls the data-lifecycle engine (``qalan.lifecycle``), a layer
below it: a "delete my account" request whose cool-off is over is erased through the engine.
The engine, for its part, learns of the request's cool-off through ``core.hooks``."""

from __future__ import annotations

from django.apps import apps


def erasure_available() -> bool:
    return apps.is_installed("qalan.lifecycle")


def erasure_run_for_request(*, actor, user, request) -> object:
    """Erase ``user``'s account through the engine (the person's own cool-off, kept by the
    request, is already over). Returns the engine's run; a legal hold surfaces as the engine's
    ``ValidationError``."""
    from qalan.lifecycle.services import erasure_run

    return erasure_run(
        actor=actor, user=user, request=request, reason=f"data-subject request #{request.pk}", skip_cool_off=True
    )
