"""A log filter that masks phone numbers and e-mail addresses (personal data stays out of logs)."""

import logging
import re

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
# +7 701 123 45 67, 87011234567, +77011234567 and similar runs of 10+ digits.
_PHONE = re.compile(r"(?<![\w])\+?\d[\d\s()\-]{8,}\d")


def scrub(text: str) -> str:
    return _PHONE.sub("[phone]", _EMAIL.sub("[email]", text))


class ScrubPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = scrub(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True
