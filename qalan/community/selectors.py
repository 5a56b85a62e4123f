"""Community reads: task discussions, a teacher's open questions, contacts, conversations, the
moderation queue. Names are shown only to people who share a class or a family link with the
author, and never to classmates when the author restricts dissemination (P6.5)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db.models import Case, Count, F, Max, Q, QuerySet, When
from django.http import Http404
from django.utils.translation import gettext as _

from qalan.accounts.models import Role
from qalan.community.models import Comment, Message, Report
from qalan.learning.models import Task
from qalan.schools import selectors as school_selectors

User = get_user_model()

MODERATOR_ROLES = (Role.SUPPORT, Role.ADMIN)
# Relations in which the other person sees a restricted user's name anyway: they need it to
# teach or to look after the child (P5.4.b, P5.4.c).
SEES_RESTRICTED = {"student", "child"}


def is_moderator(user) -> bool:
    return user.is_authenticated and user.has_role(*MODERATOR_ROLES)


def _role_label(role: str) -> str:
    return {
        Role.TEACHER: _("A teacher"),
        Role.PARENT: _("A parent"),
        Role.STUDENT: _("A student"),
    }.get(role, _("Qalan team"))


def name_for(*, viewer, user, role: str, related: dict[int, str]) -> str:
    """How ``user`` is named to ``viewer``: by name when they are linked, else by role."""
    if user is None:
        return _("Deleted account")
    if user.pk == viewer.pk:
        return _("You")
    relation = related.get(user.pk)
    if relation is None:
        return _role_label(role)
    if user.profile.restrict_dissemination and relation not in SEES_RESTRICTED:
        return _role_label(role)
    return school_selectors.display_name(user)


# --- Task discussions ---------------------------------------------------------------------


@dataclass
class CommentView:
    comment: Comment
    author_name: str
    mine: bool
    by_teacher: bool
    replies: list[CommentView] = field(default_factory=list)


def task_comments(*, viewer, task: Task) -> list[CommentView]:
    """Visible comments and questions of a task with their replies, oldest first. A fixed
    number of queries for any number of comments."""
    comments = list(
        Comment.objects.filter(task=task, hidden_at__isnull=True)
        .select_related("author__profile")
        .order_by("created_at", "id")
    )
    related = school_selectors.related_user_ids(viewer=viewer)

    def view(comment: Comment) -> CommentView:
        return CommentView(
            comment=comment,
            author_name=name_for(viewer=viewer, user=comment.author, role=comment.author_role, related=related),
            mine=comment.author_id == viewer.pk,
            by_teacher=comment.author_role == Role.TEACHER,
        )

    top = {c.pk: view(c) for c in comments if c.reply_to_id is None}
    for comment in comments:
        if comment.reply_to_id in top:
            top[comment.reply_to_id].replies.append(view(comment))
    return list(top.values())


def comment_get(*, viewer, comment_id: int) -> Comment:
    """A visible comment (any signed-in user may read task discussions)."""
    comment = Comment.objects.select_related("task", "author").filter(pk=comment_id, hidden_at__isnull=True).first()
    if comment is None or not viewer.is_authenticated:
        raise Http404
    return comment


def own_comment_get(*, viewer, comment_id: int) -> Comment:
    comment = (
        Comment.objects.select_related("task").filter(pk=comment_id, author=viewer).first()
        if viewer.is_authenticated
        else None
    )
    if comment is None:
        raise Http404
    return comment


def questions_for_teacher(*, viewer) -> QuerySet[Comment]:
    """Questions from the teacher's students that no teacher has answered yet."""
    if not viewer.has_role(Role.TEACHER):
        raise Http404
    return (
        Comment.objects.filter(
            kind=Comment.Kind.QUESTION,
            reply_to__isnull=True,
            hidden_at__isnull=True,
            author__memberships__school_class__teacher=viewer,
            author__memberships__ended_at__isnull=True,
        )
        .exclude(replies__author_role=Role.TEACHER)
        .select_related("task__topic", "author__profile")
        .distinct()
        .order_by("created_at")
    )


# --- Messages -----------------------------------------------------------------------------


@dataclass
class Contact:
    user_id: int
    name: str
    relation: str


def _contact_users(*, viewer) -> tuple[dict[int, str], dict[int, object]]:
    related = school_selectors.related_user_ids(viewer=viewer)
    users = User.objects.select_related("profile").filter(is_active=True).in_bulk(list(related))
    return related, users


def _may_start(*, relation: str, user) -> bool:
    # A classmate who restricts dissemination is not listed and cannot be written to first.
    return not (relation == "classmate" and user.profile.restrict_dissemination)


def contacts_for(*, viewer) -> list[Contact]:
    """People the viewer may write to: sharing a class or a family link (P4.1.d)."""
    related, users = _contact_users(viewer=viewer)
    contacts = [
        Contact(user_id=uid, name=school_selectors.display_name(user), relation=related[uid])
        for uid, user in users.items()
        if _may_start(relation=related[uid], user=user)
    ]
    return sorted(contacts, key=lambda c: (c.relation, c.name.casefold()))


def _between(viewer, other_id: int) -> Q:
    return Q(sender=viewer, recipient_id=other_id) | Q(sender_id=other_id, recipient=viewer)


def can_message(*, viewer, other_id: int) -> bool:
    """Sharing a class or a link, and, for a restricted classmate, only as a reply to them."""
    if not viewer.is_authenticated or other_id == viewer.pk:
        return False
    related = school_selectors.related_user_ids(viewer=viewer)
    if other_id not in related:
        return False
    other = User.objects.select_related("profile").filter(pk=other_id, is_active=True).first()
    if other is None:
        return False
    if _may_start(relation=related[other_id], user=other):
        return True
    return Message.objects.filter(sender_id=other_id, recipient=viewer).exists()


@dataclass
class Conversation:
    user_id: int | None
    name: str
    last_at: datetime
    unread: int


def conversations_for(*, viewer) -> list[Conversation]:
    """The viewer's conversations, newest first, with unread counts; three queries plus the
    relations lookup for any number of conversations."""
    rows = (
        Message.objects.filter(Q(sender=viewer) | Q(recipient=viewer))
        .annotate(other=Case(When(sender=viewer, then=F("recipient")), default=F("sender")))
        .values("other")
        .annotate(last_at=Max("created_at"), unread=Count("id", filter=Q(recipient=viewer, read_at__isnull=True)))
        .order_by("-last_at")
    )
    rows = list(rows)
    users = User.objects.select_related("profile").in_bulk([r["other"] for r in rows if r["other"]])
    related = school_selectors.related_user_ids(viewer=viewer)
    conversations = []
    for row in rows:
        other = users.get(row["other"])
        role = other.role if other else ""
        conversations.append(
            Conversation(
                user_id=row["other"],
                name=name_for(viewer=viewer, user=other, role=role, related=related) if other else _("Deleted account"),
                last_at=row["last_at"],
                unread=row["unread"],
            )
        )
    return conversations


def conversation_partner_get(*, viewer, other_id: int):
    """Someone the viewer may write to, or has a conversation with; anyone else is 404."""
    if not viewer.is_authenticated:
        raise Http404
    other = User.objects.select_related("profile").filter(pk=other_id).exclude(pk=viewer.pk).first()
    if other is None:
        raise Http404
    if not (
        can_message(viewer=viewer, other_id=other_id) or Message.objects.filter(_between(viewer, other_id)).exists()
    ):
        raise Http404
    return other


def conversation_messages(*, viewer, other_id: int, limit: int = 200) -> list[Message]:
    """The latest messages between the viewer and one person, oldest first."""
    messages = Message.objects.filter(_between(viewer, other_id)).order_by("-created_at", "-id")[:limit]
    return list(reversed(list(messages)))


def received_message_get(*, viewer, message_id: int) -> Message:
    """A message the viewer received (what they may report)."""
    message = Message.objects.filter(recipient=viewer, pk=message_id).first() if viewer.is_authenticated else None
    if message is None:
        raise Http404
    return message


def unread_count(*, viewer) -> int:
    return Message.objects.filter(recipient=viewer, read_at__isnull=True, hidden_at__isnull=True).count()


# --- Moderation ---------------------------------------------------------------------------


def reports_open(*, viewer) -> QuerySet[Report]:
    """The moderation queue: support staff only (anyone else: 404)."""
    if not is_moderator(viewer):
        raise Http404
    return (
        Report.objects.filter(outcome=Report.Outcome.OPEN)
        .select_related("comment__task", "message")
        .order_by("created_at", "id")
    )


def report_get(*, viewer, report_id: int) -> Report:
    report = reports_open(viewer=viewer).filter(pk=report_id).first()
    if report is None:
        raise Http404
    return report
