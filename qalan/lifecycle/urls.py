"""Web routes of the lifecycle app (mounted at the site root by qalan/urls.py)."""

app_name = "lifecycle"
urlpatterns: list = []
