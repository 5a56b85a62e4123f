"""The one place the rights app calls the data-lifecycle engine (``qalan.lifecycle``).

The engine is built separately. Until ``qalan.lifecycle.services.erasure_run`` exists, account
deletions whose cool-off has ended wait here (``erasure_available()`` is False) and run on the
next periodic sweep after it lands.
"""

from __future__ import annotations

import inspect


def _engine():
    try:
        from qalan.lifecycle import services
    except ImportError:
        return None
    return getattr(services, "erasure_run", None)


def erasure_available() -> bool:
    return _engine() is not None


def erasure_run_for_request(*, actor, user, request) -> object:
    """Erase ``user``'s account through the engine: ``erasure_run(actor=..., user=...)``, plus
    ``request=``, ``reason=`` and ``skip_cool_off=True`` when its signature accepts them (the
    person's own cool-off, kept by the request, is already over). Returns the engine's run;
    a legal hold surfaces as the engine's ``ValidationError``."""
    engine = _engine()
    if engine is None:
        raise RuntimeError("the erasure engine (qalan.lifecycle.services.erasure_run) is not available")
    accepted = inspect.signature(engine).parameters
    kwargs = {"actor": actor, "user": user}
    if "request" in accepted:
        kwargs["request"] = request
    if "reason" in accepted:
        kwargs["reason"] = f"data-subject request #{request.pk}"
    if "skip_cool_off" in accepted:
        kwargs["skip_cool_off"] = True
    return engine(**kwargs)
