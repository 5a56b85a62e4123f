"""Web routes of the community app (mounted at the site root by qalan/urls.py)."""

from django.urls import path

from qalan.community import views
from qalan.core.gating import consent_required

app_name = "community"
urlpatterns = consent_required(
    [
        path("practice/tasks/<int:task_id>/comments/", views.comment_post, name="comment_post"),
        path("comments/<int:comment_id>/delete/", views.comment_delete, name="comment_delete"),
        path("comments/<int:comment_id>/report/", views.comment_report, name="comment_report"),
        path("questions/", views.questions, name="questions"),
        path("messages/", views.inbox, name="inbox"),
        path("messages/<int:user_id>/", views.conversation, name="conversation"),
        path("messages/item/<int:message_id>/report/", views.message_report, name="message_report"),
        path("moderation/", views.moderation, name="moderation"),
        path("moderation/reports/<int:report_id>/", views.report_resolve, name="report_resolve"),
    ]
)
