"""Web routes of the learning app (mounted at the site root by qalan/urls.py)."""

app_name = "learning"
urlpatterns: list = []
