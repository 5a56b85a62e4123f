"""Rights API for the mobile app (the privacy centre) and for the DPO's tools."""

from django.core.signing import BadSignature
from django.http import Http404, StreamingHttpResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import parsers, serializers, status
from rest_framework.fields import empty
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from qalan.core.api import ErrorResponse
from qalan.core.consent import ConsentPurpose
from qalan.core.inventory import Category, LegalBasis
from qalan.rights import selectors, services
from qalan.rights.export import export_filename, export_zip_stream
from qalan.rights.models import DataRequest, RequestChannel, RequestEvent, RequestKind
from qalan.rights.report import data_sections

# --- Serializers --------------------------------------------------------------------------


class EventOut(serializers.ModelSerializer):
    class Meta:
        model = RequestEvent
        fields = ["created_at", "action"]


class RequestOut(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display")
    status_label = serializers.CharField(source="get_status_display")
    events = serializers.SerializerMethodField()

    class Meta:
        model = DataRequest
        fields = [
            "id",
            "kind",
            "kind_label",
            "channel",
            "status",
            "status_label",
            "received_at",
            "due_on",
            "original_due_on",
            "extension_reason",
            "description",
            "data_concerned",
            "consent_purpose",
            "answer",
            "refusal_reason",
            "refusal_ground",
            "closed_at",
            "erasure_after",
            "events",
        ]

    def get_events(self, obj) -> list[dict]:
        return EventOut(selectors.request_public_events(request=obj), many=True).data


class RequestIn(serializers.Serializer):
    kind = serializers.ChoiceField(choices=RequestKind.choices)
    description = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    data_concerned = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    consent_purpose = serializers.ChoiceField(
        choices=ConsentPurpose.choices, required=False, allow_blank=True, default=""
    )


class PublicRequestIn(serializers.Serializer):
    kind = serializers.ChoiceField(choices=[c for c in RequestKind.choices if c[0] != RequestKind.EXPORT])
    requester_name = serializers.CharField(max_length=150)
    requester_contact = serializers.CharField(max_length=254)
    account_identifier = serializers.CharField(max_length=40)
    code_channel = serializers.ChoiceField(choices=["sms", "email"], default="sms")
    consent_purpose = serializers.ChoiceField(
        choices=ConsentPurpose.choices, required=False, allow_blank=True, default=""
    )
    description = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    data_concerned = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class PublicRequestOut(serializers.Serializer):
    id = serializers.IntegerField()
    message = serializers.CharField()
    verification_token = serializers.CharField(help_text="Send it back with the code to confirm the request.")


class PublicVerifyIn(serializers.Serializer):
    verification_token = serializers.CharField()
    code = serializers.CharField(max_length=6, min_length=6)


class RightsMessageOut(serializers.Serializer):
    message = serializers.CharField()


class SectionOut(serializers.Serializer):
    model = serializers.CharField()
    title = serializers.CharField()
    description = serializers.CharField()
    records = serializers.IntegerField()
    categories = serializers.ListField(child=serializers.CharField())
    fields = serializers.SerializerMethodField(method_name="list_fields")
    purposes = serializers.ListField(child=serializers.CharField())
    legal_basis = serializers.CharField()
    source = serializers.CharField()
    retention = serializers.CharField()
    erasure = serializers.CharField()
    recipients = serializers.SerializerMethodField()

    def list_fields(self, obj) -> list[dict]:
        return [{"name": name, "category": category} for name, category in obj.fields]

    def get_recipients(self, obj) -> list[dict]:
        return [
            {
                "name": getattr(r, "name", str(r)),
                "country": getattr(r, "country", ""),
                "purpose": getattr(r, "purpose", ""),
            }
            for r in obj.recipients
        ]


class ConsentOut(serializers.Serializer):
    purpose = serializers.CharField()
    label = serializers.CharField()
    in_force = serializers.BooleanField()
    since = serializers.DateTimeField(allow_null=True)
    consequence = serializers.CharField(help_text="What withdrawing it changes: show it before asking to confirm.")
    withdrawable = serializers.BooleanField(
        help_text="False for the platform consent: withdraw it by deleting the account."
    )


class RequiredBoolean(serializers.BooleanField):
    # DRF reads a boolean missing from a form-encoded body as false (an unticked checkbox); here
    # it is refused like a missing JSON field, so a PUT without it lifts no restriction.
    default_empty_html = empty


class RestrictionIo(serializers.Serializer):
    restricted = RequiredBoolean()


class LinkedPersonOut(serializers.Serializer):
    name = serializers.CharField()
    relation = serializers.CharField()
    sees = serializers.CharField()


class DisclosureOut(serializers.Serializer):
    id = serializers.IntegerField()
    recipient = serializers.CharField(source="recipient.name")
    country = serializers.CharField(source="recipient.country")
    categories = serializers.ListField(child=serializers.CharField())
    description = serializers.CharField()
    legal_basis = serializers.CharField()
    basis_detail = serializers.CharField()
    disclosed_at = serializers.DateTimeField()


class WhoSeesOut(serializers.Serializer):
    people = LinkedPersonOut(many=True)
    classmates = serializers.IntegerField()
    restricted = serializers.BooleanField()
    disclosures = DisclosureOut(many=True)


class ExportOut(serializers.Serializer):
    download_url = serializers.CharField()
    expires_at = serializers.DateTimeField()


class DeletionIn(serializers.Serializer):
    password = serializers.CharField(max_length=128, trim_whitespace=False)
    confirm = serializers.BooleanField(help_text="The user confirmed they read the consequences.")


def _language() -> str:
    return get_language() or ""


def _channel(request) -> str:
    # A bearer token is the app; a browser session is the website.
    from qalan.accounts.models import DeviceSession

    return RequestChannel.APP if isinstance(request.auth, DeviceSession) else RequestChannel.WEB


# --- The person's own ---------------------------------------------------------------------


class MyDataView(APIView):
    @extend_schema(
        responses={200: SectionOut(many=True)}, summary="What the operator holds about me, from the inventory"
    )
    def get(self, request):
        return Response(SectionOut(data_sections(request.user), many=True).data)


class RequestListView(APIView):
    @extend_schema(responses={200: RequestOut(many=True)}, summary="My requests about my personal data")
    def get(self, request):
        return Response(RequestOut(selectors.requests_for_owner(viewer=request.user), many=True).data)

    @extend_schema(
        request=RequestIn,
        responses={201: RequestOut},
        summary="Make a request (information, export, withdrawal and objection are answered at once)",
    )
    def post(self, request):
        data = RequestIn(data=request.data)
        data.is_valid(raise_exception=True)
        created = services.request_submit(
            actor=request.user, channel=_channel(request), language=_language(), **data.validated_data
        )
        return Response(RequestOut(created).data, status=status.HTTP_201_CREATED)


class RequestDetailView(APIView):
    @extend_schema(responses={200: RequestOut}, summary="One of my requests, with its answer")
    def get(self, request, request_id: int):
        return Response(RequestOut(selectors.request_for_owner(viewer=request.user, request_id=request_id)).data)


class RequestWithdrawView(APIView):
    @extend_schema(request=None, responses={200: RequestOut}, summary="Withdraw one of my open requests")
    def post(self, request, request_id: int):
        data_request = selectors.request_for_owner(viewer=request.user, request_id=request_id)
        return Response(RequestOut(services.request_withdraw(actor=request.user, request=data_request)).data)


class PublicRequestView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "contact"

    @extend_schema(
        request=PublicRequestIn,
        responses={202: PublicRequestOut},
        summary="A request from someone not signed in; confirmed with a code sent to the account",
    )
    def post(self, request):
        data = PublicRequestIn(data=request.data)
        data.is_valid(raise_exception=True)
        created = services.request_submit_public(
            channel=RequestChannel.APP, language=_language(), **data.validated_data
        )
        return Response(
            {
                "id": created.pk,
                "message": _(
                    "If an account matches, we sent a code to its own phone or e-mail. Send it back to confirm the request."
                ),
                "verification_token": services.public_token(created),
            },
            status=status.HTTP_202_ACCEPTED,
        )


class PublicVerifyView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "contact"

    @extend_schema(request=PublicVerifyIn, responses={200: RightsMessageOut}, summary="Confirm a request with the code")
    def post(self, request):
        data = PublicVerifyIn(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            data_request = services.request_from_public_token(data.validated_data["verification_token"])
        except BadSignature:
            return ErrorResponse(_(services.WRONG_CODE), status_code=400, errors={"code": [_(services.WRONG_CODE)]})
        services.request_verify_code(request=data_request, code=data.validated_data["code"])
        return Response({"message": _("Thank you. The request is confirmed; the answer goes to the contact you gave.")})


class ConsentListView(APIView):
    @extend_schema(
        responses={200: ConsentOut(many=True)}, summary="My consents, each with the consequence of withdrawing it"
    )
    def get(self, request):
        return Response(ConsentOut(selectors.consents_for(viewer=request.user), many=True).data)


class ConsentWithdrawView(APIView):
    @extend_schema(
        request=None, responses={201: RequestOut}, summary="Withdraw a consent or object to marketing, at once"
    )
    def post(self, request, purpose: str):
        created = services.consent_withdraw_by_user(actor=request.user, purpose=purpose, channel=_channel(request))
        return Response(RequestOut(created).data, status=status.HTTP_201_CREATED)


class ConsentGiveView(APIView):
    @extend_schema(request=None, responses={200: ConsentOut(many=True)}, summary="Give a consent again")
    def post(self, request, purpose: str):
        from qalan.core.consent import ConsentChannel

        channel = ConsentChannel.APP if _channel(request) == RequestChannel.APP else ConsentChannel.WEB
        services.consent_give_by_user(actor=request.user, purpose=purpose, channel=channel)
        return Response(ConsentOut(selectors.consents_for(viewer=request.user), many=True).data)


class RestrictionView(APIView):
    @extend_schema(responses={200: RestrictionIo}, summary="Whether other users are forbidden to see my data (6.5)")
    def get(self, request):
        return Response({"restricted": request.user.profile.restrict_dissemination})

    @extend_schema(
        request=RestrictionIo, responses={200: RestrictionIo}, summary="Forbid or allow showing my data to other users"
    )
    def put(self, request):
        data = RestrictionIo(data=request.data)
        data.is_valid(raise_exception=True)
        services.dissemination_restrict(
            actor=request.user, user=request.user, restricted=data.validated_data["restricted"]
        )
        request.user.profile.refresh_from_db()
        return Response({"restricted": request.user.profile.restrict_dissemination})


class WhoSeesView(APIView):
    @extend_schema(responses={200: WhoSeesOut}, summary="Who can see or received my data")
    def get(self, request):
        who = selectors.who_sees(viewer=request.user)
        return Response(WhoSeesOut({**who, "disclosures": selectors.disclosures_for(viewer=request.user)}).data)


class ExportView(APIView):
    @extend_schema(
        request=None, responses={201: ExportOut}, summary="A download link of my data (ZIP), valid for a short time"
    )
    def post(self, request):
        export, raw = services.export_create(actor=request.user, user=request.user)
        return Response(
            {"download_url": reverse("api:rights_export_file", args=[raw]), "expires_at": export.expires_at},
            status=status.HTTP_201_CREATED,
        )


class ExportFileView(APIView):
    @extend_schema(responses={(200, "application/zip"): OpenApiTypes.BINARY}, summary="Download my data (ZIP)")
    def get(self, request, token: str):
        export = services.export_open(viewer=request.user, token=token)
        if not export.is_live:
            return ErrorResponse(_("This link has expired. Ask for a new one."), status_code=410)
        response = StreamingHttpResponse(export_zip_stream(request.user), content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="{export_filename(request.user)}"'
        response["Cache-Control"] = "no-store"
        return response


class AccountDeletionView(APIView):
    @extend_schema(responses={200: RequestOut}, summary="My pending account deletion (404 when none)")
    def get(self, request):
        pending = selectors.account_deletion_pending(viewer=request.user)
        if pending is None:
            raise Http404
        return Response(RequestOut(pending).data)

    @extend_schema(
        request=DeletionIn,
        responses={201: RequestOut},
        summary="Delete my account after the cool-off period (password required)",
    )
    def post(self, request):
        data = DeletionIn(data=request.data)
        data.is_valid(raise_exception=True)
        created = services.account_deletion_request(
            actor=request.user,
            password=data.validated_data["password"],
            confirm=data.validated_data["confirm"],
            channel=_channel(request),
        )
        return Response(RequestOut(created).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: RequestOut}, summary="Cancel my account deletion during the cool-off")
    def delete(self, request):
        pending = selectors.account_deletion_pending(viewer=request.user)
        if pending is None:
            raise Http404
        return Response(RequestOut(services.account_deletion_cancel(actor=request.user, request=pending)).data)


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
