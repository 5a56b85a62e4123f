"""Web routes of the community app (mounted at the site root by qalan/urls.py)."""

app_name = "community"
urlpatterns: list = []
