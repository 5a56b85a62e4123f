from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from qalan.accounts.models import DeviceSession, Profile, TOTPDevice, User
from qalan.accounts.services import device_sessions_revoke_all, otp_reset, password_change_handled


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "role", "is_active", "date_joined"]
    list_filter = ["role", "is_active", "is_staff"]
    search_fields = ["username"]
    ordering = ["username"]
    inlines = [ProfileInline]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        ("Contact", {"fields": ["phone", "email"]}),
        ("Role", {"fields": ["role", "is_active", "is_staff", "is_superuser", "groups"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["username", "phone", "role", "password1", "password2"]})]

    def user_change_password(self, request, id, form_url=""):
        """A password set here ends every app token and other browser of the account, as a
        password change by its owner does (the admin's own browser stays signed in)."""
        user = self.get_object(request, unquote(id))
        before = user.password if user is not None else None
        with password_change_handled():
            response = super().user_change_password(request, id, form_url)
        if user is not None and request.method == "POST":
            user.refresh_from_db(fields=["password"])
            if user.password != before:
                keep = getattr(request, "device_session", None) if user.pk == request.user.pk else None
                device_sessions_revoke_all(actor=request.user, user=user, keep=keep)
        return response


@admin.register(DeviceSession)
class DeviceSessionAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "platform", "last_used_at", "revoked_at"]
    list_filter = ["kind"]
    exclude = ["token_hash"]
    readonly_fields = [
        "user",
        "kind",
        "device_name",
        "platform",
        "app_version",
        "user_agent",
        "ip_address",
        "created_at",
        "last_used_at",
    ]


@admin.register(TOTPDevice)
class TOTPDeviceAdmin(admin.ModelAdmin):
    """Deleting a device is the reset for a lost phone: it goes through the service (audited,
    the account signed out everywhere, told by a security notice)."""

    list_display = ["user", "confirmed_at", "last_used_at", "failures"]
    exclude = ["secret_encrypted"]
    readonly_fields = ["user", "created_at", "confirmed_at", "last_step", "last_used_at", "failures"]

    def has_add_permission(self, request):
        return False

    def delete_model(self, request, obj):
        otp_reset(actor=request.user, user=obj.user)

    def delete_queryset(self, request, queryset):
        for device in queryset.select_related("user"):
            otp_reset(actor=request.user, user=device.user)
