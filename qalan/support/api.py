"""Support API: my tickets (everyone may open one), a ticket's thread, replies."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from qalan.support import selectors, services
from qalan.support.models import Ticket, TicketReply


class TicketIn(serializers.Serializer):
    # Blank values reach the service, which answers with the same messages as the web form.
    contact = serializers.CharField(
        allow_blank=True, default="", help_text="E-mail or Kazakhstan mobile number for the answer."
    )
    subject = serializers.CharField(allow_blank=True, default="")
    description = serializers.CharField(allow_blank=True, default="", help_text="At most 5000 characters.")
    confirm_sensitive = serializers.BooleanField(
        default=False, help_text="Set after a 'sensitive' warning to save the text as confidential."
    )


class ReplyIn(serializers.Serializer):
    body = serializers.CharField(allow_blank=True, default="")


class ReplyOut(serializers.Serializer):
    id = serializers.IntegerField()
    by_support = serializers.BooleanField()
    mine = serializers.BooleanField()
    body = serializers.CharField()
    created_at = serializers.DateTimeField()


class TicketOut(serializers.Serializer):
    id = serializers.IntegerField()
    subject = serializers.CharField()
    status = serializers.CharField(help_text="open, answered or closed")
    confidential = serializers.BooleanField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class TicketDetailOut(TicketOut):
    contact = serializers.CharField()
    description = serializers.CharField()
    replies = ReplyOut(many=True)


class TicketCreated(serializers.Serializer):
    id = serializers.IntegerField()
    message = serializers.CharField()


def ticket_data(ticket: Ticket) -> dict:
    return {
        "id": ticket.pk,
        "subject": ticket.subject,
        "status": ticket.status,
        "confidential": ticket.confidential,
        "created_at": ticket.created_at,
        "updated_at": ticket.updated_at,
    }


def reply_data(reply: TicketReply, viewer) -> dict:
    return {
        "id": reply.pk,
        "by_support": reply.author_id is not None and reply.author_id != reply.ticket.user_id,
        "mine": reply.author_id == viewer.pk,
        "body": reply.body,
        "created_at": reply.created_at,
    }


def ticket_detail_data(ticket: Ticket, viewer) -> dict:
    replies = ticket.replies.select_related("ticket")
    return {
        **ticket_data(ticket),
        "contact": ticket.contact,
        "description": ticket.description,
        "replies": [reply_data(r, viewer) for r in replies],
    }


class TicketListView(APIView):
    throttle_scope = "contact"

    def get_permissions(self):
        # Anyone may ask for help (with a contact for the answer); only a signed-in user has a list.
        return [AllowAny()] if self.request.method == "POST" else [IsAuthenticated()]

    def get_throttles(self):
        return [ScopedRateThrottle()] if self.request.method == "POST" else []

    @extend_schema(responses={200: TicketOut(many=True)}, summary="My support tickets")
    def get(self, request):
        return Response(
            [ticket_data(t) for t in selectors.tickets_for(viewer=request.user).filter(user=request.user)[:200]]
        )

    @extend_schema(request=TicketIn, responses={201: TicketCreated}, summary="Open a support ticket")
    def post(self, request):
        data = TicketIn(data=request.data)
        data.is_valid(raise_exception=True)
        ticket = services.ticket_open(actor=request.user, **data.validated_data)
        return Response(
            {
                "id": ticket.pk,
                "message": _("Your ticket #%(number)s reached support. We will answer you as soon as we can.")
                % {"number": ticket.pk},
            },
            status=status.HTTP_201_CREATED,
        )


class TicketDetailView(APIView):
    @extend_schema(responses={200: TicketDetailOut}, summary="A support ticket and its thread")
    def get(self, request, ticket_id: int):
        ticket = selectors.ticket_get(viewer=request.user, ticket_id=ticket_id)
        return Response(ticket_detail_data(ticket, request.user))


class TicketRepliesView(APIView):
    @extend_schema(request=ReplyIn, responses={201: ReplyOut}, summary="Reply in a support ticket")
    def post(self, request, ticket_id: int):
        ticket = selectors.ticket_get(viewer=request.user, ticket_id=ticket_id)
        data = ReplyIn(data=request.data)
        data.is_valid(raise_exception=True)
        reply = services.ticket_reply(actor=request.user, ticket=ticket, body=data.validated_data["body"])
        return Response(reply_data(reply, request.user), status=status.HTTP_201_CREATED)
