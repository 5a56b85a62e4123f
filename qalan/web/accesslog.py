"""Gunicorn's logger for Qalan (``logger_class`` in gunicorn.conf.py): JSON lines without
personal data.

The access log names the route pattern a request matched (``accounts/avatar/<int:user_id>/``),
as the request log does (qalan.lifecycle.requestlog), never the path: paths carry ids and the
secret tokens of unsubscribe, export and parent-consent links. No query string, no client
address, no user agent, no referrer. Probes (/healthz, /readyz) are left out: a balancer asks
every few seconds, and those lines would bury the others. Gunicorn's own messages go through
the same JSON formatter and scrubbing filter as the application's.
"""

from __future__ import annotations

import os

from gunicorn.glogging import Logger

from qalan.web.logging import JsonFormatter, ScrubPersonalData

PROBE_PATHS = frozenset({"/healthz", "/readyz"})


def route_of(path: str) -> str:
    """The URL pattern ``path`` matches, or "" (an unknown path is not written down)."""
    from django.urls import resolve

    try:
        return resolve(path).route
    except Exception:  # not found (Resolver404), or the application failed to load
        return ""


class JsonLogger(Logger):
    def setup(self, cfg):
        super().setup(cfg)
        json_format = (os.environ.get("QALAN_LOG_FORMAT") or "json") == "json"
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                if json_format:
                    handler.setFormatter(JsonFormatter())
                handler.addFilter(ScrubPersonalData())

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        path = environ.get("PATH_INFO", "")
        if path in PROBE_PATHS:
            return
        status = resp.status
        if isinstance(status, str):
            status = status.split(None, 1)[0]
        try:
            status = int(status)
        except (TypeError, ValueError):
            status = 0
        method = environ.get("REQUEST_METHOD", "")
        route = route_of(path)
        fields = {
            "method": method,
            "route": route,
            "status": status,
            "bytes": getattr(resp, "sent", None) or 0,
            "duration_ms": request_time.seconds * 1000 + request_time.microseconds // 1000,
            "worker": os.getpid(),
        }
        try:
            self.access_log.info("%s /%s %s", method, route, status, extra=fields)
        except Exception:
            self.exception("access log line could not be written")
