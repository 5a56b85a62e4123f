"""API routes of the support app (mounted under /api/v1/ by qalan/urls.py; names in the "api" namespace)."""

from django.urls import path

from qalan.support import api

urlpatterns = [
    path("support/tickets", api.TicketListView.as_view(), name="support_tickets"),
    path("support/tickets/<int:ticket_id>", api.TicketDetailView.as_view(), name="support_ticket"),
    path("support/tickets/<int:ticket_id>/replies", api.TicketRepliesView.as_view(), name="support_ticket_replies"),
]
