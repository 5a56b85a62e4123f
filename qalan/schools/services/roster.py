"""A teacher enrols a class list (names only, with the school's consent text recorded), and the
hand-off of such an account to its family: a one-time code, re-issued on request, claimed by the
parent who then gives consent as the child's representative."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language, gettext_noop, ngettext
from django.utils.translation import gettext as _

from qalan.accounts.models import Profile, Role
from qalan.audit.services import audit_record
from qalan.core.consent import ConsentChannel, ConsentPurpose
from qalan.core.contacts import normalize_kz_mobile
from qalan.privacy.models import ConsentRecord
from qalan.privacy.services import consent_give
from qalan.schools.codes import code_digest, code_display, code_new
from qalan.schools.models import (
    AccountHandoff,
    Membership,
    SchoolClass,
    ThirdPartyConfirmation,
)
from qalan.schools.services.classes import WRONG_CODE, User

# The statements people confirm when they enter someone else's data (P3.5). Stored in the
# source language with each confirmation; forms show them translated.
ROSTER_CONSENT_TEXT = gettext_noop(
    "I confirm that each student on this list, or their parent or legal representative, agreed that "
    "I create their Qalan account and enter their name."
)
HANDOFF_CONSENT_TEXT = gettext_noop(
    "I have read the Privacy Policy and consent to the processing of the personal data of this account."
)
ROSTER_MAX = 60


# --- Paper class lists and the hand-off of teacher-created accounts (P3.5) -------------


def _roster_names(names: list[str] | str) -> list[str]:
    if isinstance(names, str):
        names = names.splitlines()
    cleaned = [" ".join(n.split()) for n in names if n and n.strip()]
    errors = []
    if not cleaned:
        errors.append(_("Write one student's full name per line."))
    elif len(cleaned) > ROSTER_MAX:
        errors.append(
            ngettext(
                "At most %(max)s student at a time. Split the list.",
                "At most %(max)s students at a time. Split the list.",
                ROSTER_MAX,
            )
            % {"max": ROSTER_MAX}
        )
    long_names = [n for n in cleaned if len(n) > 150]
    if long_names:
        errors.append(_("A name has at most 150 characters. Check line: %(line)s") % {"line": long_names[0][:40]})
    if errors:
        raise ValidationError({"names": errors})
    return cleaned


def _unique_student_username() -> str:
    while True:
        username = f"st-{code_new(7).lower()}"
        if not User.objects.filter(username__iexact=username).exists():
            return username


def _handoff_issue(*, actor, user) -> str:
    code = code_new(10)
    AccountHandoff.objects.filter(user=user, claimed_at__isnull=True).update(expires_at=timezone.now())
    AccountHandoff.objects.create(
        user=user,
        created_by=actor,
        code_digest=code_digest(purpose=f"handoff:{user.pk}", code=code),
        expires_at=timezone.now() + timedelta(days=settings.QALAN_HANDOFF_DAYS),
    )
    return code_display(code)


def roster_enrol(
    *, actor, school_class: SchoolClass, names: list[str] | str, consent_confirmed: bool
) -> list[tuple[Any, str]]:
    """Create student accounts from a paper class list (P3.5).

    Only after the teacher confirms the students' or parents' consent. Each account gets a
    hand-off code (returned once, stored hashed) with which the student or a parent takes the
    account over and gives their own consent. Until then nobody can sign in to it.
    """
    errors: dict[str, list] = {}
    try:
        names = _roster_names(names)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if not consent_confirmed:
        errors["consent_confirmed"] = [
            _("Confirm that you have the consent of each student or their parent before creating accounts.")
        ]
    if school_class.teacher_id != actor.pk:
        errors["__all__"] = [_("Only the class's teacher can enrol students.")]
    if errors:
        raise ValidationError(errors)
    created = []
    with transaction.atomic():
        for full_name in names:
            user = User(username=_unique_student_username(), phone="", role=Role.STUDENT)
            user.set_unusable_password()
            user.save()
            Profile.objects.create(
                user=user,
                full_name=full_name,
                grade=school_class.grade,
                school=school_class.school.name if school_class.school else "",
            )
            Membership.objects.create(school_class=school_class, student=user, via=Membership.Via.ROSTER)
            ThirdPartyConfirmation.objects.create(
                kind=ThirdPartyConfirmation.Kind.ROSTER,
                entered_by=actor,
                subject=user,
                statement=ROSTER_CONSENT_TEXT,
                language=get_language() or "",
            )
            # The platform consent as the teacher confirmed it; the ledger shows who acted.
            consent_give(
                user=user,
                actor=actor,
                purpose=ConsentPurpose.PLATFORM,
                channel=ConsentChannel.WEB,
                evidence={"form": "class_roster", "text": ROSTER_CONSENT_TEXT, "confirmed_by_teacher": actor.pk},
                acted_as=ConsentRecord.ActedAs.THIRD_PARTY,
            )
            code = _handoff_issue(actor=actor, user=user)
            audit_record(
                actor=actor, subject=user, event_type="class.roster_enrolled", extra={"class": school_class.pk}
            )
            created.append((user, code))
    return created


def handoff_reissue(*, actor, school_class: SchoolClass, student) -> str:
    """A new hand-off code for an account that nobody took over yet (the old one stops working)."""
    if school_class.teacher_id != actor.pk or student.has_usable_password():
        raise ValidationError(
            {"__all__": [_("This account was already taken over. The student signs in with their own password.")]}
        )
    with transaction.atomic():
        code = _handoff_issue(actor=actor, user=student)
        audit_record(
            actor=actor, subject=student, event_type="account.handoff_reissued", extra={"class": school_class.pk}
        )
    return code


def handoff_claim(
    *,
    username: str,
    code: str,
    phone: str,
    password: str,
    consent: bool,
    acting_as: str,
    channel: str,
    evidence: dict[str, Any] | None = None,
):
    """The student, or their parent, takes over a teacher-created account and gives their own consent."""
    wrong = ValidationError({"code": [WRONG_CODE]})
    user = User.objects.filter(username__iexact=(username or "").strip(), is_active=True).first()
    if user is None or user.has_usable_password():
        raise wrong
    with transaction.atomic():
        handoff = (
            AccountHandoff.objects.select_for_update()
            .filter(user=user, claimed_at__isnull=True, expires_at__gt=timezone.now())
            .order_by("-created_at")
            .first()
        )
        if handoff is None or handoff.attempts >= settings.QALAN_RECOVERY_MAX_ATTEMPTS:
            raise wrong
        # Constant time: a plain == would tell a guesser how many leading characters match.
        matches = secrets.compare_digest(handoff.code_digest, code_digest(purpose=f"handoff:{user.pk}", code=code))
        if not matches:
            handoff.attempts += 1
            handoff.save(update_fields=["attempts"])
    if not matches:
        raise wrong
    errors: dict[str, list] = {}
    try:
        phone = normalize_kz_mobile(phone)
    except ValidationError as exc:
        errors["phone"] = exc.messages
    try:
        password_validation.validate_password(password or "", user=user)
    except ValidationError as exc:
        errors["password"] = exc.messages
    if acting_as not in ("student", "parent"):
        errors["acting_as"] = [_("Say whether you are the student or their parent or legal representative.")]
    if not consent:
        errors["consent"] = [_("To use the account, tick the box to consent to the Privacy Policy.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        # Spend the code only if nobody claimed it since the check (two claims at once).
        if not AccountHandoff.objects.filter(pk=handoff.pk, claimed_at__isnull=True).update(claimed_at=timezone.now()):
            raise wrong
        user.phone = phone
        user.set_password(password)
        user.save(update_fields=["phone", "password"])
        consent_give(
            user=user,
            actor=user,
            purpose=ConsentPurpose.PLATFORM,
            channel=channel,
            acted_as=ConsentRecord.ActedAs.REPRESENTATIVE if acting_as == "parent" else ConsentRecord.ActedAs.SELF,
            evidence={
                "form": "account_handoff",
                "text": HANDOFF_CONSENT_TEXT,
                "shown": _(HANDOFF_CONSENT_TEXT),
                "acting_as": acting_as,
                "language": get_language(),
                **(evidence or {}),
            },
        )
        audit_record(actor=user, subject=user, event_type="account.handoff_claimed", extra={"acting_as": acting_as})
    return user
