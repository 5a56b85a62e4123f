"""Privacy API: the policy in force and the operator contact form."""

from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from qalan.privacy import selectors, services
from qalan.privacy.models import Inquiry, PolicyVersion
from django.conf import settings
from django.http import Http404


class PolicyOut(serializers.ModelSerializer):
    class Meta:
        model = PolicyVersion
        fields = ["version", "last_updated", "effective_from", "language", "is_material", "body"]


class OperatorOut(serializers.Serializer):
    name = serializers.CharField()
    address = serializers.CharField()
    email = serializers.CharField()
    authority = serializers.CharField()
    data_region = serializers.CharField()


class InquiryIn(serializers.ModelSerializer):
    class Meta:
        model = Inquiry
        fields = ["name", "contact", "topic", "message"]


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
                "name": operator["name"],
                "address": operator["address"],
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
                "message": _("Your message reached the person responsible for personal data. "
                             "You will get an answer within 20 business days at most."),
            },
            status=status.HTTP_201_CREATED,
        )
