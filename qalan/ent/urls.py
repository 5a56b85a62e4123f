"""Web routes of the ENT track (mounted at the site root by qalan/urls.py)."""

from django.urls import path

from qalan.core.gating import consent_required
from qalan.ent import views

app_name = "ent"
urlpatterns = consent_required(
    [
        path("ent/", views.home, name="home"),
        path("ent/<str:section>/start/", views.start, name="start"),
        path("ent/mocks/<int:mock_id>/", views.mock, name="mock"),
        path("ent/mocks/<int:mock_id>/save/", views.save, name="save"),
        path("ent/mocks/<int:mock_id>/report/", views.report, name="report"),
        path("ent/students/<int:student_id>/", views.student_mocks, name="student_mocks"),
    ]
)
