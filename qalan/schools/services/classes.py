"""Classes and memberships: create, update, archive a class, its join code, a student joining
or leaving, a teacher removing or inviting a student, the school year."""

import re
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qalan.accounts.models import Role
from qalan.audit.services import audit_record
from qalan.notify.models import OutboxMessage
from qalan.notify.services import message_queue
from qalan.schools.codes import code_new, code_normalise
from qalan.schools.models import (
    ClassInvitation,
    Membership,
    School,
    SchoolClass,
)

User = get_user_model()

WRONG_CODE = gettext_lazy("This code is wrong or has expired. Check it, or ask for a new code.")
SCHOOL_YEAR = re.compile(r"^(\d{4})-(\d{4})$")


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
