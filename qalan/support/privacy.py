"""Declarations of the support app's models (P3.1.d: support requests stored as tickets)."""

from django.utils.translation import gettext_lazy as _

from qalan.core.inventory import (
    Category,
    Copy,
    CopyAction,
    Declaration,
    Erasure,
    FieldRule,
    LegalBasis,
    Purpose,
    Retention,
    Source,
    register,
)

register(
    Declaration(
        model="support.Ticket",
        subjects=("user",),
        fields={
            "id": Category.NONE,
            "user": Category.IDENTITY,
            "contact": Category.CONTACT,
            "subject": Category.SUPPORT,
            "description": Category.SUPPORT,
            "confidential": Category.SUPPORT,
            "status": Category.NONE,
            "created_at": Category.SUPPORT,
            "updated_at": Category.SUPPORT,
        },
        description=_("Your requests to support: the contact for the answer, the subject and the description."),
        purposes=(Purpose.SERVICE_MESSAGES,),
        legal_basis=LegalBasis.CONTRACT,
        source=Source.USER,
        retention=Retention.REQUEST_THREE_YEARS,
        # The fact of a request and its status stay for statistics; its words and contact go.
        erasure=Erasure.ANONYMISE,
        field_rules={"subject": FieldRule.REDACT, "description": FieldRule.REDACT},
        recipients=("support",),
        # Free text one person writes may quote another (a name, a username): erasing them
        # rewrites it without their details.
        copies=(Copy(fields=("subject", "description"), action=CopyAction.REWRITE),),
    ),
    Declaration(
        model="support.TicketReply",
        subjects=("author", "ticket__user"),
        fields={
            "id": Category.NONE,
            "ticket": Category.NONE,
            "author": Category.IDENTITY,
            "body": Category.SUPPORT,
            "created_at": Category.SUPPORT,
        },
        description=_("The messages in your support tickets: yours and the answers of support staff."),
        purposes=(Purpose.SERVICE_MESSAGES,),
        legal_basis=LegalBasis.CONTRACT,
        source=Source.USER,
        retention=Retention.REQUEST_THREE_YEARS,
        erasure=Erasure.ANONYMISE,
        field_rules={"body": FieldRule.REDACT},
        recipients=("support",),
        # Free text one person writes may quote another (a name, a username): erasing them
        # rewrites it without their details.
        copies=(Copy(fields=("body",), action=CopyAction.REWRITE),),
    ),
)
