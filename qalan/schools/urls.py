"""Web routes of the schools app (mounted at the site root by qalan/urls.py)."""

app_name = "schools"
urlpatterns: list = []
