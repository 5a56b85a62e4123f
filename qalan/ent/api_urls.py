"""API routes of the ENT track (mounted under /api/v1/ by qalan/urls.py; names in the "api" namespace)."""

from django.urls import path

from qalan.core.gating import consent_required
from qalan.ent import api

urlpatterns = consent_required(
    [
        path("ent/blueprint", api.BlueprintView.as_view(), name="ent_blueprint"),
        path("ent/mocks", api.MockListView.as_view(), name="ent_mocks"),
        path("ent/mocks/<int:mock_id>", api.MockDetailView.as_view(), name="ent_mock"),
        path("ent/mocks/<int:mock_id>/save", api.MockSaveView.as_view(), name="ent_mock_save"),
        path("ent/mocks/<int:mock_id>/submit", api.MockSubmitView.as_view(), name="ent_mock_submit"),
        path("ent/mocks/<int:mock_id>/report", api.MockReportView.as_view(), name="ent_mock_report"),
        path("ent/students/<int:student_id>/mocks", api.StudentMocksView.as_view(), name="ent_student_mocks"),
    ]
)
