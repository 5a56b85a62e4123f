"""Which routes are learning features, closed while a person's platform consent is not in
force (P2.2.a, minors). An app declares it where its routes are listed:

    urlpatterns = consent_required([...])

and the privacy app's gate (web middleware and API permission) reads the mark from the view the
URL resolved to. The mark follows the route, not the module a view happens to live in: moving a
view changes nothing, and a new route of a gated app is gated from its first line."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver

MARK = "qalan_consent_required"


def consent_required(patterns: list) -> list:
    """Mark every view of ``patterns`` (included URL confs too) as needing platform consent."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            consent_required(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            setattr(pattern.callback, MARK, True)
    return patterns


def is_consent_required(view) -> bool:
    return bool(getattr(view, MARK, False))
