"""Web routes of the trainer (mounted at the site root by qalan/urls.py)."""

from django.urls import path

from qalan.core.gating import consent_required
from qalan.trainer import views

app_name = "trainer"
urlpatterns = consent_required(
    [
        path("trainer/", views.home, name="home"),
        path("trainer/skills/<str:code>/", views.practice, name="practice"),
        path("trainer/items/<uuid:instance_id>/", views.item, name="item"),
        path("trainer/focus/next/", views.focus_next, name="focus_next"),
        path("trainer/diagnostic/", views.diagnostic_start, name="diagnostic_start"),
        path("trainer/diagnostic/<int:diagnostic_id>/", views.diagnostic, name="diagnostic"),
        path("trainer/map/", views.my_map, name="map"),
        path("children/<int:child_id>/map/", views.child_map, name="child_map"),
        path("classes/<int:class_id>/map/", views.class_map, name="class_map"),
    ]
)
