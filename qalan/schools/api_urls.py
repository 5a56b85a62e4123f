"""API routes of the schools app (mounted under /api/v1/ by qalan/urls.py; names in the "api" namespace)."""

from django.urls import path

from qalan.core.gating import consent_required
from qalan.schools import api

urlpatterns = consent_required(
    [
        path("classes", api.ClassListView.as_view(), name="class_list"),
        path("classes/join", api.ClassJoinView.as_view(), name="class_join"),
        path("classes/<int:class_id>", api.ClassDetailView.as_view(), name="class_detail"),
        path("classes/<int:class_id>/leave", api.ClassLeaveView.as_view(), name="class_leave"),
        path("classes/<int:class_id>/join-code", api.ClassJoinCodeView.as_view(), name="class_join_code"),
        path("classes/<int:class_id>/invitations", api.ClassInviteView.as_view(), name="class_invite"),
        path("classes/<int:class_id>/roster", api.ClassRosterView.as_view(), name="class_roster"),
        path("classes/<int:class_id>/students/<int:student_id>", api.ClassMemberView.as_view(), name="class_member"),
        path(
            "classes/<int:class_id>/students/<int:student_id>/handoff",
            api.ClassHandoffView.as_view(),
            name="class_handoff",
        ),
        path("invitations", api.InvitationListView.as_view(), name="invitation_list"),
        path("invitations/<int:invitation_id>", api.InvitationAnswerView.as_view(), name="invitation_answer"),
        path("handoff", api.HandoffView.as_view(), name="handoff"),
        path("links", api.LinkListView.as_view(), name="link_list"),
        path("links/codes", api.LinkCodeView.as_view(), name="link_code"),
        path("links/confirm", api.LinkConfirmView.as_view(), name="link_confirm"),
        path("links/<int:link_id>", api.LinkDetailView.as_view(), name="link_detail"),
    ]
)
