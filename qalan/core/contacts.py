"""Contacts: Kazakhstan mobile numbers (parse what people type, store E.164) and e-mail
addresses, cleaned the same way wherever a form takes them."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils.translation import gettext_lazy as _

INVALID_PHONE = _("Enter a Kazakhstan mobile number, for example +7 701 123 45 67.")


def normalize_kz_mobile(raw: str) -> str:
    """Return the number in E.164 (+77011234567) or raise ValidationError.

    Accepts the usual ways of writing it: +7 701 123 45 67, 8 (701) 123-45-67, 87011234567.
    Numbers of other countries, including Russian +7 9xx, are refused: recovery codes are
    sent by SMS and the platform serves Kazakhstan.
    """
    text = (raw or "").strip()
    if not text or len(text) > 32:
        raise ValidationError(INVALID_PHONE, code="invalid_phone")
    try:
        number = phonenumbers.parse(text, "KZ")
    except phonenumbers.NumberParseException:
        raise ValidationError(INVALID_PHONE, code="invalid_phone") from None
    if not phonenumbers.is_valid_number(number) or phonenumbers.region_code_for_number(number) != "KZ":
        raise ValidationError(INVALID_PHONE, code="invalid_phone")
    if phonenumbers.number_type(number) not in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        raise ValidationError(INVALID_PHONE, code="invalid_phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def mask_phone(e164: str) -> str:
    """+77011234567 -> +7 701 *** ** 67: enough for the owner to recognise it."""
    if len(e164) < 6:
        return "***"
    return f"{e164[:2]} {e164[2:5]} *** ** {e164[-2:]}"


def guardian_contact_clean(raw: str) -> str:
    raw = (raw or "").strip()
    if "@" in raw:
        try:
            EmailValidator()(raw)
        except ValidationError:
            raise ValidationError(_("Enter your parent's mobile number or e-mail address.")) from None
        return raw.lower()
    try:
        return normalize_kz_mobile(raw)
    except ValidationError:
        raise ValidationError(_("Enter your parent's mobile number or e-mail address.")) from None
