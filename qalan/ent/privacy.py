"""Personal-data declarations of the ENT track: a student's mocks and practice sets and the
answers chosen in them. Kept like the trainer's answers (the items themselves are trainer rows)."""

from django.utils.translation import gettext_lazy as _

from qalan.core.inventory import Category, Declaration, Erasure, LegalBasis, Purpose, Retention, Source, register

_L = Category.LEARNING

register(
    Declaration(
        model="ent.EntMock",
        subjects=("student",),
        fields={
            "id": Category.NONE,
            "student": Category.IDENTITY,
            "section": _L,
            "kind": _L,
            "status": _L,
            "started_at": _L,
            "deadline_at": _L,
            "submitted_at": _L,
            "timed_out": _L,
            "drafts_saved_at": _L,
            "points": _L,
            "max_points": _L,
        },
        description=_("Your ENT mock tests and practice sets: when you took them and your points."),
        purposes=(Purpose.LEARNING,),
        legal_basis=LegalBasis.CONSENT,
        source=Source.AUTOMATIC,
        retention=Retention.ACCOUNT_LIFETIME,
        erasure=Erasure.DELETE,
        recipients=("teacher", "parent"),
    ),
    Declaration(
        model="ent.EntMockItem",
        subjects=("mock__student",),
        fields={
            "id": Category.NONE,
            "mock": _L,
            "position": _L,
            "question_type": _L,
            "instance": _L,
            "skill": _L,
            "options": _L,
            "key": _L,
            "max_points": _L,
            "answer": _L,
            "points": _L,
            "mistakes": _L,
        },
        description=_("The questions of your ENT mocks, the options you chose and the points for each."),
        purposes=(Purpose.LEARNING,),
        legal_basis=LegalBasis.CONSENT,
        source=Source.USER,
        retention=Retention.ACCOUNT_LIFETIME,
        erasure=Erasure.DELETE,
        recipients=("teacher", "parent"),
    ),
)
