"""API routes of the rights app (mounted under /api/v1/ by qalan/urls.py; names in the "api" namespace)."""

urlpatterns: list = []
