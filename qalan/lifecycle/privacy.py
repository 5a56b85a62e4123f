"""Personal-data declarations of the lifecycle app."""

from django.utils.translation import gettext_lazy as _

from qalan.core.inventory import (
    Category,
    Declaration,
    Erasure,
    FieldRule,
    LegalBasis,
    NotPersonal,
    Purpose,
    Retention,
    Source,
    register,
)

_KEEP = FieldRule.KEEP

register(
    Declaration(
        model="lifecycle.ErasureRun",
        subjects=("user", "requested_by"),
        fields={
            "id": Category.NONE,
            "user": Category.IDENTITY,
            # A keyed pseudonym of the account id: proves the erasure without naming anyone.
            "subject_key": Category.NONE,
            "status": Category.NONE,
            "reason": Category.NONE,
            "requested_by": Category.AUDIT,
            "created_at": Category.NONE,
            "not_before": Category.NONE,
            "started_at": Category.NONE,
            "finished_at": Category.NONE,
            "cancelled_at": Category.NONE,
            "lease_until": Category.NONE,
            "attempts": Category.NONE,
            "last_error": Category.NONE,
            "held_by": Category.NONE,
        },
        description=_("Requests to delete your account and what the deletion did (counts only)."),
        purposes=(Purpose.PRIVACY_RIGHTS, Purpose.LEGAL),
        legal_basis=LegalBasis.LAW,
        source=Source.AUTOMATIC,
        retention=Retention.ACCOUNT_LIFETIME,
        erasure=Erasure.SCRUB,
    ),
    NotPersonal("lifecycle.ErasureStep", "Counts of rows an erasure run removed per table; never the rows."),
    NotPersonal(
        "lifecycle.ArchivedRecord",
        "The archive itself: encrypted snapshots of erased rows kept for their legal period, "
        "readable only by the accountant role; destroyed by retention when the period ends.",
    ),
    NotPersonal("lifecycle.DestructionRecord", "Rule, table, count and date of each retention sweep; never a person."),
    Declaration(
        model="lifecycle.LegalHold",
        subjects=("user", "created_by", "released_by"),
        fields={
            "id": Category.NONE,
            "scope": Category.NONE,
            "user": Category.IDENTITY,
            "dataset": Category.NONE,
            "reason": Category.AUDIT,
            "ends_on": Category.NONE,
            "created_by": Category.AUDIT,
            "created_at": Category.NONE,
            "released_at": Category.NONE,
            "released_by": Category.AUDIT,
        },
        description=_("Legal holds on your data: kept as evidence in a dispute, with the reason and end date."),
        purposes=(Purpose.LEGAL, Purpose.SECURITY),
        legal_basis=LegalBasis.LAW,
        source=Source.OPERATOR,
        retention=Retention.ACCOUNT_LIFETIME,
        erasure=Erasure.SCRUB,
        # The reason is about the held person; erasing the DPO who wrote it only drops the link.
        field_owners={"reason": ("user",)},
    ),
    Declaration(
        model="lifecycle.RequestLog",
        subjects=(),
        subject_keys={"user_key": "qalan.lifecycle.requestlog.user_pseudonym"},
        fields={
            "id": Category.NONE,
            "created_at": Category.TECHNICAL,
            "method": Category.TECHNICAL,
            "route": Category.TECHNICAL,
            "view_name": Category.TECHNICAL,
            "status": Category.TECHNICAL,
            "duration_ms": Category.TECHNICAL,
            "request_bytes": Category.TECHNICAL,
            "response_bytes": Category.TECHNICAL,
            "error": Category.TECHNICAL,
            "user_key": Category.TECHNICAL,
            "ip_address": Category.TECHNICAL,
            "ip_truncated": Category.NONE,
            "device_type": Category.TECHNICAL,
            "device_model": Category.TECHNICAL,
            "browser": Category.TECHNICAL,
            "os": Category.TECHNICAL,
            "app_version": Category.TECHNICAL,
            "screen": Category.TECHNICAL,
            "language": Category.TECHNICAL,
        },
        description=_(
            "The server's log of your visits: time, page or feature, result, duration, size, a pseudonym "
            "instead of your name, your IP address (shortened after a few days), device, browser, system, "
            "app version, screen size and language."
        ),
        purposes=(Purpose.SECURITY,),
        legal_basis=LegalBasis.CONTRACT,
        source=Source.AUTOMATIC,
        retention=Retention.LOGS_ONE_YEAR,
        # After erasure the row keeps only what performance statistics need.
        erasure=Erasure.ANONYMISE,
        field_rules={
            name: _KEEP
            for name in (
                "created_at", "method", "route", "view_name", "status", "duration_ms", "request_bytes",
                "response_bytes", "error", "device_type", "browser", "os", "app_version", "screen", "language",
            )
        },
    ),
    Declaration(
        model="lifecycle.AccountBlock",
        subjects=("user", "created_by", "lifted_by"),
        fields={
            "id": Category.NONE,
            "user": Category.IDENTITY,
            "reason": Category.AUDIT,
            "explanation": Category.AUDIT,
            "created_by": Category.AUDIT,
            "created_at": Category.AUDIT,
            "lifted_at": Category.AUDIT,
            "lifted_by": Category.AUDIT,
        },
        description=_("Blocks of your account for a breach of the rules: reason, explanation, dates."),
        purposes=(Purpose.SECURITY,),
        legal_basis=LegalBasis.CONTRACT,
        source=Source.OPERATOR,
        retention=Retention.ACCOUNT_LIFETIME,
        erasure=Erasure.DELETE,
    ),
    Declaration(
        model="lifecycle.InactivityNotice",
        subjects=("user",),
        fields={
            "id": Category.NONE,
            "user": Category.IDENTITY,
            "sent_at": Category.TECHNICAL,
            "erase_after": Category.TECHNICAL,
            "returned_at": Category.TECHNICAL,
        },
        description=_("Notices that your account would be deleted after long inactivity."),
        purposes=(Purpose.SERVICE_MESSAGES,),
        legal_basis=LegalBasis.LAW,
        source=Source.AUTOMATIC,
        retention=Retention.ACCOUNT_LIFETIME,
        erasure=Erasure.DELETE,
    ),
)
