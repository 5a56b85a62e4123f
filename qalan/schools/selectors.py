"""Reads about classes and links, always scoped to the viewer (outsiders get 404).

Who may see whom (P3.3, P5.4.b, P5.4.c, P6.5):
- a teacher sees the students of their own classes (name and learning data, never contacts);
- a student sees their classmates' names, except classmates who restrict dissemination, and
  only the name of their teacher and of their linked parents;
- a parent sees their linked children.
"""

from django.contrib.auth import get_user_model
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from qalan.accounts.models import Role
from qalan.schools.models import ClassInvitation, LinkInvitation, Membership, ParentLink, School, SchoolClass

User = get_user_model()


def display_name(user) -> str:
    """The name shown to people linked to ``user``: the full name, else the username."""
    profile = getattr(user, "profile", None)
    return (profile.full_name if profile else "") or user.username


def _active_memberships() -> QuerySet[Membership]:
    return Membership.objects.filter(ended_at__isnull=True)


def separate_operators_for(*, viewer) -> list[School]:
    """Schools that act as separate operators for the viewer: through the viewer's classes (as
    student or teacher) or their children's classes (P10.4)."""
    if not viewer.is_authenticated:
        return []
    via_classes = Q(classes__memberships__student=viewer, classes__memberships__ended_at__isnull=True) | Q(
        classes__teacher=viewer
    )
    via_children = Q(
        classes__memberships__student__parent_links__parent=viewer,
        classes__memberships__student__parent_links__ended_at__isnull=True,
        classes__memberships__ended_at__isnull=True,
    )
    return list(
        School.objects.filter(separate_operator=True).filter(via_classes | via_children).distinct().order_by("name")
    )


def classes_for(*, viewer) -> QuerySet[SchoolClass]:
    """The classes the viewer teaches or attends, with the number of students."""
    if viewer.has_role(Role.TEACHER):
        classes = SchoolClass.objects.filter(teacher=viewer)
    elif viewer.has_role(Role.STUDENT):
        classes = SchoolClass.objects.filter(memberships__student=viewer, memberships__ended_at__isnull=True)
    else:
        return SchoolClass.objects.none()
    return (
        classes.filter(archived_at__isnull=True)
        .select_related("school", "teacher__profile")
        .annotate(student_count=Count("memberships", filter=Q(memberships__ended_at__isnull=True), distinct=True))
        .order_by("-school_year", "grade", "name")
    )


def class_get(*, viewer, class_id: int) -> SchoolClass:
    """A class its teacher or one of its students may open."""
    school_class = classes_for(viewer=viewer).filter(pk=class_id).first()
    if school_class is None:
        raise Http404
    return school_class


def class_get_for_teacher(*, viewer, class_id: int) -> SchoolClass:
    """A class only its own teacher may manage."""
    school_class = (
        SchoolClass.objects.select_related("school")
        .filter(pk=class_id, teacher=viewer, archived_at__isnull=True)
        .first()
        if viewer.is_authenticated
        else None
    )
    if school_class is None:
        raise Http404
    return school_class


def is_teacher_of(*, teacher, school_class: SchoolClass) -> bool:
    return teacher.is_authenticated and school_class.teacher_id == teacher.pk


def class_students(*, viewer, school_class: SchoolClass) -> QuerySet:
    """The class list as the viewer may see it: all students for the teacher; for a student,
    the classmates who do not restrict dissemination (P6.5), and always themself."""
    students = (
        User.objects.filter(memberships__school_class=school_class, memberships__ended_at__isnull=True)
        .select_related("profile")
        .order_by("profile__full_name", "username")
    )
    if is_teacher_of(teacher=viewer, school_class=school_class):
        return students
    if not Membership.objects.filter(school_class=school_class, student=viewer, ended_at__isnull=True).exists():
        raise Http404
    return students.filter(Q(profile__restrict_dissemination=False) | Q(pk=viewer.pk))


def student_get_for_teacher(*, viewer, class_id: int, student_id: int):
    """A student of one of the viewer's classes (P5.4.b); anyone else is 404."""
    school_class = class_get_for_teacher(viewer=viewer, class_id=class_id)
    student = (
        User.objects.select_related("profile")
        .filter(pk=student_id, memberships__school_class=school_class, memberships__ended_at__isnull=True)
        .first()
    )
    if student is None:
        raise Http404
    return school_class, student


def class_memberships_for_teacher(*, viewer, school_class: SchoolClass) -> QuerySet[Membership]:
    if not is_teacher_of(teacher=viewer, school_class=school_class):
        raise Http404
    return _active_memberships().filter(school_class=school_class).select_related("student__profile")


def class_pending_invitations(*, viewer, school_class: SchoolClass) -> QuerySet[ClassInvitation]:
    if not is_teacher_of(teacher=viewer, school_class=school_class):
        raise Http404
    return school_class.invitations.filter(status=ClassInvitation.Status.PENDING).select_related("student__profile")


def invitations_for(*, viewer) -> QuerySet[ClassInvitation]:
    """Class invitations waiting for the viewer's answer."""
    return (
        ClassInvitation.objects.filter(student=viewer, status=ClassInvitation.Status.PENDING)
        .select_related("school_class__school", "school_class__teacher__profile")
        .order_by("-created_at")
    )


def invitation_get(*, viewer, invitation_id: int) -> ClassInvitation:
    invitation = invitations_for(viewer=viewer).filter(pk=invitation_id).first()
    if invitation is None:
        raise Http404
    return invitation


def membership_get(*, viewer, class_id: int) -> Membership:
    """The viewer's own active membership of a class."""
    membership = (
        _active_memberships().select_related("school_class").filter(school_class_id=class_id, student=viewer).first()
    )
    if membership is None:
        raise Http404
    return membership


# --- Parent links -----------------------------------------------------------------------


def links_for(*, viewer) -> QuerySet[ParentLink]:
    """The viewer's active links, either side, with the other person's profile for the name."""
    return (
        ParentLink.objects.filter(Q(parent=viewer) | Q(child=viewer), ended_at__isnull=True)
        .select_related("parent__profile", "child__profile")
        .order_by("created_at")
    )


def link_get(*, viewer, link_id: int) -> ParentLink:
    link = links_for(viewer=viewer).filter(pk=link_id).first()
    if link is None:
        raise Http404
    return link


def children_for(*, viewer) -> QuerySet:
    """A parent's linked children (P5.4.c)."""
    if not viewer.has_role(Role.PARENT):
        return User.objects.none()
    return (
        User.objects.filter(parent_links__parent=viewer, parent_links__ended_at__isnull=True)
        .select_related("profile")
        .order_by("profile__full_name", "username")
    )


def child_get(*, viewer, child_id: int):
    child = children_for(viewer=viewer).filter(pk=child_id).first()
    if child is None:
        raise Http404
    return child


def open_link_invitations(*, viewer) -> QuerySet[LinkInvitation]:
    from django.utils import timezone

    return LinkInvitation.objects.filter(created_by=viewer, used_at__isnull=True, expires_at__gt=timezone.now())


# --- Relations used by messages and comments --------------------------------------------


def related_user_ids(*, viewer) -> dict[int, str]:
    """Everyone the viewer shares a class or a parent link with, mapped to the relation.

    Relations: "teacher" (teaches the viewer or the viewer's child), "student" (in the
    viewer's class), "classmate", "parent", "child", "parent_of_student" (a parent of a
    student the viewer teaches). Four queries whatever the number of people.
    """
    if not viewer.is_authenticated:
        return {}
    related: dict[int, str] = {}
    my_classes = list(
        _active_memberships().filter(student=viewer).values_list("school_class_id", "school_class__teacher_id")
    )
    class_ids = [c for c, _ in my_classes]
    taught_ids = list(SchoolClass.objects.filter(teacher=viewer, archived_at__isnull=True).values_list("pk", flat=True))
    children = list(ParentLink.objects.filter(parent=viewer, ended_at__isnull=True).values_list("child_id", flat=True))
    parents = list(ParentLink.objects.filter(child=viewer, ended_at__isnull=True).values_list("parent_id", flat=True))
    members = _active_memberships().filter(school_class_id__in=[*class_ids, *taught_ids])
    for student_id, class_id in members.values_list("student_id", "school_class_id"):
        related[student_id] = "student" if class_id in taught_ids else "classmate"
    if taught_ids:
        taught_students = members.filter(school_class_id__in=taught_ids).values("student_id")
        for parent_id in ParentLink.objects.filter(child_id__in=taught_students, ended_at__isnull=True).values_list(
            "parent_id", flat=True
        ):
            related.setdefault(parent_id, "parent_of_student")
    for teacher_id in [t for _, t in my_classes if t]:
        related[teacher_id] = "teacher"
    if children:
        child_teachers = SchoolClass.objects.filter(
            memberships__student_id__in=children, memberships__ended_at__isnull=True, archived_at__isnull=True
        ).values_list("teacher_id", flat=True)
        for teacher_id in child_teachers:
            if teacher_id:
                related[teacher_id] = "teacher"
    for child_id in children:
        related[child_id] = "child"
    for parent_id in parents:
        related[parent_id] = "parent"
    related.pop(viewer.pk, None)
    return related
