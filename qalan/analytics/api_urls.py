"""API routes of the analytics app (mounted under /api/v1/ by qalan/urls.py; names in the "api" namespace)."""

from django.urls import path

from qalan.analytics import api

urlpatterns = [
    path("analytics/aggregates", api.AggregatesView.as_view(), name="analytics_aggregates"),
]
