"""Web views of accounts: register, sign in/out (with the second factor), profile, avatar,
devices, recovery, two-factor settings."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from qalan.accounts import selectors, services, totp
from qalan.accounts.forms import (
    AvatarForm,
    LoginForm,
    OTPCodeForm,
    PasswordChangeForm,
    PhoneChangeForm,
    PhoneConfirmForm,
    ProfileForm,
    RecoveryConfirmForm,
    RecoveryRequestForm,
    RegistrationForm,
)
from qalan.accounts.middleware import OTP_PENDING_KEY, OTP_VERIFIED_KEY
from qalan.accounts.models import Profile, User
from qalan.accounts.navigation import start_page
from qalan.core import hooks
from qalan.core.consent import ConsentChannel
from qalan.core.feedback import apply_service_errors, error_messages
from qalan.core.redirects import safe_next

RECOVERY_SESSION_KEY = "qalan_recovery_identifier"


def lockout_response(request, original_response=None, credentials=None):
    """Axes calls this when a username is locked: the same rule for the web and the API."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    if getattr(request, "qalan_otp_step", False):
        message = ngettext(
            "Too many wrong codes. Sign-in for this username is blocked for %(minutes)s minute. "
            "Wait, then use the current code from your app or a recovery code.",
            "Too many wrong codes. Sign-in for this username is blocked for %(minutes)s minutes. "
            "Wait, then use the current code from your app or a recovery code.",
            minutes,
        ) % {"minutes": minutes}
    else:
        message = ngettext(
            "Too many wrong passwords. Sign-in for this username is blocked for %(minutes)s minute. "
            "Wait, or recover your password.",
            "Too many wrong passwords. Sign-in for this username is blocked for %(minutes)s minutes. "
            "Wait, or recover your password.",
            minutes,
        ) % {"minutes": minutes}
    if request.path.startswith("/api/"):
        return JsonResponse({"message": message, "errors": {}}, status=429, headers={"Retry-After": str(minutes * 60)})
    return render(request, "accounts/locked_out.html", {"message": message}, status=429)


@never_cache
def register(request):
    if request.user.is_authenticated:
        return redirect(start_page(request.user))
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.user_register(
                username=data["username"],
                phone=data["phone"],
                email=data["email"],
                password=data["password"],
                role=data["role"],
                consent=data["consent"],
                channel=ConsentChannel.WEB,
                evidence={"user_agent": request.META.get("HTTP_USER_AGENT", "")[:300]},
                birth_date=data["birth_date"],
                guardian_contact=data["guardian_contact"],
                guardian_agreed=data["guardian_agreed"],
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            login(request, user, backend="qalan.accounts.backends.ProfileModelBackend")
            messages.success(request, _("Welcome to Qalan! Your account is ready."))
            return redirect(start_page(user))
    elif request.method == "POST" and not form.cleaned_data.get("consent"):
        form.add_error("consent", _("To register, tick the box to consent to the processing of your personal data."))
    return render(
        request, "accounts/register.html", {"form": form, "policy": hooks.ask(hooks.policy_current, sender="accounts")}
    )


@never_cache
def login_view(request):
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = authenticate(request, username=form.cleaned_data["username"], password=form.cleaned_data["password"])
        if user is None:
            form.add_error(None, _("Wrong username or password. Check them, or recover your password."))
        elif refusal := services.sign_in_refusal(user):
            form.add_error(None, refusal)
        elif selectors.otp_device_confirmed(viewer=user) is not None:
            # Not signed in yet: the session only remembers whose code to ask for, briefly.
            request.session[OTP_PENDING_KEY] = {
                "user": user.pk,
                "backend": user.backend,
                "until": time.time() + settings.QALAN_OTP_PENDING_SECONDS,
                "next": safe_next(request, start_page(user)),
            }
            return redirect("accounts:login_otp")
        else:
            login(request, user)
            if services.otp_required(user):
                return redirect("accounts:otp")
            return redirect(safe_next(request, start_page(user)))
    return render(request, "accounts/login.html", {"form": form, "next": request.GET.get("next", "")})


@never_cache
def login_otp(request):
    """The second sign-in step: a code from the authenticator app or a recovery code."""
    pending = request.session.get(OTP_PENDING_KEY)
    user = None
    if pending and pending.get("until", 0) > time.time():
        user = User.objects.filter(pk=pending.get("user"), is_active=True).first()
    if user is None:
        request.session.pop(OTP_PENDING_KEY, None)
        if pending:
            messages.info(request, _("The sign-in took too long. Enter your password again."))
        return redirect("accounts:login")
    request.qalan_otp_step = True  # the lockout page then speaks of codes, not passwords
    if services.sign_in_locked(request=request, username=user.username):
        request.session.pop(OTP_PENDING_KEY, None)
        return lockout_response(request)
    form = OTPCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            kind = services.otp_verify(user=user, code=form.cleaned_data["code"])
        except ValidationError as exc:
            apply_service_errors(form, exc)
            if services.sign_in_failed(request=request, username=user.username):
                # The lockout page replaces this response (django-axes' middleware).
                request.session.pop(OTP_PENDING_KEY, None)
                services.otp_lockout_alarm(user=user)
        else:
            del request.session[OTP_PENDING_KEY]
            login(request, user, backend=pending["backend"])  # a new session key
            request.session[OTP_VERIFIED_KEY] = True
            if kind == "recovery":
                left = selectors.otp_recovery_codes_left(viewer=user)
                messages.warning(
                    request,
                    ngettext(
                        "You signed in with a recovery code. %(left)s code is left: make new ones in "
                        "two-factor settings.",
                        "You signed in with a recovery code. %(left)s codes are left: make new ones in "
                        "two-factor settings.",
                        left,
                    )
                    % {"left": left},
                )
            return redirect(safe_next(request, pending.get("next") or start_page(user)))
    return render(request, "accounts/login_otp.html", {"form": form})


def admin_login(request, extra_context=None):
    """The administration site signs in through the same two steps as the rest of the site."""
    target = request.GET.get("next") or reverse("admin:index")
    return redirect(f"{reverse('accounts:login')}?{urlencode({'next': target})}")


@login_required
@never_cache
def otp_settings(request):
    """Two-factor sign-in: enrol (QR code, the secret for typing in, the first code), then the
    recovery codes once; later renew the codes or, if the role allows, turn it off."""
    user = request.user
    device = selectors.otp_device_confirmed(viewer=user)
    form = OTPCodeForm(request.POST or None)
    if device is None:
        pending = services.otp_enrolment_start(actor=user, user=user)
        if request.method == "POST" and form.is_valid():
            try:
                codes = services.otp_enrolment_confirm(
                    actor=user,
                    user=user,
                    code=form.cleaned_data["code"],
                    keep=getattr(request, "device_session", None),
                )
            except ValidationError as exc:
                apply_service_errors(form, exc)
            else:
                request.session.cycle_key()
                request.session[OTP_VERIFIED_KEY] = True
                return render(request, "accounts/otp_codes.html", {"codes": codes, "enrolled": True})
        secret = services.otp_secret(pending)
        return render(
            request,
            "accounts/otp_enrol.html",
            {
                "form": form,
                "qr_svg": totp.qr_svg(totp.provisioning_uri(secret=secret, username=user.username)),
                "secret_groups": totp.secret_groups(secret),
                "required": services.otp_required(user),
            },
        )
    if request.method == "POST" and form.is_valid():
        action = request.POST.get("action")
        try:
            if action == "disable":
                services.otp_disable(actor=user, user=user, code=form.cleaned_data["code"])
            else:
                codes = services.otp_recovery_codes_renew(actor=user, user=user, code=form.cleaned_data["code"])
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            if action == "disable":
                request.session.pop(OTP_VERIFIED_KEY, None)
                messages.success(request, _("Two-factor sign-in is off."))
                return redirect("accounts:profile")
            return render(request, "accounts/otp_codes.html", {"codes": codes, "enrolled": False})
    return render(
        request,
        "accounts/otp_status.html",
        {
            "form": form,
            "device": device,
            "codes_left": selectors.otp_recovery_codes_left(viewer=user),
            "required": services.otp_required(user),
        },
    )


@require_POST
def logout_view(request):
    logout(request)
    messages.info(request, _("You have signed out."))
    return redirect("web:home")


@login_required
def profile(request):
    user = request.user
    # A separate copy: validating a ModelForm writes into its instance, and the service must
    # see the stored values to know what changed.
    form = ProfileForm(request.POST or None, instance=Profile.objects.get(user=user), initial={"email": user.email})
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in ProfileForm.Meta.fields}
        data["email"] = form.cleaned_data["email"]
        data["confirm_sensitive"] = form.cleaned_data["confirm_sensitive"]
        try:
            services.profile_update(actor=user, user=user, data=data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("Profile saved."))
            response = redirect("accounts:profile")
            if data["language"]:
                # The web app sets the cookie, for as long as the visitor's cookie choice allows.
                hooks.language_chosen.send(
                    sender="accounts", request=request, response=response, language=data["language"]
                )
            return response
    return render(request, "accounts/profile.html", {"form": form, "avatar_form": AvatarForm()})


@login_required
@require_POST
def avatar_upload(request):
    form = AvatarForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.avatar_set(actor=request.user, user=request.user, upload=form.cleaned_data["avatar"])
        except ValidationError as exc:
            error_messages(request, exc)
        else:
            messages.success(request, _("Photo saved."))
    else:
        for error in form.errors.get("avatar", []):
            messages.error(request, error)
    return redirect("accounts:profile")


@login_required
@require_POST
def avatar_remove(request):
    services.avatar_remove(actor=request.user, user=request.user)
    messages.success(request, _("Photo removed."))
    return redirect("accounts:profile")


@login_required
def avatar_image(request, user_id: int):
    owner = selectors.avatar_owner_get(viewer=request.user, user_id=user_id)
    avatar = owner.profile.avatar
    if not avatar:
        raise Http404
    response = FileResponse(avatar.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=300"
    return response


@login_required
def devices(request):
    current = getattr(request, "device_session", None)
    return render(
        request,
        "accounts/devices.html",
        {"devices": selectors.device_sessions_for(viewer=request.user), "current": current},
    )


@login_required
@require_POST
def device_revoke(request, session_id: int):
    device = selectors.device_session_get(viewer=request.user, session_id=session_id)
    services.device_session_revoke(actor=request.user, session=device)
    messages.success(request, _("The device was signed out."))
    return redirect("accounts:devices")


@login_required
@require_POST
def devices_revoke_others(request):
    count = services.device_sessions_revoke_all(
        actor=request.user, user=request.user, keep=getattr(request, "device_session", None)
    )
    messages.success(
        request,
        ngettext("Signed out on %(count)s other device.", "Signed out on %(count)s other devices.", count)
        % {"count": count},
    )
    return redirect("accounts:devices")


@login_required
def password_change(request):
    form = PasswordChangeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.password_change(
                actor=request.user,
                user=request.user,
                new_password=form.cleaned_data["new_password"],
                keep=getattr(request, "device_session", None),
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            update_session_auth_hash(request, request.user)
            messages.success(request, _("Password changed."))
            return redirect("accounts:profile")
    return render(request, "accounts/password_change.html", {"form": form})


@never_cache
def recovery_request(request):
    form = RecoveryRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.recovery_request(identifier=form.cleaned_data["identifier"], channel=form.cleaned_data["channel"])
        # Kept in the session, never in the URL: it may be a phone number.
        request.session[RECOVERY_SESSION_KEY] = form.cleaned_data["identifier"]
        return redirect("accounts:recovery_confirm")
    return render(request, "accounts/recovery_request.html", {"form": form})


@never_cache
def recovery_confirm(request):
    identifier = request.session.get(RECOVERY_SESSION_KEY)
    if not identifier:
        return redirect("accounts:recovery_request")
    form = RecoveryConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.recovery_confirm(
                identifier=identifier, code=form.cleaned_data["code"], new_password=form.cleaned_data["new_password"]
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            del request.session[RECOVERY_SESSION_KEY]
            messages.success(request, _("Your password was changed. Sign in with the new password."))
            return redirect("accounts:login")
    return render(request, "accounts/recovery_confirm.html", {"form": form, "notice": services.recovery_notice()})


def lockout_username(request, credentials=None) -> str | None:
    """AXES_USERNAME_CALLABLE: the lockout counts per canonical username (case-folded), the
    way sign-in finds the account, on the web and the API."""
    if credentials and "username" in credentials:
        raw = credentials.get("username")
    else:
        data = getattr(request, "data", None) or getattr(request, "POST", {})
        raw = data.get("username") if hasattr(data, "get") else None
    return services.lockout_username(raw)


def lockout_client_str(username, ip_address, user_agent, path_info, request) -> str:
    """How django-axes names a client in its log lines: a pseudonym, never the username or IP."""
    from django.utils.crypto import salted_hmac

    pseudonym = salted_hmac("qalan.axes-log", (username or "").lower()).hexdigest()[:12]
    return f"{{user: {pseudonym}, path: {path_info}}}"


@login_required
def phone_change(request):
    """Step 1: the new number; step 2 (same page): the code sent to it."""
    request_form = PhoneChangeForm(request.POST if request.POST.get("step") == "request" else None)
    confirm_form = PhoneConfirmForm(request.POST if request.POST.get("step") == "confirm" else None)
    if request.method == "POST" and request.POST.get("step") == "request" and request_form.is_valid():
        try:
            services.phone_change_request(
                actor=request.user, user=request.user, new_phone=request_form.cleaned_data["new_phone"]
            )
        except ValidationError as exc:
            apply_service_errors(request_form, exc)
        else:
            messages.info(request, _("We sent a code to the new number. Enter it below."))
            return redirect("accounts:phone_change")
    if request.method == "POST" and request.POST.get("step") == "confirm" and confirm_form.is_valid():
        try:
            services.phone_change_confirm(actor=request.user, user=request.user, code=confirm_form.cleaned_data["code"])
        except ValidationError as exc:
            apply_service_errors(confirm_form, exc)
        else:
            messages.success(request, _("Your phone number was changed."))
            return redirect("accounts:profile")
    pending = request.user.phone_changes.filter(confirmed_at__isnull=True, expires_at__gt=timezone.now()).exists()
    return render(
        request,
        "accounts/phone_change.html",
        {"request_form": request_form, "confirm_form": confirm_form, "pending": pending},
    )
