"""Rights and requests: every change to a data-subject request, and the self-service actions of
the privacy centre, disclosures and notices to recipients.

Each function validates, writes and records its audit event in one transaction. Validation
errors are ``ValidationError`` keyed by field, so web forms, the API and the operator commands
show the same translated messages. Every step of a request is told to the requester.

- ``requests``: receipt (online, outside, entered by staff) and the requester's link;
- ``verification``: identity checks (codes, staff verification, linking an account);
- ``attorney``: a representative's power of attorney (checked, stored encrypted, opened);
- ``handling``: the DPO's work (assign, comment, extend, answer, refuse), automated answers,
  withdrawal and reminders before due dates;
- ``centre``: consents, restriction, export links, account deletion;
- ``recipients``: the disclosure log and notices after correction or deletion;
- ``calendar``: the operator's table of transferred days (deadlines depend on it).
"""

from qalan.rights.services._common import AUTOMATED_KINDS, request_latest_due, site_url
from qalan.rights.services.attorney import power_of_attorney_attach, power_of_attorney_open
from qalan.rights.services.calendar import transferred_day_remove as transferred_day_remove
from qalan.rights.services.calendar import transferred_day_set as transferred_day_set
from qalan.rights.services.centre import (
    account_deletion_cancel,
    account_deletion_execute,
    account_deletion_request,
    account_deletions_due,
    consent_give_by_user,
    consent_withdraw_by_user,
    dissemination_restrict,
    export_create,
    export_open,
)
from qalan.rights.services.handling import (
    request_answer,
    request_assign,
    request_comment,
    request_extend,
    request_process_automated,
    request_refuse,
    request_withdraw,
    requests_process_pending,
    requests_remind_due,
)
from qalan.rights.services.recipients import disclosure_record, recipients_notify
from qalan.rights.services.requests import (
    public_token,
    request_enter,
    request_from_public_token,
    request_submit,
    request_submit_public,
)
from qalan.rights.services.verification import (
    WRONG_CODE,
    request_code_send,
    request_link_account,
    request_verify,
    request_verify_code,
)

__all__ = [
    "AUTOMATED_KINDS",
    "WRONG_CODE",
    "account_deletion_cancel",
    "account_deletion_execute",
    "account_deletion_request",
    "account_deletions_due",
    "consent_give_by_user",
    "consent_withdraw_by_user",
    "disclosure_record",
    "dissemination_restrict",
    "export_create",
    "export_open",
    "power_of_attorney_attach",
    "power_of_attorney_open",
    "public_token",
    "recipients_notify",
    "request_answer",
    "request_assign",
    "request_code_send",
    "request_comment",
    "request_enter",
    "request_extend",
    "request_from_public_token",
    "request_latest_due",
    "request_link_account",
    "request_process_automated",
    "request_refuse",
    "request_submit",
    "request_submit_public",
    "request_verify",
    "request_verify_code",
    "request_withdraw",
    "requests_process_pending",
    "requests_remind_due",
    "site_url",
]
