"""Accounts API for the mobile app: register, tokens per device, recovery, the profile."""

from axes.helpers import get_client_ip_address
from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import parsers, serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from qalan.accounts import selectors, services
from qalan.accounts.models import SELF_SERVICE_ROLES, DeviceSession, Profile, RecoveryCode, User
from qalan.core.api import ErrorResponse
from qalan.core.consent import ConsentChannel


class ClientFields(serializers.Serializer):
    device_name = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    platform = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    app_version = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")


class RegisterIn(ClientFields):
    username = serializers.CharField(max_length=40)
    phone = serializers.CharField(max_length=32)
    email = serializers.EmailField(required=False, allow_blank=True, default="")
    password = serializers.CharField(max_length=128, write_only=True, trim_whitespace=False)
    role = serializers.ChoiceField(choices=[r.value for r in SELF_SERVICE_ROLES], default="student")
    birth_date = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="Required for students (YYYY-MM-DD)."
    )
    guardian_contact = serializers.CharField(
        max_length=254,
        required=False,
        allow_blank=True,
        default="",
        help_text="For a child under the consent age: the parent's mobile number or e-mail.",
    )
    guardian_agreed = serializers.BooleanField(
        required=False, default=False, help_text="The child confirms the parent agreed to be contacted."
    )
    consent = serializers.BooleanField(
        help_text="Must be true: the user ticked the consent box for the current Privacy Policy version."
    )
    policy_version = serializers.CharField(max_length=20, required=False, help_text="The version shown to the user.")


class LoginIn(ClientFields):
    username = serializers.CharField(max_length=40)
    password = serializers.CharField(max_length=128, trim_whitespace=False)
    otp = serializers.CharField(
        max_length=20,
        required=False,
        allow_blank=True,
        default="",
        help_text="Two-factor code (6 digits from the authenticator app, or a recovery code). Required for "
        "staff accounts and accounts that turned two-factor sign-in on: without it the answer is 401 with "
        "code `otp_required`, with a wrong one 401 `otp_invalid`.",
    )


class ErrorOut(serializers.Serializer):
    message = serializers.CharField()
    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))
    code = serializers.CharField(
        required=False, help_text="otp_required, otp_invalid or otp_enrolment_required where it applies."
    )


class UserOut(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "username", "phone", "email", "role", "date_joined"]


class TokenOut(serializers.Serializer):
    token = serializers.CharField(help_text="Send as `Authorization: Bearer <token>`. Shown only once.")
    session_id = serializers.IntegerField()
    user = UserOut()


class DeviceSessionOut(serializers.ModelSerializer):
    current = serializers.SerializerMethodField()

    class Meta:
        model = DeviceSession
        fields = ["id", "kind", "device_name", "platform", "app_version", "created_at", "last_used_at", "current"]

    def get_current(self, obj) -> bool:
        return obj.pk == getattr(self.context.get("current"), "pk", None)


class ProfileData(serializers.ModelSerializer):
    class Meta:
        model = Profile
        fields = ["full_name", "grade", "school", "birth_date", "about", "language"]
        extra_kwargs = {name: {"required": False} for name in fields}


class MeOut(serializers.Serializer):
    user = UserOut()
    profile = ProfileData()
    has_avatar = serializers.BooleanField()


class MeIn(ProfileData):
    email = serializers.EmailField(required=False, allow_blank=True)
    confirm_sensitive = serializers.BooleanField(
        required=False, default=False, help_text="Save an 'about' text that looks sensitive as confidential (P3.4)."
    )

    class Meta(ProfileData.Meta):
        fields = [*ProfileData.Meta.fields, "email", "confirm_sensitive"]


def _client(request, data) -> services.ClientInfo:
    return services.ClientInfo(
        user_agent=request.META.get("HTTP_USER_AGENT", ""),
        ip_address=get_client_ip_address(request._request),
        device_name=data.get("device_name", ""),
        platform=data.get("platform", ""),
        app_version=data.get("app_version", ""),
    )


def _token_response(user, session, raw, code=status.HTTP_200_OK):
    return Response({"token": raw, "session_id": session.pk, "user": UserOut(user).data}, status=code)


class RegisterView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "register"

    @extend_schema(request=RegisterIn, responses={201: TokenOut}, summary="Create an account (consent required)")
    def post(self, request):
        data = RegisterIn(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        user = services.user_register(
            username=values["username"],
            phone=values["phone"],
            email=values["email"],
            password=values["password"],
            role=values["role"],
            consent=values["consent"],
            channel=ConsentChannel.APP,
            birth_date=values["birth_date"],
            guardian_contact=values["guardian_contact"],
            guardian_agreed=values["guardian_agreed"],
            evidence={
                "api": "POST /api/v1/auth/register",
                "policy_version_shown": values.get("policy_version", ""),
                "app_version": values.get("app_version", ""),
            },
        )
        session, raw = services.device_session_start(
            user=user, kind=DeviceSession.Kind.APP, client=_client(request, values)
        )
        return _token_response(user, session, raw, status.HTTP_201_CREATED)


class TokenView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(
        request=LoginIn,
        responses={200: TokenOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 429: ErrorOut},
        summary="Sign in: a bearer token for this device (with the two-factor code where required)",
    )
    def post(self, request):
        data = LoginIn(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        # The underlying HttpRequest: django-axes counts failures and locks on it, as on the web.
        user = authenticate(request._request, username=values["username"], password=values["password"])
        if user is None:
            return ErrorResponse(
                _("Wrong username or password. Check them, or recover your password."), status_code=400
            )
        refusal = services.sign_in_refusal(user)
        if refusal:
            return ErrorResponse(refusal, status_code=403)
        second_factor = self._second_factor(request, user, values["otp"])
        if second_factor is not None:
            return second_factor
        session, raw = services.device_session_start(
            user=user, kind=DeviceSession.Kind.APP, client=_client(request, values)
        )
        return _token_response(user, session, raw)

    @staticmethod
    def _second_factor(request, user, code: str) -> Response | None:
        """None when the sign-in may go on; else the refusal (contract: otp_required / otp_invalid)."""
        if selectors.otp_device_confirmed(viewer=user) is None:
            if not services.otp_required(user):
                return None
            return ErrorResponse(
                _("Your role requires two-factor sign-in. Set it up on the website first."),
                status_code=403,
                code="otp_enrolment_required",
            )
        if not code.strip():
            message = _("Enter the code from your authenticator app.")
            return ErrorResponse(message, status_code=401, errors={"otp": [message]}, code="otp_required")
        request._request.qalan_otp_step = True  # the lockout message then speaks of codes
        try:
            services.otp_verify(user=user, code=code)
        except ValidationError as exc:
            if services.sign_in_failed(request=request._request, username=user.username):
                # django-axes' middleware answers 429 instead of this response.
                services.otp_lockout_alarm(user=user)
            messages = exc.message_dict.get("otp", exc.messages)
            return ErrorResponse(messages[0], status_code=401, errors={"otp": messages}, code="otp_invalid")
        return None


class LogoutView(APIView):
    @extend_schema(request=None, responses={204: None}, summary="Sign out this device (revoke its token)")
    def post(self, request):
        if isinstance(request.auth, DeviceSession):
            services.device_session_revoke(actor=request.user, session=request.auth)
        return Response(status=status.HTTP_204_NO_CONTENT)


class SessionListView(APIView):
    @extend_schema(responses={200: DeviceSessionOut(many=True)}, summary="My signed-in devices")
    def get(self, request):
        sessions = selectors.device_sessions_for(viewer=request.user)
        return Response(DeviceSessionOut(sessions, many=True, context={"current": request.auth}).data)


class SessionDetailView(APIView):
    @extend_schema(responses={204: None}, summary="Sign out one of my devices")
    def delete(self, request, session_id: int):
        session = selectors.device_session_get(viewer=request.user, session_id=session_id)
        services.device_session_revoke(actor=request.user, session=session)
        return Response(status=status.HTTP_204_NO_CONTENT)


class RecoveryRequestIn(serializers.Serializer):
    identifier = serializers.CharField(max_length=40, help_text="Username or phone number")
    channel = serializers.ChoiceField(choices=RecoveryCode.Channel.values, default=RecoveryCode.Channel.SMS)


class RecoveryConfirmIn(serializers.Serializer):
    identifier = serializers.CharField(max_length=40)
    code = serializers.CharField(max_length=6, min_length=6)
    new_password = serializers.CharField(max_length=128, trim_whitespace=False)


class MessageOut(serializers.Serializer):
    message = serializers.CharField()


class RecoveryRequestView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "recovery"

    @extend_schema(request=RecoveryRequestIn, responses={202: MessageOut}, summary="Send a recovery code")
    def post(self, request):
        data = RecoveryRequestIn(data=request.data)
        data.is_valid(raise_exception=True)
        services.recovery_request(**data.validated_data)
        return Response({"message": services.recovery_notice()}, status=status.HTTP_202_ACCEPTED)


class RecoveryConfirmView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "recovery"

    @extend_schema(request=RecoveryConfirmIn, responses={200: MessageOut}, summary="Set a new password with the code")
    def post(self, request):
        data = RecoveryConfirmIn(data=request.data)
        data.is_valid(raise_exception=True)
        services.recovery_confirm(**data.validated_data)
        return Response({"message": _("Your password was changed. Sign in with the new password.")})


def _me(user) -> dict:
    return {
        "user": UserOut(user).data,
        "profile": ProfileData(user.profile).data,
        "has_avatar": bool(user.profile.avatar),
    }


class MeView(APIView):
    @extend_schema(responses={200: MeOut}, summary="My account and profile")
    def get(self, request):
        return Response(_me(request.user))

    @extend_schema(request=MeIn, responses={200: MeOut}, summary="Update my profile (empty value removes a field)")
    def patch(self, request):
        data = MeIn(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        services.profile_update(actor=request.user, user=request.user, data=dict(data.validated_data))
        request.user.refresh_from_db()
        return Response(_me(request.user))


class AvatarIn(serializers.Serializer):
    avatar = serializers.FileField()


class AvatarView(APIView):
    parser_classes = [parsers.MultiPartParser, parsers.FormParser]

    @extend_schema(responses={(200, "image/jpeg"): bytes}, summary="My avatar (JPEG)")
    def get(self, request):
        avatar = request.user.profile.avatar
        if not avatar:
            raise Http404
        return FileResponse(avatar.open("rb"), content_type="image/jpeg")

    @extend_schema(request=AvatarIn, responses={200: MeOut}, summary="Upload my avatar (re-encoded, metadata removed)")
    def put(self, request):
        data = AvatarIn(data=request.data)
        data.is_valid(raise_exception=True)
        services.avatar_set(actor=request.user, user=request.user, upload=data.validated_data["avatar"])
        return Response(_me(request.user))

    @extend_schema(request=None, responses={200: MeOut}, summary="Remove my avatar")
    def delete(self, request):
        services.avatar_remove(actor=request.user, user=request.user)
        return Response(_me(request.user))


class PhoneChangeIn(serializers.Serializer):
    new_phone = serializers.CharField(max_length=32)


class PhoneConfirmIn(serializers.Serializer):
    code = serializers.CharField(max_length=6, min_length=6)


class PhoneChangeView(APIView):
    @extend_schema(
        request=PhoneChangeIn, responses={202: MessageOut}, summary="Change my phone: send a code to the new number"
    )
    def post(self, request):
        data = PhoneChangeIn(data=request.data)
        data.is_valid(raise_exception=True)
        services.phone_change_request(actor=request.user, user=request.user, new_phone=data.validated_data["new_phone"])
        return Response({"message": _("We sent a code to the new number.")}, status=status.HTTP_202_ACCEPTED)


class PhoneConfirmView(APIView):
    @extend_schema(request=PhoneConfirmIn, responses={200: MeOut}, summary="Confirm my new phone with the code")
    def post(self, request):
        data = PhoneConfirmIn(data=request.data)
        data.is_valid(raise_exception=True)
        services.phone_change_confirm(actor=request.user, user=request.user, code=data.validated_data["code"])
        return Response(_me(request.user))
