"""API routes of the community app (mounted under /api/v1/ by qalan/urls.py; names in the "api" namespace)."""

from django.urls import path

from qalan.community import api
from qalan.core.gating import consent_required

urlpatterns = consent_required(
    [
        path("tasks/<int:task_id>/comments", api.TaskCommentsView.as_view(), name="task_comments"),
        path("comments/<int:comment_id>", api.CommentDetailView.as_view(), name="comment_detail"),
        path("comments/<int:comment_id>/report", api.CommentReportView.as_view(), name="comment_report"),
        path("questions", api.QuestionListView.as_view(), name="question_list"),
        path("messages", api.ConversationListView.as_view(), name="conversation_list"),
        path("messages/contacts", api.ContactListView.as_view(), name="contact_list"),
        path("messages/with/<int:user_id>", api.ConversationView.as_view(), name="conversation"),
        path("messages/<int:message_id>/report", api.MessageReportView.as_view(), name="message_report"),
        path("moderation/reports", api.ReportListView.as_view(), name="report_list"),
        path("moderation/reports/<int:report_id>", api.ReportResolveView.as_view(), name="report_resolve"),
    ]
)
