"""Changes to classes and links: create, join, leave, remove, invite, enrol a class list, hand
an account over, link a parent and a child.

Each function validates, writes and records its audit event in one transaction. Bad input
raises ``ValidationError`` keyed by field and changes nothing.
"""

import re
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy, gettext_noop, ngettext
from django.utils.translation import gettext as _

from qalan.accounts.models import Profile, Role
from qalan.audit.services import audit_record
from qalan.core.consent import ConsentChannel, ConsentPurpose
from qalan.core.contacts import normalize_kz_mobile
from qalan.notify.models import OutboxMessage
from qalan.notify.services import message_queue
from qalan.privacy.models import ConsentRecord
from qalan.privacy.services import consent_give
from qalan.schools.codes import code_digest, code_display, code_new, code_normalise
from qalan.schools.models import (
    AccountHandoff,
    ClassInvitation,
    LinkInvitation,
    Membership,
    ParentLink,
    School,
    SchoolClass,
    ThirdPartyConfirmation,
)

User = get_user_model()

# The statements people confirm when they enter someone else's data (P3.5). Stored in the
# source language with each confirmation; forms show them translated.
ROSTER_CONSENT_TEXT = gettext_noop(
    "I confirm that each student on this list, or their parent or legal representative, agreed that "
    "I create their Qalan account and enter their name."
)
CONTACT_CONSENT_TEXT = gettext_noop(
    "I confirm that the owner of this phone number or e-mail agreed that I give it to Qalan to send them this code."
)
HANDOFF_CONSENT_TEXT = gettext_noop(
    "I have read the Privacy Policy and consent to the processing of the personal data of this account."
)

WRONG_CODE = gettext_lazy("This code is wrong or has expired. Check it, or ask for a new code.")
SCHOOL_YEAR = re.compile(r"^(\d{4})-(\d{4})$")
ROSTER_MAX = 60


def _only_role(actor, role: str, message: str) -> None:
    if not actor.has_role(role):
        raise ValidationError({"__all__": [message]})


# --- Classes ----------------------------------------------------------------------------


def _clean_class_fields(*, name: str, grade: Any, school_year: str) -> tuple[str, int, str]:
    errors: dict[str, list] = {}
    name = (name or "").strip()
    if not name:
        errors["name"] = [_("Give the class a name, for example 6A.")]
    elif len(name) > 60:
        errors["name"] = [_("A class name has at most 60 characters.")]
    try:
        grade = int(grade)
        if not 1 <= grade <= 11:
            raise ValueError
    except (TypeError, ValueError):
        errors["grade"] = [_("Choose a grade from 1 to 11.")]
    school_year = (school_year or "").strip()
    match = SCHOOL_YEAR.match(school_year)
    if not match or int(match.group(2)) != int(match.group(1)) + 1:
        errors["school_year"] = [_("Write the school year as two consecutive years, for example 2025-2026.")]
    if errors:
        raise ValidationError(errors)
    return name, grade, school_year


def current_school_year(today=None) -> str:
    """Kazakhstan's school year starts on 1 September."""
    today = today or timezone.localdate()
    start = today.year if today.month >= 9 else today.year - 1
    return f"{start}-{start + 1}"


def join_code_new() -> str:
    """A join code no class uses."""
    while True:
        code = code_new(8)
        if not SchoolClass.objects.filter(join_code=code).exists():
            return code


def school_for(*, name: str, city: str = "") -> School | None:
    """The school with this name and city, created on first use (an institution is not personal data)."""
    name, city = (name or "").strip()[:200], (city or "").strip()[:100]
    if not name:
        return None
    school = School.objects.filter(name__iexact=name, city__iexact=city).first()
    return school or School.objects.create(name=name, city=city)


def class_create(
    *, actor, name: str, grade: Any, school_year: str, school_name: str = "", city: str = ""
) -> SchoolClass:
    _only_role(actor, Role.TEACHER, _("Only teachers can create classes."))
    name, grade, school_year = _clean_class_fields(name=name, grade=grade, school_year=school_year)
    with transaction.atomic():
        school_class = SchoolClass.objects.create(
            school=school_for(name=school_name, city=city),
            name=name,
            grade=grade,
            school_year=school_year,
            teacher=actor,
            join_code=join_code_new(),
        )
        audit_record(actor=actor, subject=actor, event_type="class.created", extra={"class": school_class.pk})
    return school_class


def class_update(*, actor, school_class: SchoolClass, name: str, grade: Any, school_year: str) -> SchoolClass:
    name, grade, school_year = _clean_class_fields(name=name, grade=grade, school_year=school_year)
    with transaction.atomic():
        school_class.name, school_class.grade, school_class.school_year = name, grade, school_year
        school_class.save(update_fields=["name", "grade", "school_year"])
        audit_record(actor=actor, subject=actor, event_type="class.updated", extra={"class": school_class.pk})
    return school_class


def class_archive(*, actor, school_class: SchoolClass) -> SchoolClass:
    """Close a class at the end of the year: students leave it, their results stay theirs."""
    with transaction.atomic():
        now = timezone.now()
        school_class.archived_at = now
        school_class.save(update_fields=["archived_at"])
        ended = Membership.objects.filter(school_class=school_class, ended_at__isnull=True).update(
            ended_at=now, ended_reason=Membership.Ended.REMOVED
        )
        audit_record(
            actor=actor, subject=actor, event_type="class.archived", extra={"class": school_class.pk, "ended": ended}
        )
    return school_class


def class_join_code_renew(*, actor, school_class: SchoolClass) -> SchoolClass:
    """A new join code; the old one stops working (e.g. after it was posted publicly)."""
    with transaction.atomic():
        school_class.join_code = join_code_new()
        school_class.save(update_fields=["join_code"])
        audit_record(actor=actor, subject=actor, event_type="class.join_code_renewed", extra={"class": school_class.pk})
    return school_class


def _membership_start(*, student, school_class: SchoolClass, via: str) -> Membership:
    if Membership.objects.filter(school_class=school_class, student=student, ended_at__isnull=True).exists():
        raise ValidationError({"code": [_("You are already in this class.")]})
    try:
        with transaction.atomic():
            return Membership.objects.create(school_class=school_class, student=student, via=via)
    except IntegrityError:
        raise ValidationError({"code": [_("You are already in this class.")]}) from None


def class_join(*, actor, code: str) -> Membership:
    """A student joins with the code their teacher gave out."""
    _only_role(actor, Role.STUDENT, _("Only student accounts can join a class. Sign in with the student's account."))
    normalised = code_normalise(code)
    if not normalised:
        raise ValidationError({"code": [_("Enter the class code your teacher gave you.")]})
    school_class = SchoolClass.objects.filter(join_code=normalised, archived_at__isnull=True).first()
    if school_class is None:
        raise ValidationError({"code": [WRONG_CODE]})
    with transaction.atomic():
        membership = _membership_start(student=actor, school_class=school_class, via=Membership.Via.CODE)
        ClassInvitation.objects.filter(
            school_class=school_class, student=actor, status=ClassInvitation.Status.PENDING
        ).update(status=ClassInvitation.Status.ACCEPTED, responded_at=timezone.now())
        audit_record(
            actor=actor, subject=actor, event_type="class.joined", extra={"class": school_class.pk, "via": "code"}
        )
    return membership


def _membership_end(*, actor, membership: Membership, reason: str) -> Membership:
    with transaction.atomic():
        membership.ended_at = timezone.now()
        membership.ended_reason = reason
        membership.save(update_fields=["ended_at", "ended_reason"])
        audit_record(
            actor=actor,
            subject=membership.student,
            event_type="class.left" if reason == Membership.Ended.LEFT else "class.member_removed",
            extra={"class": membership.school_class_id},
        )
    return membership


def class_leave(*, actor, membership: Membership) -> Membership:
    """The student leaves; the teacher no longer sees their data from then on."""
    if membership.student_id != actor.pk:
        raise ValidationError({"__all__": [_("You can only leave your own classes.")]})
    return _membership_end(actor=actor, membership=membership, reason=Membership.Ended.LEFT)


def class_member_remove(*, actor, school_class: SchoolClass, student) -> Membership:
    membership = Membership.objects.filter(school_class=school_class, student=student, ended_at__isnull=True).first()
    if membership is None or school_class.teacher_id != actor.pk:
        raise ValidationError({"student": [_("This student is not in the class.")]})
    return _membership_end(actor=actor, membership=membership, reason=Membership.Ended.REMOVED)


NO_SUCH_STUDENT = gettext_lazy(
    "No student account has this username. Check it with the student, or give them the class code instead."
)


def class_invite(*, actor, school_class: SchoolClass, username: str) -> ClassInvitation:
    """Invite a student by username; they see the invitation and accept or decline it."""
    username = (username or "").strip()
    if not username:
        raise ValidationError({"username": [_("Enter the student's username.")]})
    student = User.objects.filter(username__iexact=username, role=Role.STUDENT, is_active=True).first()
    if student is None or not student.has_usable_password():
        raise ValidationError({"username": [NO_SUCH_STUDENT]})
    if Membership.objects.filter(school_class=school_class, student=student, ended_at__isnull=True).exists():
        raise ValidationError({"username": [_("This student is already in the class.")]})
    if ClassInvitation.objects.filter(
        school_class=school_class, student=student, status=ClassInvitation.Status.PENDING
    ).exists():
        raise ValidationError(
            {"username": [_("This student already has an invitation to the class. Wait for the answer.")]}
        )
    with transaction.atomic():
        invitation = ClassInvitation.objects.create(school_class=school_class, student=student, invited_by=actor)
        message_queue(
            user=student,
            channel=OutboxMessage.Channel.INAPP,
            subject=_("You are invited to a class"),
            body=_("Your teacher invited you to the class %(name)s. Open My classes to accept or decline.")
            % {"name": school_class.name},
        )
        audit_record(
            actor=actor,
            subject=student,
            event_type="class.invited",
            extra={"class": school_class.pk, "invitation": invitation.pk},
        )
    return invitation


def class_invitation_answer(*, actor, invitation: ClassInvitation, accept: bool) -> ClassInvitation:
    if invitation.student_id != actor.pk or invitation.status != ClassInvitation.Status.PENDING:
        raise ValidationError({"__all__": [_("This invitation was already answered.")]})
    if invitation.school_class.archived_at is not None:
        raise ValidationError({"__all__": [_("This class was closed. Ask your teacher for a new invitation.")]})
    with transaction.atomic():
        invitation.status = ClassInvitation.Status.ACCEPTED if accept else ClassInvitation.Status.DECLINED
        invitation.responded_at = timezone.now()
        invitation.save(update_fields=["status", "responded_at"])
        if accept:
            _membership_start(student=actor, school_class=invitation.school_class, via=Membership.Via.INVITATION)
        audit_record(
            actor=actor,
            subject=actor,
            event_type="class.invitation_accepted" if accept else "class.invitation_declined",
            extra={"class": invitation.school_class_id, "invitation": invitation.pk},
        )
    return invitation


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


# --- Parent <-> child links (P3.3) -------------------------------------------------------

LINK_ROLES = (Role.PARENT, Role.STUDENT)


def _contact_parse(contact: str) -> tuple[str, str]:
    """A phone number or an e-mail address -> (channel, normalised recipient)."""
    contact = (contact or "").strip()
    if "@" in contact:
        try:
            validate_email(contact)
        except ValidationError:
            raise ValidationError(
                {"contact": [_("Enter a valid e-mail address or a Kazakhstan mobile number.")]}
            ) from None
        return OutboxMessage.Channel.EMAIL, contact
    try:
        return OutboxMessage.Channel.SMS, normalize_kz_mobile(contact)
    except ValidationError:
        raise ValidationError({"contact": [_("Enter a valid e-mail address or a Kazakhstan mobile number.")]}) from None


def link_invitation_create(*, actor, contact: str = "", contact_consent: bool = False) -> tuple[LinkInvitation, str]:
    """A one-time code (valid a week) that the other side enters to confirm the link.

    With a contact, we also send the code there, but only after the creator confirms that the
    contact's owner agreed (P3.5); the contact is kept only in the outbox message.
    """
    if not actor.has_role(*LINK_ROLES):
        raise ValidationError({"__all__": [_("Only parent and student accounts can be linked.")]})
    channel = recipient = ""
    if (contact or "").strip():
        channel, recipient = _contact_parse(contact)
        if not contact_consent:
            raise ValidationError(
                {
                    "contact_consent": [
                        _(
                            "Confirm that the owner of this contact agreed, or leave the contact empty and pass the code on yourself."
                        )
                    ]
                }
            )
    code = code_new(8)
    with transaction.atomic():
        invitation = LinkInvitation.objects.create(
            created_by=actor,
            code_digest=code_digest(purpose="link", code=code),
            sent_to_contact=bool(recipient),
            expires_at=timezone.now() + timedelta(days=settings.QALAN_LINK_CODE_DAYS),
        )
        if recipient:
            ThirdPartyConfirmation.objects.create(
                kind=ThirdPartyConfirmation.Kind.CONTACT,
                entered_by=actor,
                statement=CONTACT_CONSENT_TEXT,
                language=get_language() or "",
            )
            text = ngettext(
                "%(name)s invites you to link your Qalan accounts. Sign in to Qalan, open Family links and enter "
                "the code %(code)s. It is valid for %(days)s day.",
                "%(name)s invites you to link your Qalan accounts. Sign in to Qalan, open Family links and enter "
                "the code %(code)s. It is valid for %(days)s days.",
                settings.QALAN_LINK_CODE_DAYS,
            ) % {"name": _first_name(actor), "code": code_display(code), "days": settings.QALAN_LINK_CODE_DAYS}
            message_queue(
                channel=channel, recipient=recipient, subject=_("Link your Qalan accounts"), body=text, about=[actor]
            )
        audit_record(
            actor=actor,
            subject=actor,
            event_type="link.code_created",
            extra={"invitation": invitation.pk, "sent_to_contact": bool(recipient), "channel": channel},
        )
    return invitation, code_display(code)


def _first_name(user) -> str:
    full = (user.profile.full_name or "").split()
    return full[0] if full else user.username


def link_confirm(*, actor, code: str) -> ParentLink:
    """The other side enters the code: a parent and a student account become linked."""
    if not actor.has_role(*LINK_ROLES):
        raise ValidationError({"code": [_("Only parent and student accounts can be linked.")]})
    wrong = ValidationError({"code": [WRONG_CODE]})
    if not code_normalise(code):
        raise ValidationError({"code": [_("Enter the code you received.")]})
    with transaction.atomic():
        invitation = (
            LinkInvitation.objects.select_for_update()
            .select_related("created_by")
            .filter(
                code_digest=code_digest(purpose="link", code=code), used_at__isnull=True, expires_at__gt=timezone.now()
            )
            .first()
        )
        if invitation is None:
            raise wrong
        creator = invitation.created_by
        if creator.pk == actor.pk:
            raise ValidationError(
                {"code": [_("This is your own code. Give it to your parent or child to enter in their account.")]}
            )
        if creator.role == actor.role or not creator.is_active:
            raise ValidationError(
                {"code": [_("A code links a parent with a child: it must be entered in the other person's account.")]}
            )
        parent, child = (creator, actor) if creator.role == Role.PARENT else (actor, creator)
        if ParentLink.objects.filter(parent=parent, child=child, ended_at__isnull=True).exists():
            raise ValidationError({"code": [_("Your accounts are already linked.")]})
        link = ParentLink.objects.create(parent=parent, child=child)
        invitation.used_at = timezone.now()
        invitation.link = link
        invitation.save(update_fields=["used_at", "link"])
        for subject in (parent, child):
            audit_record(actor=actor, subject=subject, event_type="link.created", extra={"link": link.pk})
    return link


def link_end(*, actor, link: ParentLink) -> ParentLink:
    """Either side ends the link; the parent stops seeing the child's activity at once."""
    if actor.pk not in (link.parent_id, link.child_id):
        raise ValidationError({"__all__": [_("You can only remove your own links.")]})
    with transaction.atomic():
        link.ended_at = timezone.now()
        link.save(update_fields=["ended_at"])
        for subject_id in (link.parent_id, link.child_id):
            audit_record(actor=actor, subject=User(pk=subject_id), event_type="link.ended", extra={"link": link.pk})
    return link
