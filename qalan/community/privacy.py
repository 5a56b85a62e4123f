"""Personal-data declarations of the community app: comments, messages and reports."""

from django.utils.translation import gettext_lazy as _

from qalan.core.inventory import (
    Category,
    Copy,
    CopyAction,
    Declaration,
    Erasure,
    LegalBasis,
    Purpose,
    Retention,
    Source,
    register,
)

register(
    Declaration(
        model="community.Comment",
        subjects=("author",),
        fields={
            "id": Category.NONE,
            "task": Category.LEARNING,
            "author": Category.IDENTITY,
            "author_role": Category.IDENTITY,
            "kind": Category.COMMUNICATION,
            "reply_to": Category.COMMUNICATION,
            "body": Category.COMMUNICATION,
            "created_at": Category.COMMUNICATION,
            "hidden_at": Category.COMMUNICATION,
            "hidden_by": Category.COMMUNICATION,
        },
        description=_("Comments and questions you wrote under tasks, and whether a moderator hid them."),
        purposes=(Purpose.COMMUNICATION, Purpose.LEARNING),
        legal_basis=LegalBasis.CONSENT,
        source=Source.USER,
        retention=Retention.ACCOUNT_LIFETIME,
        # Others' replies make sense only with the comment: it stays without the author's name.
        erasure=Erasure.ANONYMISE,
        # Free text one person writes may quote another (a name, a username): erasing them
        # rewrites it without their details.
        copies=(Copy(fields=("body",), action=CopyAction.REWRITE),),
    ),
    Declaration(
        model="community.Message",
        subjects=("sender", "recipient"),
        fields={
            "id": Category.NONE,
            "sender": Category.IDENTITY,
            "recipient": Category.IDENTITY,
            "body": Category.COMMUNICATION,
            "created_at": Category.COMMUNICATION,
            "read_at": Category.COMMUNICATION,
            "hidden_at": Category.COMMUNICATION,
            "hidden_by": Category.COMMUNICATION,
        },
        description=_("Messages you sent to and received from your teachers, classmates, parents or children."),
        purposes=(Purpose.COMMUNICATION,),
        legal_basis=LegalBasis.CONSENT,
        source=Source.USER,
        retention=Retention.ACCOUNT_LIFETIME,
        erasure=Erasure.ANONYMISE,
        recipients=("the other person in the conversation",),
        # Free text one person writes may quote another (a name, a username): erasing them
        # rewrites it without their details.
        copies=(Copy(fields=("body",), action=CopyAction.REWRITE),),
    ),
    Declaration(
        model="community.Report",
        subjects=("reporter",),
        fields={
            "id": Category.NONE,
            "comment": Category.COMMUNICATION,
            "message": Category.COMMUNICATION,
            "reporter": Category.IDENTITY,
            "reason": Category.COMMUNICATION,
            "outcome": Category.COMMUNICATION,
            "created_at": Category.COMMUNICATION,
            "resolved_at": Category.COMMUNICATION,
            "resolved_by": Category.IDENTITY,
        },
        description=_("Comments and messages you reported to the moderators, and what they decided."),
        purposes=(Purpose.SECURITY, Purpose.COMMUNICATION),
        legal_basis=LegalBasis.CONTRACT,
        source=Source.USER,
        retention=Retention.ACCOUNT_LIFETIME,
        erasure=Erasure.ANONYMISE,
        recipients=("support",),
    ),
)
