"""Web routes of the schools app (mounted at the site root by qalan/urls.py)."""

from django.urls import path

from qalan.core.gating import consent_required
from qalan.schools import views

app_name = "schools"
urlpatterns = consent_required(
    [
        path("classes/", views.classes, name="classes"),
        path("classes/new/", views.class_create, name="class_create"),
        path("classes/join/", views.class_join, name="class_join"),
        path("classes/<int:class_id>/", views.class_detail, name="class_detail"),
        path("classes/<int:class_id>/leave/", views.class_leave, name="class_leave"),
        path("classes/<int:class_id>/join-code/", views.class_join_code, name="class_join_code"),
        path("classes/<int:class_id>/invite/", views.class_invite, name="class_invite"),
        path("classes/<int:class_id>/roster/", views.class_roster, name="class_roster"),
        path(
            "classes/<int:class_id>/students/<int:student_id>/remove/",
            views.class_member_remove,
            name="class_member_remove",
        ),
        path("classes/<int:class_id>/students/<int:student_id>/handoff/", views.class_handoff, name="class_handoff"),
        path("invitations/<int:invitation_id>/answer/", views.invitation_answer, name="invitation_answer"),
        path("handoff/", views.handoff, name="handoff"),
        path("family/", views.links, name="links"),
        path("family/code/", views.link_code, name="link_code"),
        path("family/confirm/", views.link_confirm, name="link_confirm"),
        path("family/<int:link_id>/remove/", views.link_remove, name="link_remove"),
    ]
)
