"""Community: comments and questions on tasks, internal messages, and reports for moderation (P4.1.d).

Authors and senders are nullable SET_NULL keys: when an account is erased, what it wrote to
others stays (the conversation still makes sense to them) but no longer names it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

BODY_MAX = 2000


class Comment(models.Model):
    class Kind(models.TextChoices):
        COMMENT = "comment", _("Comment")
        QUESTION = "question", _("Question to a teacher")

    task = models.ForeignKey("learning.Task", on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="comments"
    )
    # The role when written: "a teacher's answer" stays true after the author's erasure.
    author_role = models.CharField(max_length=16)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.COMMENT)
    reply_to = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies")
    body = models.TextField(max_length=BODY_MAX)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return f"comment #{self.pk}"


class Message(models.Model):
    """A private message between two people who share a class or a parent link."""

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="sent_messages"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="received_messages"
    )
    body = models.TextField(max_length=BODY_MAX)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [models.Index(fields=["sender", "recipient", "created_at"])]

    def __str__(self) -> str:
        return f"message #{self.pk}"


class Report(models.Model):
    """Someone reported a comment or a message; a moderator hides it or dismisses the report."""

    class Reason(models.TextChoices):
        ABUSE = "abuse", _("Insulting or bullying")
        SPAM = "spam", _("Spam or advertising")
        PERSONAL = "personal", _("Reveals someone's personal data")
        OTHER = "other", _("Something else")

    class Outcome(models.TextChoices):
        OPEN = "open", _("Waiting for a moderator")
        HIDDEN = "hidden", _("Hidden")
        DISMISSED = "dismissed", _("Left visible")

    comment = models.ForeignKey(Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="reports")
    message = models.ForeignKey(Message, null=True, blank=True, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports_made"
    )
    reason = models.CharField(max_length=10, choices=Reason.choices)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(comment__isnull=False, message__isnull=True)
                | models.Q(comment__isnull=True, message__isnull=False),
                name="community_report_has_one_target",
            )
        ]

    def __str__(self) -> str:
        return f"report #{self.pk}"
