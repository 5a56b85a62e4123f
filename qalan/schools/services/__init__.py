"""Changes to classes and links: create, join, leave, remove, invite, enrol a class list, hand
an account over, link a parent and a child.

Each function validates, writes and records its audit event in one transaction. Bad input
raises ``ValidationError`` keyed by field and changes nothing.

- ``classes``: classes, join codes, memberships, invitations of a student to a class;
- ``roster``: a teacher enrols a class list; the hand-off of an account to its family;
- ``links``: a parent and a child link their accounts (invitation code, confirmation, end).
"""

from qalan.schools.services.classes import (
    NO_SUCH_STUDENT,
    SCHOOL_YEAR,
    WRONG_CODE,
    class_archive,
    class_create,
    class_invitation_answer,
    class_invite,
    class_join,
    class_join_code_renew,
    class_leave,
    class_member_remove,
    class_update,
    current_school_year,
    join_code_new,
    school_for,
)
from qalan.schools.services.links import (
    CONTACT_CONSENT_TEXT,
    LINK_ROLES,
    link_confirm,
    link_end,
    link_invitation_create,
)
from qalan.schools.services.roster import (
    HANDOFF_CONSENT_TEXT,
    ROSTER_CONSENT_TEXT,
    ROSTER_MAX,
    handoff_claim,
    handoff_reissue,
    roster_enrol,
)

__all__ = [
    "CONTACT_CONSENT_TEXT",
    "HANDOFF_CONSENT_TEXT",
    "LINK_ROLES",
    "NO_SUCH_STUDENT",
    "ROSTER_CONSENT_TEXT",
    "ROSTER_MAX",
    "SCHOOL_YEAR",
    "WRONG_CODE",
    "class_archive",
    "class_create",
    "class_invitation_answer",
    "class_invite",
    "class_join",
    "class_join_code_renew",
    "class_leave",
    "class_member_remove",
    "class_update",
    "current_school_year",
    "handoff_claim",
    "handoff_reissue",
    "join_code_new",
    "link_confirm",
    "link_end",
    "link_invitation_create",
    "roster_enrol",
    "school_for",
]
