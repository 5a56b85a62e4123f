"""Privacy API: the policy in force and the operator contact form."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from qalan.core.consent import ConsentPurpose
from qalan.privacy import selectors, services
from qalan.privacy.models import Inquiry, PolicyVersion


class PolicyOut(serializers.ModelSerializer):
    class Meta:
        model = PolicyVersion
        fields = ["version", "last_updated", "effective_from", "language", "is_material", "summary_of_changes", "body"]


class PolicySummaryOut(serializers.ModelSerializer):
    class Meta:
        model = PolicyVersion
        fields = ["version", "last_updated", "effective_from", "is_material", "summary_of_changes"]


class PolicyStatusOut(serializers.Serializer):
    pending = PolicySummaryOut(
        allow_null=True, help_text="A material change waiting for the user's answer; show it prominently."
    )


class PolicyAcceptIn(serializers.Serializer):
    version = serializers.CharField(max_length=20)


class OperatorOut(serializers.Serializer):
    name = serializers.CharField()
    address = serializers.CharField()
    email = serializers.CharField()
    authority = serializers.CharField()
    data_region = serializers.CharField()


class InquiryIn(serializers.ModelSerializer):
    confirm_sensitive = serializers.BooleanField(required=False, default=False)

    class Meta:
        model = Inquiry
        fields = ["name", "contact", "topic", "message", "confirm_sensitive"]


class InquiryOut(serializers.Serializer):
    id = serializers.IntegerField()
    message = serializers.CharField()


class PolicyView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(responses={200: PolicyOut}, summary="The Privacy Policy in force")
    def get(self, request):
        current = selectors.policy_current()
        if current is None:
            raise Http404
        return Response(PolicyOut(current).data)


class OperatorView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(responses={200: OperatorOut}, summary="The personal-data operator and where data is stored")
    def get(self, request):
        operator = settings.QALAN_OPERATOR
        return Response(
            {
                "name": str(operator["name"]),
                "address": str(operator["address"]),
                "email": operator["email"],
                "authority": str(operator["authority"]),
                "data_region": settings.QALAN_DATA_REGION,
            }
        )


class ContactView(APIView):
    permission_classes = [AllowAny]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "contact"

    @extend_schema(request=InquiryIn, responses={201: InquiryOut}, summary="Write to the data protection officer")
    def post(self, request):
        data = InquiryIn(data=request.data)
        data.is_valid(raise_exception=True)
        inquiry = services.inquiry_submit(user=request.user, language=get_language() or "", **data.validated_data)
        return Response(
            {
                "id": inquiry.pk,
                "message": _(
                    "Your message reached the person responsible for personal data. "
                    "You will get an answer within 20 business days at most."
                ),
            },
            status=status.HTTP_201_CREATED,
        )


class PolicyVersionsView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(responses={200: PolicySummaryOut(many=True)}, summary="Every published version of the policy")
    def get(self, request):
        return Response(PolicySummaryOut(selectors.policy_versions(), many=True).data)


class PolicyStatusView(APIView):
    @extend_schema(
        responses={200: PolicyStatusOut}, summary="Is a policy change waiting for my answer? (shows the notice)"
    )
    def get(self, request):
        pending = selectors.policy_notice_pending(user=request.user)
        if pending is not None:
            services.policy_notice_shown(user=request.user, policy=pending, channel="app")
        return Response({"pending": PolicySummaryOut(pending).data if pending else None})


class PolicyAcceptView(APIView):
    @extend_schema(
        request=PolicyAcceptIn, responses={200: PolicyStatusOut}, summary="Accept the announced policy version"
    )
    def post(self, request):
        data = PolicyAcceptIn(data=request.data)
        data.is_valid(raise_exception=True)
        pending = selectors.policy_notice_pending(user=request.user)
        if pending is None or pending.version != data.validated_data["version"]:
            raise ValidationError(
                {
                    "version": [
                        _("This version is not waiting for your answer. Check GET /api/v1/privacy/policy/status.")
                    ]
                }
            )
        services.policy_accept(user=request.user, policy=pending, channel="app")
        return Response({"pending": None})


class ConsentStateOut(serializers.Serializer):
    purpose = serializers.CharField()
    label = serializers.CharField()
    in_force = serializers.BooleanField()
    changed_at = serializers.DateTimeField(allow_null=True)


class ConsentChangeIn(serializers.Serializer):
    action = serializers.ChoiceField(choices=["give", "withdraw"])


def _consent_states(user) -> list[dict]:
    return selectors.consent_states(user=user)


class ConsentListView(APIView):
    @extend_schema(responses={200: ConsentStateOut(many=True)}, summary="My consents per purpose (from the ledger)")
    def get(self, request):
        return Response(ConsentStateOut(_consent_states(request.user), many=True).data)


class ConsentChangeView(APIView):
    @extend_schema(
        request=ConsentChangeIn, responses={200: ConsentStateOut(many=True)}, summary="Give or withdraw a consent"
    )
    def post(self, request, purpose: str):
        if purpose not in ConsentPurpose.values:
            raise ValidationError(
                {
                    "purpose": [
                        _("Unknown purpose. Use one of: %(purposes)s.") % {"purposes": ", ".join(ConsentPurpose.values)}
                    ]
                }
            )
        data = ConsentChangeIn(data=request.data)
        data.is_valid(raise_exception=True)
        if purpose == ConsentPurpose.PLATFORM and data.validated_data["action"] == "withdraw":
            # Without it the account cannot be used: the consequence is shown and the choice made
            # through account deletion (with its cool-off), not by a bare switch.
            raise ValidationError(
                {
                    "purpose": [
                        _(
                            "Withdrawing consent to use the platform means deleting your account: learning "
                            "materials and history are lost, payments stay archived for the legal period. "
                            "Use POST /api/v1/privacy/account-deletion."
                        )
                    ]
                }
            )
        change = services.consent_give if data.validated_data["action"] == "give" else services.consent_withdraw
        if (data.validated_data["action"] == "give") != selectors.consent_in_force(user=request.user, purpose=purpose):
            change(
                user=request.user,
                actor=request.user,
                purpose=purpose,
                channel="app",
                evidence={"api": f"POST /api/v1/privacy/consents/{purpose}"},
            )
        return Response(ConsentStateOut(_consent_states(request.user), many=True).data)


class ChildConsentListView(APIView):
    @extend_schema(responses={200: ConsentStateOut(many=True)}, summary="A linked child's consents (parents only)")
    def get(self, request, child_id: int):
        from qalan.privacy.selectors import guardian_child

        child = guardian_child(viewer=request.user, child_id=child_id)
        return Response(ConsentStateOut(_consent_states(child), many=True).data)
