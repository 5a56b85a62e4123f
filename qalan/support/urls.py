"""Web routes of the support app (mounted at the site root by qalan/urls.py)."""

from django.urls import path

from qalan.support import views

app_name = "support"
urlpatterns = [
    path("support/", views.tickets, name="tickets"),
    path("support/<int:ticket_id>/", views.ticket, name="ticket"),
    path("support/<int:ticket_id>/close/", views.ticket_close, name="ticket_close"),
    path("staff/support/", views.queue, name="queue"),
]
