"""Web routes of the rights app (mounted at the site root by qalan/urls.py)."""

app_name = "rights"
urlpatterns: list = []
