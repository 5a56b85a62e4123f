"""Rights API for the mobile app: the privacy centre (the person's own data, requests, consents,
restriction, export, account deletion) and outside requests. The DPO's tools are in ``dpo_api``."""

from django.core.signing import BadSignature
from django.http import Http404, StreamingHttpResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.fields import empty
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from qalan.core.api import ErrorResponse
from qalan.core.consent import ConsentPurpose
from qalan.rights import selectors, services

# --- Serializers --------------------------------------------------------------------------
from qalan.rights.export import export_filename, export_zip_stream
from qalan.rights.models import DataRequest, RequestChannel, RequestEvent, RequestKind
from qalan.rights.report import data_sections


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
