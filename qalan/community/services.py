"""Community writes: comments and questions, messages, reports and moderation (P4.1.d).

Audit events name the comment, message or report by id, never their text.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from qalan.audit.services import audit_record
from qalan.community import selectors
from qalan.community.models import BODY_MAX, Comment, Message, Report
from qalan.learning.models import Task
from qalan.notify.models import OutboxMessage
from qalan.notify.services import message_queue


def _body_clean(body: str, *, field: str = "body") -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({field: [_("Write something before sending.")]})
    if len(body) > BODY_MAX:
        raise ValidationError(
            {
                field: [
                    ngettext(
                        "At most %(max)s character. Shorten the text.",
                        "At most %(max)s characters. Shorten the text.",
                        BODY_MAX,
                    )
                    % {"max": BODY_MAX}
                ]
            }
        )
    return body


# --- Comments and questions ---------------------------------------------------------------


def comment_post(
    *, actor, task: Task, body: str, kind: str = Comment.Kind.COMMENT, reply_to: Comment | None = None
) -> Comment:
    """A comment or a question on a task, or a reply to one (a teacher's reply answers a question)."""
    body = _body_clean(body)
    if kind not in Comment.Kind.values:
        raise ValidationError({"kind": [_("Choose comment or question.")]})
    if reply_to is not None:
        if reply_to.task_id != task.pk or reply_to.reply_to_id is not None or reply_to.hidden_at is not None:
            raise ValidationError({"reply_to": [_("You can only reply to a visible comment of this task.")]})
        kind = Comment.Kind.COMMENT
    with transaction.atomic():
        comment = Comment.objects.create(
            task=task, author=actor, author_role=actor.role, kind=kind, reply_to=reply_to, body=body
        )
        if reply_to is not None and reply_to.author_id and reply_to.author_id != actor.pk:
            message_queue(
                user=reply_to.author,
                channel=OutboxMessage.Channel.INAPP,
                subject=_("A reply to your question")
                if reply_to.kind == Comment.Kind.QUESTION
                else _("A reply to your comment"),
                body=_("Someone replied under task %(task)s. Open the task to read it.") % {"task": task.pk},
            )
        audit_record(
            actor=actor,
            subject=actor,
            event_type="comment.posted",
            extra={"comment": comment.pk, "task": task.pk, "kind": kind, "reply_to": getattr(reply_to, "pk", None)},
        )
    return comment


def comment_delete(*, actor, comment: Comment) -> None:
    """Authors delete their own comments (and the replies under them) at any time."""
    if comment.author_id != actor.pk:
        raise ValidationError({"__all__": [_("You can only delete your own comments.")]})
    with transaction.atomic():
        pk = comment.pk
        comment.delete()
        audit_record(actor=actor, subject=actor, event_type="comment.deleted", extra={"comment": pk})


# --- Messages -----------------------------------------------------------------------------

NOT_A_CONTACT = gettext_lazy(
    "You can write only to people who share a class or a family link with you. Choose someone from your contacts."
)


def message_send(*, actor, recipient_id: int, body: str) -> Message:
    """A private message; refused (with the same words whether or not the person exists) to
    anyone who shares no class or family link with the sender."""
    if not selectors.can_message(viewer=actor, other_id=recipient_id):
        raise ValidationError({"recipient": [NOT_A_CONTACT]})
    body = _body_clean(body)
    recipient = get_user_model().objects.get(pk=recipient_id)
    with transaction.atomic():
        message = Message.objects.create(sender=actor, recipient=recipient, body=body)
        message_queue(
            user=recipient,
            channel=OutboxMessage.Channel.INAPP,
            subject=_("New message"),
            body=_("You have a new message on Qalan. Open Messages to read it."),
        )
        audit_record(actor=actor, subject=recipient, event_type="message.sent", extra={"message": message.pk})
    return message


def conversation_mark_read(*, actor, other_id: int) -> int:
    """Mark the messages from one person as read when the viewer opens the conversation."""
    with transaction.atomic():
        count = Message.objects.filter(sender_id=other_id, recipient=actor, read_at__isnull=True).update(
            read_at=timezone.now()
        )
        if count:
            audit_record(actor=actor, subject=actor, event_type="message.read", extra={"count": count})
    return count


# --- Reports and moderation ---------------------------------------------------------------


def report_create(*, actor, reason: str, comment: Comment | None = None, message: Message | None = None) -> Report:
    """Report a comment or a message to the moderators (who then read it)."""
    if reason not in Report.Reason.values:
        raise ValidationError({"reason": [_("Choose why you report this.")]})
    if (comment is None) == (message is None):
        raise ValidationError({"__all__": [_("Report one comment or one message.")]})
    target = {"comment": comment} if comment is not None else {"message": message}
    if Report.objects.filter(reporter=actor, outcome=Report.Outcome.OPEN, **target).exists():
        raise ValidationError({"__all__": [_("You already reported this. A moderator will look at it soon.")]})
    with transaction.atomic():
        report = Report.objects.create(reporter=actor, reason=reason, **target)
        audit_record(
            actor=actor,
            subject=actor,
            event_type="content.reported",
            extra={
                "report": report.pk,
                "comment": getattr(comment, "pk", None),
                "message": getattr(message, "pk", None),
            },
        )
    return report


def _require_moderator(actor) -> None:
    if not selectors.is_moderator(actor):
        raise ValidationError({"__all__": [_("Only moderators can do this.")]})


def report_resolve(*, actor, report: Report, hide: bool) -> Report:
    """Hide the reported content (every open report on it closes) or leave it visible."""
    _require_moderator(actor)
    now = timezone.now()
    target = report.comment or report.message
    target_filter = {"comment": report.comment} if report.comment_id else {"message": report.message}
    with transaction.atomic():
        if hide and target.hidden_at is None:
            target.hidden_at, target.hidden_by = now, actor
            target.save(update_fields=["hidden_at", "hidden_by"])
        outcome = Report.Outcome.HIDDEN if hide else Report.Outcome.DISMISSED
        closed = Report.objects.filter(outcome=Report.Outcome.OPEN, **target_filter).update(
            outcome=outcome, resolved_at=now, resolved_by=actor
        )
        author_id = report.comment.author_id if report.comment_id else report.message.sender_id
        audit_record(
            actor=actor,
            subject=report.reporter,
            event_type="content.moderated",
            extra={"report": report.pk, "outcome": outcome, "closed": closed, "author": author_id},
        )
    report.refresh_from_db()
    return report


def content_unhide(*, actor, comment: Comment | None = None, message: Message | None = None) -> None:
    """Undo a moderator's hiding (an operator command offers it too)."""
    _require_moderator(actor)
    target = comment or message
    with transaction.atomic():
        target.hidden_at, target.hidden_by = None, None
        target.save(update_fields=["hidden_at", "hidden_by"])
        audit_record(
            actor=actor,
            subject=None,
            event_type="content.unhidden",
            extra={"comment": getattr(comment, "pk", None), "message": getattr(message, "pk", None)},
        )
