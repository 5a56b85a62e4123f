"""The DPO's API: the request queue and its SLA board, one request with its events, the actions on
it (assign, comment, verify, extend, answer, refuse), the power of attorney (read audited) and
the disclosure log. The person's own API is in ``api``; the breach register's in ``breach_api``."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import parsers, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from qalan.core.api import ErrorResponse
from qalan.core.inventory import Category, LegalBasis
from qalan.rights import selectors, services

# --- Serializers --------------------------------------------------------------------------
from qalan.rights.api import DisclosureOut, RequestOut
from qalan.rights.models import RequestEvent, RequestKind

# --- The DPO ------------------------------------------------------------------------------


class DpoEventOut(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor.username", default=None, allow_null=True)

    class Meta:
        model = RequestEvent
        fields = ["created_at", "action", "actor", "note", "public"]


class DpoRequestOut(RequestOut):
    username = serializers.CharField(source="user.username", default=None, allow_null=True)
    assigned_to = serializers.CharField(source="assigned_to.username", default=None, allow_null=True)
    has_power_of_attorney = serializers.SerializerMethodField()

    class Meta(RequestOut.Meta):
        fields = [
            *RequestOut.Meta.fields,
            "requester_name",
            "requester_contact",
            "by_representative",
            "account_identifier",
            "username",
            "verified_at",
            "verification_method",
            "assigned_to",
            "has_power_of_attorney",
        ]

    def get_events(self, obj) -> list[dict]:
        return DpoEventOut(obj.events.select_related("actor").order_by("created_at", "id"), many=True).data

    def get_has_power_of_attorney(self, obj) -> bool:
        return hasattr(obj, "power_of_attorney")


class DpoActionIn(serializers.Serializer):
    assignee = serializers.CharField(
        required=False, allow_blank=True, help_text="assign: a DPO's username (empty to clear)"
    )
    note = serializers.CharField(required=False, allow_blank=True, max_length=5000, help_text="comment, verify")
    answer = serializers.CharField(required=False, allow_blank=True, max_length=20000, help_text="answer")
    reason = serializers.CharField(required=False, allow_blank=True, max_length=5000, help_text="refuse, extend")
    legal_ground = serializers.CharField(required=False, allow_blank=True, max_length=300, help_text="refuse")
    until = serializers.DateField(required=False, help_text="extend")
    account_identifier = serializers.CharField(required=False, allow_blank=True, max_length=40, help_text="link")
    channel = serializers.ChoiceField(choices=["sms", "email"], required=False, default="sms", help_text="code")


class DpoRequestListView(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter("show", str, enum=list(selectors.QUEUE_FILTERS)),
            OpenApiParameter("kind", str, enum=RequestKind.values),
        ],
        responses={200: DpoRequestOut(many=True)},
        summary="The DPO's queue of requests, soonest due first",
    )
    def get(self, request):
        show = request.query_params.get("show", "open")
        requests = selectors.requests_for_dpo(
            viewer=request.user,
            show=show if show in selectors.QUEUE_FILTERS else "open",
            kind=request.query_params.get("kind", ""),
        )
        return Response(DpoRequestOut(requests[:500], many=True).data)


class DpoBoardView(APIView):
    @extend_schema(responses={200: OpenApiTypes.OBJECT}, summary="The SLA board: open, due soon, overdue, on time")
    def get(self, request):
        board = selectors.sla_board(viewer=request.user)
        return Response({**board, "horizon": board["horizon"].isoformat(), "today": board["today"].isoformat()})


class DpoRequestDetailView(APIView):
    @extend_schema(responses={200: DpoRequestOut}, summary="One request with its full timeline")
    def get(self, request, request_id: int):
        return Response(DpoRequestOut(selectors.request_for_dpo(viewer=request.user, request_id=request_id)).data)


def _assignee(viewer, username: str):
    if not username:
        return None
    assignee = selectors.dpo_users(viewer=viewer).filter(username__iexact=username).first()
    if assignee is None:
        from django.core.exceptions import ValidationError

        raise ValidationError({"assignee": [_("Assign the request to a data protection officer.")]})
    return assignee


DPO_ACTIONS = {
    "assign": lambda actor, r, d: services.request_assign(
        actor=actor, request=r, assignee=_assignee(actor, d.get("assignee", ""))
    ),
    "comment": lambda actor, r, d: services.request_comment(actor=actor, request=r, note=d.get("note", "")),
    "verify": lambda actor, r, d: services.request_verify(actor=actor, request=r, note=d.get("note", "")),
    "link": lambda actor, r, d: services.request_link_account(
        actor=actor, request=r, account_identifier=d.get("account_identifier", "")
    ),
    "code": lambda actor, r, d: services.request_code_send(actor=actor, request=r, channel=d.get("channel", "sms")),
    "answer": lambda actor, r, d: services.request_answer(actor=actor, request=r, answer=d.get("answer", "")),
    "refuse": lambda actor, r, d: services.request_refuse(
        actor=actor, request=r, reason=d.get("reason", ""), legal_ground=d.get("legal_ground", "")
    ),
    "extend": lambda actor, r, d: services.request_extend(
        actor=actor, request=r, until=d.get("until"), reason=d.get("reason", "")
    ),
    "withdraw": lambda actor, r, d: services.request_withdraw(actor=actor, request=r),
}


class DpoRequestActionView(APIView):
    @extend_schema(
        parameters=[OpenApiParameter("action", str, OpenApiParameter.PATH, enum=list(DPO_ACTIONS))],
        request=DpoActionIn,
        responses={200: DpoRequestOut},
        summary="Act on a request: assign, comment, verify, link, code, answer, refuse, extend, withdraw",
    )
    def post(self, request, request_id: int, action: str):
        data_request = selectors.request_for_dpo(viewer=request.user, request_id=request_id)
        if action not in DPO_ACTIONS:
            raise Http404
        data = DpoActionIn(data=request.data)
        data.is_valid(raise_exception=True)
        DPO_ACTIONS[action](request.user, data_request, data.validated_data)
        return Response(DpoRequestOut(selectors.request_for_dpo(viewer=request.user, request_id=request_id)).data)


class DpoPowerOfAttorneyView(APIView):
    parser_classes = [parsers.MultiPartParser]

    @extend_schema(
        request={
            "multipart/form-data": {
                "type": "object",
                "properties": {"power_of_attorney": {"type": "string", "format": "binary"}},
            }
        },
        responses={200: DpoRequestOut},
        summary="Attach a representative's power of attorney (stored encrypted)",
    )
    def put(self, request, request_id: int):
        data_request = selectors.request_for_dpo(viewer=request.user, request_id=request_id)
        upload = request.FILES.get("power_of_attorney")
        if upload is None:
            return ErrorResponse(
                _("Attach the document as a PDF, JPEG or PNG file."),
                status_code=400,
                errors={"power_of_attorney": [_("Attach the document as a PDF, JPEG or PNG file.")]},
            )
        services.power_of_attorney_attach(actor=request.user, request=data_request, upload=upload)
        return Response(DpoRequestOut(selectors.request_for_dpo(viewer=request.user, request_id=request_id)).data)


class DisclosureIn(serializers.Serializer):
    recipient = serializers.SlugField()
    account_identifier = serializers.CharField(max_length=40)
    categories = serializers.ListField(
        child=serializers.ChoiceField(choices=[c for c in Category.values if c != "none"])
    )
    description = serializers.CharField(max_length=300)
    legal_basis = serializers.ChoiceField(choices=LegalBasis.choices)
    basis_detail = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    inform_user = serializers.BooleanField(required=False, default=True)
    not_informed_reason = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class DpoDisclosureView(APIView):
    @extend_schema(responses={200: DisclosureOut(many=True)}, summary="The disclosure log")
    def get(self, request):
        return Response(DisclosureOut(selectors.disclosure_log(viewer=request.user)[:500], many=True).data)

    @extend_schema(
        request=DisclosureIn, responses={201: DisclosureOut}, summary="Record that a recipient received someone's data"
    )
    def post(self, request):
        data = DisclosureIn(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        person = selectors.account_find(viewer=request.user, identifier=values.pop("account_identifier"))
        if person is None:
            message = _("No single active account has this username or phone. Check it.")
            return ErrorResponse(message, status_code=400, errors={"account_identifier": [message]})
        disclosure = services.disclosure_record(actor=request.user, user=person, **values)
        return Response(DisclosureOut(disclosure).data, status=status.HTTP_201_CREATED)
