"""Personal data stays out of logs: a filter that masks phone numbers and e-mail addresses, and
the JSON formatter of production logs, which masks them in tracebacks too."""

import json
import logging
import re
from datetime import UTC, datetime

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
# Kazakhstan numbers as people write them (+7 701 123 45 67, 8 (701) 123-45-67, 87011234567)
# and any international number in E.164 (+998901234567).
_PHONE = re.compile(r"(?<![\w+])(?:\+?[78][\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}|\+\d{10,14})(?!\d)")


def scrub(text: str) -> str:
    return _PHONE.sub("[phone]", _EMAIL.sub("[email]", text))


class ScrubPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = scrub(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


# Attributes every LogRecord has; anything else on a record came from ``extra=`` and, when it is
# one of FIELDS, goes into the JSON object (the access log's method, route, status, ...).
FIELDS = ("method", "route", "status", "bytes", "duration_ms", "worker")


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time (UTC), level, logger, message, the access fields and the
    exception's traceback, each scrubbed like the message. Nothing else from the record is
    written: no arguments, no request, no path beyond what the message already says."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": scrub(record.getMessage()),
        }
        for name in FIELDS:
            if name in record.__dict__:
                entry[name] = record.__dict__[name]
        if record.exc_info:
            entry["exception"] = scrub(self.formatException(record.exc_info))
        elif record.exc_text:
            entry["exception"] = scrub(record.exc_text)
        return json.dumps(entry, ensure_ascii=False, default=str)


class RouteNotPath(logging.Filter):
    """Django names the path of a failed request (``Not Found: /privacy/guardian/<token>/``);
    paths carry ids and the secret tokens of unsubscribe, export and parent-consent links, so
    the log names the route pattern instead, as the request log and the access log do."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        path = getattr(request, "path", None)
        if path and isinstance(record.args, tuple):
            forms = {path, path.encode("unicode_escape").decode("ascii")}
            route = _route(request)
            record.args = tuple(route if isinstance(arg, str) and arg in forms else arg for arg in record.args)
        return True


def _route(request) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        from django.urls import resolve

        try:
            match = resolve(request.path_info)
        except Exception:  # no route: the path is not written down
            return "(no route)"
    return "/" + match.route
