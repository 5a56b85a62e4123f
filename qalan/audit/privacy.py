from django.utils.translation import gettext_lazy as _

from qalan.core.inventory import Category, Declaration, Erasure, LegalBasis, Purpose, Retention, Source, register

register(
    Declaration(
        model="audit.AuditEvent",
        subjects=("actor", "subject"),
        fields={
            "id": Category.NONE,
            "created_at": Category.AUDIT,
            "actor": Category.AUDIT,
            "subject": Category.AUDIT,
            "event_type": Category.AUDIT,
            "extra": Category.AUDIT,
            "actor_digest": Category.NONE,
            "subject_digest": Category.NONE,
            "extra_digest": Category.NONE,
            "key_id": Category.NONE,
            "scrubbed": Category.NONE,
            "prev_hash": Category.NONE,
            "hash": Category.NONE,
        },
        description=_("A record of each change made to your account and data, and by whom."),
        purposes=(Purpose.SECURITY, Purpose.LEGAL),
        legal_basis=LegalBasis.LAW,
        source=Source.AUTOMATIC,
        retention=Retention.ACCOUNT_LIFETIME,
        erasure=Erasure.SCRUB,
        # A scrub is itself a chained event naming what it removed (docs/audit.md).
        eraser="qalan.audit.services.audit_scrub_rows",
    ),
)
