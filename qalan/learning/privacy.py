"""Personal-data declarations of the learning app: content is not personal; answers, results,
homework, entitlements and digests are."""

from django.utils.translation import gettext_lazy as _

from qalan.core.inventory import (
    Category,
    Declaration,
    Erasure,
    LegalBasis,
    NotPersonal,
    Purpose,
    Retention,
    Source,
    register,
)

_CONTENT = "Learning content written by the platform's methodologists; about no person."

register(
    NotPersonal("learning.Subject", _CONTENT),
    NotPersonal("learning.Topic", _CONTENT),
    NotPersonal("learning.Task", _CONTENT),
    NotPersonal("learning.Choice", _CONTENT),
    NotPersonal("learning.Quiz", _CONTENT),
    NotPersonal("learning.QuizItem", "Which tasks make up a test: content, about no person."),
    NotPersonal(
        "learning.AssignmentItem", "Which tasks make up a homework: content chosen by a teacher, about no person."
    ),
    NotPersonal(
        "learning.SkillSlot", "Which skills and how many items make up a test or homework: content, about no person."
    ),
    NotPersonal(
        "learning.SubmissionItem",
        "Which trainer item belongs to which sitting: a link between two declared rows (the sitting and the served item), "
        "holding nothing of its own.",
    ),
    Declaration(
        model="learning.Assignment",
        subjects=("created_by",),
        fields={
            "id": Category.NONE,
            "school_class": Category.LEARNING,
            "created_by": Category.IDENTITY,
            "title": Category.LEARNING,
            "quiz": Category.LEARNING,
            "tasks": Category.LEARNING,
            "time_limit_minutes": Category.LEARNING,
            "due_at": Category.LEARNING,
            "max_attempts": Category.LEARNING,
            "result_rule": Category.LEARNING,
            "created_at": Category.LEARNING,
        },
        description=_("Homework you set for your classes: title, tasks, due date and time limit."),
        purposes=(Purpose.LEARNING,),
        legal_basis=LegalBasis.CONTRACT,
        source=Source.USER,
        retention=Retention.ACCOUNT_LIFETIME,
        # The homework stays for the class; the teacher's name is removed from it.
        erasure=Erasure.SCRUB,
    ),
    Declaration(
        model="learning.Submission",
        subjects=("student",),
        fields={
            "id": Category.NONE,
            "student": Category.IDENTITY,
            "assignment": Category.LEARNING,
            "quiz": Category.LEARNING,
            "started_at": Category.LEARNING,
            "deadline_at": Category.LEARNING,
            "submitted_at": Category.LEARNING,
            "score": Category.LEARNING,
            "max_score": Category.LEARNING,
            "attempt_no": Category.LEARNING,
            "drafts": Category.LEARNING,
            "drafts_saved_at": Category.LEARNING,
            "closed_automatically": Category.LEARNING,
        },
        description=_(
            "Your tests and homework: when you started and submitted them, the answers saved as you typed, and your score."
        ),
        purposes=(Purpose.LEARNING,),
        legal_basis=LegalBasis.CONSENT,
        source=Source.USER,
        retention=Retention.ACCOUNT_LIFETIME,
        erasure=Erasure.ANONYMISE,
        recipients=("teacher", "parent"),
    ),
    Declaration(
        model="learning.Attempt",
        subjects=("student",),
        fields={
            "id": Category.NONE,
            "student": Category.IDENTITY,
            "task": Category.LEARNING,
            "submission": Category.LEARNING,
            "answer": Category.LEARNING,
            "is_correct": Category.LEARNING,
            "language": Category.PROFILE,
            "created_at": Category.LEARNING,
        },
        description=_("Every answer you gave to a task: the answer, whether it was right, and when."),
        purposes=(Purpose.LEARNING,),
        legal_basis=LegalBasis.CONSENT,
        source=Source.USER,
        retention=Retention.ACCOUNT_LIFETIME,
        erasure=Erasure.ANONYMISE,
        recipients=("teacher", "parent"),
    ),
    Declaration(
        model="learning.Entitlement",
        subjects=("user", "granted_by"),
        fields={
            "id": Category.NONE,
            "user": Category.IDENTITY,
            "kind": Category.FINANCIAL,
            "granted_by": Category.IDENTITY,
            "reason": Category.FINANCIAL,
            "starts_at": Category.FINANCIAL,
            "ends_at": Category.FINANCIAL,
            "revoked_at": Category.FINANCIAL,
            "created_at": Category.FINANCIAL,
        },
        description=_("Your access to extended content: since when, until when and why it was granted."),
        purposes=(Purpose.PAYMENTS, Purpose.LEGAL),
        legal_basis=LegalBasis.CONTRACT,
        source=Source.OPERATOR,
        retention=Retention.PAYMENTS_FIVE_YEARS,
        erasure=Erasure.ARCHIVE,
    ),
    Declaration(
        model="learning.DigestLog",
        subjects=("parent",),
        fields={
            "id": Category.NONE,
            "parent": Category.IDENTITY,
            "week_start": Category.TECHNICAL,
            "message": Category.COMMUNICATION,
            "created_at": Category.TECHNICAL,
        },
        description=_("Which weekly digests about your children were sent to you."),
        purposes=(Purpose.LEARNING, Purpose.SERVICE_MESSAGES),
        legal_basis=LegalBasis.CONSENT,
        source=Source.AUTOMATIC,
        retention=Retention.ACCOUNT_LIFETIME,
        erasure=Erasure.DELETE,
    ),
)
