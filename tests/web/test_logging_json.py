"""Production logs: JSON lines without personal data, and route patterns instead of paths."""

import io
import json
import logging
import sys

from qalan.web.logging import JsonFormatter


def record(message: str, *args, exc_info=None, **extra) -> logging.LogRecord:
    entry = logging.getLogger("qalan.test").makeRecord(
        "qalan.test", logging.WARNING, __file__, 1, message, args, exc_info, extra=extra
    )
    return entry


def test_a_json_line_holds_time_level_logger_message_and_known_fields_only():
    line = JsonFormatter().format(record("sent to %s", "a user", route="accounts/login/", status=200, user="alice"))
    entry = json.loads(line)
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "qalan.test"
    assert entry["message"] == "sent to a user"
    assert entry["time"].endswith("+00:00")
    assert (entry["route"], entry["status"]) == ("accounts/login/", 200)
    # Anything else a caller passed along is not written.
    assert "user" not in entry and "alice" not in line


def test_phones_and_emails_are_masked_in_the_message_and_the_traceback():
    try:
        raise ValueError("duplicate phone +77011234567 for aigerim@example.kz")
    except ValueError:
        exc_info = sys.exc_info()
    line = JsonFormatter().format(record("could not save %s", "8 701 123 45 67", exc_info=exc_info))
    entry = json.loads(line)
    assert entry["message"] == "could not save [phone]"
    assert "ValueError: duplicate phone [phone] for [email]" in entry["exception"]
    assert "7011234567" not in line and "aigerim" not in line


def test_a_failed_request_is_logged_with_its_route_not_its_path(client, db):
    """The real log line Django writes for a bad request, as the console handler formats it."""
    handler = next(h for h in logging.getLogger().handlers if isinstance(h, logging.StreamHandler))
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        client.get("/privacy/guardian/secret-link-token-77/")
        client.get("/no/such/page/+77011234567/")
    finally:
        handler.setStream(previous)
    written = stream.getvalue()
    assert "/privacy/guardian/<str:token>/" in written
    assert "Not Found: (no route)" in written
    assert "secret-link-token-77" not in written and "7011234567" not in written
