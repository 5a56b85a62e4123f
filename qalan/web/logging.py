"""A log filter that masks phone numbers and e-mail addresses (personal data stays out of logs)."""

import logging
import re

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
