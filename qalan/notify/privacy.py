from django.utils.translation import gettext_lazy as _

from qalan.core.inventory import (
    Category,
    Copy,
    CopyAction,
    Declaration,
    Erasure,
    LegalBasis,
    NotPersonal,
    Purpose,
    Retention,
    Source,
    register,
)

register(
    Declaration(
        model="notify.OutboxMessage",
        # Messages sent to a contact before it had an account (a consent request to a parent's
        # phone) are the contact owner's too.
        subjects=("user", "recipient@email", "recipient@phone"),
        fields={
            "id": Category.NONE,
            "user": Category.IDENTITY,
            "about": Category.IDENTITY,
            "channel": Category.NONE,
            "kind": Category.NONE,
            "recipient": Category.CONTACT,
            "subject": Category.COMMUNICATION,
            "body": Category.COMMUNICATION,
            "headers": Category.TECHNICAL,
            "sensitive": Category.NONE,
            "status": Category.NONE,
            "error": Category.TECHNICAL,
            "created_at": Category.TECHNICAL,
            "sent_at": Category.TECHNICAL,
            "read_at": Category.TECHNICAL,
        },
        description=_("Messages the platform sent you: codes, notices and service messages."),
        purposes=(Purpose.SERVICE_MESSAGES, Purpose.ACCOUNT, Purpose.SECURITY),
        legal_basis=LegalBasis.CONTRACT,
        source=Source.AUTOMATIC,
        retention=Retention.LOGS_ONE_YEAR,
        erasure=Erasure.DELETE,
        recipients=("email_provider", "sms_provider"),
        # A message to one person about another (a consent request to a parent naming the
        # child, a digest, a link invitation naming its sender): kept for its addressee,
        # without the details of the person erased.
        copies=(Copy(fields=("subject", "body"), action=CopyAction.REWRITE, path="about"),),
    ),
)

register(
    Declaration(
        model="notify.NotificationPreference",
        subjects=("user",),
        fields={
            "id": Category.NONE,
            "user": Category.IDENTITY,
            "marketing_email": Category.CONSENT,
            "marketing_sms": Category.CONSENT,
            "security_email": Category.PROFILE,
            "updated_at": Category.NONE,
        },
        description=_("How you want to hear from us: channels for news and for security notices."),
        purposes=(Purpose.SERVICE_MESSAGES,),
        legal_basis=LegalBasis.CONSENT,
        source=Source.USER,
        retention=Retention.ACCOUNT_LIFETIME,
        erasure=Erasure.DELETE,
    ),
    NotPersonal("notify.Campaign", "The text of a newsletter written by staff; recipients are not stored on it."),
)
